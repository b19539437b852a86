package io.kiban.maintenance.support;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The only way into asset-service. An unknown hardware id is the caller's mistake (422); anything
 * else that goes wrong there (refused connection, timeout, 5xx, token trouble) is an outage of a
 * dependency: 503 {@link ProblemType#DEPENDENCY_UNAVAILABLE}, never a 500.
 */
@ApplicationScoped
public class AssetGateway {

    private static final Logger LOG = Logger.getLogger(AssetGateway.class);
    private static final int PAGE = 200;

    private final AssetClient client;

    public AssetGateway(@RestClient AssetClient client) {
        this.client = client;
    }

    /** 422 naming {@code field} when asset-service does not know the hardware. */
    public AssetClient.Hardware requireHardware(String field, String hardwareId) {
        try {
            return call("GET /hardware/" + hardwareId, () -> client.hardware(hardwareId));
        } catch (NotFound e) {
            throw ProblemException.unknownReference(field, hardwareId);
        }
    }

    public void recordReplacement(String hardwareId, String idempotencyKey, AssetClient.ReplacementRecord body) {
        try {
            call("POST /hardware/" + hardwareId + "/media/replacements", () -> {
                client.recordReplacement(hardwareId, idempotencyKey, body);
                return null;
            });
        } catch (NotFound e) {
            throw ProblemException.unknownReference("hardwareId", hardwareId);
        }
    }

    /** Every medium asset-service knows for an environment and/or hardware item, removed ones included. */
    public List<AssetClient.Medium> media(String environment, String hardwareId) {
        List<AssetClient.Medium> all = new ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            int p = page;
            List<AssetClient.Medium> batch;
            try {
                batch = call("GET /media", () -> client.media(environment, hardwareId, "removed", p, PAGE));
            } catch (NotFound e) {
                throw ProblemException.unknownReference(hardwareId != null ? "hardwareIds" : "environment",
                        hardwareId != null ? hardwareId : environment);
            }
            if (batch == null) {
                break;
            }
            all.addAll(batch);
            if (batch.size() < PAGE) {
                break;
            }
        }
        return all;
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                throw new NotFound();
            }
            if (status == 400 || status == 409 || status == 422) {
                String body = body(e);
                LOG.warnf("asset-service refused %s with %d: %s", what, status, body);
                throw ProblemException.of(ProblemType.RULE_VIOLATION,
                        "asset-service refused " + what + " (" + status + ")" + (body.isEmpty() ? "" : ": " + body));
            }
            LOG.warnf("asset-service answered %s with %d", what, status);
            throw unavailable(what, "answered " + status);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("asset-service unreachable for %s: %s", what, e.toString());
            throw unavailable(what, "is unreachable");
        }
    }

    /** The refusing problem's detail, when asset-service sent one (it speaks problem+json too). */
    private static String body(WebApplicationException e) {
        try {
            String text = e.getResponse().readEntity(String.class);
            if (text == null) {
                return "";
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                    .matcher(text);
            String detail = m.find() ? m.group(1) : text;
            return detail.length() > 300 ? detail.substring(0, 300) : detail;
        } catch (RuntimeException ignored) {
            return "";
        }
    }

    private static ProblemException unavailable(String what, String how) {
        return ProblemException.of(ProblemType.DEPENDENCY_UNAVAILABLE,
                "asset-service " + how + " (" + what + "); nothing was recorded, retry later");
    }

    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
