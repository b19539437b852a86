package io.kiban.e2e;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The whole lease, end to end (issue #8): the four packaged services, real Keycloak tokens, HTTP only.
 * Each step continues from the state the earlier ones left ({@link StoryState}); the steps live in
 * one class per part of the suite. The end of the lease (removal of both environments and the distribution
 * board) is {@link StoryRemovalE2E}, the last class of the run: after it no environment accepts new items
 * (R-RM-1/R-RM-3), and the adversarial story, the matrix and the drills create theirs in between.
 * {@code -Dtest='Story*E2E'} runs the story alone.
 */
@Order(1)
@DisplayName("The whole lease, end to end")
class StoryE2E {

    @Test
    @Order(1)
    @DisplayName("1. baseline conformance; hardware and media registered and delivered, one line late with an approved SHORTAGE extension")
    void step1() {
        StoryLedger.step1BaselineAndDeliveries();
    }

    @Test
    @Order(2)
    @DisplayName("2. SBOM, end-of-life and OSV imports, a confirmed and applied plan; R-SEC-1 handler approval and removal")
    void step2() {
        StoryLedger.step2SoftwareAndHandlers();
    }

    @Test
    @Order(3)
    @DisplayName("3. backup policies on both arrays (velero and http drivers), runs, a failure, the RPO report")
    void step3() {
        StoryBackups.step3Backups();
    }

    @Test
    @Order(4)
    @DisplayName("4. an S2 ticket, an SSD swap, closing refused until DESTROY evidence is accepted (R-MT-6); another vendor sees nothing")
    void step4() {
        StoryTickets.step4TicketAndDestruction();
    }

    @Test
    @Order(5)
    @DisplayName("5. a vendor-caused delay deducted pro rata; the xlsx exports open with POI and carry Reiwa dates")
    void step5() {
        StoryLease.step5DelayAndExports();
    }
}
