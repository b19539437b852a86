package io.kiban.lifecycle.contract;

import io.kiban.lifecycle.contract.ContractDtos.Deadline;
import java.util.List;

/**
 * R-LC-8: the contract's deadlines with the removal deadline's breaches. Answered by the removal
 * obligation, which reads the phases — the contract asks through this, so contract never depends on
 * phase (#19).
 */
public interface ContractDeadlines {

    List<Deadline> deadlines();
}
