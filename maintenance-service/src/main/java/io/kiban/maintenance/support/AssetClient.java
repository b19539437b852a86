package io.kiban.maintenance.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** asset-service, called with this service's client-credentials token (role service). */
@RegisterRestClient(configKey = "asset")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AssetClient {

    @GET
    @Path("/hardware/{id}")
    Hardware hardware(@PathParam("id") String id);

    @POST
    @Path("/hardware/{id}/media/replacements")
    void recordReplacement(@PathParam("id") String hardwareId, @HeaderParam("Idempotency-Key") String key,
            ReplacementRecord body);

    @GET
    @Path("/media")
    List<Medium> media(@QueryParam("environment") String environment, @QueryParam("hardwareId") String hardwareId,
            @QueryParam("include") String include, @QueryParam("page") int page, @QueryParam("size") int size);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hardware(Object id, String environment, String status) {
    }

    record Installed(String kind, String make, String model, String serial, String condition) {
    }

    record ReplacementRecord(String removedSerial, Installed installed, LocalDate replacedOn, String reference) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Medium(String serial, String kind, String make, String model, Object hardwareId, String environment,
            Boolean dataBearing) {
    }
}
