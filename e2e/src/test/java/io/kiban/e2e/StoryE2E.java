package io.kiban.e2e;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The whole lease, end to end (issue #8): the four packaged services, real Keycloak tokens, HTTP
 * only. Each step continues from the state the earlier ones left ({@link StoryState}); the steps
 * live in one class per part of the suite. The end of the lease (removal of both environments and
 * the distribution board) is {@link StoryRemovalE2E}, the last class of the run: after it no
 * environment accepts new items (R-RM-1/R-RM-3), and the adversarial story, the matrix and the
 * drills create theirs in between. After step 5 come the contract's obligations of issue 14, each a
 * step named by its rule id: the 別紙2 reports (R-LC-12), amendments that never reach a closed month
 * (R-LC-14), move the deliverables due relative to the online service start (R-LC-5/6) and that
 * asset-service follows (R-AS-4) — amended back to the contract as signed, so the later classes see
 * it unchanged —, the handler reconciler (R-SEC-1) and the vendor's copies (R-RM-4, security 8)),
 * two of which stay open for {@link StoryRemovalE2E} to settle. {@code -Dtest='Story*E2E'} runs the
 * story alone.
 */
@Order(1)
@DisplayName("The whole lease, end to end")
class StoryE2E {

    @Test
    @Order(1)
    @DisplayName(
            "1. baseline conformance; hardware and media registered and delivered, one line late with an approved SHORTAGE extension")
    void step1() {
        StoryLedger.step1BaselineAndDeliveries();
    }

    @Test
    @Order(2)
    @DisplayName(
            "R-LC-3: an extension approved after the line's deadline (2027-03-31) does not count → 422 naming R-LC-3; the line is unchanged")
    void R_LC_3_an_extension_approved_after_the_deadline_is_refused() {
        StoryLedger.lateExtensionRefused();
    }

    @Test
    @Order(3)
    @DisplayName(
            "2. SBOM, end-of-life and OSV imports, a confirmed and applied plan; R-SEC-1 handler approval and removal")
    void step2() {
        StoryLedger.step2SoftwareAndHandlers();
    }

    @Test
    @Order(4)
    @DisplayName(
            "3. backup policies on both arrays (velero and http drivers), runs, a failure, the RPO report")
    void step3() {
        StoryBackups.step3Backups();
    }

    @Test
    @Order(5)
    @DisplayName(
            "4. an S2 ticket, an SSD swap, closing refused until DESTROY evidence is accepted (R-MT-6); another vendor sees nothing")
    void step4() {
        StoryTickets.step4TicketAndDestruction();
    }

    @Test
    @Order(6)
    @DisplayName(
            "5. a vendor-caused delay deducted pro rata; the xlsx exports open with POI and carry Reiwa dates")
    void step5() {
        StoryLease.step5DelayAndExports();
    }

    @Test
    @Order(7)
    @DisplayName(
            "R-LC-12: the security confirmation document (確認書類) approved before any 別紙2 report; the half-yearly 別紙2 reports over the whole contract, complete, approved on the statuses reviewed")
    void R_LC_12_security_confirmation_before_the_half_yearly_reports() {
        StoryContract.securityConfirmationAndReports();
    }

    @Test
    @Order(8)
    @DisplayName(
            "R-LC-14, R-SEC-2: an amendment that would take the closed July out of the lease → 409; amended amounts (jpo-admin1 proposes, jpo-admin2 approves with If-Match) reach the open months only")
    void R_LC_14_an_amendment_never_changes_a_closed_month() {
        StoryContract.amendmentNeverReachesAClosedMonth();
    }

    @Test
    @Order(9)
    @DisplayName(
            "R-LC-5, R-LC-6, R-LC-12: an approved amendment moves the online service start and the contract end; the deliverables due relative to them follow (an approved one keeps its date)")
    void R_LC_5_R_LC_6_deliverables_follow_the_amended_online_service_start() {
        StoryContract.deliverablesFollowTheAmendedServiceStart();
    }

    @Test
    @Order(10)
    @DisplayName(
            "R-AS-4 (issue 14 item 9): asset-service reads the contract end from lifecycle-service and follows the amendment, and the amendment back to the contract as signed")
    void R_AS_4_asset_service_follows_the_amended_contract() {
        StoryContract.assetServiceFollowsTheAmendedContract();
    }

    @Test
    @Order(11)
    @DisplayName(
            "R-SEC-1: approved-handler given in Keycloak past the list is taken away by the reconciler (at start and on demand), audited and counted; the approved keep it")
    void R_SEC_1_the_reconciler_takes_a_role_given_outside_the_list() {
        StorySecurity.reconcilerTakesARoleGivenOutsideTheList();
    }

    @Test
    @Order(12)
    @DisplayName(
            "R-RM-4, security 8): the vendor's copies of the work's information recorded, disposed of with evidence, confirmed by JPO on the version reviewed; open ones block PRODUCTION's removal")
    void R_RM_4_vendor_copies_block_production_until_confirmed() {
        StorySecurity.vendorCopies();
    }
}
