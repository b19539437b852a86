package io.kiban.asset.support;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Caller;
import io.kiban.commons.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who keeps the ledger: jpo-admin, and vendor users of the contracted vendor organisation — the
 * contract's {@code vendorOrganisation} in lifecycle-service (issue 14 item 9; the last copy when
 * lifecycle is down, 503 with none). Other vendors, the support vendor, JPO staff and auditors read
 * only (403).
 */
@ApplicationScoped
public class LedgerWriters {

    private final Caller caller;
    private final Lifecycle lifecycle;

    public LedgerWriters(Caller caller, Lifecycle lifecycle) {
        this.caller = caller;
        this.lifecycle = lifecycle;
    }

    public boolean mayWrite() {
        if (caller.hasRole(Roles.JPO_ADMIN)) {
            return true;
        }
        if (!caller.hasRole(Roles.VENDOR)) {
            return false;
        }
        String contracted = lifecycle.contract().vendorOrganisation();
        return caller.organisation().map(contracted::equals).orElse(false);
    }

    /** 403 unless the caller keeps the ledger. */
    public void require() {
        if (!mayWrite()) {
            throw ProblemException.of(
                    ProblemType.FORBIDDEN,
                    "only jpo-admin and the contracted vendor keep the ledger");
        }
    }
}
