package io.kiban.lifecycle.overview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.Remote;
import io.kiban.commons.client.RemoteList;
import io.kiban.commons.paging.PageRequest;
import io.kiban.lifecycle.contract.ContractDtos.Deadline;
import io.kiban.lifecycle.contract.ContractDtos.RemovalBreach;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.deliverable.DeliverableDtos.DeliverableView;
import io.kiban.lifecycle.deliverable.DeliverableService;
import io.kiban.lifecycle.delivery.DeliveryService;
import io.kiban.lifecycle.phase.PhaseDtos.PhaseView;
import io.kiban.lifecycle.phase.PhaseService;
import io.kiban.lifecycle.phase.RemovalObligation;
import io.kiban.lifecycle.support.BackupClient;
import io.kiban.lifecycle.support.MaintenanceClient;
import io.kiban.lifecycle.support.PagedList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The JPO overview: phases, the next five deadlines, overdue deliverables, delivery status
 * (asset-service), open tickets and outstanding sanitization (maintenance-service), backup
 * freshness (backup-service). Each remote section is asked with short timeouts; when its service is
 * down the section says unavailable and the rest still answers.
 */
@ApplicationScoped
class OverviewService {

    static final List<String> OPEN_TICKET_STATUSES =
            List.of("REPORTED", "ACKNOWLEDGED", "IN_PROGRESS", "PARTS_REPLACED");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Section(
            boolean available, String service, String unavailableReason, Object data) {}

    public record UpcomingDeadline(
            String id,
            String rule,
            String name,
            LocalDate date,
            String dateReiwa,
            LocalDate practicalDueDate,
            boolean computed) {}

    /**
     * {@code removalBreaches}: R-LC-8, every environment removed after the removal deadline or not
     * removed by it.
     */
    public record Overview(
            LocalDate today,
            List<PhaseView> phases,
            List<UpcomingDeadline> nextDeadlines,
            List<DeliverableView> overdue,
            List<RemovalBreach> removalBreaches,
            Section deliveries,
            Section maintenance,
            Section backup) {}

    private final PhaseService phases;
    private final ContractService contracts;
    private final DeliverableService deliverables;
    private final DeliveryService deliveries;
    private final MaintenanceClient maintenance;
    private final BackupClient backup;
    private final RemovalObligation obligation;

    public OverviewService(
            PhaseService phases,
            ContractService contracts,
            DeliverableService deliverables,
            DeliveryService deliveries,
            @RestClient MaintenanceClient maintenance,
            @RestClient BackupClient backup,
            RemovalObligation obligation) {
        this.obligation = obligation;
        this.phases = phases;
        this.contracts = contracts;
        this.deliverables = deliverables;
        this.deliveries = deliveries;
        this.maintenance = maintenance;
        this.backup = backup;
    }

    public Overview overview() {
        LocalDate today = deliverables.today();
        List<UpcomingDeadline> upcoming = new ArrayList<>();
        for (Deadline d : contracts.deadlines()) {
            upcoming.add(
                    new UpcomingDeadline(
                            d.id(),
                            d.rule(),
                            d.name(),
                            d.date(),
                            d.dateReiwa(),
                            d.practicalDueDate(),
                            d.computed()));
        }
        for (DeliverableView d :
                deliverables.list(null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items()) {
            if (d.status() != io.kiban.lifecycle.deliverable.Deliverable.Status.APPROVED) {
                upcoming.add(
                        new UpcomingDeadline(
                                "deliverable:" + d.id(),
                                d.rule(),
                                d.title(),
                                d.dueDate(),
                                d.dueDateReiwa(),
                                d.practicalDueDate(),
                                d.computed()));
            }
        }
        List<UpcomingDeadline> next =
                upcoming.stream()
                        .filter(d -> !d.date().isBefore(today))
                        .sorted(Comparator.comparing(UpcomingDeadline::date))
                        .limit(5)
                        .toList();
        return new Overview(
                today,
                phases.list(),
                next,
                deliverables.overdue(),
                obligation.breaches(),
                section("asset-service", deliveries::status),
                section("maintenance-service", this::maintenanceFigures),
                section("backup-service", this::backupFigures));
    }

    private Map<String, Object> maintenanceFigures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        long open = 0;
        for (String status : OPEN_TICKET_STATUSES) {
            Response r =
                    Remote.call(
                            "maintenance-service",
                            "GET /tickets?status=" + status,
                            () -> maintenance.tickets(status, 1));
            try (r) {
                if (r.getStatus() != 200) {
                    throw new IllegalStateException("tickets answered HTTP " + r.getStatus());
                }
                String total = r.getHeaderString("X-Total-Count");
                open += total == null ? 0 : Long.parseLong(total);
            }
        }
        figures.put("openTickets", open);
        // #15 item 10: every page is read, so the count is the whole list's
        figures.put(
                "outstandingSanitization",
                PagedList.readAll(
                                "maintenance-service",
                                "GET /reports/outstanding-sanitization",
                                p -> maintenance.outstandingSanitization(p, PagedList.PAGE_SIZE),
                                io.kiban.lifecycle.removal.RemovalGate::outstandingEntries)
                        .size());
        return figures;
    }

    private Map<String, Object> backupFigures() {
        // #15 item 10: every page of /reports/rpo, so no stale target is left out of the overview
        List<JsonNode> rpo =
                PagedList.readAll(
                        "backup-service",
                        "GET /reports/rpo",
                        p -> backup.rpo(p, PagedList.PAGE_SIZE),
                        PagedList::array);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("staleTargets", rpo);
        figures.put("staleCount", rpo.size());
        return figures;
    }

    private static Section section(String service, Supplier<Object> call) {
        try {
            return new Section(true, service, null, call.get());
        } catch (Remote.Failure | RemoteList.Incomplete e) {
            return new Section(false, service, e.getMessage(), null);
        } catch (RuntimeException e) {
            return new Section(
                    false,
                    service,
                    service + " gave an unusable answer (" + e.getClass().getSimpleName() + ")",
                    null);
        }
    }
}
