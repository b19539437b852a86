package io.kiban.asset.ledger;

/** 実施 / 未実施 / 該当なし. */
public enum ComplianceStatus {
    IMPLEMENTED,
    NOT_IMPLEMENTED,
    NOT_APPLICABLE
}
