package io.kiban.asset.ledger;

/** Sheet 11: work record (作業実績), risk (リスク), issue (課題), failure cause (障害原因). */
public enum WorkKind {
    WORK,
    RISK,
    ISSUE,
    FAILURE_CAUSE
}
