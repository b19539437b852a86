package io.kiban.asset.baseline;

import io.kiban.asset.baseline.BaselineDtos.BaselineInput;
import io.kiban.asset.baseline.BaselineDtos.BaselineView;
import io.kiban.asset.baseline.BaselineDtos.Conformance;
import io.kiban.asset.baseline.BaselineDtos.ConformanceLine;
import io.kiban.asset.baseline.BaselineDtos.Totals;
import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.hardware.HardwareRepository;
import io.kiban.asset.hardware.HardwareStatus;
import io.kiban.asset.support.Environment;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * R-AS-1: the procurement baseline is data (loaded by migration V2, edited by jpo-admin) and
 * conformance is computed.
 */
@ApplicationScoped
class BaselineService {

    private final BaselineRepository repository;
    private final HardwareRepository hardware;
    private final AuditTrail audit;

    public BaselineService(
            BaselineRepository repository, HardwareRepository hardware, AuditTrail audit) {
        this.repository = repository;
        this.hardware = hardware;
        this.audit = audit;
    }

    @Transactional
    public List<BaselineView> list(Environment environment) {
        return lines(environment).stream().map(BaselineView::of).toList();
    }

    @Transactional
    public BaselineView get(long id) {
        return BaselineView.of(find(id));
    }

    @Transactional
    public BaselineView create(BaselineInput input) {
        BaselineLine line = new BaselineLine();
        apply(line, input);
        repository.persist(line);
        repository.flush();
        BaselineView view = BaselineView.of(line);
        audit.append("create", "baseline-line", line.id, view);
        return view;
    }

    @Transactional
    public BaselineView update(long id, String ifMatch, BaselineInput input) {
        BaselineLine line = find(id);
        ETags.check(ifMatch, line.version);
        if (!line.itemCode.equals(input.itemCode()) || line.environment != input.environment()) {
            refuseIfUsed(line);
        }
        apply(line, input);
        repository.flush();
        BaselineView view = BaselineView.of(line);
        audit.append("update", "baseline-line", line.id, view);
        return view;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        BaselineLine line = find(id);
        ETags.check(ifMatch, line.version);
        refuseIfUsed(line);
        repository.delete(line);
        audit.append("delete", "baseline-line", id, null);
    }

    /** R-AS-1: per line required, registered, delivered, missing, surplus, not yet delivered. */
    @Transactional
    public Conformance conformance(Environment environment) {
        List<BaselineLine> lines = lines(environment);
        Map<String, BaselineLine> byKey = new HashMap<>();
        repository.listAll().forEach(l -> byKey.put(l.itemCode + "|" + l.environment, l));
        Map<Long, int[]> counts = new HashMap<>();
        List<String> unlisted = new ArrayList<>();
        for (Hardware h :
                hardware.list("status <> ?1 and discontinued = false", HardwareStatus.REMOVED)) {
            if (h.baselineItem == null) {
                if (environment == null || h.environment == environment) {
                    unlisted.add(h.serialNumber);
                }
                continue;
            }
            BaselineLine line = byKey.get(h.baselineItem + "|" + h.environment);
            if (line == null) {
                line = byKey.get(h.baselineItem + "|" + Environment.SHARED);
            }
            if (line == null) {
                continue;
            }
            int[] c = counts.computeIfAbsent(line.id, k -> new int[2]);
            c[0]++;
            if (h.status.isDelivered()) {
                c[1]++;
            }
        }
        List<ConformanceLine> result = new ArrayList<>();
        int[] t = new int[6];
        boolean complete = true;
        for (BaselineLine l : lines) {
            int[] c = counts.getOrDefault(l.id, new int[2]);
            int missing = Math.max(0, l.requiredQuantity - c[0]);
            int surplus = Math.max(0, c[0] - l.requiredQuantity);
            int undelivered = Math.max(0, l.requiredQuantity - c[1]);
            boolean conforms = missing == 0 && surplus == 0 && undelivered == 0;
            complete &= conforms;
            result.add(
                    new ConformanceLine(
                            l.itemCode,
                            l.hardwareClass,
                            l.name,
                            l.nameJa,
                            l.environment,
                            l.requiredQuantity,
                            c[0],
                            c[1],
                            missing,
                            surplus,
                            undelivered,
                            conforms));
            t[0] += l.requiredQuantity;
            t[1] += c[0];
            t[2] += c[1];
            t[3] += missing;
            t[4] += surplus;
            t[5] += undelivered;
        }
        return new Conformance(
                environment,
                result,
                new Totals(t[0], t[1], t[2], t[3], t[4], t[5]),
                unlisted,
                complete && unlisted.isEmpty());
    }

    private List<BaselineLine> lines(Environment environment) {
        if (environment == null) {
            return repository.list("order by environment, id");
        }
        if (environment == Environment.SHARED) {
            return repository.list("environment = ?1 order by id", environment);
        }
        return repository.list(
                "environment in ?1 order by environment, id",
                List.of(environment, Environment.SHARED));
    }

    private void apply(BaselineLine line, BaselineInput input) {
        repository
                .findLine(input.itemCode(), input.environment())
                .filter(o -> !Objects.equals(o.id, line.id))
                .ifPresent(
                        o -> {
                            throw ProblemException.conflict(
                                    "baseline line "
                                            + input.itemCode()
                                            + " ("
                                            + input.environment()
                                            + ") exists",
                                    List.of(
                                            Problem.Conflict.of(
                                                    "baseline-line",
                                                    String.valueOf(o.id),
                                                    "same item code and environment")));
                        });
        line.itemCode = input.itemCode();
        line.hardwareClass = input.hardwareClass();
        line.name = input.name();
        line.nameJa = input.nameJa();
        line.environment = input.environment();
        line.requiredQuantity = input.requiredQuantity();
    }

    private void refuseIfUsed(BaselineLine line) {
        long used =
                line.environment == Environment.SHARED
                        ? hardware.count("baselineItem", line.itemCode)
                        : hardware.count(
                                "baselineItem = ?1 and environment = ?2",
                                line.itemCode,
                                line.environment);
        if (used > 0) {
            throw ProblemException.conflict(
                    "baseline line "
                            + line.itemCode
                            + " ("
                            + line.environment
                            + ") is used by "
                            + used
                            + " hardware item(s)",
                    List.of(
                            Problem.Conflict.of(
                                    "baseline-line",
                                    String.valueOf(line.id),
                                    used + " hardware item(s) refer to it")));
        }
    }

    private BaselineLine find(long id) {
        return repository
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("baseline line", id));
    }
}
