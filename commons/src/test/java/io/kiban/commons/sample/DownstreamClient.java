package io.kiban.commons.sample;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Another service, called with short-lived client-credentials tokens (OIDC client "short"), no
 * retry.
 */
@RegisterRestClient(configKey = "downstream")
@OidcClientFilter("short")
@Path("/")
public interface DownstreamClient {

    @GET
    @Path("ping")
    String ping();

    @GET
    @Path("flaky")
    String flaky();
}
