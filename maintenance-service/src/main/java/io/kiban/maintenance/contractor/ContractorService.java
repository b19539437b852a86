package io.kiban.maintenance.contractor;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.maintenance.support.Access;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The registry of waste contractors approved by jpo-admin (R-MT-4). */
@ApplicationScoped
public class ContractorService {

    @ApplicationScoped
    public static class Repository implements PanacheRepository<Contractor> {
    }

    public record ContractorInput(@NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 2000) String scope,
            @NotNull LocalDate approvedOn) {
    }

    public record RevocationInput(@NotNull LocalDate revokedOn, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ContractorView(Long id, String name, String scope, LocalDate approvedOn, String approvedBy,
            LocalDate revokedOn, String revocationReason, long version) {
        public static ContractorView of(Contractor c) {
            return new ContractorView(c.id, c.name, c.scope, c.approvedOn, c.approvedBy, c.revokedOn,
                    c.revocationReason, c.version);
        }
    }

    private final Repository contractors;
    private final AuditTrail audit;
    private final Access access;

    public ContractorService(Repository contractors, AuditTrail audit, Access access) {
        this.contractors = contractors;
        this.audit = audit;
        this.access = access;
    }

    @Transactional
    public ContractorView approve(ContractorInput input) {
        contractors.find("name", input.name()).firstResultOptional().ifPresent(c -> {
            throw ProblemException.conflict("contractor " + input.name() + " is already registered",
                    List.of(new Problem.Conflict("contractor", String.valueOf(c.id), "same name", "/contractors/" + c.id)));
        });
        Contractor c = new Contractor();
        c.name = input.name();
        c.scope = input.scope();
        c.approvedOn = input.approvedOn();
        c.approvedBy = access.actor();
        contractors.persist(c);
        contractors.flush();
        ContractorView view = ContractorView.of(c);
        audit.append("approve-contractor", "contractor", c.id, view);
        return view;
    }

    @Transactional
    public ContractorView revoke(long id, String ifMatch, RevocationInput input) {
        Contractor c = contractors.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("contractor", id));
        ETags.check(ifMatch, c.version);
        if (c.revokedOn != null) {
            throw ProblemException.of(ProblemType.CONFLICT, "contractor " + id + " was revoked on " + c.revokedOn);
        }
        if (input.revokedOn().isBefore(c.approvedOn)) {
            throw ProblemException.badField("revokedOn", "must not be before the approval " + c.approvedOn);
        }
        c.revokedOn = input.revokedOn();
        c.revocationReason = input.reason();
        contractors.flush();
        ContractorView view = ContractorView.of(c);
        audit.append("revoke-contractor", "contractor", c.id, view);
        return view;
    }

    public Page<ContractorView> list(PageRequest page) {
        var query = contractors.findAll(io.quarkus.panache.common.Sort.by("id")).page(page.page(), page.size());
        return new Page<>(query.list().stream().map(ContractorView::of).toList(), query.count(), page);
    }

    public ContractorView get(long id) {
        return contractors.findByIdOptional(id).map(ContractorView::of)
                .orElseThrow(() -> ProblemException.notFound("contractor", id));
    }
}
