package io.kiban.commons.sample;

import io.kiban.commons.client.ServiceCall;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The same service, as the Kiban services call theirs: @OidcClientFilter + @ServiceCall. */
@RegisterRestClient(configKey = "downstream")
@OidcClientFilter("short")
@ServiceCall
@Path("/")
public interface RetryingDownstreamClient {

    @GET
    @Path("ping")
    String ping();

    @GET
    @Path("flaky")
    String flaky();

    @GET
    @Path("refusing")
    String refusing();
}
