package io.kiban.lifecycle.removal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.http.Fault;
import io.kiban.commons.json.Hashes;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.MediaReport;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class PhaseRemovalTest {

    static final List<String> CHECKLIST =
            List.of("RACKS", "POWER", "CABLING", "FLOOR", "NETWORK_PORTS");

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    @Test
    void R_RM_1_illegal_transitions_are_422_naming_the_rule() {
        transition("PRODUCTION", "IN_SERVICE", null, null)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-RM-1"));
        // #19: the environment in the path is the enum itself: an unknown one is no resource (404)
        transition("MOON", "BUILDING", null, null)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/phases/PRODUCTION/transitions")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .contentType(ContentType.JSON)
                .body(Map.of("to", "BUILDING"))
                .post("/phases/PRODUCTION/transitions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(Map.of("to", "BUILDING"))
                .post("/phases/PRODUCTION/transitions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/removal/MOON/readiness")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/phases")
                .then()
                .statusCode(200)
                .body("phase", org.hamcrest.Matchers.everyItem(equalTo("CONTRACTED")));
    }

    @Test
    @DisplayName(
            "R-RM-2 a fallback needs a reason; a cost note only when it gives rise to new cost (newCost: true)")
    void R_RM_2_fallback_needs_a_reason_and_a_cost_note_only_for_new_cost() {
        walk("PRODUCTION", "BUILDING", "IN_SERVICE", "END_OF_USE");
        transition("PRODUCTION", "IN_SERVICE", null, null)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-2"));
        // new cost declared without its note: refused, nothing written
        fallback("PRODUCTION", Map.of("to", "IN_SERVICE", "reason", "次期システム移行の延期", "newCost", true))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-RM-2"))
                .body("detail", org.hamcrest.Matchers.containsString("costNote"));
        fallback(
                        "PRODUCTION",
                        Map.of(
                                "to",
                                "IN_SERVICE",
                                "reason",
                                "次期システム移行の延期",
                                "newCost",
                                true,
                                "costNote",
                                " "))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-2"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/phases/PRODUCTION")
                .then()
                .statusCode(200)
                .body("phase", equalTo("END_OF_USE"));
        fallback(
                        "PRODUCTION",
                        Map.of(
                                "to",
                                "IN_SERVICE",
                                "reason",
                                "次期システム移行の延期",
                                "newCost",
                                true,
                                "costNote",
                                "再開作業費用は別途協議"))
                .then()
                .statusCode(200)
                .body("phase", equalTo("IN_SERVICE"));
        // no new cost: the reason alone suffices (newCost false or absent)
        walk("PRODUCTION", "END_OF_USE", "REMOVING");
        transition("PRODUCTION", "IN_SERVICE", "次期システム障害", null).then().statusCode(200);
        walk("PRODUCTION", "END_OF_USE");
        fallback("PRODUCTION", Map.of("to", "IN_SERVICE", "reason", "再延期", "newCost", false))
                .then()
                .statusCode(200);
        JsonPath history =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/phases/PRODUCTION/transitions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(
                        history.getList(
                                "findAll { it.to == 'IN_SERVICE' && it.reason != null }.costNote"))
                .containsExactly("再開作業費用は別途協議", null, null);
    }

    static io.restassured.response.Response fallback(String env, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("If-Match", phaseETag(env))
                .body(body)
                .post("/phases/" + env + "/transitions");
    }

    @Test
    void
            R_RM_3_readiness_lists_each_blocker_with_its_id_and_source_and_removal_is_refused_with_409() {
        walk("PRODUCTION", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        stubMedia("PRODUCTION", "A-1", "B-2", "C-3");
        evidence("A-1", true);
        evidence("B-2", false);
        // C-3: maintenance-service knows no destruction evidence for it (NOT_TRACKED)
        // backup-service's contract (ReportDtos.BackupCopy): runId, targetName, arrayHardwareId,
        // accountedFor …
        copies(
                "PRODUCTION",
                "[{\"runId\":7,\"targetId\":3,\"targetName\":\"k8s-volumes\",\"arrayHardwareId\":\"41\","
                        + "\"reference\":\"kiban-k8s-volumes-7\",\"accountedFor\":false,"
                        + "\"accountedBy\":\"media without accepted destruction evidence: D-1\"},"
                        + "{\"runId\":8,\"targetId\":4,\"targetName\":\"vm-images\",\"accountedFor\":true}]");

        JsonPath r = readiness("PRODUCTION");
        assertThat(r.getBoolean("ready")).isFalse();
        assertThat(r.getLong("daysLeftToRemovalDeadline")).isEqualTo(56);
        List<String> ids = r.getList("blockers.id");
        assertThat(ids)
                .contains(
                        "medium:B-2",
                        "medium:C-3",
                        "backup-copy:7",
                        "checklist:RACKS",
                        "checklist:FLOOR",
                        "archive")
                .doesNotContain("medium:A-1", "backup-copy:8", "removal-deadline");
        assertThat(r.getString("blockers.find { it.id == 'medium:B-2' }.source"))
                .startsWith("maintenance-service");
        assertThat(r.getString("blockers.find { it.id == 'backup-copy:7' }.source"))
                .startsWith("backup-service");
        assertThat(r.getString("blockers.find { it.id == 'backup-copy:7' }.detail"))
                .contains("k8s-volumes")
                .contains("array 41")
                .contains("D-1");

        transition("PRODUCTION", "REMOVED", null, null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-RM-1"))
                .body(
                        "conflicts.id",
                        org.hamcrest.Matchers.hasItems(
                                "medium:B-2", "backup-copy:7", "checklist:RACKS", "archive"));
    }

    @Test
    @DisplayName(
            "R-RM-1 an unreachable service is itself a blocker: the gate never passes on silence")
    void unreachable_services_block() {
        walk("STAGING", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        CHECKLIST.forEach(item -> sign("STAGING", item));
        // maintenance-service's destruction report answers nothing useful (no stub → 404), backup
        // resets the connection
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/backup-copies"))
                                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        JsonPath r = readiness("STAGING");
        assertThat(r.getList("blockers.id"))
                .containsExactlyInAnyOrder("service:maintenance-service", "service:backup-service");
        assertThat(r.getList("blockers.kind")).containsOnly("SERVICE_UNAVAILABLE");

        stubMedia("STAGING", "S-1");
        MediaReport.down("STAGING");
        copies("STAGING", "[]");
        assertThat(readiness("STAGING").getList("blockers.id"))
                .containsExactly("service:maintenance-service");
        transition("STAGING", "REMOVED", null, null).then().statusCode(409);
    }

    @Test
    void
            R_RM_4_R_RM_1_removal_completes_once_every_blocker_is_resolved_and_the_archive_was_handed_over()
                    throws Exception {
        walk("PRODUCTION", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        stubMedia("PRODUCTION", "A-1", "OLD-9");
        evidence("A-1", true);
        evidence("OLD-9", true);
        copies("PRODUCTION", "[{\"runId\":8,\"accountedFor\":true}]");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .post("/removal/PRODUCTION/checklist/RACKS/signature")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(Map.of("note", "ラック2台を撤去、床のアンカー穴を補修"))
                .put("/removal/PRODUCTION/checklist/RACKS/note")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/removal/PRODUCTION/checklist/NOPE/signature")
                .then()
                .statusCode(404);
        String rackPhoto = photo("PRODUCTION", "RACKS");
        CHECKLIST.forEach(item -> sign("PRODUCTION", item));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", itemETag("PRODUCTION", "RACKS"))
                .post("/removal/PRODUCTION/checklist/RACKS/signature")
                .then()
                .statusCode(422);
        assertThat(readiness("PRODUCTION").getList("blockers.id")).containsExactly("archive");

        stubExports();
        given().auth().oauth2(Tokens.jpoStaff()).post("/archive").then().statusCode(403);
        JsonPath archive =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .post("/archive")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        long id = archive.getLong("id");
        byte[] zip =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/archive/" + id + "/file")
                        .then()
                        .statusCode(200)
                        .contentType("application/zip")
                        .extract()
                        .asByteArray();
        assertThat(Hashes.sha256Hex(zip)).isEqualTo(archive.getString("sha256"));
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries)
                .containsKeys(
                        "asset-service/records.json",
                        "maintenance-service/records.json",
                        "backup-service/records.json",
                        "lifecycle-service/records.json",
                        "lifecycle-service/lease-ledger.xlsx",
                        "lifecycle-service/audit-checkpoint.json",
                        "manifest.json");
        assertThat(new String(entries.get("asset-service/records.json")))
                .isEqualTo("{\"service\":\"asset\"}");
        // R-RM-4: each service's audit trail with its checkpoint
        for (String service : List.of("asset-service", "maintenance-service", "backup-service")) {
            assertThat(new String(entries.get(service + "/audit-trail.json")))
                    .isEqualTo(AUDIT_TRAIL);
        }
        // R-RM-4: the xlsx reports and every evidence file of maintenance-service, by SHA-256, once
        // each
        assertThat(entries.get("asset-service/standard-sheet.xlsx")).isEqualTo(STANDARD_SHEET);
        assertThat(entries.get("maintenance-service/destruction-register.xlsx"))
                .isEqualTo(REGISTER);
        assertThat(entries.get("maintenance-service/evidence/" + Hashes.sha256Hex(CERTIFICATE)))
                .isEqualTo(CERTIFICATE);
        assertThat(entries.get("maintenance-service/evidence/" + Hashes.sha256Hex(PHOTO)))
                .isEqualTo(PHOTO);
        assertThat(
                        entries.keySet().stream()
                                .filter(k -> k.startsWith("maintenance-service/evidence/")))
                .hasSize(2);
        // the restoration photos are lifecycle's documents
        assertThat(entries).containsKey("lifecycle-service/documents/" + rackPhoto);
        assertThat(new String(entries.get("lifecycle-service/records.json")))
                .contains("\"restoration_evidence\"", rackPhoto);
        Stubs.maintenance()
                .verifyThat(
                        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                        urlPathEqualTo(
                                                "/evidence-files/" + Hashes.sha256Hex(CERTIFICATE)))
                                .withHeader(
                                        "Authorization",
                                        com.github.tomakehurst.wiremock.client.WireMock.matching(
                                                "Bearer .+")));
        Stubs.maintenance()
                .verifyThat(
                        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                        urlPathEqualTo("/reports/destruction-register.xlsx"))
                                .withHeader(
                                        "Authorization",
                                        com.github.tomakehurst.wiremock.client.WireMock.matching(
                                                "Bearer .+")));
        assertThat(new String(entries.get("lifecycle-service/records.json")))
                .contains("\"audit_entry\"", "\"restoration_item\"");
        JsonPath manifest = new JsonPath(new String(entries.get("manifest.json")));
        assertThat(manifest.getList("entries")).hasSize(entries.size() - 1);
        for (Map<String, Object> e : manifest.<Map<String, Object>>getList("entries")) {
            assertThat(Hashes.sha256Hex(entries.get((String) e.get("path"))))
                    .as((String) e.get("path"))
                    .isEqualTo(e.get("sha256"));
        }

        // R-RM-4: the archive counts once JPO recorded receiving it
        assertThat(readiness("PRODUCTION").getList("blockers.id")).containsExactly("archive:" + id);
        receive(id);
        JsonPath ready = readiness("PRODUCTION");
        assertThat(ready.getBoolean("ready")).isTrue();
        assertThat(ready.getList("blockers")).isEmpty();
        transition("PRODUCTION", "REMOVED", null, null)
                .then()
                .statusCode(200)
                .body("phase", equalTo("REMOVED"));
        transition("PRODUCTION", "IN_SERVICE", "late change of plan", "n/a")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-2"));
        transition("PRODUCTION", "CLOSED", null, null).then().statusCode(200);
    }

    @Test
    void R_RM_4_no_archive_is_made_when_a_service_cannot_export() {
        stubExports();
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/exports/records.json"))
                                .atPriority(1)
                                .willReturn(serverError()));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("backup-service"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/archive")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    @DisplayName(
            "R-RM-4 no archive is made when an xlsx report or an evidence file cannot be fetched, or is not what its SHA-256 says")
    void R_RM_4_no_archive_without_every_report_and_evidence_file() {
        stubExports();
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/destruction-register.xlsx"))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(403)));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        org.hamcrest.Matchers.containsString(
                                "maintenance-service answered HTTP 403 on GET "
                                        + "/reports/destruction-register.xlsx"));

        Stubs.reset();
        stubExports();
        String cert = Hashes.sha256Hex(CERTIFICATE);
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/evidence-files/" + cert))
                                .atPriority(1)
                                .willReturn(
                                        aResponse().withStatus(200).withBody("%PDF-1.4 altered")));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("evidence file " + cert));

        Stubs.reset();
        stubExports();
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/evidence-files/" + cert))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(409)));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .body("detail", org.hamcrest.Matchers.containsString("/evidence-files/" + cert));

        Stubs.reset();
        stubExports();
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/exports/standard-sheet.xlsx"))
                                .atPriority(1)
                                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .body("detail", org.hamcrest.Matchers.containsString("asset-service"));

        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/archive")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        try (var files =
                java.nio.file.Files.list(java.nio.file.Path.of("target/documents/archives"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no partial archive or temporary copy is left behind")
                    .noneMatch(n -> n.endsWith(".part") || n.endsWith(".tmp"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName(
            "R-LC-8 removal after the deadline stays possible, is a recorded breach, and a late-removal note never clears it")
    void R_LC_8_removal_after_the_deadline_is_a_breach_that_a_note_does_not_clear()
            throws Exception {
        // test clock: 2031-02-03 (JST); deadline amended to 2031-01-31 → 3 days past it
        amendRemovalDeadline("2031-01-31");
        walk("STAGING", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        stubMedia("STAGING");
        copies("STAGING", "[]");
        JsonPath r = readiness("STAGING");
        assertThat(r.getLong("daysLeftToRemovalDeadline")).isEqualTo(-3);
        assertThat(r.getList("blockers.id")).doesNotContain("removal-deadline");
        assertThat(r.getList("removalBreaches.kind")).containsExactly("NOT_REMOVED");
        assertThat(r.getList("removalBreaches.daysLate", Integer.class)).containsExactly(3);

        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/removal/STAGING/late-reason")
                .then()
                .statusCode(400);
        lateReason("STAGING");
        r = readiness("STAGING");
        assertThat(r.getList("removalBreaches.kind"))
                .as("a note never makes the breach disappear")
                .containsExactly("NOT_REMOVED");
        assertThat(r.getList("removalBreaches.lateRemovalReason"))
                .containsExactly("次期システムの稼動遅延により撤去を延期（協議済み）");

        // removal is still possible: the deadline is no blocker
        CHECKLIST.forEach(item -> sign("STAGING", item));
        walk("STAGING", "REMOVED");
        JsonPath deadlines =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/contract/deadlines")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        List<Map<String, Object>> breaches =
                deadlines.getList("find { it.id == 'removal' }.breaches");
        Map<String, Object> staging =
                breaches.stream()
                        .filter(b -> "STAGING".equals(b.get("environment")))
                        .findFirst()
                        .orElseThrow();
        assertThat(staging)
                .containsEntry("kind", "REMOVED_LATE")
                .containsEntry("removedOn", "2031-02-03")
                .containsEntry("daysLate", 3)
                .containsEntry("removalDeadline", "2031-01-31");
        assertThat(
                        given().auth()
                                .oauth2(Tokens.auditor())
                                .get("/overview")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .contains("REMOVED_LATE");

        // the archive carries the breaches (removal-breaches.json)
        stubExports();
        long id =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .post("/archive")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        byte[] zip =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/archive/" + id + "/file")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        JsonPath archived =
                new JsonPath(
                        new String(
                                unzip(zip).get("lifecycle-service/removal-breaches.json"),
                                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(archived.getString("rule")).isEqualTo("R-LC-8");
        assertThat(archived.getList("breaches.environment"))
                .contains("STAGING", "PRODUCTION", "SHARED");
        assertThat(archived.getString("breaches.find { it.environment == 'STAGING' }.kind"))
                .isEqualTo("REMOVED_LATE");
        assertThat(archived.getInt("breaches.find { it.environment == 'STAGING' }.daysLate"))
                .isEqualTo(3);
        assertThat(archived.getString("breaches.find { it.environment == 'PRODUCTION' }.kind"))
                .isEqualTo("NOT_REMOVED");
    }

    @Test
    @DisplayName("R-LC-8 before the deadline there is no breach")
    void R_LC_8_no_breach_before_the_deadline() {
        JsonPath r = readiness("STAGING");
        assertThat(r.getList("removalBreaches")).isEmpty();
        assertThat(r.getList("blockers.id")).doesNotContain("removal-deadline");
    }

    @Test
    void R_RM_1_the_shared_distribution_board_is_removed_with_the_last_environment() {
        walk("SHARED", "BUILDING", "IN_SERVICE", "END_OF_USE");
        transition("SHARED", "REMOVING", null, null)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"));
        assertThat(readiness("SHARED").getList("blockers.id"))
                .contains("phase:PRODUCTION", "phase:STAGING", "checklist:DISTRIBUTION_BOARD");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", itemETag("STAGING", "RACKS"))
                .post("/removal/STAGING/checklist/RACKS/signature")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"));
    }

    @Test
    @DisplayName(
            "R-RM-1 SHARED walks from CONTRACTED to REMOVED only after the last of PRODUCTION and STAGING, each blocker present then gone")
    void
            R_RM_1_SHARED_walks_to_REMOVED_after_the_last_environment_with_every_blocker_present_then_absent() {
        walk("SHARED", "BUILDING", "IN_SERVICE", "END_OF_USE");
        transition("SHARED", "REMOVING", null, null)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"));
        walk("PRODUCTION", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        transition("SHARED", "REMOVING", null, null)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"))
                .body("detail", org.hamcrest.Matchers.containsString("STAGING"));
        walk("STAGING", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        walk("SHARED", "REMOVING");

        // nothing answers yet: the services that cannot be asked block
        assertThat(readiness("SHARED").getList("blockers.kind")).contains("SERVICE_UNAVAILABLE");
        // every other blocker kind present: a medium without accepted evidence, the board not
        // restored, both
        // environments not removed, the removal deadline passed without a reason; backup-service is
        // never asked
        // about SHARED (the distribution board holds no backups: it answers 404 there)
        stubMedia("SHARED", "PDU-CF-1");
        evidence("PDU-CF-1", false);
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/backup-copies"))
                                .withQueryParam(
                                        "environment",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                "SHARED"))
                                .willReturn(aResponse().withStatus(404)));
        amendRemovalDeadline("2031-01-31");
        JsonPath r = readiness("SHARED");
        assertThat(r.getBoolean("ready")).isFalse();
        assertThat(r.getList("blockers.kind"))
                .containsExactlyInAnyOrder(
                        "MEDIUM_WITHOUT_ACCEPTED_EVIDENCE",
                        "RESTORATION_NOT_SIGNED",
                        "ENVIRONMENT_NOT_REMOVED",
                        "ENVIRONMENT_NOT_REMOVED");
        assertThat(r.getList("blockers.id"))
                .containsExactlyInAnyOrder(
                        "medium:PDU-CF-1",
                        "checklist:DISTRIBUTION_BOARD",
                        "phase:PRODUCTION",
                        "phase:STAGING");
        // R-LC-8: the passed deadline is a breach shown beside the blockers, not one of them
        assertThat(r.getList("removalBreaches.kind")).containsExactly("NOT_REMOVED");
        assertThat(r.getList("blockers.id")).doesNotContain("archive");
        transition("SHARED", "REMOVED", null, null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-RM-1"))
                .body(
                        "conflicts.id",
                        org.hamcrest.Matchers.hasItems(
                                "medium:PDU-CF-1",
                                "checklist:DISTRIBUTION_BOARD",
                                "phase:PRODUCTION",
                                "phase:STAGING"));

        // SHARED's own blockers resolved: only the two environments remain
        evidence("PDU-CF-1", true);
        sign("SHARED", "DISTRIBUTION_BOARD");
        assertThat(readiness("SHARED").getList("blockers.id"))
                .containsExactlyInAnyOrder("phase:PRODUCTION", "phase:STAGING");
        transition("SHARED", "REMOVED", null, null).then().statusCode(409);

        // STAGING removed first: PRODUCTION is the last environment and still blocks
        stubMedia("STAGING");
        copies("STAGING", "[]");
        CHECKLIST.forEach(item -> sign("STAGING", item));
        walk("STAGING", "REMOVED");
        assertThat(readiness("SHARED").getList("blockers.id")).containsExactly("phase:PRODUCTION");
        transition("SHARED", "REMOVED", null, null)
                .then()
                .statusCode(409)
                .body("conflicts.id", org.hamcrest.Matchers.contains("phase:PRODUCTION"));

        // the last environment removed (archive handed over): SHARED goes with it
        stubMedia("PRODUCTION");
        copies("PRODUCTION", "[]");
        CHECKLIST.forEach(item -> sign("PRODUCTION", item));
        stubExports();
        long archive =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .post("/archive")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        receive(archive);
        walk("PRODUCTION", "REMOVED");
        JsonPath ready = readiness("SHARED");
        assertThat(ready.getBoolean("ready")).isTrue();
        assertThat(ready.getList("blockers")).isEmpty();
        walk("SHARED", "REMOVED", "CLOSED");
        // R-RM-1: all three environments CLOSED, backup-service never asked about SHARED
        walk("STAGING", "CLOSED");
        walk("PRODUCTION", "CLOSED");
        Stubs.backup()
                .verifyThat(
                        0,
                        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                        urlPathEqualTo("/reports/backup-copies"))
                                .withQueryParam(
                                        "environment",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                "SHARED")));
        transition("SHARED", "IN_SERVICE", "late change of plan", "n/a")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-2"));
    }

    // ---- helpers

    /** A contract amendment proposed by jpo-admin1 and approved by jpo-admin2 (R-SEC-2). */
    static void amendRemovalDeadline(String date) {
        var current = given().auth().oauth2(Tokens.jpoAdmin()).get("/contract");
        Map<String, Object> contract = new HashMap<>(current.jsonPath().getMap(""));
        contract.remove("monthlyLeaseTotal");
        contract.remove("monthlyMaintenanceTotal");
        contract.remove("version");
        contract.put("removalDeadline", date);
        var proposed =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .header("If-Match", current.header("ETag"))
                        .body(Map.of("reason", "撤去期限の変更（協議済み）", "contract", contract))
                        .post("/contract/amendments")
                        .then()
                        .statusCode(201)
                        .extract();
        given().auth()
                .oauth2(Tokens.token("jpo-admin2", "jpo", "jpo-admin"))
                .header("If-Match", proposed.header("ETag"))
                .post("/contract/amendments/" + proposed.path("id") + "/approval")
                .then()
                .statusCode(200);
    }

    static void lateReason(String env) {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "次期システムの稼動遅延により撤去を延期（協議済み）"))
                .post("/removal/" + env + "/late-reason")
                .then()
                .statusCode(200);
    }

    static final byte[] STANDARD_SHEET =
            "PK-standard-sheet (xlsx stand-in)".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final byte[] REGISTER =
            "PK-destruction-register (xlsx stand-in)"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final byte[] CERTIFICATE =
            "%PDF-1.4 certificate of destruction A-1"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final byte[] PHOTO =
            "\u00ff\u00d8\u00ff photo of the shredded disk A-1"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * Every service exports its records; asset-service and maintenance-service their xlsx reports;
     * maintenance's records list two evidence files (one on two evidence records), served by
     * SHA-256.
     */
    static void stubExports() {
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/exports/records.json"))
                                .willReturn(okJson("{\"service\":\"asset\"}")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/exports/standard-sheet.xlsx"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withHeader(
                                                        "Content-Type",
                                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                                                .withBody(STANDARD_SHEET)));
        String cert = Hashes.sha256Hex(CERTIFICATE);
        String photo = Hashes.sha256Hex(PHOTO);
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/exports/records.json"))
                                .willReturn(
                                        okJson(
                                                "{\"service\":\"maintenance-service\",\"tickets\":[{\"id\":1,\"sha256\":\"not-a-file\"}],"
                                                        + "\"evidence\":[{\"id\":1,\"serial\":\"A-1\",\"files\":[{\"id\":1,\"sha256\":\""
                                                        + cert
                                                        + "\"},"
                                                        + "{\"id\":2,\"sha256\":\""
                                                        + photo
                                                        + "\"}]},"
                                                        + "{\"id\":2,\"serial\":\"A-1\",\"files\":[{\"id\":3,\"sha256\":\""
                                                        + cert
                                                        + "\"}]},"
                                                        + "{\"id\":3,\"serial\":\"B-2\",\"files\":[]}],"
                                                        + "\"custodyItems\":["
                                                        + custodyItems(ACCEPTED_IN_EXPORT)
                                                        + "]}")));
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/destruction-register.xlsx"))
                                .willReturn(aResponse().withStatus(200).withBody(REGISTER)));
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/evidence-files/" + cert))
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withHeader("Content-Type", "application/pdf")
                                                .withBody(CERTIFICATE)));
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/evidence-files/" + photo))
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withHeader("Content-Type", "image/jpeg")
                                                .withBody(PHOTO)));
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/exports/records.json"))
                                .willReturn(okJson("{\"service\":\"backup\"}")));
        for (var stub : List.of(Stubs.asset(), Stubs.maintenance(), Stubs.backup())) {
            stub.register(get(urlPathEqualTo("/audit/export")).willReturn(okJson(AUDIT_TRAIL)));
        }
    }

    /**
     * The serials maintenance-service's records export shows EVIDENCE_ACCEPTED (R-RM-4: what the
     * archive holds).
     */
    static List<String> ACCEPTED_IN_EXPORT = List.of("A-1", "OLD-9");

    static String custodyItems(List<String> accepted) {
        StringBuilder json =
                new StringBuilder(
                        "{\"id\":90,\"serial\":\"B-2\",\"status\":\"EVIDENCE_SUBMITTED\"}");
        for (int i = 0; i < accepted.size(); i++) {
            json.append(",{\"id\":")
                    .append(i + 1)
                    .append(",\"serial\":\"")
                    .append(accepted.get(i))
                    .append("\",\"status\":\"EVIDENCE_ACCEPTED\",\"kind\":\"SSD\"}");
        }
        return json.toString();
    }

    static final String AUDIT_TRAIL =
            "{\"chain\":\"x-service\",\"checkpoint\":{\"seq\":1},\"entries\":[{\"seq\":1}]}";

    /**
     * #19: the environment's media as maintenance-service's destruction report lists them (not
     * destroyed yet).
     */
    static void stubMedia(String env, String... serials) {
        MediaReport.media(env, serials);
    }

    static void evidence(String serial, boolean accepted) {
        MediaReport.evidence(serial, accepted, null);
    }

    static void copies(String env, String json) {
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/backup-copies"))
                                .withQueryParam(
                                        "environment",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                env))
                                .willReturn(okJson(json)));
    }

    /**
     * The vendor's photo of the restored item (R-RM-1: no sign-off without evidence), then
     * jpo-admin's signature.
     */
    static void sign(String env, String item) {
        photo(env, item);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", itemETag(env, item))
                .post("/removal/" + env + "/checklist/" + item + "/signature")
                .then()
                .statusCode(200)
                .body("signed", equalTo(true));
    }

    static String itemETag(String env, String item) {
        return given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/removal/" + env + "/checklist/" + item)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    static String phaseETag(String env) {
        return given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/phases/" + env)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** R-RM-4: JPO downloads the archive, computes its SHA-256 and records the receipt. */
    static void receive(long archiveId) {
        byte[] zip =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/archive/" + archiveId + "/file")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("sha256", Hashes.sha256Hex(zip)))
                .post("/archive/" + archiveId + "/receipt")
                .then()
                .statusCode(200)
                .body("received", equalTo(true));
    }

    static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };

    /** A PNG unique to the environment and item, uploaded by the contracted vendor; its SHA-256. */
    static String photo(String env, String item) {
        byte[] bytes =
                (new String(PNG, java.nio.charset.StandardCharsets.ISO_8859_1) + env + "/" + item)
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("image/png")
                .queryParam("fileName", item + ".png")
                .body(bytes)
                .post("/removal/" + env + "/checklist/" + item + "/evidence")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        return Hashes.sha256Hex(bytes);
    }

    static JsonPath readiness(String env) {
        return given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/removal/" + env + "/readiness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static void walk(String env, String... phases) {
        for (String p : phases) {
            transition(env, p, null, null).then().statusCode(200).body("phase", equalTo(p));
        }
    }

    static io.restassured.response.Response transition(
            String env, String to, String reason, String costNote) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (costNote != null) {
            body.put("costNote", costNote);
        }
        var read = given().auth().oauth2(Tokens.jpoStaff()).get("/phases/" + env);
        var request =
                given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).body(body);
        if (read.statusCode() == 200) {
            request.header("If-Match", read.header("ETag"));
        }
        return request.post("/phases/" + env + "/transitions");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
