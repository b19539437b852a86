package io.kiban.lifecycle.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Caller;
import io.kiban.commons.security.Roles;
import io.kiban.lifecycle.contract.ContractDtos.AmendmentInput;
import io.kiban.lifecycle.contract.ContractDtos.AmendmentView;
import io.kiban.lifecycle.contract.ContractDtos.AmountInput;
import io.kiban.lifecycle.contract.ContractDtos.ContractInput;
import io.kiban.lifecycle.contract.ContractDtos.ContractView;
import io.kiban.lifecycle.contract.ContractDtos.Deadline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The contract (R-LC-1…R-LC-8 dates, R-LC-13 amounts): read by everyone, amended by jpo-admin. */
@ApplicationScoped
public class ContractService {

    private final AmendmentSeals seals;
    private final ContractRepository contracts;
    private final AmendmentRepository amendments;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final Caller caller;
    private final Event<ContractAmended> amended;
    private final Instance<AmendmentGuard> guards;
    private final ObjectMapper json;
    private final Clock clock;

    public ContractService(
            ContractRepository contracts,
            AmendmentRepository amendments,
            BusinessCalendar calendar,
            AuditTrail audit,
            Caller caller,
            Event<ContractAmended> amended,
            Instance<AmendmentGuard> guards,
            ObjectMapper json,
            Clock clock,
            AmendmentSeals seals) {
        this.seals = seals;
        this.amended = amended;
        this.caller = caller;
        this.contracts = contracts;
        this.amendments = amendments;
        this.calendar = calendar;
        this.audit = audit;
        this.guards = guards;
        this.json = json;
        this.clock = clock;
    }

    /** The contract entity, for other features inside this service (read-only use). */
    // #16 §3: a read writes nothing: no JTA transaction
    // (a read helper: on a write path it joins the caller's transaction, as before)
    @Transactional(Transactional.TxType.SUPPORTS)
    public Contract contract() {
        return contracts
                .findByIdOptional(Contract.ID)
                .orElseThrow(() -> new IllegalStateException("contract row missing"));
    }

