package io.kiban.lifecycle.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.ServiceCall;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * asset-service, with this service's client-credentials token (role service); a 401 is retried once
 * with a fresh token.
 */
@RegisterRestClient(configKey = "asset")
@OidcClientFilter
@ServiceCall
@Produces(MediaType.APPLICATION_JSON)
public interface AssetClient {

    /**
     * One page of the hardware of an environment ({@link HardwareFact}s, {@code X-Total-Count});
     * read to the end with {@link PagedList}.
     */
    @GET
    @Path("/hardware")
    RestResponse<JsonNode> hardware(
            @QueryParam("environment") String environment,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    /** R-AS-1 conformance: per baseline line (itemCode) the required quantity. */
    @GET
    @Path("/baseline/conformance")
    JsonNode conformance(@QueryParam("environment") String environment);

    /**
     * One page of the baseline lines of an environment and the SHARED ones (R-AS-1, {@link
     * BaselineLine}s, {@code X-Total-Count}); read to the end with {@link PagedList}.
     */
    @GET
    @Path("/baseline")
    RestResponse<JsonNode> baseline(
            @QueryParam("environment") String environment,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    int PAGE_SIZE = PagedList.PAGE_SIZE;

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
