package io.kiban.asset.support;

/** What every view of a ledger record carries: its id and its version (the ETag). */
public interface LedgerView {

    Long id();

    long version();
}
