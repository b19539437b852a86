package io.kiban.commons.web;

import io.kiban.commons.concurrency.ETags;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** The usual successful answers, with the entity's version as its ETag. */
public final class Responses {

    private Responses() {}

    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).header("ETag", ETags.of(version)).build();
    }

    public static <T> RestResponse<T> created(URI location, T body, long version) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, body)
                .location(location)
                .header("ETag", ETags.of(version))
                .build();
    }

    public static <T> RestResponse<T> created(URI location, T body) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, body)
                .location(location)
                .build();
    }
}
