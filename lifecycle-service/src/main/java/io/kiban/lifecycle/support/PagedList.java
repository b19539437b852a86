package io.kiban.lifecycle.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.RemoteList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * #15 item 10: a list of another service read to the end. The suite's lists are paged ({@code
 * ?page=&size=}, size at most 200, {@code X-Total-Count}); this asks {@value #PAGE_SIZE} a page and
 * keeps asking until as many items as the first answer announced are read. An answer without {@code
 * X-Total-Count} is an unpaged list and complete as it is (a service that does not page yet). Fewer
 * items than announced, or an answer that is not a list, is {@link Incomplete}: callers that decide
 * on the list (the removal gate) treat it as the service not answering.
 */
public final class PagedList {

    public static final int PAGE_SIZE = RemoteList.PAGE_SIZE;

    private PagedList() {}

    /** The pages did not add up to a list: what was read is not the whole list. */
    public static class Incomplete extends RuntimeException {
        public Incomplete(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param service the service asked (its calls go through {@link Remote#call})
     * @param page one page of the list: {@code page -> client.list(…, page, PAGE_SIZE)}
     * @param items the array in a page's body (a body that is itself an array, or one field of an
     *     object)
     */
    public static List<JsonNode> readAll(
            String service,
            IntFunction<RestResponse<JsonNode>> page,
            Function<JsonNode, JsonNode> items) {
        try {
            return RemoteList.readAll(
                    service,
                    n -> {
                        RestResponse<JsonNode> answer = Remote.call(service, () -> page.apply(n));
                        JsonNode body = answer.getEntity();
                        return new RemoteList.Page(
                                body == null ? null : items.apply(body),
                                answer.getHeaderString(RemoteList.TOTAL));
                    });
        } catch (RemoteList.Incomplete e) {
            throw new Incomplete(e.getMessage());
        }
    }

    /** A body that is the array itself. */
    public static JsonNode array(JsonNode body) {
        return body;
    }
}
