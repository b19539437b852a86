package io.kiban.maintenance.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.kiban.commons.client.ServiceCall;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** lifecycle-service, called with this service's client-credentials token (role service). */
@RegisterRestClient(configKey = "lifecycle")
@OidcClientFilter
@ServiceCall
@Produces(MediaType.APPLICATION_JSON)
public interface LifecycleClient {

    /** The lease phase of an environment (lifecycle-service {@code PhaseDtos.PhaseView}). */
    @GET
    @Path("/phases/{environment}")
    PhaseView phase(@PathParam("environment") String environment);

    /**
     * The contract (lifecycle-service {@code ContractDtos}); only the contracted vendor
     * organisation is read.
     */
    @GET
    @Path("/contract")
    ContractView contract();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PhaseView(String environment, String phase) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContractView(String vendorOrganisation) {}
}
