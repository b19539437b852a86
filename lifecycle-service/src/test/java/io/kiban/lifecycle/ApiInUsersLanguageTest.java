package io.kiban.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #17, the API in the users' language: the request examples of the OpenAPI document are real
 * requests that the service accepts (read from /q/openapi, so a rotten example breaks this test),
 * enum query parameters answer 400 naming the allowed values, and the lease ledger workbook writes
 * enum values as Japanese words.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class ApiInUsersLanguageTest {

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    @AfterEach
    void cleanUp() throws Exception {
        // the documented deliverable is not a "TEST …" title, so Fixtures.reset would keep it
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM deliverable WHERE title = '運用マニュアル（本番環境）改訂版'");
        }
        Fixtures.reset();
    }

    // ---- the documented examples are real requests

    @Test
    @DisplayName(
            "R-LC-1 #17: the documented example of POST /deliverables tracks a deliverable due within the contract")
    void R_LC_1_the_documented_deliverable_example_is_accepted() {
        send(Tokens.jpoAdmin(), "post", "/deliverables", "/deliverables")
                .then()
                .statusCode(201)
                .body("kind", equalTo("OPERATIONS_MANUAL"))
                .body("rule", equalTo("R-LC-6"))
                .body("environment", equalTo("PRODUCTION"))
                .body("dueDate", equalTo("2027-09-30"))
                .body("dueDateReiwa", equalTo("令和9年9月30日"))
                .body("status", equalTo("PENDING"));
    }

    @Test
    @DisplayName(
            "R-SEC-1 #17: the documented example of POST /handlers is a complete entry of the list, proposed by the vendor")
    void R_SEC_1_the_documented_handler_example_is_accepted() {
        send(Tokens.vendor("vendor-a"), "post", "/handlers", "/handlers")
                .then()
                .statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("organisation", equalTo("vendor-a"))
                .body("name", equalTo("山田 太郎"))
                .body("nationality", equalTo("日本"))
                .body("accountId", equalTo("yamada.taro"))
                .body("personalDataShown", equalTo(true));
    }

    @Test
    @DisplayName(
            "R-RM-4 #17: the documented example of POST /vendor-copies records an open copy of the vendor's organisation")
    void R_RM_4_the_documented_vendor_copy_example_is_accepted() {
        send(Tokens.vendor("vendor-a"), "post", "/vendor-copies", "/vendor-copies")
                .then()
                .statusCode(201)
                .body("kind", equalTo("DEVICE_BROUGHT_IN"))
                .body("status", equalTo("OPEN"))
                .body("organisation", equalTo("vendor-a"))
                .body("holder", equalTo("山田 太郎"));
        // jpo-admin sends the same example: it names the organisation itself
        send(Tokens.jpoAdmin(), "post", "/vendor-copies", "/vendor-copies")
                .then()
                .statusCode(201)
                .body("organisation", equalTo("vendor-a"));
    }

    @Test
    @DisplayName(
            "R-LC-14 #17: the documented example of POST /lease/delays is a vendor delay from the planned production start (101 days)")
    void R_LC_14_the_documented_delay_example_is_accepted() {
        // 2027-04-01 … 2027-07-10 inclusive: 30 (April) + 31 (May) + 30 (June) + 10 (July) = 101
        // days
        send(Tokens.jpoAdmin(), "post", "/lease/delays", "/lease/delays")
                .then()
                .statusCode(201)
                .body("cause", equalTo("VENDOR"))
                .body("status", equalTo("PROPOSED"))
                .body("days", equalTo(101))
                .body("endDateReiwa", equalTo("令和9年7月10日"));
    }

    @Test
    @DisplayName(
            "R-LC-9 #17: the documented example of POST /lease/extensions continues the ledger with January–March 2031")
    void R_LC_9_the_documented_lease_extension_example_is_accepted() {
        send(Tokens.jpoAdmin(), "post", "/lease/extensions", "/lease/extensions")
                .then()
                .statusCode(201)
                .body("firstMonth", equalTo("2031-01"))
                .body("lastMonth", equalTo("2031-03"));
        JsonPath march =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/lease/periods/2031-03")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(march.getString("terms")).startsWith("EXTENSION");
        assertThat(march.getLong("lines.find { it.categoryCode == 'SERVERS' }.lease"))
                .isEqualTo(2_100_000L);
        // 2,100,000 + 925,000 + 360,000 + 115,000 + 480,000 lease and 610,000 + 270,000 + 110,000 +
        // 40,000 + 380,000
        assertThat(march.getLong("gross")).isEqualTo(5_390_000L);
    }

    @Test
    @DisplayName(
            "R-LC-3 #17: the documented example of POST /deliveries/extensions proposes a semiconductor-shortage extension")
    void R_LC_3_the_documented_delivery_extension_example_is_accepted() {
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline"))
                                .withQueryParam(
                                        "environment",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                "PRODUCTION"))
                                .willReturn(
                                        okJson(
                                                "[{\"id\":1,\"itemCode\":\"k8s-worker\",\"environment\":\"PRODUCTION\","
                                                        + "\"requiredQuantity\":2}]")));
        send(Tokens.vendor("vendor-a"), "post", "/deliveries/extensions", "/deliveries/extensions")
                .then()
                .statusCode(201)
                .body("cause", equalTo("SEMICONDUCTOR_SHORTAGE"))
                .body("newDate", equalTo("2027-05-31"))
                .body("newDateReiwa", equalTo("令和9年5月31日"))
                .body("status", equalTo("PROPOSED"));
    }

    @Test
    @DisplayName(
            "R-LC-12 #17: the documented 別紙2 statuses are complete (32 items) and the vendor records them")
    void R_LC_12_the_documented_compliance_example_is_accepted() {
        long report =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/deliverables?kind=SECURITY_COMPLIANCE")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("[0].id");
        JsonPath lines =
                send(
                                Tokens.vendor("vendor-a"),
                                "put",
                                "/deliverables/{id}/compliance",
                                "/deliverables/" + report + "/compliance")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(lines.getList("item")).hasSize(32);
        assertThat(lines.getString("find { it.item == '5' }.status")).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    @DisplayName(
            "R-SEC-2 #17: the documented contract amendment is proposed with the contract's ETag and waits for a second jpo-admin")
    void R_SEC_2_the_documented_amendment_example_is_accepted() {
        String etag =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/contract")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        send(Tokens.jpoAdmin(), "post", "/contract/amendments", "/contract/amendments", etag)
                .then()
                .statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("contract.productionStart", equalTo("2027-05-01"));
        // nothing changes before the approval
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/contract")
                .then()
                .body("productionStart", equalTo("2027-04-01"));
    }

    @Test
    @DisplayName("R-RM-1 #17: the documented phase transition (CONTRACTED → BUILDING) is accepted")
    void R_RM_1_the_documented_transition_example_is_accepted() {
        send(
                        Tokens.jpoAdmin(),
                        "post",
                        "/phases/{environment}/transitions",
                        "/phases/STAGING/transitions")
                .then()
                .statusCode(200)
                .body("phase", equalTo("BUILDING"));
    }

    // ---- enum query parameters

    @Test
    @DisplayName(
            "#17 GET /deliverables?kind= is an enum: an unknown kind → 400 problem naming the allowed kinds; the known ones still filter")
    void R_LC_12_unknown_deliverable_kind_is_400_naming_the_allowed_values() {
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliverables?kind=SECURITY_REPORT")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body(
                        "detail",
                        allOf(
                                containsString("SECURITY_REPORT"),
                                containsString("ENVIRONMENT_DEFINITION"),
                                containsString("OPERATIONS_MANUAL"),
                                containsString("SECURITY_COMPLIANCE"),
                                containsString("SECURITY_CONFIRMATION")));
        // a vendor trying a constant in lower case gets the same answer, never everything
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .get("/deliverables?kind=security_compliance")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // an empty value is no filter, as before: the same total as without the parameter
        String all =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/deliverables")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Total-Count");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliverables?kind=")
                .then()
                .statusCode(200)
                .header("X-Total-Count", equalTo(all));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliverables?kind=SECURITY_CONFIRMATION")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].kind", equalTo("SECURITY_CONFIRMATION"));
        assertThat(queryEnum("/deliverables", "kind"))
                .containsExactly(
                        "ENVIRONMENT_DEFINITION",
                        "OPERATIONS_MANUAL",
                        "INSTALLATION_PLAN",
                        "PROGRESS_REPORT",
                        "SECURITY_COMPLIANCE",
                        "COST_BREAKDOWN",
                        "SECURITY_CONFIRMATION");
    }

    @Test
    @DisplayName(
            "#17 GET /handlers?status= is an enum: an unknown status → 400 problem naming the allowed statuses")
    void R_SEC_1_unknown_handler_status_is_400_naming_the_allowed_values() {
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/handlers?status=ACTIVE")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body(
                        "detail",
                        allOf(
                                containsString("PROPOSED"),
                                containsString("APPROVED"),
                                containsString("REJECTED"),
                                containsString("REMOVED")));
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .get("/handlers?status=APPROVED")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        assertThat(queryEnum("/handlers", "status"))
                .containsExactly("PROPOSED", "APPROVED", "REJECTED", "REMOVED");
    }

    @Test
    @DisplayName(
            "#17 GET /vendor-copies?status= is an enum: an unknown status → 400 problem naming the allowed statuses")
    void R_RM_4_unknown_vendor_copy_status_is_400_naming_the_allowed_values() {
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .get("/vendor-copies?status=DESTROYED")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body(
                        "detail",
                        allOf(
                                containsString("OPEN"),
                                containsString("DISPOSED"),
                                containsString("CONFIRMED")));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/vendor-copies?status=OPEN")
                .then()
                .statusCode(200);
        assertThat(queryEnum("/vendor-copies", "status"))
                .containsExactly("OPEN", "DISPOSED", "CONFIRMED");
    }

    // ---- the workbook in Japanese

    @Test
    @DisplayName(
            "R-LC-14 #17: the ledger workbook writes causes, statuses and terms as Japanese words")
    void R_LC_14_the_ledger_workbook_writes_enum_values_in_japanese() throws Exception {
        int vendor = delay("VENDOR", "2027-04-01", "2027-07-05");
        given().auth()
                .oauth2(Tokens.token("jpo-admin2", "jpo", "jpo-admin"))
                .header("If-Match", "\"0\"")
                .post("/lease/delays/" + vendor + "/approval")
                .then()
                .statusCode(200);
        delay("OTHER", "2027-04-01", "2027-04-03");
        send(Tokens.jpoAdmin(), "post", "/lease/extensions", "/lease/extensions")
                .then()
                .statusCode(201);

        byte[] xlsx =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/lease/ledger.xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet delays = wb.getSheet("稼動遅延");
            assertThat(delays.getRow(0).getCell(5).getStringCellValue()).isEqualTo("状態");
            Row first = delays.getRow(1);
            Row second = delays.getRow(2);
            assertThat(
                            List.of(
                                    first.getCell(0).getStringCellValue(),
                                    first.getCell(5).getStringCellValue(),
                                    second.getCell(0).getStringCellValue(),
                                    second.getCell(5).getStringCellValue()))
                    .containsExactly("受注者の責", "承認済み", "その他", "承認待ち");
            Sheet ledger = wb.getSheet("賃貸借台帳");
            assertThat(ledger.getRow(1).getCell(10).getStringCellValue()).isEqualTo("契約");
            // 42 contract months then 3 negotiated ones, five expense categories each: row 211 is
            // 2031-01's first line
            Row extension = ledger.getRow(42 * 5 + 1);
            assertThat(extension.getCell(0).getStringCellValue()).isEqualTo("2031-01");
            assertThat(extension.getCell(10).getStringCellValue()).isEqualTo("協議による延長");
        }
    }

    // ---- helpers

    private static int delay(String cause, String from, String to) {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("cause", cause, "startDate", from, "endDate", to))
                .post("/lease/delays")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response send(String token, String method, String template, String path) {
        return send(token, method, template, path, null);
    }

    /**
     * Sends the first documented example of the operation's JSON request body, as the OpenAPI
     * document gives it.
     */
    private static Response send(
            String token, String method, String template, String path, String ifMatch) {
        Object example = example(template, method);
        RequestSpecification request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        request = example instanceof String text ? request.body(text) : request.body(example);
        return "put".equals(method) ? request.put(path) : request.post(path);
    }

    @SuppressWarnings("unchecked")
    private static Object example(String template, String method) {
        Map<String, Object> media =
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap(
                                "paths.'"
                                        + template
                                        + "'."
                                        + method
                                        + ".requestBody.content.'application/json'");
        assertThat(media).as("%s %s documents a JSON body", method, template).isNotNull();
        Map<String, Map<String, Object>> examples =
                (Map<String, Map<String, Object>>) media.get("examples");
        assertThat(examples).as("%s %s documents an example", method, template).isNotEmpty();
        Object value = examples.values().iterator().next().get("value");
        assertThat(value).isNotNull();
        return value;
    }

    /**
     * The values the OpenAPI document offers for a query parameter (its schema inline or by $ref).
     */
    @SuppressWarnings("unchecked")
    private static List<String> queryEnum(String path, String parameter) {
        JsonPath doc =
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        Map<String, Object> schema =
                doc.getMap(
                        "paths.'"
                                + path
                                + "'.get.parameters.find { it.name == '"
                                + parameter
                                + "' }.schema");
        assertThat(schema).as("%s documents ?%s", path, parameter).isNotNull();
        if (schema.get("$ref") instanceof String ref) {
            schema =
                    doc.getMap(
                            "components.schemas.'" + ref.substring(ref.lastIndexOf('/') + 1) + "'");
        }
        return (List<String>) schema.get("enum");
    }
}
