package io.kiban.commons.sample;

import io.kiban.commons.client.ServiceCall;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The downstream service of ServiceTokenTest, answering 5xx or not at all (ServiceCallTest). */
@RegisterRestClient(configKey = "downstream")
@OidcClientFilter("short")
@ServiceCall
@Path("/")
public interface UnstableDownstreamClient {

    @GET
    @Path("unstable")
    String read();

    @POST
    @Path("unstable")
    String write(String body);

    @GET
    @Path("down")
    String down();

    @GET
    @Path("missing")
    String missing();

    @GET
    @Path("refused")
    String refused();
}
