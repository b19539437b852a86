package io.kiban.backup.report;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

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

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class ReportsTest {

    private static long succeededRun(long target) {
        long policy = Api.createPolicy(Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
                .getLong("id");
        Api.runNow(policy);
        var run = Api.awaitRuns(policy, 1).get(0);
        assertThat(run).containsEntry("state", "SUCCEEDED");
        return ((Number) run.get("id")).longValue();
    }

    @Test
    @DisplayName("R-BK-4 a restore drill records who, when, which backup, how long and the result")
    void R_BK_4_restore_drills_are_recorded_and_reported() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long run = succeededRun(target);
        Map<String, Object> drill = Map.of("targetId", target, "runId", run, "durationSeconds", 840,
                "result", "SUCCEEDED", "notes", "restored into ns ocr-drill; app answered");
        var recorded = given().auth().oauth2(Tokens.vendor("vendor-a")).contentType(ContentType.JSON).body(drill)
                .post("/restore-drills").then().statusCode(201).extract().jsonPath();
        assertThat(recorded.getString("performedBy")).isEqualTo("vendor-a-engineer");
        assertThat(recorded.getString("performedByOrg")).isEqualTo("vendor-a");
        assertThat(recorded.getString("performedAt")).isNotNull();
        var lines = given().auth().oauth2(Tokens.auditor()).get("/reports/restore-drills").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.targetId == " + target + " }", Map.class);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).containsEntry("lastSuccessfulDrillId", recorded.getInt("id"))
                .containsEntry("lastSuccessAgeDays", 0).containsEntry("drills", 1);
        given().auth().oauth2(Tokens.jpoStaff()).queryParam("targetId", target).get("/restore-drills").then()
                .statusCode(200).body("id", hasItem(recorded.getInt("id")));
        // a run of another target, a missing run, a reader
        long other = Api.namespaceTarget("HW-K8S-1");
        given().auth().oauth2(Tokens.supportVendor()).contentType(ContentType.JSON)
                .body(Map.of("targetId", other, "runId", run, "durationSeconds", 1, "result", "FAILED"))
                .post("/restore-drills").then().statusCode(422).body("rule", org.hamcrest.Matchers.equalTo("R-BK-4"));
        given().auth().oauth2(Tokens.supportVendor()).contentType(ContentType.JSON)
                .body(Map.of("targetId", target, "runId", 999999999, "durationSeconds", 1, "result", "FAILED"))
                .post("/restore-drills").then().statusCode(422).body("errors.field", hasItem("runId"));
        given().auth().oauth2(Tokens.jpoStaff()).contentType(ContentType.JSON).body(drill).post("/restore-drills")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.supportVendor()).contentType(ContentType.JSON)
                .body(Map.of("targetId", target, "runId", run, "durationSeconds", -5, "result", "SUCCEEDED"))
                .post("/restore-drills").then().statusCode(400).body("errors.field", hasItem("durationSeconds"));
    }

    @Test
    @DisplayName("R-BK-5 every copy still held is listed; accounted for once the array's media have accepted destruction evidence")
    void R_BK_5_backup_copies_are_accounted_for_by_media_destruction() {
        String array = Api.unique("HW-ARR");
        String s1 = Api.unique("SSD");
        String s2 = Api.unique("SSD");
        var wm = MaintenanceStub.server;
        wm.stubFor(get(urlPathEqualTo("/media")).withQueryParam("hardwareId", equalTo(array)).atPriority(1)
                .willReturn(MaintenanceStub.json("[{\"serial\":\"" + s1 + "\"},{\"serial\":\"" + s2 + "\"}]")));
        wm.stubFor(get(urlPathEqualTo("/media/" + s1 + "/evidence-status")).willReturn(MaintenanceStub.json(
                "{\"serial\":\"" + s1 + "\",\"status\":\"ACCEPTED\",\"accepted\":true}")));
        var pending = wm.stubFor(get(urlPathEqualTo("/media/" + s2 + "/evidence-status")).willReturn(
                MaintenanceStub.json("{\"serial\":\"" + s2 + "\",\"status\":\"UPLOADED\",\"accepted\":false}")));
        var body = Api.target("VIRT_ARRAY", "VM", Api.unique("vm"), array);
        body.put("environment", "STAGING");
        long target = Api.createTarget(body);
        long run = succeededRun(target);
        List<Map<String, Object>> copies = copies();
        var copy = copies.stream().filter(c -> ((Number) c.get("runId")).longValue() == run).findFirst().orElseThrow();
        assertThat(copy).containsEntry("accountedFor", false).containsEntry("reference", "test-" + run)
                .containsEntry("arrayHardwareId", array);
        assertThat((String) copy.get("accountedBy")).contains(s2).doesNotContain(s1);
        wm.removeStub(pending);
        wm.stubFor(get(urlPathEqualTo("/media/" + s2 + "/evidence-status")).willReturn(MaintenanceStub.json(
                "{\"serial\":\"" + s2 + "\",\"status\":\"ACCEPTED\",\"accepted\":true}")));
        copy = copies().stream().filter(c -> ((Number) c.get("runId")).longValue() == run).findFirst().orElseThrow();
        assertThat(copy).containsEntry("accountedFor", true);
        given().auth().oauth2(Tokens.jpoStaff()).queryParam("array", "K8S_ARRAY").get("/reports/backup-copies")
                .then().statusCode(200).body("runId", org.hamcrest.Matchers.not(hasItem((int) run)));
    }

    private static List<Map<String, Object>> copies() {
        return given().auth().oauth2(Tokens.service("lifecycle")).queryParam("array", "VIRT_ARRAY")
                .queryParam("environment", "STAGING").get("/reports/backup-copies").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    @Test
    @DisplayName("R-RM-4 the records export holds targets, policies, the run ledger and drills")
    void records_export_for_the_archive() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long run = succeededRun(target);
        var records = given().auth().oauth2(Tokens.jpoAdmin()).get("/exports/records.json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(records.getList("targets.id", Integer.class)).contains((int) target);
        assertThat(records.getList("runs.id", Integer.class)).contains((int) run);
        assertThat(records.getString("service")).isEqualTo("backup-service");
    }
}
