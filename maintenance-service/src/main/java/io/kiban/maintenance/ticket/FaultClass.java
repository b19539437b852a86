package io.kiban.maintenance.ticket;

/**
 * What failed. MINOR_NOT_CONTROLLER is the minor fault that does not reach the controller (frequent
 * read errors and the like): only for it may JPO allow PURGE instead of destruction (R-MT-5).
 */
public enum FaultClass {
    MINOR_NOT_CONTROLLER,
    MEDIA_FAILURE,
    CONTROLLER_FAILURE,
    SERVER_HARDWARE,
    NETWORK,
    POWER,
    FIRMWARE,
    OTHER
}
