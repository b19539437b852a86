package io.kiban.lifecycle.contract;

/**
 * Fired (synchronously, inside the amendment's transaction) after jpo-admin amended the contract,
 * so what is derived from its dates follows in the same transaction.
 */
public record ContractAmended(Contract contract) {}
