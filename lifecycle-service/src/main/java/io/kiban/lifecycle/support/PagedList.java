package io.kiban.lifecycle.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.Remote;
import io.kiban.commons.client.RemoteList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * #15 item 10, #19: a list of another service read to the end through one of this service's REST
 * clients. The mechanic is commons' {@link RemoteList} (pages of {@value #PAGE_SIZE} until {@code
 * X-Total-Count} is reached, never a silently shorter list) and each page is asked through commons'
 * {@link Remote#call}; this only turns a REST client's page ({@code RestResponse<JsonNode>}) into a
 * {@link RemoteList.Page}. A service that did not answer usefully is {@link Remote.Failure}; pages
 * that do not add up to the list announced are {@link RemoteList.Incomplete}: callers that decide
 * on the list (the removal gate) treat both as the service not answering.
 */
public final class PagedList {

    public static final int PAGE_SIZE = RemoteList.PAGE_SIZE;

    private PagedList() {}

    /**
     * @param service the service asked
     * @param what what was asked, for the messages (e.g. {@code GET /reports/rpo})
     * @param page one page of the list: {@code page -> client.list(…, page, PAGE_SIZE)}
     * @param items the array in a page's body (a body that is itself an array, or one field of an
     *     object)
     */
    public static List<JsonNode> readAll(
            String service,
            String what,
            IntFunction<RestResponse<JsonNode>> page,
            Function<JsonNode, JsonNode> items) {
        return RemoteList.readAll(
                service,
                n -> {
                    RestResponse<JsonNode> answer =
                            Remote.call(service, what + " (page " + n + ")", () -> page.apply(n));
                    JsonNode body = answer.getEntity();
                    return new RemoteList.Page(
                            body == null ? null : items.apply(body),
                            answer.getHeaderString(RemoteList.TOTAL));
                });
    }

    /** A body that is the array itself. */
    public static JsonNode array(JsonNode body) {
        return body;
    }
}
