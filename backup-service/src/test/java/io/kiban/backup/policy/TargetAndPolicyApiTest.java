package io.kiban.backup.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.kiban.backup.scheduling.PolicyScheduler;
import io.kiban.backup.scheduling.Reconciler;
import io.kiban.backup.support.Api;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class TargetAndPolicyApiTest {

    @jakarta.inject.Inject Reconciler reconciler;

    private static final Map<String, Object> OK_SETTINGS = Map.of("result", "SUCCEEDED");

    @Test
    void targets_are_created_read_changed_with_if_match_paged_and_audited() {
        var body = Api.target("VIRT_ARRAY", "VM", Api.unique("vm"), "HW-VIRT-1");
        var created =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/targets")
                        .then()
                        .statusCode(201)
                        .header("ETag", "\"0\"")
                        .header("Location", notNullValue())
                        .extract()
                        .jsonPath();
        long id = created.getLong("id");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/targets/" + id)
                .then()
                .statusCode(200)
                .body("array", equalTo("VIRT_ARRAY"))
                .body("kind", equalTo("VM"));
        body.put("description", "OCR VM");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/targets/" + id)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .header("If-Match", "\"7\"")
                .put("/targets/" + id)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .header("If-Match", "\"0\"")
                .put("/targets/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("description", equalTo("OCR VM"));
        Api.createTarget(Api.target("VIRT_ARRAY", "VM", Api.unique("vm"), "HW-VIRT-1"));
        given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("array", "VIRT_ARRAY")
                .queryParam("size", 1)
                .get("/targets")
                .then()
                .statusCode(200)
                .header("X-Total-Count", notNullValue())
                .header("Link", containsString("rel=\"next\""));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/audit")
                .then()
                .statusCode(200)
                .body("entityType", hasItem("backup-target"));
        // a duplicate is a conflict
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/targets")
                .then()
                .statusCode(409);
    }

    @Test
    void a_vm_on_the_kubernetes_array_and_a_bad_pvc_selector_are_400() {
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(Api.target("K8S_ARRAY", "VM", Api.unique("vm"), "HW-K8S-1"))
                .post("/targets")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("kind"));
        var ns = Api.target("K8S_ARRAY", "NAMESPACE", Api.unique("ns"), "HW-K8S-1");
        ns.put("pvcSelector", "no selector");
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(ns)
                .post("/targets")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("pvcSelector"));
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x"))
                .post("/targets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void policies_default_to_tokyo_time_and_are_scheduled_in_the_clustered_store()
            throws Exception {
        long target = Api.namespaceTarget("HW-K8S-1");
        String cron = "0 7 3 * * ?"; // a schedule no other test uses
        var policy = Api.createPolicy(Api.policy(cron, "test", OK_SETTINGS, target));
        long id = policy.getLong("id");
        assertThat(policy.getString("timeZone")).isEqualTo("Asia/Tokyo");
        assertThat(policy.getString("nextFireTime")).endsWith("T18:07:00Z"); // 03:07 in Tokyo
        assertThat(policy.getList("targetIds", Long.class)).containsExactly(target);
        String trigger = PolicyScheduler.groupName(cron, "Asia/Tokyo");
        try (var c = TestDatabase.connect();
                var s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select CRON_EXPRESSION, TIME_ZONE_ID from QRTZ_CRON_TRIGGERS where "
                                        + "TRIGGER_GROUP = 'backup-cron' and TRIGGER_NAME = '"
                                        + trigger
                                        + "'")) {
            assertThat(rs.next()).as("the schedule's trigger in the clustered store").isTrue();
            assertThat(rs.getString(1)).isEqualTo(cron);
            assertThat(rs.getString(2)).isEqualTo("Asia/Tokyo");
        }
        // pausing takes the policy off its schedule (the trigger goes once no active policy uses
        // it);
        // resuming puts it back from now
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/policies/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("paused", equalTo(true))
                .body("nextFireTime", equalTo(null));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(reconciler::ensureScheduled);
        assertThat(triggers(trigger)).isZero();
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .post("/policies/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("paused", equalTo(false));
        assertThat(triggers(trigger)).isEqualTo(1);
        // update with If-Match
        var changed = Api.policy("0 30 1 * * ?", "test", OK_SETTINGS, target);
        long version =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/policies/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("version");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(changed)
                .put("/policies/" + id)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(changed)
                .header("If-Match", "\"" + version + "\"")
                .put("/policies/" + id)
                .then()
                .statusCode(200)
                .body("cron", equalTo("0 30 1 * * ?"));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/policies")
                .then()
                .statusCode(200)
                .header("X-Total-Count", notNullValue());
    }

    @Test
    @DisplayName(
            "R-BK-1 policies on a new schedule created at the same moment: all created, one trigger")
    void R_BK_1_concurrent_policies_on_a_new_schedule() throws Exception {
        long target = Api.namespaceTarget("HW-K8S-1");
        String cron = "0 13 3 * * ?";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 6; i++) {
                answers.add(
                        pool.submit(
                                () ->
                                        given().auth()
                                                .oauth2(Tokens.supportVendor())
                                                .contentType(ContentType.JSON)
                                                .body(Api.policy(cron, "test", OK_SETTINGS, target))
                                                .post("/policies")
                                                .then()
                                                .extract()
                                                .statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(triggers(PolicyScheduler.groupName(cron, "Asia/Tokyo"))).isEqualTo(1);
    }

    private static int triggers(String schedule) throws Exception {
        try (var c = TestDatabase.connect();
                var s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select count(*) from QRTZ_TRIGGERS where TRIGGER_GROUP = "
                                        + "'backup-cron' and TRIGGER_NAME = '"
                                        + schedule
                                        + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void an_invalid_cron_is_400_naming_cron() {
        long target = Api.namespaceTarget("HW-K8S-1");
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(Api.policy("0 0 25 * * ?", "test", OK_SETTINGS, target))
                .post("/policies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("cron"));
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(Api.policy("every day", "test", OK_SETTINGS, target))
                .post("/policies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cron"));
    }

    @Test
    void bad_query_parameters_and_bodies_are_never_500() {
        given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("array", "TAPE_LIBRARY")
                .get("/targets")
                .then()
                .statusCode(
                        org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                                org.hamcrest.Matchers.lessThan(500)));
        given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("state", "LOST")
                .get("/runs")
                .then()
                .statusCode(
                        org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                                org.hamcrest.Matchers.lessThan(500)));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/targets/not-a-number")
                .then()
                .statusCode(
                        org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                                org.hamcrest.Matchers.lessThan(500)));
        var body = Api.policy(Api.DAILY, "test", OK_SETTINGS, Api.namespaceTarget("HW-K8S-1"));
        body.put("level", "HOURLY");
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/policies")
                .then()
                .statusCode(400);
        body.put("level", "FULL");
        body.put("blackoutWindows", List.of(Map.of("from", "yesterday", "until", "tomorrow")));
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/policies")
                .then()
                .statusCode(400);
        body.remove("blackoutWindows");
        body.put("driverSettings", "not an object");
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/policies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.supportVendor())
                .queryParam("size", 1000)
                .get("/policies")
                .then()
                .statusCode(400);
    }

    @Test
    void a_covered_target_and_a_policy_with_runs_cannot_be_deleted() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long policy =
                Api.createPolicy(Api.policy(Api.DAILY, "test", OK_SETTINGS, target)).getLong("id");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .delete("/targets/" + target)
                .then()
                .statusCode(409)
                .body("conflicts.kind", hasItem("policy"));
        Api.runNow(policy);
        Api.awaitRuns(policy, 1);
        long version =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/policies/" + policy)
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("version");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"" + version + "\"")
                .delete("/policies/" + policy)
                .then()
                .statusCode(409);
        long lonely = Api.namespaceTarget("HW-K8S-1");
        long unused =
                Api.createPolicy(Api.policy(Api.DAILY, "test", OK_SETTINGS, lonely)).getLong("id");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .delete("/policies/" + unused)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .delete("/targets/" + lonely)
                .then()
                .statusCode(204);
        given().auth().oauth2(Tokens.auditor()).get("/policies/" + unused).then().statusCode(404);
    }

    @Test
    void an_unknown_time_zone_is_400() {
        var body = Api.policy(Api.DAILY, "test", OK_SETTINGS, Api.namespaceTarget("HW-K8S-1"));
        body.put("timeZone", "Mars/Olympus_Mons");
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/policies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("timeZone"));
    }

    @Test
    @DisplayName("R-BK-2 a retention of 0 generations is 400")
    void R_BK_2_retention_zero_is_400() {
        var body = Api.policy(Api.DAILY, "test", OK_SETTINGS, Api.namespaceTarget("HW-K8S-1"));
        body.put("retention", Map.of("keepLast", 0));
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/policies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("retention.keepLast"));
    }

    @Test
    void missing_driver_settings_and_an_unknown_driver_are_400() {
        long target = Api.namespaceTarget("HW-K8S-1");
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(Api.policy(Api.DAILY, "http", Map.of("method", "POST"), target))
                .post("/policies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("driverSettings.url"));
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(Api.policy(Api.DAILY, "exec", Map.of(), target))
                .post("/policies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("driverSettings.command"));
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(Api.policy(Api.DAILY, "csi-snapshot", Map.of(), target))
                .post("/policies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("driverSettings.volumeSnapshotClass"));
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(Api.policy(Api.DAILY, "tape-robot", Map.of(), target))
                .post("/policies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("driver"));
    }

    @Test
    void an_unknown_target_is_404_in_the_path_and_422_in_a_body() {
        given().auth().oauth2(Tokens.auditor()).get("/targets/999999999").then().statusCode(404);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/targets/999999999/status")
                .then()
                .statusCode(404);
        given().auth().oauth2(Tokens.auditor()).get("/policies/999999999").then().statusCode(404);
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(Api.policy(Api.DAILY, "test", OK_SETTINGS, 999999999L))
                .post("/policies")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("targetIds"));
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "targetId",
                                999999999,
                                "runId",
                                1,
                                "durationSeconds",
                                5,
                                "result",
                                "SUCCEEDED"))
                .post("/restore-drills")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("targetId"));
    }

    @Test
    void reading_roles_cannot_write_and_strangers_get_nothing() {
        var body = Api.target("VIRT_ARRAY", "VOLUME", Api.unique("lun"), "HW-VIRT-1");
        for (String token :
                List.of(Tokens.jpoStaff(), Tokens.auditor(), Tokens.service("lifecycle"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/targets")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(Tokens.unapprovedVendor("vendor-x"))
                .get("/targets")
                .then()
                .statusCode(403);
        given().get("/targets").then().statusCode(401);
        long target = Api.namespaceTarget("HW-K8S-1");
        long policy =
                Api.createPolicy(Api.policy(Api.DAILY, "test", OK_SETTINGS, target)).getLong("id");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .post("/policies/" + policy + "/runs")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.auditor())
                .post("/policies/" + policy + "/pause")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.supportVendor())
                .get("/exports/records.json")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.service("lifecycle"))
                .get("/exports/records.json")
                .then()
                .statusCode(200)
                .body("service", equalTo("backup-service"));
    }
}
