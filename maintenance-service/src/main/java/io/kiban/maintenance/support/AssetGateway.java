package io.kiban.maintenance.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.client.Remote;
import io.kiban.commons.client.RemoteList;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
    private final ObjectMapper json;

    public AssetGateway(@RestClient AssetClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
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
     * included (R-MT-3, R-RM-3: a medium missing from this list would be missing from every
     * "destroyed?" answer). Read with commons' {@link RemoteList}, pages of {@value
     * RemoteList#PAGE_SIZE} until the total asset-service announces in {@code X-Total-Count}:
     * asset-service's {@code GET /media} is always paged, so a page without that total (or with
     * another total than the first page's), pages that end short of the total, a body that is not a
     * list or a row that cannot be read is asset-service not answering — 503 {@link
     * ProblemType#DEPENDENCY_UNAVAILABLE}, nothing recorded — never a silently shorter list.
     */
    public List<AssetClient.Medium> media(String environment, String hardwareId) {
        String what =
                "GET /media?"
                        + (environment != null ? "environment=" + environment : "")
                        + (environment != null && hardwareId != null ? "&" : "")
                        + (hardwareId != null ? "hardwareId=" + hardwareId : "")
                        + "&include=removed";
        String[] firstTotal = new String[1];
        List<JsonNode> rows;
        try {
            rows =
                    RemoteList.readAll(
                            "asset-service",
                            p -> {
                                RestResponse<JsonNode> answer =
                                        mediaPage(environment, hardwareId, p);
                                String total =
                                        answer == null
                                                ? null
                                                : answer.getHeaderString(RemoteList.TOTAL);
                                if (total == null || total.isBlank()) {
                                    throw new RemoteList.Incomplete(
                                            "asset-service sent page "
                                                    + p
                                                    + " of its media without "
                                                    + RemoteList.TOTAL
                                                    + ": a paged list without its total cannot be known complete");
                                }
                                if (p == 0) {
                                    firstTotal[0] = total.trim();
                                } else if (!total.trim().equals(firstTotal[0])) {
                                    throw new RemoteList.Incomplete(
                                            "asset-service announced "
                                                    + firstTotal[0]
                                                    + " media, then "
                                                    + total.trim()
                                                    + " on page "
                                                    + p
                                                    + ": the list changed while it was read");
                                }
                                return new RemoteList.Page(answer.getEntity(), total);
                            });
        } catch (RemoteList.Incomplete e) {
            LOG.warnf("asset-service's list was incomplete for %s: %s", what, e.getMessage());
            throw incomplete(what, e.getMessage());
        }
        List<AssetClient.Medium> media = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            try {
                media.add(json.treeToValue(row, AssetClient.Medium.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                LOG.warnf("asset-service sent an unreadable medium for %s: %s", what, e.toString());
                throw incomplete(what, "asset-service sent a medium that cannot be read");
            }
        }
        return media;
    }

    private RestResponse<JsonNode> mediaPage(String environment, String hardwareId, int page) {
        try {
            return call(
                    "GET /media",
                    () ->
                            client.media(
                                    environment,
                                    hardwareId,
                                    "removed",
                                    page,
                                    RemoteList.PAGE_SIZE));
        } catch (NotFound e) {
            throw ProblemException.unknownReference(
                    hardwareId != null ? "hardwareIds" : "environment",
                    hardwareId != null ? hardwareId : environment);
        }
    }

    private static ProblemException incomplete(String what, String why) {
        return ProblemException.of(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                "R-MT-3/R-RM-3: "
                        + why
                        + " ("
                        + what
                        + "); an incomplete list of media is never answered, nothing was recorded, retry later");
    }

    /**
     * commons' one translation of a remote failure: a refusal (400/409/422) is this service's 422
     * carrying asset-service's detail, anything else 503; a 404 is told to the caller ({@link
     * NotFound}), which knows which reference was unknown.
     */
    private static <T> T call(String what, Supplier<T> call) {
        try {
            return Remote.call("asset-service", what, call);
        } catch (Remote.Failure f) {
            if (f.notFound()) {
                throw new NotFound();
            }
            throw f.toProblem();
        }
    }

    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
