package io.kiban.maintenance.contractor;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.maintenance.support.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The registry of waste contractors (R-MT-4): proposed (by the vendor that chose it, or by JPO),
 * then approved by a jpo-admin who did not propose it (R-SEC-2, If-Match of the version reviewed)
 * at server time. A typed approval or revocation date is not part of the API (the strict JSON
 * reader answers 400 for it).
 */
@ApplicationScoped
public class ContractorService {

    public record ContractorInput(
            @NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 2000) String scope) {}

    public record ApprovalInput(@Size(max = 2000) String note) {}

    public record RevocationInput(@NotBlank @Size(max = 2000) String reason) {}

    public record ContractorView(
            Long id,
            String name,
            String scope,
            Contractor.Status status,
            String proposedBy,
            Instant proposedAt,
            Instant approvedAt,
            String approvedBy,
            Instant revokedAt,
            String revokedBy,
            String revocationReason,
            long version) {
        public static ContractorView of(Contractor c) {
            return new ContractorView(
                    c.id,
                    c.name,
                    c.scope,
                    c.status,
                    c.proposedBy,
                    c.proposedAt,
                    c.approvedAt,
                    c.approvedBy,
                    c.revokedAt,
                    c.revokedBy,
                    c.revocationReason,
                    c.version);
        }
    }

    private final ContractorRepository contractors;
    private final AuditTrail audit;
    private final Access access;
    private final Clock clock;

    public ContractorService(
            ContractorRepository contractors, AuditTrail audit, Access access, Clock clock) {
        this.contractors = contractors;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /**
     * R-MT-4: JPO is told of a contractor beforehand; it counts only once a jpo-admin approved it.
     */
    @Transactional
    public ContractorView propose(ContractorInput input) {
        contractors
                .find("name", input.name())
                .firstResultOptional()
                .ifPresent(
                        c -> {
                            throw ProblemException.conflict(
                                    "contractor " + input.name() + " is already registered",
                                    List.of(
                                            new Problem.Conflict(
                                                    "contractor",
                                                    String.valueOf(c.id),
                                                    "same name",
                                                    "/contractors/" + c.id)));
                        });
        Contractor c = new Contractor();
        c.name = input.name();
        c.scope = input.scope();
        c.status = Contractor.Status.PROPOSED;
        c.proposedBy = access.actor();
        c.proposedById = access.actorId();
        c.proposedAt = now();
        contractors.persist(c);
        contractors.flush();
        ContractorView view = ContractorView.of(c);
        audit.append("propose-contractor", "contractor", c.id, view);
        return view;
    }

    /**
     * R-MT-4 / R-SEC-2: the approval is the moment JPO records it (server time, audited), by a
     * jpo-admin who did not propose the contractor, of the version reviewed (If-Match).
     */
    @Transactional
    public ContractorView approve(long id, String ifMatch, String note) {
        Contractor c = find(id);
        ETags.check(ifMatch, c.version);
        if (c.status != Contractor.Status.PROPOSED) {
            throw ProblemException.of(
                    ProblemType.CONFLICT,
                    "contractor "
                            + id
                            + " is "
                            + c.status
                            + "; only a PROPOSED contractor is approved");
        }
        access.requireNotSelf("R-SEC-2", c.proposedById, c.proposedBy, "proposed contractor " + id);
        c.status = Contractor.Status.APPROVED;
        c.approvedAt = now();
        c.approvedBy = access.actor();
        c.approvedById = access.actorId();
        // #15 item 7: the audit entry seals the decided fields; its MAC is stored on the row
        c.auditMac =
                audit.append(ContractorSeals.APPROVE, "contractor", c.id, c.sealFields())
                        .sealAtCommit("contractor", "audit_mac", "id", c.id);
        contractors.flush();
        return ContractorView.of(c);
    }

    /** R-MT-4: a revocation takes effect when it is recorded (server time); If-Match required. */
    @Transactional
    public ContractorView revoke(long id, String ifMatch, RevocationInput input) {
        Contractor c = find(id);
        ETags.check(ifMatch, c.version);
        if (c.status == Contractor.Status.REVOKED) {
            throw ProblemException.of(
                    ProblemType.CONFLICT, "contractor " + id + " was revoked at " + c.revokedAt);
        }
        c.status = Contractor.Status.REVOKED;
        c.revokedAt = now();
        c.revokedBy = access.actor();
        c.revocationReason = input.reason();
        c.auditMac =
                audit.append(ContractorSeals.REVOKE, "contractor", c.id, c.sealFields())
                        .sealAtCommit("contractor", "audit_mac", "id", c.id);
        contractors.flush();
        return ContractorView.of(c);
    }

    public Page<ContractorView> list(PageRequest page) {
        var query =
                contractors
                        .findAll(io.quarkus.panache.common.Sort.by("id"))
                        .page(page.page(), page.size());
        return new Page<>(
                query.list().stream().map(ContractorView::of).toList(), query.count(), page);
    }

    public ContractorView get(long id) {
        return ContractorView.of(find(id));
    }

    private Contractor find(long id) {
        return contractors
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("contractor", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
