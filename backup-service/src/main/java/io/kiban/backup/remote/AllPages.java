package io.kiban.backup.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.RemoteList;
import java.util.List;
import java.util.function.IntFunction;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Reads a paged list of another service to its end (#15 item 10): pages of {@value #SIZE} until the
 * total the service announces in {@code X-Total-Count} is reached. Without that header the first
 * answer is the complete list. A page that is empty before the total is reached means the list
 * changed or the service lied: that is an error, never a silently shorter list.
 */
final class AllPages {

    static final int SIZE = RemoteList.PAGE_SIZE;
    static final String TOTAL = RemoteList.TOTAL;

    private AllPages() {}

    static List<JsonNode> read(String what, IntFunction<RestResponse<JsonNode>> fetchPage) {
        try {
            return RemoteList.readAll(
                    what,
                    p -> {
                        RestResponse<JsonNode> answer = fetchPage.apply(p);
                        return new RemoteList.Page(
                                answer.getEntity(), answer.getHeaderString(TOTAL));
                    });
        } catch (RemoteList.Incomplete e) {
            throw new IllegalStateException(e.getMessage());
        }
    }
}
