package io.kiban.backup.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.RetryOnceOnUnauthorized;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** maintenance-service, called with this service's client-credentials token (role service). */
@RegisterRestClient(configKey = "maintenance")
@OidcClientFilter
@RetryOnceOnUnauthorized
@Produces(MediaType.APPLICATION_JSON)
public interface MaintenanceClient {

    /** Tickets on a piece of hardware in a state: a JSON array. */
    @GET
    @Path("/tickets")
    JsonNode tickets(@QueryParam("hardwareId") String hardwareId, @QueryParam("status") String status);

    /** {@code {serial, status, accepted}}. */
    @GET
    @Path("/media/{serial}/evidence-status")
    JsonNode evidenceStatus(@PathParam("serial") String serial);
}
