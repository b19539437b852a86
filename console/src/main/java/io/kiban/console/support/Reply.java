package io.kiban.console.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service answered: the status, the JSON body (a missing node when none), its ETag and, when
 * the call failed, the Japanese sentence to show ({@code error}) with the rule id the service named
 * ({@code rule}).
 */
public record Reply(
        Svc svc,
        int status,
        JsonNode body,
        String etag,
        String error,
        String rule,
        String totalCount) {

    public static Reply failed(Svc svc, String error) {
        return new Reply(svc, 0, MissingNode.getInstance(), null, error, null, null);
    }

    public boolean ok() {
        return error == null && status >= 200 && status < 300;
    }

    /** The body's elements when it is an array (nothing otherwise). */
    public List<JsonNode> items() {
        List<JsonNode> out = new ArrayList<>();
        if (ok() && body != null && body.isArray()) {
            body.forEach(out::add);
        }
        return out;
    }
}
