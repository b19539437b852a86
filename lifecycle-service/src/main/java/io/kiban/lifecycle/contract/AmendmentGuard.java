package io.kiban.lifecycle.contract;

import io.kiban.lifecycle.contract.ContractDtos.ContractInput;

/**
 * A feature whose records an amendment must not rewrite (R-LC-14: closed lease months). Called when
 * an amendment is proposed and again when it is approved; throws a ProblemException (409) to refuse
 * it.
 */
public interface AmendmentGuard {

    void check(Contract current, ContractInput proposed);
}
