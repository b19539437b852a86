package io.kiban.asset.support;

/** R-AS-2: only NEW is accepted; the other values exist so that a refusal can be explicit. */
public enum Condition {
    NEW,
    USED,
    REFURBISHED;

    public static final String RULE = "R-AS-2";
}
