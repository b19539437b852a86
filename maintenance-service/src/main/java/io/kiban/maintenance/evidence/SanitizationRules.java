package io.kiban.maintenance.evidence;

import io.kiban.commons.problem.ProblemException;
import io.kiban.maintenance.contractor.Contractor;
import io.kiban.maintenance.custody.CustodyItem;
import io.kiban.maintenance.custody.ItemSource;
import io.kiban.maintenance.ticket.FaultClass;
import java.time.Instant;

/** The destruction rules of §6.2 as plain checks; each failure is a 422 naming its rule. */
final class SanitizationRules {

    private SanitizationRules() {}

    /**
     * R-MT-3 / R-MT-5: DESTROY by default; PURGE only for a part of a MINOR_NOT_CONTROLLER fault
     * with a jpo-admin exception approved before submission; CLEAR never; the technique must
     * achieve the method and suit the medium (degaussing only for magnetic media).
     */
    static void checkMethod(
            CustodyItem item,
            FaultClass faultClass,
            Method method,
            Technique technique,
            Instant submittedAt) {
        if (method == Method.CLEAR) {
            throw ProblemException.rule(
                    "R-MT-5",
                    "CLEAR is never enough: the data must never be restorable or"
                            + " readable (PURGE at least, and only by exception; DESTROY by default)");
        }
        Method level = technique.levelOn(item.kind);
        if (level == null) {
            throw ProblemException.rule(
                    "R-MT-5",
                    technique
                            + " does nothing to "
                            + item.kind
                            + (technique == Technique.DEGAUSS
                                    ? " (flash/solid-state); only magnetic media (HDD, TAPE) can be degaussed"
                                    : "; choose a technique that suits the medium"));
        }
        if (level != method) {
            throw ProblemException.rule(
                    "R-MT-5",
                    technique
                            + " on "
                            + item.kind
                            + " is "
                            + level
                            + ", not "
                            + method
                            + (level == Method.CLEAR
                                    ? " (on flash, PURGE is only the device's own sanitize / block erase or a"
                                            + " cryptographic erase; overwriting leaves remapped cells readable)"
                                    : ""));
        }
        if (method == Method.PURGE) {
            if (item.source != ItemSource.PART || faultClass != FaultClass.MINOR_NOT_CONTROLLER) {
                throw ProblemException.rule(
                        "R-MT-5",
                        "PURGE instead of destruction is possible only for a part"
                                + " removed for a minor fault that did not reach the controller (MINOR_NOT_CONTROLLER)");
            }
            if (item.purgeApprovedAt == null || item.purgeApprovedAt.isAfter(submittedAt)) {
                throw ProblemException.rule(
                        "R-MT-5",
                        "PURGE needs a jpo-admin exception for "
                                + item.serial
                                + " approved before the evidence is submitted; physical destruction otherwise");
            }
        }
    }

    /**
     * R-MT-4: a contractor's certificate counts only if a jpo-admin had approved the contractor
     * when the destruction was performed (approval recorded at server time; the certificate's day
     * must not be before the approval's day in Asia/Tokyo) and the approval had not been revoked by
     * then.
     */
    static void checkIssuer(
            Issuer issuer, Contractor contractor, java.time.LocalDate certificateDate) {
        if (issuer != Issuer.CONTRACTOR) {
            return;
        }
        if (contractor == null || !contractor.approvedOn(certificateDate)) {
            String why =
                    contractor == null
                            ? "is not in the registry of approved contractors"
                            : contractor.approvedAt == null
                                    ? "is only proposed; no jpo-admin approved it yet"
                                    : contractor.approvalDay().isAfter(certificateDate)
                                            ? "was approved by JPO only at "
                                                    + contractor.approvedAt
                                                    + " ("
                                                    + contractor.approvalDay()
                                                    + " JST); a destruction before that moment is not covered"
                                            : "had its approval revoked at " + contractor.revokedAt;
            throw ProblemException.rule(
                    "R-MT-4",
                    "a contractor certificate for a destruction on "
                            + certificateDate
                            + " is not accepted: the contractor "
                            + why);
        }
    }
}
