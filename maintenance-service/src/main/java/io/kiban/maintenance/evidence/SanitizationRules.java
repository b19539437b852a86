package io.kiban.maintenance.evidence;

import io.kiban.commons.problem.ProblemException;
import io.kiban.maintenance.contractor.Contractor;
import io.kiban.maintenance.custody.CustodyItem;
import io.kiban.maintenance.custody.ItemSource;
import io.kiban.maintenance.ticket.FaultClass;
import java.time.Instant;

/** The destruction rules of §6.2 as plain checks; each failure is a 422 naming its rule. */
final class SanitizationRules {

    private SanitizationRules() {
    }

    /**
     * R-MT-3 / R-MT-5: DESTROY by default; PURGE only for a part of a MINOR_NOT_CONTROLLER fault with a
     * jpo-admin exception approved before submission; CLEAR never; the technique must achieve the method
     * and suit the medium (degaussing only for magnetic media).
     */
    static void checkMethod(CustodyItem item, FaultClass faultClass, Method method, Technique technique,
            Instant submittedAt) {
        if (method == Method.CLEAR) {
            throw ProblemException.rule("R-MT-5", "CLEAR is never enough: the data must never be restorable or"
                    + " readable (PURGE at least, and only by exception; DESTROY by default)");
        }
        if (!technique.achieves(method)) {
            throw ProblemException.rule("R-MT-5", technique + " does not achieve " + method);
        }
        if (technique == Technique.DEGAUSS && !item.kind.magnetic()) {
            throw ProblemException.rule("R-MT-5", "degaussing does nothing to " + item.kind
                    + " (flash/solid-state); only magnetic media (HDD, TAPE) can be degaussed");
        }
        if (method == Method.PURGE) {
            if (item.source != ItemSource.PART || faultClass != FaultClass.MINOR_NOT_CONTROLLER) {
                throw ProblemException.rule("R-MT-5", "PURGE instead of destruction is possible only for a part"
                        + " removed for a minor fault that did not reach the controller (MINOR_NOT_CONTROLLER)");
            }
            if (item.purgeApprovedAt == null || item.purgeApprovedAt.isAfter(submittedAt)) {
                throw ProblemException.rule("R-MT-5", "PURGE needs a jpo-admin exception for " + item.serial
                        + " approved before the evidence is submitted; physical destruction otherwise");
            }
        }
    }

    /** R-MT-4: a contractor's certificate counts only if JPO approved the contractor, valid on its date. */
    static void checkIssuer(Issuer issuer, Contractor contractor, java.time.LocalDate certificateDate) {
        if (issuer != Issuer.CONTRACTOR) {
            return;
        }
        if (contractor == null || !contractor.approvedOn(certificateDate)) {
            String why = contractor == null ? "is not in the registry of approved contractors"
                    : contractor.approvedOn.isAfter(certificateDate)
                            ? "was approved only on " + contractor.approvedOn
                            : "had its approval revoked on " + contractor.revokedOn;
            throw ProblemException.rule("R-MT-4", "a contractor certificate dated " + certificateDate
                    + " is not accepted: the contractor " + why);
        }
    }
}
