package io.kiban.backup.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.ServiceCall;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** maintenance-service, called with this service's client-credentials token (role service). */
@RegisterRestClient(configKey = "maintenance")
@OidcClientFilter
@ServiceCall
@Produces(MediaType.APPLICATION_JSON)
public interface MaintenanceClient {

    /**
     * One page of the tickets on a piece of hardware in a state (a JSON array; the total in
     * X-Total-Count).
     */
    @GET
    @Path("/tickets")
    RestResponse<JsonNode> tickets(
            @QueryParam("hardwareId") String hardwareId,
            @QueryParam("status") String status,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    /**
     * One page of maintenance-service's destruction report for a piece of hardware (#19: the one
     * owner of "are these media destroyed?"): a JSON array, one row per data-bearing medium with
     * {@code serial}, {@code source}, {@code destroyed}, {@code pending}; the total in
     * X-Total-Count.
     */
    @GET
    @Path("/reports/media-destruction")
    RestResponse<JsonNode> mediaDestruction(
            @QueryParam("hardwareId") String hardwareId,
            @QueryParam("page") int page,
            @QueryParam("size") int size);
}
