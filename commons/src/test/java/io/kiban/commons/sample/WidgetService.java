package io.kiban.commons.sample;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.sample.WidgetDtos.WidgetInput;
import io.kiban.commons.sample.WidgetDtos.WidgetView;
import io.kiban.commons.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** A sample of how services use the commons mechanics: scoping, rules, ETags, audit. */
@ApplicationScoped
public class WidgetService {

    @ApplicationScoped
    public static class WidgetRepository implements PanacheRepository<Widget> {}

    private final WidgetRepository repository;
    private final AuditTrail audit;
    private final Caller caller;

    public WidgetService(WidgetRepository repository, AuditTrail audit, Caller caller) {
        this.repository = repository;
        this.audit = audit;
        this.caller = caller;
    }

    public Page<WidgetView> list(PageRequest page) {
        var query =
                caller.hasRole("vendor")
                        ? repository.find("organisation", caller.organisation().orElse(""))
                        : repository.findAll();
        query.page(page.page(), page.size());
        return new Page<>(query.list().stream().map(WidgetView::of).toList(), query.count(), page);
    }

    public WidgetView get(long id) {
        return WidgetView.of(visible(id));
    }

    @Transactional
    public WidgetView create(WidgetInput input) {
        if (input.quantity() > 1000) {
            throw ProblemException.rule("R-SAMPLE-1", "a widget holds at most 1000 units");
        }
        if (input.parentId() != null && repository.findByIdOptional(input.parentId()).isEmpty()) {
            throw ProblemException.unknownReference("parentId", input.parentId());
        }
        repository
                .find("name", input.name())
                .firstResultOptional()
                .ifPresent(
                        existing -> {
                            throw ProblemException.conflict(
                                    "a widget named " + input.name() + " exists",
                                    List.of(
                                            Problem.Conflict.of(
                                                    "widget",
                                                    String.valueOf(existing.id),
                                                    "same name")));
                        });
        Widget w = new Widget();
        w.name = input.name();
        w.kind = input.kind();
        w.quantity = input.quantity();
        w.parentId = input.parentId();
        w.organisation =
                caller.hasRole("vendor")
                        ? caller.organisation().orElseThrow()
                        : input.organisation() == null ? "jpo" : input.organisation();
        repository.persist(w);
        repository.flush();
        if (input.holdMillis() != null) {
            sleep(input.holdMillis());
        }
        WidgetView view = WidgetView.of(w);
        audit.append("create", "widget", w.id, view);
        return view;
    }

    @Transactional
    public WidgetView update(long id, String ifMatch, WidgetInput input) {
        Widget w = visible(id);
        ETags.check(ifMatch, w.version);
        w.name = input.name();
        w.kind = input.kind();
        w.quantity = input.quantity();
        repository.flush();
        WidgetView view = WidgetView.of(w);
        audit.append("update", "widget", w.id, view);
        return view;
    }

    /**
     * #15 item 7 sample: the approval's audit entry seals the decided fields; its MAC is kept on
     * the row.
     */
    @Transactional
    public WidgetView approve(long id, String ifMatch) {
        Widget w = visible(id);
        ETags.check(ifMatch, w.version);
        if (w.approved) {
            throw ProblemException.of(
                    io.kiban.commons.problem.ProblemType.CONFLICT, "widget " + id + " is approved");
        }
        w.approved = true;
        w.approvedBy = caller.name();
        w.approvedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        w.auditMac =
                audit.append(WidgetSeals.APPROVE, "widget", w.id, w.approvalSeal())
                        .sealAtCommit("sample_widget", "audit_mac", "id", w.id);
        repository.flush();
        return WidgetView.of(w);
    }

    /**
     * A later decision of the same kind (the sample of a decision taken again, as maintenance's
     * re-approvals are): the new entry supersedes the one the row carried, and the row carries the
     * new MAC.
     */
    @Transactional
    public WidgetView reapprove(long id, String ifMatch) {
        Widget w = visible(id);
        ETags.check(ifMatch, w.version);
        if (!w.approved) {
            throw ProblemException.of(
                    io.kiban.commons.problem.ProblemType.CONFLICT,
                    "widget " + id + " is not approved");
        }
        w.approvedBy = caller.name();
        w.approvedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        w.auditMac =
                audit.append(WidgetSeals.APPROVE, "widget", w.id, w.approvalSeal())
                        .sealAtCommit("sample_widget", "audit_mac", "id", w.id);
        repository.flush();
        return WidgetView.of(w);
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Widget w = visible(id);
        ETags.check(ifMatch, w.version);
        repository.delete(w);
        audit.append("delete", "widget", id, null);
    }

    private Widget visible(long id) {
        return repository
                .findByIdOptional(id)
                .filter(w -> caller.maySee(w.organisation))
                .orElseThrow(() -> ProblemException.notFound("widget", id));
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
