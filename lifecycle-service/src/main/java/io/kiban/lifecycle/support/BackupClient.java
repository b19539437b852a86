package io.kiban.lifecycle.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.ServiceCall;
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
@ServiceCall
@Produces(MediaType.APPLICATION_JSON)
public interface BackupClient {

    /**
     * One page of the backup copies still held, each with {@code accountedFor} (paged:
     * X-Total-Count; read every page with {@link PagedList#readAll}).
     */
    @GET
    @Path("/reports/backup-copies")
    org.jboss.resteasy.reactive.RestResponse<JsonNode> backupCopies(
            @QueryParam("environment") String environment,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    /**
     * One page of the targets whose last success is older than 1.5× their interval (paged like the
     * copies).
     */
    @GET
    @Path("/reports/rpo")
    org.jboss.resteasy.reactive.RestResponse<JsonNode> rpo(
            @QueryParam("page") int page, @QueryParam("size") int size);
}
