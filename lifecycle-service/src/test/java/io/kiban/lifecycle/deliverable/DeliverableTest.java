package io.kiban.lifecycle.deliverable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.commons.json.Hashes;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Accounts;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class DeliverableTest {

    @BeforeEach
    void reset() {
        Fixtures.reset();
    }

    @Test
    void R_LC_5_R_LC_6_R_LC_10_R_LC_13_fixed_deliverables_are_tracked_with_due_dates() {
        JsonPath env = list("?kind=ENVIRONMENT_DEFINITION");
        assertThat(env.getList("environment")).containsExactlyInAnyOrder("STAGING", "PRODUCTION");
        assertThat(env.getList("dueDate")).containsOnly("2027-03-31");
        assertThat(env.getList("dueDateReiwa")).containsOnly("令和9年3月31日");
        JsonPath manual = list("?kind=OPERATIONS_MANUAL");
        assertThat(manual.getString("[0].dueDate")).isEqualTo("2027-03-18");
        assertThat(manual.getString("[0].rule")).isEqualTo("R-LC-6");
        assertThat(list("?kind=INSTALLATION_PLAN").getString("[0].rule")).isEqualTo("R-LC-10");
        assertThat(list("?kind=COST_BREAKDOWN").getString("[0].rule")).isEqualTo("R-LC-13");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliverables?kind=NOPE")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void R_LC_11_progress_reports_are_scheduled_every_two_weeks_through_the_build_phase() {
        List<String> due = list("?kind=PROGRESS_REPORT&size=200").getList("dueDate");
        assertThat(due).isNotEmpty();
        assertThat(due.get(0)).isEqualTo("2026-07-14");
        for (int i = 1; i < due.size(); i++) {
            assertThat(LocalDate.parse(due.get(i)))
                    .isEqualTo(LocalDate.parse(due.get(i - 1)).plusWeeks(2));
        }
        assertThat(LocalDate.parse(due.get(due.size() - 1)))
                .isBeforeOrEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(LocalDate.parse(due.get(due.size() - 1)).plusWeeks(2))
                .isAfter(LocalDate.of(2027, 4, 1));
    }

    @Test
    @DisplayName(
            "R-LC-12 the 別紙2 reports run half-yearly from signing (2026-06-30) to the contract end, the removal half-year included")
    void R_LC_12_security_compliance_reports_are_scheduled_half_yearly_over_the_whole_contract() {
        List<String> due = list("?kind=SECURITY_COMPLIANCE&size=50").getList("dueDate");
        assertThat(due)
                .containsExactly(
                        "2026-12-30",
                        "2027-06-30",
                        "2027-12-30",
                        "2028-06-30",
                        "2028-12-30",
                        "2029-06-30",
                        "2029-12-30",
                        "2030-06-30",
                        "2030-12-30",
                        "2031-03-31");
        // never more than a year apart, and the first within a year of signing
        LocalDate previous = LocalDate.of(2026, 6, 30);
        for (String d : due) {
            assertThat(LocalDate.parse(d)).isBeforeOrEqualTo(previous.plusYears(1));
            previous = LocalDate.parse(d);
        }
    }

    @Test
    @DisplayName(
            "R-LC-12 security item 1): the confirmation document is due 2026-07-14 and the 別紙2 reports are approved only after it")
    void R_LC_12_the_security_confirmation_document_comes_first_and_is_approved_by_jpo() {
        JsonPath confirmation = list("?kind=SECURITY_CONFIRMATION");
        assertThat(confirmation.getList("dueDate")).containsExactly("2026-07-14");
        assertThat(confirmation.getString("[0].rule")).isEqualTo("R-LC-12");
        long confirmationId = confirmation.getLong("[0].id");

        long report = list("?kind=SECURITY_COMPLIANCE").getLong("[0].id");
        upload(
                        report,
                        "別紙2".getBytes(StandardCharsets.UTF_8),
                        "bessi2.xlsx",
                        Tokens.vendor("vendor-a"))
                .then()
                .statusCode(200);
        compliance(report, complete()).then().statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(report))
                .post("/deliverables/" + report + "/approval")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-12"))
                .body("detail", containsString("確認書類"));

        upload(
                        confirmationId,
                        "確認書類".getBytes(StandardCharsets.UTF_8),
                        "kakunin.docx",
                        Tokens.vendor("vendor-a"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(confirmationId))
                .post("/deliverables/" + confirmationId + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(report))
                .post("/deliverables/" + report + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    @DisplayName(
            "R-SEC-2 a deliverable is approved on the version reviewed (428/412) and never by the account that submitted it")
    void R_SEC_2_deliverable_approval_needs_if_match_and_another_account_than_the_submitter() {
        long id = list("?kind=COST_BREAKDOWN").getLong("[0].id");
        // jpo-admin1 submits the file on the vendor's behalf
        upload(id, "内訳".getBytes(StandardCharsets.UTF_8), "breakdown.xlsx", Tokens.jpoAdmin())
                .then()
                .statusCode(200);
        String tag = etag(id);
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", "\"999\"")
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", tag)
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", tag)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "自分で差し戻し"))
                .post("/deliverables/" + id + "/return")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/deliverables/" + id)
                .then()
                .body("status", equalTo("SUBMITTED"))
                .header("ETag", tag);
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", tag)
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("reviewedBy", equalTo("jpo-admin2"));
    }

    @Test
    @DisplayName(
            "R-SEC-2 the 別紙2 statuses are part of the version reviewed, and whoever recorded them never approves the report")
    void R_SEC_2_compliance_statuses_move_the_version_and_their_recorder_never_approves() {
        long confirmation = list("?kind=SECURITY_CONFIRMATION").getLong("[0].id");
        upload(
                        confirmation,
                        "確認書類".getBytes(StandardCharsets.UTF_8),
                        "kakunin.docx",
                        Tokens.vendor("vendor-a"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(confirmation))
                .post("/deliverables/" + confirmation + "/approval")
                .then()
                .statusCode(200);
        long report = list("?kind=SECURITY_COMPLIANCE").getLong("[1].id");
        upload(
                        report,
                        "別紙2".getBytes(StandardCharsets.UTF_8),
                        "bessi2.xlsx",
                        Tokens.vendor("vendor-a"))
                .then()
                .statusCode(200);
        compliance(report, complete()).then().statusCode(200);
        String reviewed = etag(report);
        // the statuses change after the review: the reviewed version is stale
        List<Map<String, Object>> changed = complete();
        changed.get(0).put("status", "NOT_IMPLEMENTED");
        changed.get(0).put("note", "次期で対応");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("items", changed))
                .put("/deliverables/" + report + "/compliance")
                .then()
                .statusCode(200);
        assertThat(etag(report)).isNotEqualTo(reviewed);
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", reviewed)
                .post("/deliverables/" + report + "/approval")
                .then()
                .statusCode(412);
        // jpo-admin1 recorded the statuses: jpo-admin1 does not approve them, jpo-admin2 does
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(report))
                .post("/deliverables/" + report + "/approval")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"));
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", etag(report))
                .post("/deliverables/" + report + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    @DisplayName(
            "SEC idempotency: a retried POST /deliverables with the same Idempotency-Key is one row; another body → 422")
    void SEC_idempotency_key_on_deliverable_creation() {
        String key = "del-" + UUID.randomUUID();
        Map<String, Object> body =
                new HashMap<>(
                        Map.of(
                                "kind",
                                "PROGRESS_REPORT",
                                "title",
                                "TEST idem",
                                "dueDate",
                                "2027-01-10"));
        int first =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/deliverables")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/deliverables")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        body.put("title", "TEST idem other");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/deliverables")
                .then()
                .statusCode(422);
        assertThat(
                        list("?kind=PROGRESS_REPORT&size=200")
                                .getList("findAll { it.title.startsWith('TEST idem') }"))
                .hasSize(1);
    }

    static final String JPO_ADMIN_2 = Tokens.token("jpo-admin2", "jpo", "jpo-admin");

    static final String SOD_DETAIL_TAIL =
            " cannot approve, accept, sign off or reject it; another jpo-admin must decide"
                    + " (segregation of duties)";

    @Test
    @DisplayName(
            "R-SEC-2 #19 the submitter of a deliverable is its account (issuer+sub), not its name: renamed it is still refused; another account of the same name approves")
    void R_SEC_2_the_submitter_of_a_deliverable_is_known_by_account_not_by_name() {
        long id = list("?kind=COST_BREAKDOWN").getLong("[0].id");
        upload(id, "内訳".getBytes(StandardCharsets.UTF_8), "breakdown.xlsx", Tokens.jpoAdmin())
                .then()
                .statusCode(200);
        String tag = etag(id);
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"))
                .header("If-Match", tag)
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that submitted deliverable "
                                        + id
                                        + SOD_DETAIL_TAIL));
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"))
                .header("If-Match", tag)
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("reviewedBy", equalTo("jpo-admin1"));
    }

    @Test
    @DisplayName(
            "R-SEC-2 #19 whoever recorded the 別紙2 statuses is known by account (issuer+sub), not by name: renamed still refused; another account of the same name approves")
    void R_SEC_2_the_recorder_of_compliance_statuses_is_known_by_account_not_by_name() {
        long confirmation = list("?kind=SECURITY_CONFIRMATION").getLong("[0].id");
        upload(
                        confirmation,
                        "確認書類".getBytes(StandardCharsets.UTF_8),
                        "kakunin.docx",
                        Tokens.vendor("vendor-a"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(confirmation))
                .post("/deliverables/" + confirmation + "/approval")
                .then()
                .statusCode(200);
        long report = list("?kind=SECURITY_COMPLIANCE").getLong("[1].id");
        upload(
                        report,
                        "別紙2".getBytes(StandardCharsets.UTF_8),
                        "bessi2.xlsx",
                        Tokens.vendor("vendor-a"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("items", complete()))
                .put("/deliverables/" + report + "/compliance")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"))
                .header("If-Match", etag(report))
                .post("/deliverables/" + report + "/approval")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that recorded the 別紙2 statuses of"
                                        + " deliverable "
                                        + report
                                        + SOD_DETAIL_TAIL));
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"))
                .header("If-Match", etag(report))
                .post("/deliverables/" + report + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    static String etag(long id) {
        return given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliverables/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    void R_LC_5_a_file_is_stored_by_sha256_kept_and_approved_or_returned_by_jpo_admin() {
        long id = list("?kind=ENVIRONMENT_DEFINITION").getLong("[0].id");
        byte[] first = "環境設定定義書 v1".getBytes(StandardCharsets.UTF_8);
        byte[] second = "環境設定定義書 v2".getBytes(StandardCharsets.UTF_8);
        upload(id, first, "env-def.xlsx", Tokens.vendor("vendor-a"))
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("fileSha256", equalTo(Hashes.sha256Hex(first)))
                .body("submittedOn", equalTo("2031-02-03"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/deliverables/" + id + "/return")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "表2の記載漏れ"))
                .post("/deliverables/" + id + "/return")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("returnReason", equalTo("表2の記載漏れ"));
        upload(id, second, "env-def-v2.xlsx", Tokens.vendor("vendor-a"))
                .then()
                .statusCode(200)
                .body("submissions.size()", equalTo(2));
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("If-Match", etag(id))
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(id))
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("reviewedBy", equalTo("jpo-admin1"));
        // both files are kept and downloadable, unchanged
        byte[] current =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/deliverables/" + id + "/file")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(current).isEqualTo(second);
        byte[] old =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/deliverables/" + id + "/file?sha256=" + Hashes.sha256Hex(first))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(old).isEqualTo(first);
        upload(id, first, "again.xlsx", Tokens.vendor("vendor-a")).then().statusCode(409);
    }

    @Test
    void R_LC_1_R_LC_6_deliverable_bad_input_and_wrong_roles() {
        long id = list("?kind=OPERATIONS_MANUAL").getLong("[0].id");
        upload(id, new byte[] {1}, "../../etc/passwd", Tokens.vendor("vendor-a"))
                .then()
                .statusCode(400);
        upload(id, new byte[] {1}, "manual.docx", Tokens.vendor("vendor-b")).then().statusCode(403);
        upload(id, new byte[] {1}, "manual.docx", Tokens.jpoStaff()).then().statusCode(403);
        upload(id, new byte[] {1}, "manual.docx", Tokens.unapprovedVendor("vendor-a"))
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(id))
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-6"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "kind",
                                "PROGRESS_REPORT",
                                "title",
                                "TEST outside",
                                "dueDate",
                                "2031-06-01"))
                .post("/deliverables")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-1"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "kind",
                                "PROGRESS_REPORT",
                                "title",
                                "TEST extra meeting",
                                "dueDate",
                                "2027-01-10"))
                .post("/deliverables")
                .then()
                .statusCode(201);
        given().auth().oauth2(Tokens.jpoAdmin()).get("/deliverables/999999").then().statusCode(404);
    }

    @Test
    void
            R_LC_12_every_item_needs_a_status_reasons_for_not_implemented_or_not_applicable_and_details_for_15_10() {
        long id = list("?kind=SECURITY_COMPLIANCE").getLong("[0].id");
        List<Map<String, Object>> items = complete();
        compliance(id, items).then().statusCode(200).body("size()", equalTo(32));

        List<Map<String, Object>> noReason = complete();
        noReason.get(3).put("status", "NOT_IMPLEMENTED");
        noReason.get(3).remove("note");
        compliance(id, noReason)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-12"))
                .body("errors.field", hasItem("items[5].note"));

        List<Map<String, Object>> noDetails = complete();
        noDetails.stream()
                .filter(m -> m.get("item").equals("15-10"))
                .findFirst()
                .orElseThrow()
                .remove("note");
        compliance(id, noDetails)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-12"))
                .body("errors.field", hasItem("items[15-10].note"));

        List<Map<String, Object>> missing = complete();
        missing.remove(0);
        compliance(id, missing)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-12"))
                .body("errors.field", hasItem("items[2]"));

        List<Map<String, Object>> badValue = complete();
        badValue.get(0).put("status", "DONE");
        compliance(id, badValue).then().statusCode(400);

        long notSecurity = list("?kind=OPERATIONS_MANUAL").getLong("[0].id");
        compliance(notSecurity, complete()).then().statusCode(422).body("rule", equalTo("R-LC-12"));
    }

    @Test
    void R_LC_12_reports_are_overdue_when_none_was_approved_in_the_last_12_months() {
        JsonPath overdue = list("?overdue=true&size=200");
        assertThat(overdue.getList("kind"))
                .contains("SECURITY_COMPLIANCE", "ENVIRONMENT_DEFINITION");
        assertThat(overdue.getString("find { it.kind == 'SECURITY_COMPLIANCE' }.overdueReason"))
                .contains("R-LC-12");

        long confirmation = list("?kind=SECURITY_CONFIRMATION").getLong("[0].id");
        upload(
                        confirmation,
                        "確認書類".getBytes(StandardCharsets.UTF_8),
                        "kakunin.docx",
                        Tokens.vendor("vendor-a"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(confirmation))
                .post("/deliverables/" + confirmation + "/approval")
                .then()
                .statusCode(200);
        long id = list("?kind=SECURITY_COMPLIANCE").getLong("[6].id");
        upload(id, "別紙2".getBytes(StandardCharsets.UTF_8), "bessi2.xlsx", Tokens.vendor("vendor-a"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(id))
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-12"));
        compliance(id, complete()).then().statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag(id))
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(200);

        assertThat(list("?overdue=true&size=200").getList("kind"))
                .doesNotContain("SECURITY_COMPLIANCE")
                .contains("ENVIRONMENT_DEFINITION");
    }

    static List<Map<String, Object>> complete() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String code : ComplianceItems.ORDER) {
            Map<String, Object> m = new HashMap<>();
            m.put("item", code);
            m.put("status", "IMPLEMENTED");
            if (code.equals("15-10")) {
                m.put("note", "ログ取得の詳細: 監査ログを90日保存");
            }
            items.add(m);
        }
        items.get(1).put("status", "NOT_APPLICABLE");
        items.get(1).put("note", "外部サービス利用なし");
        return items;
    }

    private static io.restassured.response.Response compliance(
            long id, List<Map<String, Object>> items) {
        return given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(Map.of("items", items))
                .put("/deliverables/" + id + "/compliance");
    }

    private static io.restassured.response.Response upload(
            long id, byte[] bytes, String name, String token) {
        return given().auth()
                .oauth2(token)
                .contentType("application/octet-stream")
                .queryParam("fileName", name)
                .body(bytes)
                .put("/deliverables/" + id + "/file");
    }

    private static JsonPath list(String query) {
        return given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliverables" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