    /**
     * Vendor users act on the lease's records only as the contracted vendor organisation: another
     * vendor (or a support vendor) may read, but not submit deliverables, propose extensions or
     * write the removal checklist. 403 naming what was attempted; jpo-admin is not limited.
     */
    @Transactional
    public void requireContractedVendor(String what) {
        if (caller.isVendorSide() && !caller.hasRole(Roles.JPO_ADMIN)) {
            String vendor = contract().vendorOrganisation;
            if (!caller.organisation().map(vendor::equals).orElse(false)) {
                throw ProblemException.of(
                        ProblemType.FORBIDDEN, "only the contracted vendor " + vendor + " " + what);
            }
        }
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContractView view() {
        return ContractView.of(contract());
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AmendmentView> amendments() {
        return amendments.list("order by id").stream().map(this::view).toList();
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public AmendmentView amendment(long id) {
        return view(findAmendment(id));
    }

    /**
     * R-SEC-2: a jpo-admin proposes an amendment (the whole new contract) against the contract
     * version reviewed (If-Match, 428/412); it is validated now (422) and checked against what it
     * must not rewrite (R-LC-14 closed months, 409), and changes nothing until a second jpo-admin
     * approves it.
     */
    @Transactional
    public AmendmentView propose(String ifMatch, AmendmentInput in) {
        Contract c = contract();
        ETags.check(ifMatch, c.version);
        validate(in.contract());
        guards.forEach(g -> g.check(c, in.contract()));
        ContractAmendment a = new ContractAmendment();
        a.baseVersion = c.version;
        a.proposal = write(in.contract());
        a.reason = in.reason();
        a.status = ContractAmendment.Status.PROPOSED;
        a.proposedBy = caller.name();
        a.proposedById = caller.id();
        a.proposedAt = clock.instant();
        amendments.persist(a);
        amendments.flush();
        AmendmentView view = view(a);
        audit.append("propose", "contract-amendment", a.id, view);
        return view;
    }

    /**
     * R-SEC-2: a second jpo-admin approves (or rejects) the amendment on the version reviewed
     * (If-Match); the proposer never decides it (403). Approval needs the contract unchanged since
     * the proposal (409) and applies it: the scheduled reports and the deliverables due relative to
     * the online service start follow in this transaction.
     */
    @Transactional
    public AmendmentView decide(long id, boolean approve, String ifMatch) {
        ContractAmendment a = findAmendment(id);
        ETags.check(ifMatch, a.version);
        if (a.status != ContractAmendment.Status.PROPOSED) {
            throw ProblemException.conflict(
                    "amendment " + id + " was already decided (" + a.status + ")", List.of());
        }
        caller.requireNotSelf("R-SEC-2", a.proposedById, a.proposedBy, "proposed amendment " + id);
        if (approve) {
            Contract c = contract();
            if (c.version != a.baseVersion) {
                throw ProblemException.conflict(
                        "the contract changed since amendment "
                                + id
                                + " was proposed (version "
                                + a.baseVersion
                                + ", now "
                                + c.version
                                + "); propose it again on the current contract",
                        List.of());
            }
            ContractInput in = read(a.proposal);
            validate(in);
            guards.forEach(g -> g.check(c, in));
            apply(c, in);
        }
        a.status = approve ? ContractAmendment.Status.APPROVED : ContractAmendment.Status.REJECTED;
        a.decidedBy = caller.name();
        a.decidedById = caller.id();
        a.decidedAt = clock.instant();
        a.auditMac = seals.seal(approve ? "approve" : "reject", a); // #15 item 7
        amendments.flush();
        return view(a);
    }

    private void apply(Contract c, ContractInput in) {
        c.signingDate = in.signingDate();
        c.deliveryDeadline = in.deliveryDeadline();
        c.extensionLimit = in.extensionLimit();
        c.productionStart = in.productionStart();
        c.leaseStart = in.leaseStart();
        c.leaseEnd = in.leaseEnd();
        c.removalDeadline = in.removalDeadline();
        c.contractEnd = in.contractEnd();
        c.vendorOrganisation = in.vendorOrganisation();
        c.amounts.clear();
        contracts.flush();
        for (AmountInput a : in.amounts()) {
            ContractAmount amount = new ContractAmount();
            amount.categoryCode = a.categoryCode();
            amount.categoryName = a.categoryName();
            amount.leaseMonthly = a.leaseMonthly();
            amount.maintenanceMonthly = a.maintenanceMonthly();
            c.amounts.add(amount);
        }
        contracts.flush();
        ContractView view = ContractView.of(c);
        audit.append("amend", "contract", c.id, view);
        // the scheduled reports and R-LC-5/6 deliverables follow the new dates, in this transaction
        // (DeliverableSchedule)
        amended.fire(new ContractAmended(c));
    }

    private ContractAmendment findAmendment(long id) {
        return amendments
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("contract amendment", id));
    }

    private AmendmentView view(ContractAmendment a) {
        return new AmendmentView(
                a.id,
                a.baseVersion,
                read(a.proposal),
                a.reason,
                a.status,
                a.proposedBy,
                a.proposedAt,
                a.decidedBy,
                a.decidedAt,
                a.version);
    }

    private String write(ContractInput in) {
        try {
            return json.writeValueAsString(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ContractInput read(String proposal) {
        try {
            return json.readValue(proposal, ContractInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable contract amendment", e);
        }
    }

    private static void validate(ContractInput in) {
        Set<String> codes = new HashSet<>();
        for (AmountInput a : in.amounts()) {
            if (!codes.add(a.categoryCode())) {
                throw ProblemException.badField(
                        "amounts", "category " + a.categoryCode() + " appears twice");
            }
        }
        if (in.leaseStart().getDayOfMonth() != 1) {
            throw ProblemException.badField("leaseStart", "must be the first day of a month");
        }
        if (!in.leaseEnd().equals(in.leaseEnd().withDayOfMonth(in.leaseEnd().lengthOfMonth()))) {
            throw ProblemException.badField("leaseEnd", "must be the last day of a month");
        }
        require(
                in.signingDate().isBefore(in.deliveryDeadline()),
                "R-LC-2",
                "the delivery deadline follows signing");
        require(
                !in.extensionLimit().isBefore(in.deliveryDeadline()),
                "R-LC-3",
                "the extension limit is on or after the delivery deadline");
        require(
                in.signingDate().isBefore(in.productionStart()),
                "R-LC-4",
                "production starts after signing");
        require(
                in.leaseStart().isBefore(in.leaseEnd()),
                "R-LC-7",
                "the lease starts before it ends");
        require(
                !in.productionStart().isAfter(in.leaseStart()),
                "R-LC-7",
                "the paid lease starts on or after the production start");
        require(
                in.leaseEnd().isBefore(in.removalDeadline()),
                "R-LC-8",
                "removal follows the end of the lease");
        require(
                !in.removalDeadline().isAfter(in.contractEnd()),
                "R-LC-1",
                "the removal deadline lies within the contract");
    }

    private static void require(boolean ok, String rule, String message) {
        if (!ok) {
            throw ProblemException.rule(rule, message);
        }
    }

    /** The contract's deadlines with their practical due dates. */
    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Deadline> deadlines() {
        Contract c = contract();
        List<Deadline> list = new ArrayList<>();
        list.add(deadline("delivery", "R-LC-2", "納入期日", c.deliveryDeadline));
        list.add(deadline("delivery-extension-limit", "R-LC-3", "納入期限の延長の限度", c.extensionLimit));
        list.add(deadline("production-start", "R-LC-4", "オンラインサービス開始", c.productionStart));
        list.add(deadline("lease-start", "R-LC-7", "月極賃貸借の開始", c.leaseStart));
        list.add(deadline("lease-end", "R-LC-7", "月極賃貸借の終了", c.leaseEnd));
        list.add(deadline("removal", "R-LC-8", "撤去期限", c.removalDeadline));
        list.add(deadline("contract-end", "R-LC-1", "契約期間の終了", c.contractEnd));
        list.sort(Comparator.comparing(Deadline::date));
        return list;
    }

    public Deadline deadline(String id, String rule, String name, LocalDate date) {
        LocalDate practical = calendar.practicalDueDate(date);
        return Deadline.of(id, rule, name, date, practical, calendar.isComputed(date, practical));
    }
}
