package io.kiban.asset.support;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Caller;
import io.kiban.commons.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who keeps the ledger: jpo-admin, and vendor users of the contracted vendor organisation. Other
 * vendors, the support vendor, JPO staff and auditors read only (403).
 */
@ApplicationScoped
public class LedgerWriters {

    private final Caller caller;
    private final AssetConfig config;

    public LedgerWriters(Caller caller, AssetConfig config) {
        this.caller = caller;
        this.config = config;
    }

    public boolean mayWrite() {
        if (caller.hasRole(Roles.JPO_ADMIN)) {
            return true;
        }
        return caller.hasRole(Roles.VENDOR)
                && caller.organisation().map(config.contractedVendor()::equals).orElse(false);
    }

    /** 403 unless the caller keeps the ledger. */
    public void require() {
        if (!mayWrite()) {
            throw ProblemException.of(ProblemType.FORBIDDEN,
                    "only jpo-admin and the contracted vendor (" + config.contractedVendor() + ") keep the ledger");
        }
    }
}
