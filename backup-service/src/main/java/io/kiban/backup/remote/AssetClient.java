package io.kiban.backup.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.RetryOnceOnUnauthorized;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** asset-service: the data-bearing media of an array (every medium ever installed). */
@RegisterRestClient(configKey = "asset")
@OidcClientFilter
@RetryOnceOnUnauthorized
@Produces(MediaType.APPLICATION_JSON)
public interface AssetClient {

    /** One page of media (a JSON array, each with {@code serial}); the total in {@code X-Total-Count}. */
    @GET
    @Path("/media")
    RestResponse<JsonNode> media(@QueryParam("hardwareId") String hardwareId, @QueryParam("include") String include,
            @QueryParam("page") int page, @QueryParam("size") int size);
}
