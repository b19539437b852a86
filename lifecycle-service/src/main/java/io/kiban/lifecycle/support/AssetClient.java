package io.kiban.lifecycle.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.kiban.commons.client.ServiceCall;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * asset-service, with this service's client-credentials token (role service); a 401 is retried once
 * with a fresh token.
 */
@RegisterRestClient(configKey = "asset")
@OidcClientFilter
@ServiceCall
@Produces(MediaType.APPLICATION_JSON)
public interface AssetClient {

    @GET
    @Path("/hardware")
    List<HardwareFact> hardware(
            @QueryParam("environment") String environment,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    /** R-AS-1 conformance: per baseline line (itemCode) the required quantity. */
    @GET
    @Path("/baseline/conformance")
    com.fasterxml.jackson.databind.JsonNode conformance(
            @QueryParam("environment") String environment);

    /**
     * One page of the baseline lines of an environment and the SHARED ones (R-AS-1); callers page
     * until complete.
     */
    @GET
    @Path("/baseline")
    List<BaselineLine> baseline(
            @QueryParam("environment") String environment,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    int PAGE_SIZE = 200;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HardwareFact(
            Long id,
            String name,
            String serialNumber,
            String environment,
            String status,
            LocalDate deliveredOn,
            String baselineItem) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BaselineLine(Long id, String itemCode, String environment) {}
}
