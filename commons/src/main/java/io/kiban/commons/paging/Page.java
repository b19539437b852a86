package io.kiban.commons.paging;

import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One page of a list and its total. {@link #toResponse(UriInfo)} puts the total in {@code
 * X-Total-Count} and the neighbours in RFC 8288 {@code Link} headers.
 */
public record Page<T>(List<T> items, long total, PageRequest request) {

    public static final String TOTAL_HEADER = "X-Total-Count";

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, request);
    }

    public long lastPage() {
        return total == 0 ? 0 : (total - 1) / request.size();
    }

    public RestResponse<List<T>> toResponse(UriInfo uri) {
        RestResponse.ResponseBuilder<List<T>> builder =
                RestResponse.ResponseBuilder.ok(items).header(TOTAL_HEADER, total);
        List<String> links = new ArrayList<>();
        links.add(link(uri, 0, "first"));
        if (request.page() > 0) {
            links.add(link(uri, Math.min(request.page() - 1, lastPage()), "prev"));
        }
        if (request.page() < lastPage()) {
            links.add(link(uri, request.page() + 1, "next"));
        }
        links.add(link(uri, lastPage(), "last"));
        builder.header("Link", String.join(", ", links));
        return builder.build();
    }

    private String link(UriInfo uri, long page, String rel) {
        String target =
                uri.getRequestUriBuilder()
                        .replaceQueryParam("page", page)
                        .replaceQueryParam("size", request.size())
                        .build()
                        .toString();
        return "<" + target + ">; rel=\"" + rel + "\"";
    }
}
