package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The end of the lease, the story's last part ({@link StoryE2E} steps 1–5 come first): both
 * environments are removed, then the distribution board, and nothing enters them afterwards. It
 * runs after every other class of the run, which create their own hardware, tickets and media in
 * environments still in service. The steps are {@link StoryRemoval}'s.
 */
@Order(20)
@DisplayName("The end of the lease, end to end")
class StoryRemovalE2E {

    @Test
    @Order(6)
    @DisplayName(
            "6. STAGING to REMOVED through end of use, fallback (R-RM-2) and every blocker; PRODUCTION needs the vendor's copies confirmed and an archive built after the last accepted evidence, with JPO's receipt (R-RM-4)")
    void step6() {
        StoryRemoval.step6Removal();
    }

    @Test
    @Order(7)
    @DisplayName(
            "R-LC-8: the distribution board removed on 2031-04-14, after the removal deadline: a breach (not removed, then removed late) in the overview, the deadlines, the readiness and the archive's removal-breaches.json; a late-removal reason does not clear it")
    void R_LC_8_removal_after_the_deadline_is_a_breach() {
        StoryRemoval.sharedRemovedAfterTheDeadline();
    }

    @Test
    @Order(8)
    @DisplayName(
            "7. every environment CLOSED after both environments and SHARED were removed; CLOSED needs empty readiness; nothing new enters a removed environment (R-RM-1, R-RM-3)")
    void step7() {
        StoryRemoval.step7SharedAndClosed();
    }

    @Test
    @Order(9)
    @DisplayName("8. every service's audit chain verifies afterwards")
    void step8() {
        for (String svc : Suite.SERVICES) {
            var verify =
                    Api.as(Tokens.AUDITOR, svc)
                            .get("/audit/verify")
                            .then()
                            .statusCode(200)
                            .extract();
            assertThat(verify.<Boolean>path("valid"))
                    .as(svc + " /audit/verify: " + verify.asString())
                    .isTrue();
            assertThat(verify.<Integer>path("entriesChecked"))
                    .as(svc + " audited entries")
                    .isPositive();
        }
    }
}
