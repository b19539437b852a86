package io.kiban.backup.remote;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** What backup-service asks of maintenance-service (and asset-service for an array's media). */
@ApplicationScoped
public class MaintenanceGateway {

    private static final Logger LOG = Logger.getLogger(MaintenanceGateway.class);

    /** Whether a run must hold; {@code note} says why, or that the check could not be made. */
    public record Hold(boolean held, String note) {
    }

    /** Whether every medium of an array has accepted destruction evidence; {@code note} when unknown. */
    public record MediaDestruction(boolean accepted, List<String> pendingSerials, String note) {
    }

    private final MaintenanceClient maintenance;
    private final AssetClient assets;

    public MaintenanceGateway(@RestClient MaintenanceClient maintenance, @RestClient AssetClient assets) {
        this.maintenance = maintenance;
        this.assets = assets;
    }

    /** A ticket IN_PROGRESS on the array holds its backups; unreachable → the run goes ahead and says so. */
    public Hold hold(String arrayHardwareId) {
        try {
            JsonNode tickets = maintenance.tickets(arrayHardwareId, "IN_PROGRESS");
            if (tickets == null || !tickets.isArray() || tickets.isEmpty()) {
                return new Hold(false, null);
            }
            List<String> ids = new ArrayList<>();
            tickets.forEach(t -> ids.add(t.path("id").asText("?")));
            return new Hold(true, "maintenance ticket(s) " + String.join(", ", ids) + " IN_PROGRESS on array "
                    + arrayHardwareId);
        } catch (RuntimeException e) {
            LOG.warnf("maintenance-service unreachable for the hold check of %s: %s", arrayHardwareId, e.getMessage());
            return new Hold(false, "maintenance-service unreachable (" + e.getClass().getSimpleName()
                    + "); ran without the maintenance hold check");
        }
    }

    /** A ticket acknowledged on an array, not yet in progress. */
    public record AcknowledgedTicket(long id, java.time.Instant acknowledgedAt) {
    }

    /**
     * The tickets ACKNOWLEDGED on the array (their work has not started). Throws when maintenance-service cannot
     * answer: the caller asks again on its next pass.
     */
    public List<AcknowledgedTicket> acknowledged(String arrayHardwareId) {
        JsonNode tickets = maintenance.tickets(arrayHardwareId, "ACKNOWLEDGED");
        List<AcknowledgedTicket> out = new ArrayList<>();
        if (tickets != null && tickets.isArray()) {
            for (JsonNode t : tickets) {
                if (t.hasNonNull("id") && t.hasNonNull("acknowledgedAt")) {
                    out.add(new AcknowledgedTicket(t.get("id").asLong(),
                            java.time.Instant.parse(t.get("acknowledgedAt").asText())));
                }
            }
        }
        return out;
    }

    /** R-BK-5: the array's media (asset-service) all have destruction evidence JPO accepted (maintenance). */
    public MediaDestruction mediaDestroyed(String arrayHardwareId) {
        try {
            JsonNode media = assets.media(arrayHardwareId, "removed", 200);
            if (media == null || !media.isArray() || media.isEmpty()) {
                return new MediaDestruction(false, List.of(), "asset-service lists no media for " + arrayHardwareId);
            }
            List<String> pending = new ArrayList<>();
            for (JsonNode medium : media) {
                String serial = medium.path("serial").asText();
                JsonNode status = maintenance.evidenceStatus(serial);
                if (status == null || !status.path("accepted").asBoolean(false)) {
                    pending.add(serial);
                }
            }
            return new MediaDestruction(pending.isEmpty(), pending, null);
        } catch (RuntimeException e) {
            LOG.warnf("could not establish media destruction for %s: %s", arrayHardwareId, e.getMessage());
            return new MediaDestruction(false, List.of(), "unknown: " + e.getClass().getSimpleName() + " "
                    + e.getMessage());
        }
    }
}
