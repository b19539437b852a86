package io.kiban.lifecycle.deliverable;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.deliverable.DeliverableService.DeliverableRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Generates the recurring reports from the contract dates, once: progress reports every two weeks during the
 * build phase (R-LC-11, signing → production start) and the security compliance report (別紙2) every six
 * months from the production start to the contract end (R-LC-12).
 */
@ApplicationScoped
public class DeliverableSchedule {

    private static final Logger LOG = Logger.getLogger(DeliverableSchedule.class);

    private final DeliverableRepository deliverables;
    private final ContractService contracts;
    private final AuditTrail audit;

    public DeliverableSchedule(DeliverableRepository deliverables, ContractService contracts, AuditTrail audit) {
        this.deliverables = deliverables;
        this.contracts = contracts;
        this.audit = audit;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        Contract c = contracts.contract();
        int generated = 0;
        if (deliverables.count("kind", Deliverable.Kind.PROGRESS_REPORT) == 0) {
            int n = 1;
            for (LocalDate due = c.signingDate.plusWeeks(2); !due.isAfter(c.productionStart); due = due.plusWeeks(2)) {
                add(Deliverable.Kind.PROGRESS_REPORT, "進捗報告（第" + n++ + "回）", due);
                generated++;
            }
        }
        if (deliverables.count("kind", Deliverable.Kind.SECURITY_COMPLIANCE) == 0) {
            int n = 1;
            for (LocalDate due = c.productionStart.plusMonths(6); !due.isAfter(c.contractEnd); due = due.plusMonths(6)) {
                add(Deliverable.Kind.SECURITY_COMPLIANCE, "情報セキュリティ対策の実施状況報告（別紙2）第" + n++ + "回", due);
                generated++;
            }
        }
        if (generated > 0) {
            audit.append("generate-schedule", "deliverable", "schedule", generated);
            LOG.infof("generated %d scheduled reports (R-LC-11, R-LC-12)", generated);
        }
    }

    private void add(Deliverable.Kind kind, String title, LocalDate due) {
        Deliverable d = new Deliverable();
        d.kind = kind;
        d.ruleId = kind.rule;
        d.title = title;
        d.dueDate = due;
        d.status = Deliverable.Status.PENDING;
        deliverables.persist(d);
    }
}
