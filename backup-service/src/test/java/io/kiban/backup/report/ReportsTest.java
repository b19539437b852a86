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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        long policy =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
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
        Map<String, Object> drill =
                Map.of(
                        "targetId",
                        target,
                        "runId",
                        run,
                        "durationSeconds",
                        840,
                        "result",
                        "SUCCEEDED",
                        "notes",
                        "restored into ns ocr-drill; app answered");
        var recorded =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .contentType(ContentType.JSON)
                        .body(drill)
                        .post("/restore-drills")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        assertThat(recorded.getString("performedBy")).isEqualTo("vendor-a-engineer");
        assertThat(recorded.getString("performedByOrg")).isEqualTo("vendor-a");
        assertThat(recorded.getString("performedAt")).isNotNull();
        var lines =
                Api.allPages(Tokens.auditor(), "/reports/restore-drills", Map.of()).stream()
                        .filter(l -> ((Number) l.get("targetId")).longValue() == target)
                        .toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .containsEntry("lastSuccessfulDrillId", recorded.getInt("id"))
                .containsEntry("lastSuccessAgeDays", 0)
                .containsEntry("drills", 1);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .queryParam("targetId", target)
                .get("/restore-drills")
                .then()
                .statusCode(200)
                .body("id", hasItem(recorded.getInt("id")));
        // a run of another target, a missing run, a reader
        long other = Api.namespaceTarget("HW-K8S-1");
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "targetId",
                                other,
                                "runId",
                                run,
                                "durationSeconds",
                                1,
                                "result",
                                "FAILED"))
                .post("/restore-drills")
                .then()
                .statusCode(422)
                .body("rule", org.hamcrest.Matchers.equalTo("R-BK-4"));
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "targetId",
                                target,
                                "runId",
                                999999999,
                                "durationSeconds",
                                1,
                                "result",
                                "FAILED"))
                .post("/restore-drills")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("runId"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .contentType(ContentType.JSON)
                .body(drill)
                .post("/restore-drills")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "targetId",
                                target,
                                "runId",
                                run,
                                "durationSeconds",
                                -5,
                                "result",
                                "SUCCEEDED"))
                .post("/restore-drills")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("durationSeconds"));
    }

    @Test
    @DisplayName(
            "R-BK-4 a restore drill's evidence file is stored by SHA-256, served only unaltered, never replaced")
    void R_BK_4_restore_drill_evidence_file() throws Exception {
        long target = Api.namespaceTarget("HW-K8S-1");
        long run = succeededRun(target);
        long drill =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "targetId",
                                        target,
                                        "runId",
                                        run,
                                        "durationSeconds",
                                        600,
                                        "result",
                                        "SUCCEEDED"))
                        .post("/restore-drills")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        byte[] pdf =
                ("%PDF-1.4\n% restore log of drill " + drill + "\n%%EOF\n")
                        .getBytes(StandardCharsets.UTF_8);
        String sha = io.kiban.commons.json.Hashes.sha256Hex(pdf);

        // only jpo-admin or the organisation that performed it; readers cannot write
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .contentType("application/pdf")
                .body(pdf)
                .queryParam("fileName", "log.pdf")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.auditor())
                .contentType("application/pdf")
                .body(pdf)
                .queryParam("fileName", "log.pdf")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(403);
        // bad input: no name, a path for a name, not PDF/PNG/JPEG, no such drill
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("application/pdf")
                .body(pdf)
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("fileName"));
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("application/pdf")
                .body(pdf)
                .queryParam("fileName", "../../etc/passwd")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("text/plain")
                .body("just words")
                .queryParam("fileName", "log.txt")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("application/pdf")
                .body(pdf)
                .queryParam("fileName", "log.pdf")
                .put("/restore-drills/999999999/evidence")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(404);

        var attached =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .contentType("application/pdf")
                        .body(pdf)
                        .queryParam("fileName", "復元ログ.pdf")
                        .put("/restore-drills/" + drill + "/evidence")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(attached.getString("evidenceFile.sha256")).isEqualTo(sha);
        assertThat(attached.getString("evidenceFile.fileName")).isEqualTo("復元ログ.pdf");
        assertThat(attached.getString("evidenceFile.contentType")).isEqualTo("application/pdf");
        assertThat(attached.getLong("evidenceFile.size")).isEqualTo(pdf.length);
        assertThat(attached.getString("evidenceFile.uploadedBy")).isEqualTo("vendor-a-engineer");
        // the same file again is answered as before; another one is refused
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("application/pdf")
                .body(pdf)
                .queryParam("fileName", "復元ログ.pdf")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(200)
                .body("evidenceFile.sha256", org.hamcrest.Matchers.equalTo(sha));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType("application/pdf")
                .body(("%PDF-1.4 other").getBytes())
                .queryParam("fileName", "other.pdf")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(409)
                .body("rule", org.hamcrest.Matchers.equalTo("R-BK-4"));

        var download =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/restore-drills/" + drill + "/evidence")
                        .then()
                        .statusCode(200)
                        .header("X-Uploaded-Content-Type", "application/pdf")
                        .header(
                                "Repr-Digest",
                                "sha-256=:"
                                        + java.util.Base64.getEncoder()
                                                .encodeToString(
                                                        java.util.HexFormat.of().parseHex(sha))
                                        + ":")
                        .extract();
        assertThat(download.asByteArray()).isEqualTo(pdf);
        assertThat(Api.audit("restore-drill", drill))
                .extracting(e -> e.get("action"))
                .contains("attach-evidence");

        // altered on the volume: no longer served
        Path stored = Path.of("target/evidence", sha.substring(0, 2), sha);
        stored.toFile().setWritable(true);
        Files.write(stored, "%PDF-1.4 forged".getBytes(StandardCharsets.UTF_8));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(409)
                .body("rule", org.hamcrest.Matchers.equalTo("R-BK-4"));
    }

    @Test
    @DisplayName(
            "R-BK-5 every copy still held is listed; accounted for once the array's media have accepted destruction evidence")
    void R_BK_5_backup_copies_are_accounted_for_by_media_destruction() {
        String array = Api.unique("HW-ARR");
        String s1 = Api.unique("SSD");
        String s2 = Api.unique("SSD");
        var wm = MaintenanceStub.server;
        // #19: maintenance-service answers for the array's media; s2 is in custody without accepted
        // evidence
        var pending =
                wm.stubFor(
                        get(urlPathEqualTo("/reports/media-destruction"))
                                .withQueryParam("hardwareId", equalTo(array))
                                .atPriority(1)
                                .willReturn(
                                        MaintenanceStub.json(
                                                        "["
                                                                + MaintenanceStub.medium(
                                                                        s1, "part", true)
                                                                + ","
                                                                + MaintenanceStub.medium(
                                                                        s2, "asset-ledger", false)
                                                                + "]")
                                                .withHeader("X-Total-Count", "2")));
        var body = Api.target("VIRT_ARRAY", "VM", Api.unique("vm"), array);
        body.put("environment", "STAGING");
        long target = Api.createTarget(body);
        long run = succeededRun(target);
        List<Map<String, Object>> copies = copies();
        var copy =
                copies.stream()
                        .filter(c -> ((Number) c.get("runId")).longValue() == run)
                        .findFirst()
                        .orElseThrow();
        assertThat(copy)
                .containsEntry("accountedFor", false)
                .containsEntry("reference", "test-" + run)
                .containsEntry("arrayHardwareId", array);
        assertThat((String) copy.get("accountedBy")).contains(s2).doesNotContain(s1);
        wm.removeStub(pending);
        wm.stubFor(
                get(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(array))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(
                                                "["
                                                        + MaintenanceStub.medium(s1, "part", true)
                                                        + ","
                                                        + MaintenanceStub.medium(
                                                                s2, "order-medium", true)
                                                        + "]")
                                        .withHeader("X-Total-Count", "2")));
        copy =
                copies().stream()
                        .filter(c -> ((Number) c.get("runId")).longValue() == run)
                        .findFirst()
                        .orElseThrow();
        assertThat(copy).containsEntry("accountedFor", true);
        assertThat(
                        Api.allPages(
                                Tokens.jpoStaff(),
                                "/reports/backup-copies",
                                Map.of("array", "K8S_ARRAY")))
                .extracting(c -> ((Number) c.get("runId")).longValue())
                .doesNotContain(run);
    }

    private static List<Map<String, Object>> copies() {
        return Api.allPages(
                Tokens.service("lifecycle"),
                "/reports/backup-copies",
                Map.of("array", "VIRT_ARRAY", "environment", "STAGING"));
    }

    @Test
    @DisplayName("R-RM-4 the records export holds targets, policies, the run ledger and drills")
    void records_export_for_the_archive() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long run = succeededRun(target);
        var records =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/exports/records.json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(records.getList("targets.id", Integer.class)).contains((int) target);
        assertThat(records.getList("runs.id", Integer.class)).contains((int) run);
        assertThat(records.getString("service")).isEqualTo("backup-service");
    }
}
