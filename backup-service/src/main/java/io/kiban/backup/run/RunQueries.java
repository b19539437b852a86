package io.kiban.backup.run;

import io.kiban.backup.run.RunDtos.RunView;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * R-BK-3: reading the run ledger (#19: the resource goes through this service, never the
 * repository).
 */
@ApplicationScoped
class RunQueries {

    private final RunRepository runs;

    RunQueries(RunRepository runs) {
        this.runs = runs;
    }

    /** One page, newest first, optionally by policy, target and state. */
    Page<RunView> list(Long policyId, Long targetId, BackupRun.State state, PageRequest request) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (policyId != null) {
            where.add("policyId = :policy");
            params.and("policy", policyId);
        }
        if (targetId != null) {
            where.add("targetId = :target");
            params.and("target", targetId);
        }
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        Sort sort = Sort.descending("expectedFireTime", "id");
        var query =
                where.isEmpty()
                        ? runs.findAll(sort)
                        : runs.find(String.join(" and ", where), sort, params);
        query.page(request.page(), request.size());
        return new Page<>(query.list().stream().map(RunView::of).toList(), query.count(), request);
    }

    RunView get(long id) {
        return runs.findByIdOptional(id)
                .map(RunView::of)
                .orElseThrow(() -> ProblemException.notFound("run", id));
    }
}
