package io.kiban.backup.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.Remote;
import io.kiban.commons.client.RemoteList;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * What backup-service asks of maintenance-service: the hold of a running ticket, and whether an
 * array's media are destroyed.
 */
@ApplicationScoped
public class MaintenanceGateway {

    private static final Logger LOG = Logger.getLogger(MaintenanceGateway.class);
    private static final String MAINTENANCE = "maintenance-service";

    /** Whether a run must hold; {@code note} says why, or that the check could not be made. */
    public record Hold(boolean held, String note) {}

    /**
     * Whether every medium of an array has accepted destruction evidence; {@code note} when
     * unknown.
     */
    public record MediaDestruction(boolean accepted, List<String> pendingSerials, String note) {}

    public static final String HOLD_RULE = "SEC-BK-4";

    private final MaintenanceClient maintenance;
    private final java.time.Clock clock;
    private final io.kiban.backup.support.BackupConfig config;
    private final io.micrometer.core.instrument.MeterRegistry registry;

    public MaintenanceGateway(
            @RestClient MaintenanceClient maintenance,
            java.time.Clock clock,
            io.kiban.backup.support.BackupConfig config,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.maintenance = maintenance;
        this.clock = clock;
        this.config = config;
        this.registry = registry;
    }

    /**
     * SEC-BK-4: a ticket IN_PROGRESS on the array holds its backups only if JPO acknowledged it
     * ({@code acknowledgedByJpo} on maintenance-service's ticket) and for at most {@code
     * kiban.backup.hold.max} (24 h) after that acknowledgement. Past it the backups run, the note
     * says why, and {@code kiban_backup_hold_overrun_total{array}} counts it (alert
     * KibanBackupHoldOverrun). maintenance-service unreachable → the run goes ahead and says so.
     */
    public Hold hold(String arrayHardwareId) {
        try {
            return hold(arrayHardwareId, tickets(arrayHardwareId, "IN_PROGRESS"));
        } catch (Remote.Failure f) {
            // logged by Remote; the hold is advisory: the run goes ahead and says why
            return new Hold(
                    false,
                    "maintenance-service unreachable ("
                            + (f.status() == 0 ? "no answer" : "answered HTTP " + f.status())
                            + "); ran without the maintenance hold check");
        } catch (RuntimeException e) {
            // an incomplete list (RemoteList.Incomplete) or a ticket that cannot be read
            LOG.warnf(
                    "the tickets of array %s could not be read for the hold check: %s",
                    arrayHardwareId, e.getMessage());
            return new Hold(
                    false,
                    "maintenance-service's tickets could not be read ("
                            + e.getMessage()
                            + "); ran without the maintenance hold check");
        }
    }

    private Hold hold(String arrayHardwareId, List<JsonNode> tickets) {
        if (tickets.isEmpty()) {
            return new Hold(false, null);
        }
        java.time.Instant now = clock.instant();
        List<String> holding = new ArrayList<>();
        List<String> overrun = new ArrayList<>();
        List<String> notJpo = new ArrayList<>();
        for (JsonNode t : tickets) {
            String id = t.path("id").asText("?");
            java.time.Instant acknowledged =
                    t.hasNonNull("acknowledgedAt")
                            ? java.time.Instant.parse(t.get("acknowledgedAt").asText())
                            : null;
            if (!t.path("acknowledgedByJpo").asBoolean(false) || acknowledged == null) {
                notJpo.add(id);
            } else if (now.isAfter(acknowledged.plus(config.hold().max()))) {
                overrun.add(id);
            } else {
                holding.add(id);
            }
        }
        if (!overrun.isEmpty()) {
            io.micrometer.core.instrument.Counter.builder("kiban_backup_hold_overrun")
                    .description(
                            "Backups that ran although a maintenance ticket was in progress on their array, "
                                    + "because the hold outlasted kiban.backup.hold.max (SEC-BK-4)")
                    .tag("array", arrayHardwareId)
                    .register(registry)
                    .increment();
            LOG.warnf(
                    "%s: maintenance ticket(s) %s on array %s in progress for longer than %s after JPO's "
                            + "acknowledgement: backups are no longer held",
                    HOLD_RULE, overrun, arrayHardwareId, config.hold().max());
        }
        if (!holding.isEmpty()) {
            return new Hold(
                    true,
                    "maintenance ticket(s) "
                            + String.join(", ", holding)
                            + " IN_PROGRESS on array "
                            + arrayHardwareId
                            + " (acknowledged by JPO, hold at most "
                            + config.hold().max().toHours()
                            + " h)");
        }
        List<String> why = new ArrayList<>();
        if (!overrun.isEmpty()) {
            why.add(
                    HOLD_RULE
                            + ": ticket(s) "
                            + String.join(", ", overrun)
                            + " in progress longer than "
                            + config.hold().max().toHours()
                            + " h after JPO's acknowledgement: not held");
        }
        if (!notJpo.isEmpty()) {
            why.add(
                    HOLD_RULE
                            + ": ticket(s) "
                            + String.join(", ", notJpo)
                            + " in progress but not acknowledged by JPO: not held");
        }
        return new Hold(false, String.join("; ", why));
    }

