package io.kiban.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kiban.backup.support.Api;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #17, "the API in the users' language", for backup-service: the request examples of the
 * OpenAPI document are real requests (sent here as documented, read from /q/openapi so that a
 * rotting example fails), and the closed-set query parameters are enums: an unknown value answers
 * 400 naming the allowed values, in Japanese when asked.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class ApiInUsersLanguageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName(
            "#17 R-BK-1 R-BK-2 SEC-BK-3: the documented examples of POST/PUT /targets and /policies are accepted "
                    + "as sent (vendor proposes, jpo-admin changes)")
    void R_BK_1_documented_target_and_policy_examples_are_real_requests() throws Exception {
        ObjectNode target = example("/targets", "post");
        var created =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .contentType(ContentType.JSON)
                        .body(JSON.writeValueAsString(target))
                        .post("/targets")
                        .then()
                        .statusCode(201)
                        .body("array", equalTo("K8S_ARRAY"))
                        .body("environment", equalTo("PRODUCTION"))
                        .body("kind", equalTo("NAMESPACE"))
                        .body("name", equalTo("ai-ocr-production"))
                        .body("pvcSelector", equalTo("app=ai-ocr"))
                        .extract()
                        .jsonPath();
        long targetId = created.getLong("id");

        ObjectNode targetChange = example("/targets/{id}", "put");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(JSON.writeValueAsString(targetChange))
                .put("/targets/" + targetId)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("pvcSelector", equalTo("app=ai-ocr,tier=results"));

        ObjectNode policy = example("/policies", "post");
        assertThat(policy.path("targetIds")).as("the example names one target").hasSize(1);
        policy.putArray("targetIds").add(targetId);
        var createdPolicy =
                given().auth()
                        .oauth2(Tokens.supportVendor())
                        .contentType(ContentType.JSON)
                        .body(JSON.writeValueAsString(policy))
                        .post("/policies")
                        .then()
                        .statusCode(201)
                        .body("name", equalTo("ai-ocr-production-nightly"))
                        .body("timeZone", equalTo("Asia/Tokyo"))
                        .body("level", equalTo("FULL"))
                        .body("retention.keepLast", equalTo(7))
                        .body("retention.monthly", equalTo(3))
                        .body("driver", equalTo("velero"))
                        .body("backupBeforeMaintenance", equalTo(true))
                        .body("paused", equalTo(false))
                        // 03:00 in Tokyo (UTC+9, no summer time) is 18:00 UTC the day before
                        .body("nextFireTime", matchesPattern("\\d{4}-\\d{2}-\\d{2}T18:00:00Z"))
                        .extract();
        long policyId = createdPolicy.jsonPath().getLong("id");

        ObjectNode policyChange = example("/policies/{id}", "put");
        policyChange.putArray("targetIds").add(targetId);
        String etag =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .header("If-Match", createdPolicy.header("ETag"))
                        .body(JSON.writeValueAsString(policyChange))
                        .put("/policies/" + policyId)
                        .then()
                        .statusCode(200)
                        .body("retention.keepLast", equalTo(14))
                        .extract()
                        .header("ETag");

        // leave nothing scheduled behind: the policy has no runs, so jpo-admin may delete it, then
        // the target
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag)
                .delete("/policies/" + policyId)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"1\"")
                .delete("/targets/" + targetId)
                .then()
                .statusCode(204);
    }

    @Test
    @DisplayName(
            "#17 R-BK-4: the documented example of POST /restore-drills is accepted as sent; the performer is "
                    + "the caller")
    void R_BK_4_documented_restore_drill_example_is_a_real_request() throws Exception {
        long target =
                Api.createTarget(
                        Api.target("VIRT_ARRAY", "VM", Api.unique("dwh-vm"), "HW-VIRT-17"));
        long policy =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
                        .getLong("id");
        Api.runNow(policy);
        Map<String, Object> run = Api.awaitRuns(policy, 1).get(0);
        assertThat(run.get("state")).isEqualTo("SUCCEEDED");

        ObjectNode drill = example("/restore-drills", "post");
        drill.put("targetId", target);
        drill.put("runId", ((Number) run.get("id")).longValue());
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(drill))
                .post("/restore-drills")
                .then()
                .statusCode(201)
                .body("durationSeconds", equalTo(1260))
                .body("result", equalTo("SUCCEEDED"))
                // 14:00 in Tokyo is 05:00 UTC
                .body("performedAt", equalTo("2026-10-15T05:00:00Z"))
                .body("performedBy", equalTo("support1"))
                .body("notes", containsString("OCR の試験要求に正常応答"));
    }

    @Test
    @DisplayName(
            "#17 R-BK-5 R-RM-1: environment of /reports/backup-copies is an enum (PRODUCTION, STAGING, SHARED): "
                    + "what lifecycle-service and the e2e suite send still works, anything else is 400 naming the values")
    void R_BK_5_backup_copies_environment_is_an_enum() throws Exception {
        JsonNode parameter = parameter("/reports/backup-copies", "get", "environment");
        List<String> documented =
                JSON.convertValue(
                        resolve(parameter.path("schema")).path("enum"),
                        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(documented).containsExactly("PRODUCTION", "STAGING", "SHARED");

        for (String sent : List.of("PRODUCTION", "STAGING")) {
            given().auth()
                    .oauth2(Tokens.service("lifecycle"))
                    .queryParam("environment", sent)
                    .queryParam("size", 200)
                    .get("/reports/backup-copies")
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(Tokens.service("lifecycle"))
                .queryParam("environment", "SHARED")
                .get("/reports/backup-copies")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "0")
                .body("size()", equalTo(0));

        // neither another spelling nor a made-up environment is read as "no filter" (which would
        // list every copy)
        for (String wrong : List.of("shared", "MARS", "本番環境", "PRODUCTION,STAGING")) {
            given().auth()
                    .oauth2(Tokens.jpoAdmin())
                    .queryParam("environment", wrong)
                    .get("/reports/backup-copies")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("PRODUCTION, STAGING, SHARED"))
                    .body("errors[0].field", equalTo("environment"));
        }
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Accept-Language", "ja")
                .queryParam("environment", "MARS")
                .get("/reports/backup-copies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("入力内容に誤りがあります"))
                .body(
                        "detail",
                        equalTo(
                                "パラメータ environment の値 'MARS' は使用できません。次のいずれかを指定してください："
                                        + "PRODUCTION, STAGING, SHARED"));
    }

    @ParameterizedTest(name = "{0}?{1}={2} → 400 naming {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/targets|environment|SHARED|PRODUCTION, STAGING",
                "/targets|array|NAS_ARRAY|K8S_ARRAY, VIRT_ARRAY",
                "/reports/rpo|environment|production|PRODUCTION, STAGING",
                "/reports/restore-drills|environment|DEV|PRODUCTION, STAGING",
                "/reports/backup-copies|array|TAPE|K8S_ARRAY, VIRT_ARRAY",
                "/runs|state|DONE|SCHEDULED, RUNNING, SUCCEEDED, PARTIALLY_FAILED, FAILED, MISSED, SKIPPED_OVERLAP, "
                        + "SKIPPED_BLACKOUT, SKIPPED_HOLD, PRUNED"
            })
    @DisplayName(
            "#17 R-BK-3: every enum query parameter answers an unknown value with 400 problem+json naming the "
                    + "allowed values (not 404, not an unfiltered list)")
    void R_BK_3_unknown_enum_query_values_are_400_naming_the_allowed_values(
            String path, String parameter, String value, String allowed) throws Exception {
        JsonNode documented =
                resolve(parameter(path, "get", parameter).path("schema")).path("enum");
        assertThat(documented.isArray() && !documented.isEmpty())
                .as(parameter + " of " + path + " is an enum")
                .isTrue();
        given().auth()
                .oauth2(Tokens.auditor())
                .queryParam(parameter, value)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(
                                "parameter '"
                                        + parameter
                                        + "': '"
                                        + value
                                        + "' is not allowed; must be one of "
                                        + allowed))
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    @DisplayName(
            "#17: the summaries and descriptions of backup-service put the Japanese first, with the rule ids in "
                    + "both languages")
    void summaries_and_descriptions_are_japanese_then_english() throws Exception {
        JsonNode copies = document().path("paths").path("/reports/backup-copies").path("get");
        assertThat(copies.path("summary").asText())
                .isEqualTo(
                        "アレイ上に残るバックアップ複製 / R-BK-5: every backup copy still held on the arrays, with "
                                + "whether it is accounted for");
        String[] paragraphs = copies.path("description").asText().split("\n\n");
        assertThat(paragraphs[0]).startsWith("R-BK-5、R-RM-1: 撤去に向けて").contains("共用環境（分電盤）");
        assertThat(paragraphs[1]).startsWith("R-BK-5: paged").contains("R-RM-1");
        JsonNode pause = document().path("paths").path("/policies/{id}/pause").path("post");
        assertThat(pause.path("description").asText())
                .contains("SEC-BK-3: 一時停止")
                .contains("Idempotency-Key is not accepted");
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode document() throws Exception {
        return JSON.readTree(
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    /** The first example of the operation's JSON request body, as the document gives it. */
    private static ObjectNode example(String path, String method) throws Exception {
        JsonNode media =
                document()
                        .path("paths")
                        .path(path)
                        .path(method)
                        .path("requestBody")
                        .path("content")
                        .path("application/json");
        assertThat(media.path("schema").path("$ref").asText())
                .as(
                        method.toUpperCase()
                                + " "
                                + path
                                + " keeps the body's schema beside the example")
                .isNotEmpty();
        JsonNode examples = media.path("examples");
        assertThat(examples.size())
                .as(method.toUpperCase() + " " + path + " documents an example")
                .isPositive();
        JsonNode value = examples.elements().next().path("value");
        return (ObjectNode) (value.isTextual() ? JSON.readTree(value.asText()) : value.deepCopy());
    }

    private static JsonNode parameter(String path, String method, String name) throws Exception {
        for (JsonNode p : document().path("paths").path(path).path(method).path("parameters")) {
            if (name.equals(p.path("name").asText()) && "query".equals(p.path("in").asText())) {
                return p;
            }
        }
        throw new AssertionError(
                method.toUpperCase() + " " + path + " documents no query parameter " + name);
    }

    private static JsonNode resolve(JsonNode schema) throws Exception {
        String ref = schema.path("$ref").asText("");
        if (ref.isEmpty()) {
            return schema;
        }
        return document()
                .path("components")
                .path("schemas")
                .path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
