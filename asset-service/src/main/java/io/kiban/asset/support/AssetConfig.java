package io.kiban.asset.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;

/** Contract facts the ledger checks against (DOMAIN.md §2–§4). */
@ConfigMapping(prefix = "kiban.asset")
public interface AssetConfig {

    /** The organisation ({@code org} claim) of the contracted hardware vendor, who keeps the ledger with JPO. */
    @WithDefault("vendor-a")
    String contractedVendor();

    /** R-AS-6: the last day of the lease; maintenance must cover it. */
    @WithDefault("2030-12-31")
    LocalDate leaseEnd();

    /** R-AS-4: the last day of the contract; support must cover it. */
    @WithDefault("2031-03-31")
    LocalDate contractEnd();

    /** R-AS-4: support ending within this many days is flagged ahead of time. */
    @WithDefault("180")
    int supportWarningDays();
}
