package io.kiban.lifecycle.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * maintenance-service's {@code GET /reports/media-destruction?environment=} (#19) as the removal
 * gate reads it: the media of an environment ({@link #media}) and each medium's destruction state
 * ({@link #evidence}); every change registers the environment's answer anew (the latest stub wins).
 * A medium without a state is {@code NOT_TRACKED} (not destroyed). {@link Stubs#reset()} forgets
 * everything.
 */
public final class MediaReport {

    private static final Map<String, List<String>> MEDIA = new LinkedHashMap<>();

    /** serial → {custodyStatus, destroyed, acceptedAt} */
    private static final Map<String, String[]> STATE = new LinkedHashMap<>();

    private MediaReport() {}

    static synchronized void clear() {
        MEDIA.clear();
        STATE.clear();
    }

    /**
     * The data-bearing media asset-service lists for the environment (ever installed), all in the
     * ledger.
     */
    public static synchronized void media(String env, String... serials) {
        MEDIA.put(env, List.of(serials));
        register(env);
    }

    /**
     * The medium's evidence accepted (destroyed) or only submitted; {@code acceptedAt} may be null.
     */
    public static synchronized void evidence(String serial, boolean accepted, String acceptedAt) {
        STATE.put(
                serial,
                new String[] {
                    accepted ? "EVIDENCE_ACCEPTED" : "EVIDENCE_SUBMITTED",
                    String.valueOf(accepted),
                    accepted ? acceptedAt : null
                });
        MEDIA.forEach(
                (env, serials) -> {
                    if (serials.contains(serial)) {
                        register(env);
                    }
                });
    }

    /** maintenance-service answers the environment's report with 500. */
    public static synchronized void down(String env) {
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/media-destruction"))
                                .withQueryParam("environment", WireMock.equalTo(env))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(500)));
    }

    /** One row of the report. */
    public static String row(
            String serial,
            boolean inLedger,
            String custodyStatus,
            boolean destroyed,
            String acceptedAt,
            boolean removedWithoutCustodyReference) {
        return "{\"serial\":\""
                + serial
                + "\",\"kind\":\"SSD\",\"inLedger\":"
                + inLedger
                + ",\"source\":\""
                + (inLedger && "NOT_TRACKED".equals(custodyStatus) ? "asset-ledger" : "part")
                + "\",\"custodyStatus\":\""
                + custodyStatus
                + "\",\"destroyed\":"
                + destroyed
                + ",\"pending\":"
                + (destroyed
                        ? "null"
                        : "NOT_TRACKED".equals(custodyStatus)
                                ? "\"NOT_IN_CUSTODY\""
                                : "\"EVIDENCE_NOT_ACCEPTED\"")
                + ",\"acceptedAt\":"
                + (acceptedAt == null ? "null" : "\"" + acceptedAt + "\"")
                + ",\"removedWithoutCustodyReference\":"
                + removedWithoutCustodyReference
                + "}";
    }

    private static void register(String env) {
        List<String> rows = new ArrayList<>();
        for (String serial : MEDIA.get(env)) {
            String[] s = STATE.getOrDefault(serial, new String[] {"NOT_TRACKED", "false", null});
            rows.add(row(serial, true, s[0], Boolean.parseBoolean(s[1]), s[2], false));
        }
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/media-destruction"))
                                .withQueryParam("environment", WireMock.equalTo(env))
                                .atPriority(5)
                                .willReturn(
                                        okJson("[" + String.join(",", rows) + "]")
                                                .withHeader(
                                                        "X-Total-Count",
                                                        String.valueOf(rows.size()))));
    }
}
