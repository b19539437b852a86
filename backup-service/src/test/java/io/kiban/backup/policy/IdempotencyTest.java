package io.kiban.backup.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.backup.support.Api;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 hole 7: every POST of backup-service that creates something honours Idempotency-Key
 * (same key and body → the same answer, one row; another body → 422); the POSTs that create nothing
 * (pause, resume) refuse a key (400).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class IdempotencyTest {

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response>
            post(String path, String key, Object body, int status) {
        var request = given().auth().oauth2(Tokens.supportVendor()).header("Idempotency-Key", key);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.post(path).then().statusCode(status).extract();
    }

    private static long count(String path, String param, Object value) {
        return Long.parseLong(
                given().auth()
                        .oauth2(Tokens.auditor())
                        .queryParam(param, value)
                        .queryParam("size", 1)
                        .get(path)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Total-Count"));
    }

    @Test
    @DisplayName(
            "SEC idempotency: targets, policies, run now and restore drills replay; another body is 422")
    void SEC_every_creating_post_honours_idempotency_key() {
        // targets
        String key = UUID.randomUUID().toString();
        Map<String, Object> target =
                Api.target("K8S_ARRAY", "NAMESPACE", Api.unique("ns"), Api.unique("HW-IDEM"));
        long t1 = post("/targets", key, target, 201).jsonPath().getLong("id");
        long t2 = post("/targets", key, target, 201).jsonPath().getLong("id");
        assertThat(t2).isEqualTo(t1);
        var other = new LinkedHashMap<>(target);
        other.put("name", Api.unique("ns"));
        post("/targets", key, other, 422);
        // every page: other tests (ReportPagingTest) hold more than 200 targets
        assertThat(Api.allPages(Tokens.auditor(), "/targets", Map.of()))
                .extracting(t -> t.get("arrayHardwareId"))
                .filteredOn(target.get("arrayHardwareId")::equals)
                .hasSize(1);

        // policies
        String pkey = UUID.randomUUID().toString();
        Map<String, Object> policy =
                Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), t1);
        long p1 = post("/policies", pkey, policy, 201).jsonPath().getLong("id");
        assertThat(post("/policies", pkey, policy, 201).jsonPath().getLong("id")).isEqualTo(p1);
        var otherPolicy = new LinkedHashMap<>(policy);
        otherPolicy.put("name", Api.unique("policy"));
        post("/policies", pkey, otherPolicy, 422);

        // run now: one run per target however often it is retried
        String rkey = UUID.randomUUID().toString();
        var first = post("/policies/" + p1 + "/runs", rkey, null, 202).jsonPath();
        var again = post("/policies/" + p1 + "/runs", rkey, null, 202).jsonPath();
        assertThat(again.getList("runIds")).isEqualTo(first.getList("runIds"));
        var runs = Api.awaitRuns(p1, 1);
        assertThat(runs).hasSize(1);
        long run = ((Number) runs.get(0).get("id")).longValue();

        // restore drills
        String dkey = UUID.randomUUID().toString();
        Map<String, Object> drill =
                Map.of("targetId", t1, "runId", run, "durationSeconds", 30, "result", "SUCCEEDED");
        long d1 = post("/restore-drills", dkey, drill, 201).jsonPath().getLong("id");
        assertThat(post("/restore-drills", dkey, drill, 201).jsonPath().getLong("id"))
                .isEqualTo(d1);
        post(
                "/restore-drills",
                dkey,
                Map.of("targetId", t1, "runId", run, "durationSeconds", 31, "result", "SUCCEEDED"),
                422);
        assertThat(count("/restore-drills", "targetId", t1)).isEqualTo(1);

        // pause and resume create nothing: a key is refused rather than silently ignored
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/policies/" + p1 + "/pause")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/policies/" + p1)
                .then()
                .statusCode(200)
                .body("paused", org.hamcrest.Matchers.equalTo(false));
    }
}