    /** A ticket acknowledged on an array, not yet in progress. */
    public record AcknowledgedTicket(long id, java.time.Instant acknowledgedAt) {}

    /**
     * The tickets ACKNOWLEDGED on the array (their work has not started). Throws ({@link
     * Remote.Failure}, {@link RemoteList.Incomplete}) when maintenance-service cannot answer: the
     * caller asks again on its next pass.
     */
    public List<AcknowledgedTicket> acknowledged(String arrayHardwareId) {
        List<AcknowledgedTicket> out = new ArrayList<>();
        for (JsonNode t : tickets(arrayHardwareId, "ACKNOWLEDGED")) {
            if (t.hasNonNull("id") && t.hasNonNull("acknowledgedAt")) {
                out.add(
                        new AcknowledgedTicket(
                                t.get("id").asLong(),
                                java.time.Instant.parse(t.get("acknowledgedAt").asText())));
            }
        }
        return out;
    }

    /**
     * Every ticket on the hardware in the state, every page of maintenance-service's paged {@code
     * GET /tickets} (#15 item 10: a ticket after the first page still holds or queues backups).
     */
    private List<JsonNode> tickets(String arrayHardwareId, String status) {
        return AllPages.read(
                MAINTENANCE,
                "GET /tickets?hardwareId=" + arrayHardwareId + "&status=" + status,
                page -> maintenance.tickets(arrayHardwareId, status, page, AllPages.SIZE));
    }

    /**
     * Failure-analysis log media carry logs, not the array's data: they never hold backup copies.
     */
    static final String LOG_MEDIUM = "log-medium";

    /**
     * R-BK-5 (#19): the array's data-bearing media all destroyed, as maintenance-service — the one
     * owner of that answer — reports it: {@code GET /reports/media-destruction?hardwareId=} read to
     * the end (every page until X-Total-Count), each row's {@code destroyed} (accepted evidence
     * that satisfies R-MT-4/R-MT-5). Rows of failure-analysis log media of the array's tickets are
     * not the array's disks and are left out. No media listed, or an answer that cannot be read
     * whole, is never "destroyed".
     */
    public MediaDestruction mediaDestroyed(String arrayHardwareId) {
        try {
            List<JsonNode> media =
                    AllPages.read(
                            MAINTENANCE,
                            "GET /reports/media-destruction?hardwareId=" + arrayHardwareId,
                            page ->
                                    maintenance.mediaDestruction(
                                            arrayHardwareId, page, AllPages.SIZE));
            List<String> pending = new ArrayList<>();
            int disks = 0;
            for (JsonNode medium : media) {
                if (LOG_MEDIUM.equals(medium.path("source").asText())) {
                    continue;
                }
                disks++;
                if (!medium.path("destroyed").asBoolean(false)) {
                    pending.add(medium.path("serial").asText("?"));
                }
            }
            if (disks == 0) {
                return new MediaDestruction(
                        false,
                        List.of(),
                        "maintenance-service lists no data-bearing media for " + arrayHardwareId);
            }
            return new MediaDestruction(pending.isEmpty(), pending, null);
        } catch (Remote.Failure | RemoteList.Incomplete e) {
            // fails closed: an answer that is missing or not whole is never "destroyed"
            LOG.warnf(
                    "could not establish media destruction for %s: %s",
                    arrayHardwareId, e.getMessage());
            return new MediaDestruction(false, List.of(), "unknown: " + e.getMessage());
        }
    }
}
