package io.kiban.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Where the schema's required fields are not enough for a body to pass the checks that run before
 * the authorization decision (a custom constraint, a value parsed before the organisation check),
 * the fields to set on top of {@link MatrixOpenApi#validBody}; keyed "service METHOD path".
 */
final class MatrixBodies {

    private static final Map<String, String> PATCHES =
            Map.of(
                    "asset POST /public-domains", "{\"dnsName\":\"matrix.example.jp\"}",
                    "asset PUT /public-domains/{id}", "{\"dnsName\":\"matrix.example.jp\"}",
                    "asset POST /software",
                            "{\"installedOn\":\"CLUSTER\",\"host\":\"matrix-cluster\",\"environment\":\"STAGING\"}",
                    "asset PUT /software/{id}",
                            "{\"installedOn\":\"CLUSTER\",\"host\":\"matrix-cluster\",\"environment\":\"STAGING\"}",
                    // TicketService checks the transition's order before the role: a move the
                    // fixture ticket can make
                    "maintenance POST /tickets/{id}/transitions",
                            "{\"to\":\"ACKNOWLEDGED\",\"note\":\"matrix\"}",
                    // DeliveryService.propose parses the environment before it checks the
                    // contracted vendor
                    "lifecycle POST /deliveries/extensions",
                            "{\"environment\":\"STAGING\",\"newDate\":\"2027-05-31\","
                                    + "\"explanation\":\"semiconductor shortage\"}");

    private MatrixBodies() {}

    /**
     * The schema-derived body with the operation's patch applied (null when the operation takes no
     * JSON).
     */
    static JsonNode valid(MatrixOpenApi api, String method, String path) {
        JsonNode body = api.validBody(method, path);
        String patch = PATCHES.get(api.service + " " + method + " " + path);
        if (patch != null && body instanceof ObjectNode o) {
            try {
                o.setAll((ObjectNode) MatrixHttp.JSON.readTree(patch));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }
}
