package io.kiban.maintenance.evidence;

import io.kiban.maintenance.support.MediumKind;

/**
 * Sanitization techniques and the NIST SP 800-88 (Rev.2, techniques per IEEE 2883-2022) category
 * each achieves <b>on a given kind of medium</b> (R-MT-5). The medium decides: degaussing works on
 * magnetic media only; overwriting flash is only CLEAR (remapped and over-provisioned cells
 * survive), so PURGE on flash is only the device's own sanitize / block erase or a cryptographic
 * erase; physical destruction is DESTROY on every medium.
 */
public enum Technique {
    SHRED,
    DISINTEGRATE,
    PULVERIZE,
    INCINERATE,
    MELT,
    CRUSH,
    DEGAUSS,
    CRYPTO_ERASE,
    BLOCK_ERASE,
    SANITIZE_COMMAND,
    OVERWRITE,
    FACTORY_RESET;

    private enum Family {
        MAGNETIC_DISK,
        TAPE,
        FLASH,
        OPTICAL,
        BOARD,
        UNKNOWN
    }

    /**
     * The category this technique achieves on {@code kind}, or {@code null} when it does not apply
     * to that medium at all (degaussing an SSD, block-erasing a tape, overwriting a pressed optical
     * disc…).
     */
    public Method levelOn(MediumKind kind) {
        Family family = family(kind);
        return switch (this) {
            case SHRED, DISINTEGRATE, PULVERIZE, INCINERATE, MELT, CRUSH -> Method.DESTROY;
            case DEGAUSS ->
                    family == Family.MAGNETIC_DISK || family == Family.TAPE ? Method.PURGE : null;
            case CRYPTO_ERASE ->
                    family == Family.MAGNETIC_DISK
                                    || family == Family.TAPE
                                    || family == Family.FLASH
                            ? Method.PURGE
                            : null;
            case BLOCK_ERASE -> family == Family.FLASH ? Method.PURGE : null;
            case SANITIZE_COMMAND ->
                    family == Family.MAGNETIC_DISK || family == Family.FLASH ? Method.PURGE : null;
            case OVERWRITE ->
                    switch (family) {
                        case MAGNETIC_DISK -> Method.PURGE;
                        case TAPE, FLASH, BOARD, UNKNOWN -> Method.CLEAR;
                        case OPTICAL -> null;
                    };
            case FACTORY_RESET ->
                    family == Family.FLASH || family == Family.BOARD || family == Family.UNKNOWN
                            ? Method.CLEAR
                            : null;
        };
    }

    private static Family family(MediumKind kind) {
        return switch (kind) {
            case HDD -> Family.MAGNETIC_DISK;
            case TAPE -> Family.TAPE;
            case SSD, NVME, NVRAM, NVDIMM, CONTROLLER_WITH_CACHE, BMC_FLASH, USB_FLASH, SD_CARD ->
                    Family.FLASH;
            case OPTICAL_DISC -> Family.OPTICAL;
            case MOTHERBOARD -> Family.BOARD;
            default -> Family.UNKNOWN;
        };
    }
}
