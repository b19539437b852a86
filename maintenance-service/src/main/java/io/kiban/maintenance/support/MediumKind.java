package io.kiban.maintenance.support;

import java.util.Locale;

/**
 * Kinds of replaceable parts and removable media. Whether a kind bears data decides whether its
 * removal starts a custody chain (R-MT-2/R-MT-3); whether it is magnetic decides whether degaussing
 * can sanitise it (R-MT-5).
 */
public enum MediumKind {
    HDD(true, true),
    SSD(true, false),
    NVME(true, false),
    NVRAM(true, false),
    NVDIMM(true, false),
    TAPE(true, true),
    CONTROLLER_WITH_CACHE(true, false),
    BMC_FLASH(true, false),
    USB_FLASH(true, false),
    SD_CARD(true, false),
    OPTICAL_DISC(true, false),
    MOTHERBOARD(true, false),
    DIMM(false, false),
    CPU(false, false),
    PSU(false, false),
    FAN(false, false),
    NIC(false, false),
    CABLE(false, false),
    CHASSIS(false, false),
    OTHER(false, false);

    private final boolean dataBearing;
    private final boolean magnetic;

    MediumKind(boolean dataBearing, boolean magnetic) {
        this.dataBearing = dataBearing;
        this.magnetic = magnetic;
    }

    /** Default for the kind; jpo-admin may override it for an unusual part. */
    public boolean dataBearing() {
        return dataBearing;
    }

    /** Degaussing only works on magnetic media (HDD, tape), never on flash. */
    public boolean magnetic() {
        return magnetic;
    }

    /**
     * The kind as asset-service's media ledger names it, or {@code null} for parts that ledger does
     * not track (it holds data-bearing media only; fans and power supplies are not recorded there).
     */
    public String assetKind() {
        return switch (this) {
            case HDD, SSD, NVME, NVDIMM, NVRAM, TAPE, BMC_FLASH -> name();
            case CONTROLLER_WITH_CACHE -> "CONTROLLER_CACHE";
            case USB_FLASH -> "USB";
            case SD_CARD, OPTICAL_DISC, MOTHERBOARD -> "OTHER";
            default -> null;
        };
    }

    /** Lenient parsing of a kind reported by asset-service; unknown kinds are OTHER. */
    public static MediumKind parse(String value) {
        if (value == null) {
            return OTHER;
        }
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (v.equals("DISK") || v.equals("HARD_DISK")) {
            return HDD;
        }
        if (v.equals("NVM_E") || v.equals("NVME_SSD")) {
            return NVME;
        }
        if (v.equals("CONTROLLER_CACHE")) {
            return CONTROLLER_WITH_CACHE;
        }
        if (v.equals("USB")) {
            return USB_FLASH;
        }
        try {
            return MediumKind.valueOf(v);
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
