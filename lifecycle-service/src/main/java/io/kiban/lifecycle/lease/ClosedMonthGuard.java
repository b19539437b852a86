package io.kiban.lifecycle.lease;

import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.lifecycle.contract.AmendmentGuard;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractDtos.ContractInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.List;

/**
 * R-LC-14: a contract amendment applies to open months only. Amended amounts never reach a closed
 * month (its figures are stored); an amendment whose lease period would no longer contain a closed
 * month of the contract's lease → 409.
 */
@ApplicationScoped
class ClosedMonthGuard implements AmendmentGuard {

    private final ClosedMonthRepository closed;

    public ClosedMonthGuard(ClosedMonthRepository closed) {
        this.closed = closed;
    }

    @Override
    public void check(Contract current, ContractInput proposed) {
        YearMonth oldEnd = YearMonth.from(current.leaseEnd);
        YearMonth newStart = YearMonth.from(proposed.leaseStart());
        YearMonth newEnd = YearMonth.from(proposed.leaseEnd());
        List<String> lost =
                closed.listAll().stream()
                        .map(c -> YearMonth.parse(c.month))
                        .filter(m -> !m.isAfter(oldEnd))
                        .filter(m -> m.isBefore(newStart) || m.isAfter(newEnd))
                        .map(YearMonth::toString)
                        .sorted()
                        .toList();
        if (!lost.isEmpty()) {
            throw ProblemException.conflict(
                    "R-LC-14",
                    "the amendment would take the closed month(s) "
                            + lost
                            + " out of the lease; a closed month's figures never change",
                    lost.stream()
                            .map(m -> Problem.Conflict.of("lease-period", m, "closed"))
                            .toList());
        }
    }
}
