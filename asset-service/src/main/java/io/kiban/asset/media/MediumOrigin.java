package io.kiban.asset.media;

/**
 * Where the ledger learnt of a medium: registered when installed ({@code LEDGER}), or found in the
 * hardware by a maintenance swap and recorded afterwards by jpo-admin ({@code UNREGISTERED_PART}) —
 * a ledger gap that stays visible in {@code GET /media}, the change history and the standard sheet.
 */
public enum MediumOrigin {
    LEDGER,
    UNREGISTERED_PART
}
