package io.kiban.maintenance.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.ServiceCall;
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
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** asset-service, called with this service's client-credentials token (role service). */
@RegisterRestClient(configKey = "asset")
@OidcClientFilter
@ServiceCall
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AssetClient {

    @GET
    @Path("/hardware/{id}")
    Hardware hardware(@PathParam("id") String id);

    @POST
    @Path("/hardware/{id}/media/replacements")
    void recordReplacement(
            @PathParam("id") String hardwareId,
            @HeaderParam("Idempotency-Key") String key,
            ReplacementRecord body);

    @GET
    @Path("/media")
    RestResponse<JsonNode> media(
            @QueryParam("environment") String environment,
            @QueryParam("hardwareId") String hardwareId,
            @QueryParam("include") String include,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hardware(Object id, String environment, String status) {}

    record Installed(String kind, String make, String model, String serial, String condition) {}

    record ReplacementRecord(
            String removedSerial, Installed installed, LocalDate replacedOn, String reference) {}

    /**
     * A medium of asset-service's ledger. {@code dataBearing} is false only after jpo-admin
     * declared it so there (with an audited reason); {@code origin} is {@code LEDGER} or {@code
     * UNREGISTERED_PART} (a part jpo-admin recorded after the fact); {@code removedOn}/{@code
     * installed} say whether it left its hardware.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Medium(
            String serial,
            String kind,
            String make,
            String model,
            Object hardwareId,
            String environment,
            Boolean dataBearing,
            String origin,
            LocalDate removedOn,
            Boolean installed,
            String removalReference,
            Boolean removedWithoutCustodyReference) {

        /** Data-bearing unless asset-service says otherwise. */
        public boolean bearsData() {
            return dataBearing == null || dataBearing;
        }

        public boolean removed() {
            return removedOn != null || Boolean.FALSE.equals(installed);
        }
    }
}
