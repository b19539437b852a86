package io.kiban.lifecycle.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.client.RemoteList;
import io.kiban.commons.client.ServiceCall;
import io.kiban.lifecycle.support.PagedList;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What the notifications read from maintenance- and backup-service, with this service's
 * client-credentials token (role service). Every list is read to its end: pages of {@link
 * #PAGE_SIZE} (the services' maximum) until the {@code X-Total-Count} announced is reached or a
 * page comes back short; an answer without {@code X-Total-Count} (an endpoint that is not paged) is
 * the whole list.
 */
@ApplicationScoped
class Feeds {

    static final int PAGE_SIZE = RemoteList.PAGE_SIZE;

    @RegisterRestClient(configKey = "maintenance-feed")
    @OidcClientFilter
    @ServiceCall
    @Produces(MediaType.APPLICATION_JSON)
    public interface MaintenanceFeed {

        @GET
        @Path("/tickets")
        RestResponse<JsonNode> tickets(
                @QueryParam("breached") Boolean breached,
                @QueryParam("page") int page,
                @QueryParam("size") int size);

        @GET
        @Path("/reports/outstanding-sanitization")
        RestResponse<JsonNode> outstanding(
                @QueryParam("page") int page, @QueryParam("size") int size);
    }

    @RegisterRestClient(configKey = "backup-feed")
    @OidcClientFilter
    @ServiceCall
    @Produces(MediaType.APPLICATION_JSON)
    public interface BackupFeed {

        @GET
        @Path("/runs")
        RestResponse<JsonNode> runs(
                @QueryParam("state") String state,
                @QueryParam("page") int page,
                @QueryParam("size") int size);

        @GET
        @Path("/reports/rpo")
        RestResponse<JsonNode> rpo(@QueryParam("page") int page, @QueryParam("size") int size);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ticket(
            Long id,
            String organisation,
            String hardwareId,
            String severity,
            String status,
            String environment,
            Instant responseDue,
            Instant restorationDue,
            boolean responseBreached,
            boolean restorationBreached) {}

    /**
     * One entry of maintenance-service's outstanding-sanitization report (a medium without accepted
     * evidence).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Outstanding(
            Long custodyItemId,
            String organisation,
            String source,
            Long ticketId,
            String hardwareId,
            String kind,
            String serial,
            String status,
            String holder,
            Instant since,
            long ageDays,
            String reason,
            String environment) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(
            Long id,
            Long policyId,
            Long targetId,
            Instant expectedFireTime,
            String state,
            String note) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaleTarget(
            Long targetId,
            String name,
            Instant lastSuccessAt,
            long missedRuns,
            Instant lastMissedAt,
            boolean rpoBreached) {}

    private final MaintenanceFeed maintenance;
    private final BackupFeed backup;
    private final ObjectMapper json;

    public Feeds(
            @RestClient MaintenanceFeed maintenance,
            @RestClient BackupFeed backup,
            ObjectMapper json) {
        this.maintenance = maintenance;
        this.backup = backup;
        this.json = json;
    }

    /**
     * Every ticket maintenance-service shows with a recorded R-MT-1 breach (response or restoration
     * target).
     */
    public List<Ticket> breachedTickets() {
        return all(
                "maintenance-service",
                "GET /tickets?breached=true",
                Ticket.class,
                page -> maintenance.tickets(true, page, PAGE_SIZE));
    }

    public List<Outstanding> outstandingSanitization() {
        return all(
                "maintenance-service",
                "GET /reports/outstanding-sanitization",
                Outstanding.class,
                page -> maintenance.outstanding(page, PAGE_SIZE));
    }

    /** The MISSED runs (newest first) whose expected fire time is at or after {@code since}. */
    public List<Run> missedRunsSince(Instant since) {
        List<Run> result = new ArrayList<>();
        for (Run r :
                all(
                        "backup-service",
                        "GET /runs?state=MISSED",
                        Run.class,
                        page -> backup.runs("MISSED", page, PAGE_SIZE))) {
            if (r.expectedFireTime() != null && !r.expectedFireTime().isBefore(since)) {
                result.add(r);
            }
        }
        return result;
    }

    /** R-BK-3: the targets whose last success is older than 1.5 × their interval. */
    public List<StaleTarget> staleTargets() {
        return all(
                "backup-service",
                "GET /reports/rpo",
                StaleTarget.class,
                page -> backup.rpo(page, PAGE_SIZE));
    }

    /**
     * Every page of another service's list ({@link PagedList}: commons' RemoteList over commons'
     * Remote); a service that does not answer usefully is commons' {@code Remote.Failure}, a list
     * that does not add up {@code RemoteList.Incomplete}: the section of a mail that needs it says
     * so.
     */
    <T> List<T> all(
            String service, String what, Class<T> type, IntFunction<RestResponse<JsonNode>> call) {
        List<T> items = new ArrayList<>();
        for (JsonNode n : PagedList.readAll(service, what, call, PagedList::array)) {
            items.add(json.convertValue(n, type));
        }
        return items;
    }
}
