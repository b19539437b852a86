package io.kiban.lifecycle.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.ServiceCall;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** maintenance-service, with this service's client-credentials token (role service). */
@RegisterRestClient(configKey = "maintenance")
@OidcClientFilter
@ServiceCall
@Produces(MediaType.APPLICATION_JSON)
public interface MaintenanceClient {

    /**
     * #19: one page of maintenance-service's destruction report of an environment — the one owner
     * of "are these media destroyed?": one row per data-bearing medium (asset-service's ledger,
     * removed media included, joined there with custody and accepted evidence) with {@code serial},
     * {@code inLedger}, {@code destroyed}, {@code custodyStatus}, {@code pending}, {@code
     * acceptedAt}, {@code removedWithoutCustodyReference}; the total in X-Total-Count.
     */
    @GET
    @Path("/reports/media-destruction")
    org.jboss.resteasy.reactive.RestResponse<JsonNode> mediaDestruction(
            @QueryParam("environment") String environment,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/tickets")
    Response tickets(@QueryParam("status") String status, @QueryParam("size") int size);

    /**
     * One page of the outstanding sanitization (an unpaged answer is the whole list; see {@link
     * PagedList}).
     */
    @GET
    @Path("/reports/outstanding-sanitization")
    org.jboss.resteasy.reactive.RestResponse<JsonNode> outstandingSanitization(
            @QueryParam("page") int page, @QueryParam("size") int size);

    /**
     * Every medium of the environment without accepted destruction evidence (custody items,
     * failure-analysis log media, media asset-service shows removed without custody), each with a
     * {@code kind}; read defensively.
     */
    @GET
    @Path("/reports/outstanding-sanitization")
    org.jboss.resteasy.reactive.RestResponse<JsonNode> outstandingSanitizationIn(
            @QueryParam("environment") String environment,
            @QueryParam("page") int page,
            @QueryParam("size") int size);
}
