package io.kiban.asset.support;

import io.kiban.commons.paging.Page;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A page of a report that depends on lifecycle-service's contract (R-AS-4, R-AS-6), with the copy
 * of the contract it was computed from: headers {@code Kiban-Contract-As-Of} (when that copy was
 * read) and {@code Kiban-Contract-Stale} (true when lifecycle-service was down and the last copy
 * was used).
 */
public record ContractReport<T>(Page<T> page, Lifecycle.Contract contract) {

    public static final String AS_OF_HEADER = "Kiban-Contract-As-Of";
    public static final String STALE_HEADER = "Kiban-Contract-Stale";

    public RestResponse<List<T>> toResponse(UriInfo uri) {
        return RestResponse.ResponseBuilder.fromResponse(page.toResponse(uri))
                .header(AS_OF_HEADER, contract.asOf().toString())
                .header(STALE_HEADER, String.valueOf(contract.stale()))
                .build();
    }
}
