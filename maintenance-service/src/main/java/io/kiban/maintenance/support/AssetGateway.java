package io.kiban.maintenance.support;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The only way into asset-service. An unknown hardware id is the caller's mistake (422); anything
 * else that goes wrong there (refused connection, timeout, 5xx, token trouble) is an outage of a
 * dependency: 503 {@link ProblemType#DEPENDENCY_UNAVAILABLE}, never a 500.
 */
@ApplicationScoped
public class AssetGateway {

    private static final Logger LOG = Logger.getLogger(AssetGateway.class);
    private final AssetClient client;
    private final int pageSize;

    public AssetGateway(
            @RestClient AssetClient client,
            @ConfigProperty(name = "kiban.maintenance.asset-media-page-size", defaultValue = "200")
                    int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    /** 422 naming {@code field} when asset-service does not know the hardware. */
    public AssetClient.Hardware requireHardware(String field, String hardwareId) {
        try {
            return call("GET /hardware/" + hardwareId, () -> client.hardware(hardwareId));
        } catch (NotFound e) {
            throw ProblemException.unknownReference(field, hardwareId);
        }
    }

    public void recordReplacement(
            String hardwareId, String idempotencyKey, AssetClient.ReplacementRecord body) {
        try {
            call(
                    "POST /hardware/" + hardwareId + "/media/replacements",
                    () -> {
                        client.recordReplacement(hardwareId, idempotencyKey, body);
                        return null;
                    });
        } catch (NotFound e) {
            throw ProblemException.unknownReference("hardwareId", hardwareId);
        }
    }

    /**
     * Every medium asset-service knows for an environment and/or hardware item, removed ones
     * included. Read page by page until the total asset-service announces ({@code X-Total-Count})
     * is reached — never only the first page (asset-service may cap the page size below the one
     * asked for); without a total, until a short page.
     */
    public List<AssetClient.Medium> media(String environment, String hardwareId) {
        List<AssetClient.Medium> all = new ArrayList<>();
        for (int page = 0; page < 10_000; page++) {
            int p = page;
            RestResponse<List<AssetClient.Medium>> response;
            try {
                response =
                        call(
                                "GET /media",
                                () ->
                                        client.media(
                                                environment, hardwareId, "removed", p, pageSize));
            } catch (NotFound e) {
                throw ProblemException.unknownReference(
                        hardwareId != null ? "hardwareIds" : "environment",
                        hardwareId != null ? hardwareId : environment);
            }
            List<AssetClient.Medium> batch = response == null ? null : response.getEntity();
            if (batch == null || batch.isEmpty()) {
                break;
            }
            all.addAll(batch);
            Long total = total(response);
            if (total != null ? all.size() >= total : batch.size() < pageSize) {
                break;
            }
        }
        return all;
    }

    private static Long total(RestResponse<?> response) {
        String value = response.getHeaderString("X-Total-Count");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
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
                throw ProblemException.of(
                        ProblemType.RULE_VIOLATION,
                        "asset-service refused "
                                + what
                                + " ("
                                + status
                                + ")"
                                + (body.isEmpty() ? "" : ": " + body));
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
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                            .matcher(text);
            String detail = m.find() ? m.group(1) : text;
            return detail.length() > 300 ? detail.substring(0, 300) : detail;
        } catch (RuntimeException ignored) {
            return "";
        }
    }

    private static ProblemException unavailable(String what, String how) {
        return ProblemException.of(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                "asset-service " + how + " (" + what + "); nothing was recorded, retry later");
    }

    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
