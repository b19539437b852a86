package io.kiban.asset.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.kiban.commons.client.ServiceCall;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** lifecycle-service, called with this service's client-credentials token (role service). */
@RegisterRestClient(configKey = "lifecycle")
@OidcClientFilter
@ServiceCall
@Produces(MediaType.APPLICATION_JSON)
public interface LifecycleClient {

    /** The phase of one environment (CONTRACTED … REMOVED, CLOSED). */
    @GET
    @Path("/phases/{environment}")
    PhaseFact phase(@PathParam("environment") String environment);

    /** The contract as amended: lease end, contract end, the contracted vendor's organisation. */
    @GET
    @Path("/contract")
    ContractFact contract();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PhaseFact(String environment, String phase) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContractFact(
            LocalDate leaseEnd, LocalDate contractEnd, String vendorOrganisation, Long version) {}
}
