package io.kiban.lifecycle.handler;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Caller;
import io.kiban.commons.security.Roles;
import io.kiban.lifecycle.handler.HandlerDtos.HandlerInput;
import io.kiban.lifecycle.handler.HandlerDtos.HandlerView;
import io.kiban.lifecycle.support.KeycloakRoles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * R-SEC-1: the vendor proposes handlers; jpo-admin approves them beforehand, which grants the realm role
 * {@code approved-handler} in Keycloak; removal takes effect at once (status REMOVED, role removed). When
 * Keycloak cannot be reached on approval, nothing is approved (503); on removal, the removal stands and the
 * role removal is retried every minute until it succeeds ({@code roleSynced=false} meanwhile).
 */
@ApplicationScoped
public class HandlerService {

    private static final Logger LOG = Logger.getLogger(HandlerService.class);

    @ApplicationScoped
    public static class HandlerRepository implements PanacheRepository<ApprovedHandler> {
    }

    private final HandlerRepository handlers;
    private final KeycloakRoles keycloak;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public HandlerService(HandlerRepository handlers, KeycloakRoles keycloak, AuditTrail audit, Caller caller,
            Clock clock, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.mapper = mapper;
        this.handlers = handlers;
        this.keycloak = keycloak;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public Page<HandlerView> list(ApprovedHandler.Status status, PageRequest page) {
        PanacheQuery<ApprovedHandler> q;
        if (caller.isVendorSide() && !caller.hasRole(Roles.JPO_ADMIN)) {
            String org = caller.organisation().orElse("");
            q = status == null ? handlers.find("organisation = ?1 order by id", org)
                    : handlers.find("organisation = ?1 and status = ?2 order by id", org, status);
        } else {
            q = status == null ? handlers.find("order by id") : handlers.find("status = ?1 order by id", status);
        }
        q.page(page.page(), page.size());
        return new Page<>(q.list().stream().map(this::view).toList(), q.count(), page);
    }

    @Transactional
    public HandlerView get(long id) {
        return view(visible(id));
    }

    @Transactional
    public HandlerView propose(HandlerInput in) {
        String org = organisation(in);
        if (handlers.count("accountId = ?1 and status in ?2", in.accountId(),
                List.of(ApprovedHandler.Status.PROPOSED, ApprovedHandler.Status.APPROVED)) > 0) {
            throw ProblemException.conflict("account " + in.accountId() + " is already proposed or approved", List.of());
        }
        ApprovedHandler h = new ApprovedHandler();
        apply(h, in, org);
        h.status = ApprovedHandler.Status.PROPOSED;
        h.proposedBy = caller.name();
        h.proposedAt = clock.instant();
        h.roleSynced = true;
        handlers.persist(h);
        handlers.flush();
        HandlerView view = view(h);
        audit.append("propose", "approved-handler", h.id, view);
        return view;
    }

    /**
     * A proposal is changed in place until it is decided; a change of an approved entry waits as
     * {@code pendingChange} until jpo-admin approves it (R-SEC-1: changes are approved beforehand).
     */
    @Transactional
    public HandlerView change(long id, String ifMatch, HandlerInput in) {
        ApprovedHandler h = visible(id);
        ETags.check(ifMatch, h.version);
        String org = organisation(in);
        if (h.status == ApprovedHandler.Status.PROPOSED) {
            apply(h, in, org);
        } else if (h.status == ApprovedHandler.Status.APPROVED) {
            h.pendingChange = write(new HandlerInput(in.name(), org, in.role(), in.affiliation(), in.expertise(),
                    in.nationality(), in.accountId()));
        } else {
            throw ProblemException.rule("R-SEC-1", "handler " + id + " is " + h.status + " and cannot be changed");
        }
        handlers.flush();
        HandlerView view = view(h);
        audit.append(h.status == ApprovedHandler.Status.APPROVED ? "propose-change" : "change", "approved-handler", h.id,
                view);
        return view;
    }

    private String write(HandlerInput in) {
        try {
            return mapper.writeValueAsString(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HandlerInput pending(ApprovedHandler h) {
        if (h.pendingChange == null) {
            return null;
        }
        try {
            return mapper.readValue(h.pendingChange, HandlerInput.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HandlerView view(ApprovedHandler h) {
        return HandlerView.of(h, pending(h));
    }

    @Transactional
    public HandlerView approve(long id) {
        ApprovedHandler h = visible(id);
        if (h.status == ApprovedHandler.Status.APPROVED && h.pendingChange != null) {
            return approveChange(h);
        }
        if (h.status != ApprovedHandler.Status.PROPOSED) {
            throw ProblemException.rule("R-SEC-1", "only a proposed handler can be approved (it is " + h.status + ")");
        }
        try {
            keycloak.grant(h.accountId);
        } catch (RuntimeException e) {
            LOG.warnf("R-SEC-1: Keycloak refused or is unreachable granting %s: %s", h.accountId, e.toString());
            throw ProblemException.of(ProblemType.DEPENDENCY_UNAVAILABLE,
                    "the role could not be granted in Keycloak; nothing was approved — retry");
        }
        h.status = ApprovedHandler.Status.APPROVED;
        h.decidedBy = caller.name();
        h.decidedAt = clock.instant();
        h.roleSynced = true;
        handlers.flush();
        HandlerView view = view(h);
        audit.append("approve", "approved-handler", h.id, view);
        return view;
    }

    private HandlerView approveChange(ApprovedHandler h) {
        HandlerInput change = pending(h);
        String oldAccount = h.accountId;
        if (!change.accountId().equals(oldAccount)) {
            try {
                keycloak.grant(change.accountId());
            } catch (RuntimeException e) {
                throw ProblemException.of(ProblemType.DEPENDENCY_UNAVAILABLE,
                        "the role could not be granted in Keycloak; the change was not approved — retry");
            }
        }
        apply(h, change, change.organisation());
        h.pendingChange = null;
        h.decidedBy = caller.name();
        h.decidedAt = clock.instant();
        h.roleSynced = change.accountId().equals(oldAccount) || revoke(oldAccount);
        handlers.flush();
        HandlerView view = view(h);
        audit.append("approve-change", "approved-handler", h.id, view);
        return view;
    }

    @Transactional
    public HandlerView reject(long id, String reason) {
        ApprovedHandler h = visible(id);
        if (h.status == ApprovedHandler.Status.APPROVED && h.pendingChange != null) {
            h.pendingChange = null;
            h.note = reason;
            handlers.flush();
            HandlerView view = view(h);
            audit.append("reject-change", "approved-handler", h.id, view);
            return view;
        }
        if (h.status != ApprovedHandler.Status.PROPOSED) {
            throw ProblemException.rule("R-SEC-1", "only a proposed handler can be rejected (it is " + h.status + ")");
        }
        h.status = ApprovedHandler.Status.REJECTED;
        h.decidedBy = caller.name();
        h.decidedAt = clock.instant();
        h.note = reason;
        handlers.flush();
        HandlerView view = view(h);
        audit.append("reject", "approved-handler", h.id, view);
        return view;
    }

    /** Removal is immediate: the entry is REMOVED now and the Keycloak role removed (retried if Keycloak is down). */
    @Transactional
    public HandlerView remove(long id, String reason) {
        ApprovedHandler h = visible(id);
        if (h.status == ApprovedHandler.Status.REMOVED || h.status == ApprovedHandler.Status.REJECTED) {
            throw ProblemException.rule("R-SEC-1", "handler " + id + " is already " + h.status);
        }
        boolean wasApproved = h.status == ApprovedHandler.Status.APPROVED;
        h.status = ApprovedHandler.Status.REMOVED;
        h.removedBy = caller.name();
        h.removedAt = clock.instant();
        h.note = reason;
        h.roleSynced = !wasApproved || revoke(h.accountId);
        handlers.flush();
        HandlerView view = view(h);
        audit.append("remove", "approved-handler", h.id, view);
        return view;
    }

    @Scheduled(every = "${kiban.handlers.sync-every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void retryRevocations() {
        for (ApprovedHandler h : handlers.list("status = ?1 and roleSynced = false", ApprovedHandler.Status.REMOVED)) {
            if (revoke(h.accountId)) {
                h.roleSynced = true;
                audit.append("role-removed", "approved-handler", h.id, view(h));
            }
        }
    }

    private boolean revoke(String accountId) {
        try {
            keycloak.revoke(accountId);
            return true;
        } catch (RuntimeException e) {
            LOG.errorf("R-SEC-1: could not remove approved-handler from %s yet (will retry): %s", accountId, e.toString());
            return false;
        }
    }

    private String organisation(HandlerInput in) {
        if (caller.isVendorSide() && !caller.hasRole(Roles.JPO_ADMIN)) {
            return caller.organisation().orElseThrow(() -> ProblemException.of(ProblemType.FORBIDDEN,
                    "a vendor token without an organisation cannot propose handlers"));
        }
        if (in.organisation() == null || in.organisation().isBlank()) {
            throw ProblemException.badField("organisation", "is required");
        }
        return in.organisation();
    }

    private static void apply(ApprovedHandler h, HandlerInput in, String org) {
        h.name = in.name();
        h.organisation = org;
        h.role = in.role();
        h.affiliation = in.affiliation();
        h.expertise = in.expertise();
        h.nationality = in.nationality();
        h.accountId = in.accountId();
    }

    private ApprovedHandler visible(long id) {
        return handlers.findByIdOptional(id).filter(h -> caller.maySee(h.organisation))
                .orElseThrow(() -> ProblemException.notFound("handler", id));
    }
}
