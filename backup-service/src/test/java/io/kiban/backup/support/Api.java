package io.kiban.backup.support;

import static io.restassured.RestAssured.given;

import io.kiban.commons.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Helpers that make targets and policies through the API. */
public final class Api {

    public static final String DAILY = "0 0 3 * * ?";

    private Api() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> target(
            String array, String kind, String name, String hardwareId) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("array", array);
        t.put("arrayHardwareId", hardwareId);
        t.put("environment", "PRODUCTION");
        t.put("kind", kind);
        t.put("name", name);
        return t;
    }

    public static long createTarget(Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/targets")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static long namespaceTarget(String hardwareId) {
        return createTarget(target("K8S_ARRAY", "NAMESPACE", unique("ns"), hardwareId));
    }

    public static Map<String, Object> policy(
            String cron, String driver, Map<String, Object> settings, long... targetIds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", unique("policy"));
        p.put("cron", cron);
        p.put("level", "FULL");
        p.put("retention", new LinkedHashMap<>(Map.of("keepLast", 3)));
        List<Long> ids = new ArrayList<>();
        for (long id : targetIds) {
            ids.add(id);
        }
        p.put("targetIds", ids);
        p.put("driver", driver);
        p.put("driverSettings", settings);
        p.put("holdDuringMaintenance", false);
        return p;
    }

    public static JsonPath createPolicy(Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    public static void runNow(long policyId) {
        given().auth()
                .oauth2(Tokens.supportVendor())
                .post("/policies/" + policyId + "/runs")
                .then()
                .statusCode(202);
    }

    public static List<Map<String, Object>> runs(long policyId) {
        return given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("policyId", policyId)
                .queryParam("size", 200)
                .get("/runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    /**
     * Waits until the policy has {@code count} runs in a terminal state and returns them (newest
     * first).
     */
    public static List<Map<String, Object>> awaitRuns(long policyId, int count) {
        return Await.until(
                java.time.Duration.ofSeconds(20),
                () -> runs(policyId),
                rs -> rs.stream().filter(r -> !unsettled(r)).count() >= count);
    }

    /** A run that has not reached its end yet: queued (SCHEDULED) or RUNNING. */
    public static boolean unsettled(Map<String, Object> run) {
        return "SCHEDULED".equals(run.get("state")) || "RUNNING".equals(run.get("state"));
    }

    /** The audit trail's entries for one entity (auditor). */
    public static List<Map<String, Object>> audit(String entityType, Object entityId) {
        return given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("entityType", entityType)
                .queryParam("entityId", String.valueOf(entityId))
                .queryParam("size", 200)
                .get("/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    /**
     * Every item of a paged list (pages of 200 until {@code X-Total-Count}), for tests that look
     * for their own rows in a list other tests fill too.
     */
    public static List<Map<String, Object>> allPages(
            String token, String path, Map<String, ?> params) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            var reply =
                    given().auth()
                            .oauth2(token)
                            .queryParams(params)
                            .queryParam("page", page)
                            .queryParam("size", 200)
                            .get(path)
                            .then()
                            .statusCode(200)
                            .extract();
            List<Map<String, Object>> items = reply.jsonPath().getList("$");
            all.addAll(items);
            if (items.isEmpty() || all.size() >= Long.parseLong(reply.header("X-Total-Count"))) {
                return all;
            }
        }
        throw new AssertionError(path + " did not end");
    }
}
