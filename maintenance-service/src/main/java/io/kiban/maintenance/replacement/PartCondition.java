package io.kiban.maintenance.replacement;

/** R-AS-2: only NEW parts may be installed. */
public enum PartCondition {
    NEW,
    REFURBISHED,
    USED
}
