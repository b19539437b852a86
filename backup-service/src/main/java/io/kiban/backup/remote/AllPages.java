package io.kiban.backup.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.Remote;
import io.kiban.commons.client.RemoteList;
import java.util.List;
import java.util.function.IntFunction;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Reads a paged list of another service to its end (#15 item 10): pages of {@value #SIZE} until the
 * total the service announces in {@code X-Total-Count} is reached. Without that header the first
 * answer is the complete list. A page that is empty before the total is reached means the list
 * changed or the service lied: that is an error ({@link RemoteList.Incomplete}), never a silently
 * shorter list. A page the service does not answer is a {@link Remote.Failure} (commons' one
 * translation of a remote failure, #19).
 */
final class AllPages {

    static final int SIZE = RemoteList.PAGE_SIZE;
    static final String TOTAL = RemoteList.TOTAL;

    private AllPages() {}

    /**
     * @param service the service asked, e.g. {@code maintenance-service}
     * @param what the request, e.g. {@code GET /tickets?hardwareId=…}
     * @throws Remote.Failure a page was not answered
     * @throws RemoteList.Incomplete the pages did not add up to the announced total
     */
    static List<JsonNode> read(
            String service, String what, IntFunction<RestResponse<JsonNode>> fetchPage) {
        return RemoteList.readAll(
                service + " " + what,
                p -> {
                    RestResponse<JsonNode> answer =
                            Remote.call(service, what + " page " + p, () -> fetchPage.apply(p));
                    return new RemoteList.Page(answer.getEntity(), answer.getHeaderString(TOTAL));
                });
    }
}
