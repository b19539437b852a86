package io.kiban.lifecycle.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.RetryOnceOnUnauthorized;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** backup-service, with this service's client-credentials token (role service). */
@RegisterRestClient(configKey = "backup")
@OidcClientFilter
@RetryOnceOnUnauthorized
@Produces(MediaType.APPLICATION_JSON)
public interface BackupClient {

    /** Every backup copy still held, each with {@code accountedFor}. */
    @GET
    @Path("/reports/backup-copies")
    JsonNode backupCopies(@QueryParam("environment") String environment);

    /** Targets whose last success is older than 1.5× their interval. */
    @GET
    @Path("/reports/rpo")
    JsonNode rpo();
}
