package io.kiban.lifecycle.phase;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.phase.PhaseDtos.ChecklistItemView;
import io.kiban.lifecycle.support.Environment;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** The restoration checklist 原状復帰 (R-RM-1): the vendor notes what was done, jpo-admin signs item by item. */
@ApplicationScoped
public class RestorationService {

    @ApplicationScoped
    public static class RestorationRepository implements PanacheRepository<RestorationItem> {
    }

    private final RestorationRepository items;
    private final PhaseService.PhaseRepository phases;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;
    private final ContractService contracts;

    public RestorationService(RestorationRepository items, PhaseService.PhaseRepository phases, AuditTrail audit,
            Caller caller, Clock clock, ContractService contracts) {
        this.contracts = contracts;
        this.items = items;
        this.phases = phases;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public List<ChecklistItemView> checklist(Environment env) {
        return items.list("environment = ?1 order by id", env).stream().map(RestorationService::view).toList();
    }

    @Transactional
    public ChecklistItemView note(Environment env, String item, String note) {
        contracts.requireContractedVendor("writes the restoration notes");
        RestorationItem i = find(env, item);
        if (i.signedAt != null) {
            throw ProblemException.rule("R-RM-1", "item " + item + " is signed off");
        }
        i.vendorNote = note;
        items.flush();
        ChecklistItemView view = view(i);
        audit.append("note", "restoration-item", env + "/" + item, view);
        return view;
    }

    @Transactional
    public ChecklistItemView sign(Environment env, String item) {
        RestorationItem i = find(env, item);
        Phase phase = phases.findById(env).phase;
        if (phase != Phase.REMOVING) {
            throw ProblemException.rule("R-RM-1", "restoration is signed off while " + env + " is REMOVING (it is " + phase + ")");
        }
        if (i.signedAt != null) {
            throw ProblemException.rule("R-RM-1", "item " + item + " is already signed off");
        }
        i.signedBy = caller.name();
        i.signedAt = clock.instant();
        items.flush();
        ChecklistItemView view = view(i);
        audit.append("sign", "restoration-item", env + "/" + item, view);
        return view;
    }

    private RestorationItem find(Environment env, String item) {
        return items.find("environment = ?1 and itemCode = ?2", env, item).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("checklist item " + env, item));
    }

    private static ChecklistItemView view(RestorationItem i) {
        return new ChecklistItemView(i.itemCode, i.label, i.vendorNote, i.signedAt != null, i.signedBy, i.signedAt,
                i.version);
    }
}
