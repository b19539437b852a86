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
import io.kiban.lifecycle.handler.HandlerDtos.OrganisationInput;
import io.kiban.lifecycle.handler.HandlerDtos.OrganisationView;
import io.kiban.lifecycle.handler.HandlerDtos.ReconcileResult;
import io.kiban.lifecycle.support.KeycloakRoles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * R-SEC-1: the vendor proposes handlers; jpo-admin approves them beforehand, which grants the realm
 * role {@code approved-handler} in Keycloak; removal takes effect at once (status REMOVED, role
 * removed). When Keycloak cannot be reached on approval, nothing is approved (503); on removal, the
 * removal stands and the role removal is retried every minute until it succeeds ({@code
 * roleSynced=false} meanwhile).
 */
@ApplicationScoped
class HandlerService {

    private static final Logger LOG = Logger.getLogger(HandlerService.class);

    /** Micrometer counter of roles the reconciler took away (an alert fires on any increase). */
    public static final String ROLE_REMOVED_METRIC = "kiban.handlers.role.removed.by.reconciler";

    public static final String RECONCILE_FAILED_METRIC = "kiban.handlers.reconcile.failures";

    private final HandlerSeals seals;
    private final HandlerRepository handlers;
    private final KeycloakRoles keycloak;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    private final OrganisationRepository organisations;
    private final Counter roleRemoved;
    private final Counter reconcileFailed;
    private final boolean reconcileAtStart;

