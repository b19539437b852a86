package io.kiban.maintenance.custody;

/** Why a medium needs destruction evidence. */
public enum ItemSource {
    /** a data-bearing part removed in a repair */
    PART("part"),
    /** removable media that carried failure-analysis logs off site (R-MT-3) */
    LOG_MEDIUM("log-medium"),
    /** a medium of a sanitization order at removal */
    ORDER("order-medium");

    private final String label;

    ItemSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