    public HandlerService(
            HandlerRepository handlers,
            KeycloakRoles keycloak,
            AuditTrail audit,
            Caller caller,
            Clock clock,
            com.fasterxml.jackson.databind.ObjectMapper mapper,
            OrganisationRepository organisations,
            MeterRegistry registry,
            @ConfigProperty(name = "kiban.handlers.reconcile-at-start", defaultValue = "true")
                    boolean reconcileAtStart,
            HandlerSeals seals) {
        this.seals = seals;
        this.mapper = mapper;
        this.organisations = organisations;
        this.roleRemoved =
                Counter.builder(ROLE_REMOVED_METRIC)
                        .description(
                                "R-SEC-1: approved-handler taken away from a Keycloak account not on the approved list")
                        .register(registry);
        this.reconcileFailed =
                Counter.builder(RECONCILE_FAILED_METRIC)
                        .description(
                                "R-SEC-1: reconciler passes or role removals that failed (Keycloak unreachable or refusing)")
                        .register(registry);
        this.reconcileAtStart = reconcileAtStart;
        this.handlers = handlers;
        this.keycloak = keycloak;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HandlerView> list(ApprovedHandler.Status status, PageRequest page) {
        PanacheQuery<ApprovedHandler> q;
        if (caller.isVendorSide() && !caller.hasRole(Roles.JPO_ADMIN)) {
            String org = caller.organisation().orElse("");
            q =
                    status == null
                            ? handlers.find("organisation = ?1 order by id", org)
                            : handlers.find(
                                    "organisation = ?1 and status = ?2 order by id", org, status);
        } else {
            q =
                    status == null
                            ? handlers.find("order by id")
                            : handlers.find("status = ?1 order by id", status);
        }
        q.page(page.page(), page.size());
        return new Page<>(q.list().stream().map(this::view).toList(), q.count(), page);
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public HandlerView get(long id) {
        return view(visible(id));
    }

    @Transactional
    public HandlerView propose(HandlerInput in) {
        String org = organisation(in);
        if (handlers.count(
                        "accountId = ?1 and status in ?2",
                        in.accountId(),
                        List.of(ApprovedHandler.Status.PROPOSED, ApprovedHandler.Status.APPROVED))
                > 0) {
            throw ProblemException.conflict(
                    "account " + in.accountId() + " is already proposed or approved", List.of());
        }
        ApprovedHandler h = new ApprovedHandler();
        apply(h, in, org);
        h.status = ApprovedHandler.Status.PROPOSED;
        h.proposedBy = caller.name();
        h.proposedById = caller.id();
        h.proposedAt = clock.instant();
        h.roleSynced = true;
        handlers.persist(h);
        handlers.flush();
        audit.append("propose", "approved-handler", h.id, auditView(h));
        return view(h);
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
            // R-SEC-2: whoever shaped the proposal does not approve it either
            h.pendingChangeBy = caller.name();
            h.pendingChangeById = caller.id();
        } else if (h.status == ApprovedHandler.Status.APPROVED) {
            h.pendingChange =
                    write(
                            new HandlerInput(
                                    in.name(),
                                    org,
                                    in.address(),
                                    in.dateOfBirth(),
                                    in.department(),
                                    in.position(),
                                    in.role(),
                                    in.affiliation(),
                                    in.expertise(),
                                    in.trackRecord(),
                                    in.nationality(),
                                    in.accountId()));
            h.pendingChangeBy = caller.name();
            h.pendingChangeById = caller.id();
        } else {
            throw ProblemException.rule(
                    "R-SEC-1", "handler " + id + " is " + h.status + " and cannot be changed");
        }
        handlers.flush();
        audit.append(
                h.status == ApprovedHandler.Status.APPROVED ? "propose-change" : "change",
                "approved-handler",
                h.id,
                auditView(h));
        return view(h);
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
        return HandlerView.of(h, pending(h), personalDataVisible(h));
    }

    /**
     * R-SEC-1: address and date of birth are shown to jpo-admin, the auditor and the handler's own
     * organisation.
     */
    private boolean personalDataVisible(ApprovedHandler h) {
        if (caller.hasRole(Roles.JPO_ADMIN) || caller.hasRole(Roles.AUDITOR)) {
            return true;
        }
        return caller.isVendorSide()
                && caller.organisation().map(o -> o.equals(h.organisation)).orElse(false);
    }

    /** The audit trail keeps the full entry (it is read by jpo-admin and the auditor only). */
    private HandlerView auditView(ApprovedHandler h) {
        return HandlerView.of(h, pending(h), true);
    }

    /**
     * R-SEC-2: jpo-admin approves the version reviewed (If-Match), never a proposal or change
     * proposed by the same account; R-SEC-1: the Keycloak account must belong to the proposing
     * organisation (its {@code org} attribute).
     */
    @Transactional
    public HandlerView approve(long id, String ifMatch) {
        ApprovedHandler h = visible(id);
        ETags.check(ifMatch, h.version);
        boolean change = h.status == ApprovedHandler.Status.APPROVED && h.pendingChange != null;
        if (!change && h.status != ApprovedHandler.Status.PROPOSED) {
            throw ProblemException.rule(
                    "R-SEC-1",
                    "only a proposed handler or a proposed change can be approved (it is "
                            + h.status
                            + ")");
        }
        requireNotProposer(h, change);
        requireOrganisation(change ? pending(h).accountId() : h.accountId, h.organisation);
        handlers.lockRoles();
        if (change) {
            return approveChange(h);
        }
        try {
            keycloak.grant(h.accountId);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "R-SEC-1: Keycloak refused or is unreachable granting %s: %s",
                    h.accountId, e.toString());
            throw ProblemException.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    "the role could not be granted in Keycloak; nothing was approved — retry");
        }
        h.status = ApprovedHandler.Status.APPROVED;
        h.decidedBy = caller.name();
        h.decidedAt = clock.instant();
        h.roleSynced = true;
        seals.decide("approve", h); // #15 item 7
        handlers.flush();
        return view(h);
    }

    /**
     * R-SEC-2: the account that proposed the entry (while it is a proposal), changed the proposal
     * or proposed the waiting change of an approved entry never approves or rejects it (403).
     */
    private void requireNotProposer(ApprovedHandler h, boolean change) {
        caller.requireNotSelf(
                "R-SEC-2",
                h.pendingChangeById,
                h.pendingChangeBy,
                (change ? "proposed the change of handler " : "changed the proposal of handler ")
                        + h.id);
        if (!change) {
            caller.requireNotSelf(
                    "R-SEC-2", h.proposedById, h.proposedBy, "proposed handler " + h.id);
        }
    }

    /**
     * R-SEC-1: the account is known to Keycloak and its {@code org} attribute is the proposing
     * organisation.
     */
    private void requireOrganisation(String accountId, String organisation) {
        java.util.Optional<KeycloakRoles.Account> account;
        try {
            account = keycloak.account(accountId);
        } catch (RuntimeException e) {
            LOG.warnf("R-SEC-1: Keycloak could not be asked about %s: %s", accountId, e.toString());
            throw ProblemException.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    "Keycloak could not be asked whose account "
                            + accountId
                            + " is; nothing was approved — retry");
        }
        if (account.isEmpty()) {
            throw ProblemException.rule(
                    "R-SEC-1", "Keycloak knows no account " + accountId + "; nothing was approved");
        }
        if (!organisation.equals(account.get().organisation())) {
            throw ProblemException.rule(
                    "R-SEC-1",
                    "account "
                            + accountId
                            + " belongs to organisation "
                            + (account.get().organisation() == null
                                    ? "(none)"
                                    : account.get().organisation())
                            + ", not to the proposing organisation "
                            + organisation
                            + "; nothing was approved");
        }
    }

    private HandlerView approveChange(ApprovedHandler h) {
        HandlerInput change = pending(h);
        String oldAccount = h.accountId;
        if (!change.accountId().equals(oldAccount)) {
            try {
                keycloak.grant(change.accountId());
            } catch (RuntimeException e) {
                throw ProblemException.of(
                        ProblemType.DEPENDENCY_UNAVAILABLE,
                        "the role could not be granted in Keycloak; the change was not approved — retry");
            }
        }
        apply(h, change, change.organisation());
        h.pendingChange = null;
        h.decidedBy = caller.name();
        h.decidedAt = clock.instant();
        h.roleSynced = change.accountId().equals(oldAccount) || revoke(oldAccount);
        seals.decide("approve-change", h); // #15 item 7
        handlers.flush();
        return view(h);
    }

    /** A decision on the version reviewed (R-SEC-2: If-Match). */
    @Transactional
    public HandlerView reject(long id, String ifMatch, String reason) {
        ApprovedHandler h = visible(id);
        ETags.check(ifMatch, h.version);
        if (h.status == ApprovedHandler.Status.APPROVED && h.pendingChange != null) {
            requireNotProposer(h, true);
            h.pendingChange = null;
            h.pendingChangeBy = null;
            h.pendingChangeById = null;
            h.note = reason;
            handlers.flush();
            audit.append("reject-change", "approved-handler", h.id, auditView(h));
            return view(h);
        }
        if (h.status != ApprovedHandler.Status.PROPOSED) {
            throw ProblemException.rule(
                    "R-SEC-1", "only a proposed handler can be rejected (it is " + h.status + ")");
        }
        requireNotProposer(h, false);
        h.status = ApprovedHandler.Status.REJECTED;
        h.decidedBy = caller.name();
        h.decidedAt = clock.instant();
        h.note = reason;
        seals.decide("reject", h); // #15 item 7
        handlers.flush();
        return view(h);
    }

    /**
     * Removal is immediate: the entry is REMOVED now and the Keycloak role removed (retried if
     * Keycloak is down).
     */
    @Transactional
    public HandlerView remove(long id, String reason) {
        ApprovedHandler h = visible(id);
        if (h.status == ApprovedHandler.Status.REMOVED
                || h.status == ApprovedHandler.Status.REJECTED) {
            throw ProblemException.rule("R-SEC-1", "handler " + id + " is already " + h.status);
        }
        boolean wasApproved = h.status == ApprovedHandler.Status.APPROVED;
        h.status = ApprovedHandler.Status.REMOVED;
        h.removedBy = caller.name();
        h.removedAt = clock.instant();
        h.note = reason;
        h.roleSynced = !wasApproved || revoke(h.accountId);
        seals.decide("remove", h); // #15 item 7
        handlers.flush();
        return view(h);
    }

    @Scheduled(
            every = "${kiban.handlers.sync-every:60s}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void retryRevocations() {
        for (ApprovedHandler h :
                handlers.list(
                        "status = ?1 and roleSynced = false", ApprovedHandler.Status.REMOVED)) {
            if (revoke(h.accountId)) {
                h.roleSynced = true;
                audit.append("role-removed", "approved-handler", h.id, auditView(h));
            }
        }
    }

    /**
     * R-SEC-1, the list is the truth: every Keycloak account holding {@code approved-handler} that
     * is not an APPROVED entry of the list (by account id or username) loses the role; each removal
     * is audited and counted. Runs on the clustered Quartz scheduler every few minutes (one
     * instance per pass) and once at start.
     */
    @Scheduled(
            identity = "handler-role-reconciler",
            every = "${kiban.handlers.reconcile-every:3m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcileOnSchedule() {
        reconcile();
    }

    void reconcileAtStart(@Observes StartupEvent start) {
        if (!reconcileAtStart) {
            return;
        }
        // off the startup thread: a slow Keycloak never delays readiness
        Thread t =
                new Thread(
                        () ->
                                io.quarkus.arc.Arc.container()
                                        .instance(HandlerService.class)
                                        .get()
                                        .reconcile(),
                        "handler-role-reconciler-start");
        t.setDaemon(true);
        t.start();
    }

    @Transactional
    @ActivateRequestContext
    public ReconcileResult reconcile() {
        handlers.lockRoles(); // waits for an approval that granted the role and has not committed
        // yet
        List<KeycloakRoles.Account> holders;
        try {
            holders = keycloak.holders();
        } catch (RuntimeException e) {
            reconcileFailed.increment();
            LOG.errorf(
                    "R-SEC-1: the reconciler could not read the holders of approved-handler: %s",
                    e.toString());
            return new ReconcileResult(-1, List.of(), List.of("keycloak"));
        }
        Set<String> listed = new HashSet<>();
        for (ApprovedHandler h : handlers.list("status", ApprovedHandler.Status.APPROVED)) {
            listed.add(h.accountId.toLowerCase(Locale.ROOT));
        }
        List<String> removed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (KeycloakRoles.Account a : holders) {
            boolean onList =
                    (a.id() != null && listed.contains(a.id().toLowerCase(Locale.ROOT)))
                            || (a.username() != null
                                    && listed.contains(a.username().toLowerCase(Locale.ROOT)));
            if (onList) {
                continue;
            }
            try {
                keycloak.revoke(a.id());
            } catch (RuntimeException e) {
                reconcileFailed.increment();
                failed.add(a.username());
                LOG.errorf(
                        "R-SEC-1: could not take approved-handler from %s (not on the list): %s",
                        a.username(), e.toString());
                continue;
            }
            roleRemoved.increment();
            removed.add(a.username());
            LOG.warnf(
                    "R-SEC-1: approved-handler taken from %s (%s, organisation %s): not on the approved list",
                    a.username(), a.id(), a.organisation());
            audit.append("reconcile-role-removed", "keycloak-account", a.username(), a);
        }
        return new ReconcileResult(holders.size(), removed, failed);
    }

    /**
     * R-SEC-1: a vendor organisation's facts; a vendor reads its own, JPO and the auditor read all.
     */
    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganisationView organisation(String organisation) {
        if (!caller.maySee(organisation)) {
            throw ProblemException.notFound("vendor organisation", organisation);
        }
        return organisations
                .findByIdOptional(organisation)
                .map(OrganisationView::of)
                .orElseThrow(() -> ProblemException.notFound("vendor organisation", organisation));
    }

    /**
     * R-SEC-1: records (first time, no If-Match) or changes (If-Match) the facts of one vendor
     * organisation: the vendor for its own organisation, or jpo-admin; audited.
     */
    @Transactional
    public OrganisationView recordOrganisation(
            String organisation, String ifMatch, OrganisationInput in) {
        if (!caller.hasRole(Roles.JPO_ADMIN)
                && !caller.organisation().map(organisation::equals).orElse(false)) {
            throw ProblemException.notFound("vendor organisation", organisation);
        }
        VendorOrganisation o = organisations.findById(organisation);
        boolean created = o == null;
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw ProblemException.of(
                        ProblemType.PRECONDITION_FAILED,
                        "no record of " + organisation + " exists yet");
            }
            o = new VendorOrganisation();
            o.organisation = organisation;
        } else {
            ETags.check(ifMatch, o.version);
        }
        o.capitalRelations = in.capitalRelations();
        o.officers = in.officers();
        o.placeOfWork = in.placeOfWork();
        o.recordedBy = caller.name();
        o.recordedAt = clock.instant();
        if (created) {
            organisations.persist(o);
        }
        organisations.flush();
        OrganisationView view = OrganisationView.of(o);
        audit.append(created ? "record" : "change", "vendor-organisation", organisation, view);
        return view;
    }

    private boolean revoke(String accountId) {
        try {
            keycloak.revoke(accountId);
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(
                    "R-SEC-1: could not remove approved-handler from %s yet (will retry): %s",
                    accountId, e.toString());
            return false;
        }
    }

    private String organisation(HandlerInput in) {
        if (caller.isVendorSide() && !caller.hasRole(Roles.JPO_ADMIN)) {
            return caller.organisation()
                    .orElseThrow(
                            () ->
                                    ProblemException.of(
                                            ProblemType.FORBIDDEN,
                                            "a vendor token without an organisation cannot propose handlers"));
        }
        if (in.organisation() == null || in.organisation().isBlank()) {
            throw ProblemException.badField("organisation", "is required");
        }
        return in.organisation();
    }

    private static void apply(ApprovedHandler h, HandlerInput in, String org) {
        h.name = in.name();
        h.address = in.address();
        h.dateOfBirth = in.dateOfBirth();
        h.department = in.department();
        h.position = in.position();
        h.trackRecord = in.trackRecord();
        h.organisation = org;
        h.role = in.role();
        h.affiliation = in.affiliation();
        h.expertise = in.expertise();
        h.nationality = in.nationality();
        h.accountId = in.accountId();
    }

    private ApprovedHandler visible(long id) {
        return handlers.findByIdOptional(id)
                .filter(h -> caller.maySee(h.organisation))
                .orElseThrow(() -> ProblemException.notFound("handler", id));
    }
}
