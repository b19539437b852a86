package io.kiban.maintenance.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.AUDITOR;
import static io.kiban.maintenance.Fixtures.PDF;
import static io.kiban.maintenance.Fixtures.SERVICE;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.decide;
import static io.kiban.maintenance.Fixtures.evidenceBody;
import static io.kiban.maintenance.Fixtures.removedPartInCustody;
import static io.kiban.maintenance.Fixtures.serial;
import static io.kiban.maintenance.Fixtures.submit;
import static io.kiban.maintenance.Fixtures.upload;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, holes 2 and 8: every way a medium can leave is a blocker until proven; exports never
 * execute user data.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class ReportHardeningTest {

    private static final String REPORT = "/reports/outstanding-sanitization";

    private static JsonPath report(String token, String environment) {
        return io.kiban.maintenance.Fixtures.allPages(
                token, REPORT, environment == null ? Map.of() : Map.of("environment", environment));
    }

    @Test
    @DisplayName(
            "R-MT-3 a failure-analysis log medium without accepted evidence is outstanding, per environment, with its reason")
    void R_MT_3_log_media_without_accepted_evidence_are_outstanding() {
        long ticket = workingTicket(VENDOR_A, "HW-REP-LOG", "MEDIA_FAILURE");
        String usb = serial("REP-USB");
        given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "kind",
                                "USB_FLASH",
                                "serial",
                                usb,
                                "contents",
                                "BMC and RAID controller logs",
                                "holder",
                                "vendor-a engineer"))
                .post("/tickets/" + ticket + "/log-media")
                .then()
                .statusCode(201);
        JsonPath production = report(SERVICE, "PRODUCTION");
        assertThat(production.getString("find { it.serial == '" + usb + "' }.reason"))
                .isEqualTo("LOG_MEDIUM_WITHOUT_ACCEPTED_EVIDENCE");
        assertThat(production.getString("find { it.serial == '" + usb + "' }.source"))
                .isEqualTo("log-medium");
        assertThat(production.getString("find { it.serial == '" + usb + "' }.environment"))
                .isEqualTo("PRODUCTION");
        assertThat(production.getString("find { it.serial == '" + usb + "' }.holder"))
                .isEqualTo("vendor-a engineer");
        assertThat(report(SERVICE, "STAGING").getList("serial")).doesNotContain(usb);
        assertThat(report(VENDOR_A, null).getList("serial")).contains(usb);
        given().auth()
                .oauth2(SERVICE)
                .queryParam("environment", "MOON")
                .get(REPORT)
                .then()
                .statusCode(400);
    }

    @Test
    @DisplayName(
            "R-MT-3 R-RM-3 a medium asset-service shows removed without custody here is outstanding (JPO, auditor, service)")
    void R_MT_3_media_removed_outside_custody_are_outstanding() {
        var stub =
                AssetServiceMock.server()
                        .stubFor(
                                get(urlPathEqualTo("/media"))
                                        .withQueryParam("environment", equalTo("SHARED"))
                                        .atPriority(1)
                                        .willReturn(
                                                aResponse()
                                                        .withHeader(
                                                                "Content-Type", "application/json")
                                                        .withHeader("X-Total-Count", "3")
                                                        .withBody(
                                                                """
                                [{"serial":"GONE-SSD-1","kind":"SSD","hardwareId":41,"environment":"SHARED",
                                  "dataBearing":true,"origin":"LEDGER","removedOn":"2026-01-01","installed":false},
                                 {"serial":"GONE-DECL-1","kind":"SSD","hardwareId":41,"environment":"SHARED",
                                  "dataBearing":false,"origin":"LEDGER","removedOn":"2026-01-01","installed":false},
                                 {"serial":"HERE-NVME-1","kind":"NVME","hardwareId":41,"environment":"SHARED",
                                  "dataBearing":true,"origin":"LEDGER","removedOn":null,"installed":true}]""")));
        try {
            for (String token : new String[] {SERVICE, ADMIN, AUDITOR}) {
                JsonPath shared = report(token, "SHARED");
                assertThat(
                                shared.getList(
                                        "findAll { it.reason == 'REMOVED_WITHOUT_CUSTODY' }.serial"))
                        .containsExactly("GONE-SSD-1");
                assertThat(shared.getString("find { it.serial == 'GONE-SSD-1' }.source"))
                        .isEqualTo("asset-ledger");
                assertThat(shared.getString("find { it.serial == 'GONE-SSD-1' }.kind"))
                        .isEqualTo("SSD");
                assertThat(shared.getString("find { it.serial == 'GONE-SSD-1' }.hardwareId"))
                        .isEqualTo("41");
                assertThat(shared.getString("find { it.serial == 'GONE-SSD-1' }.since"))
                        .isEqualTo("2025-12-31T15:00:00Z");
                assertThat(shared.getString("find { it.serial == 'GONE-SSD-1' }.custodyItemId"))
                        .isNull();
            }
            assertThat(report(VENDOR_A, "SHARED").getList("serial")).doesNotContain("GONE-SSD-1");
        } finally {
            AssetServiceMock.server().removeStub(stub);
        }
        var down =
                AssetServiceMock.server()
                        .stubFor(
                                get(urlPathEqualTo("/media"))
                                        .withQueryParam("environment", equalTo("SHARED"))
                                        .atPriority(1)
                                        .willReturn(
                                                aResponse()
                                                        .withFault(
                                                                Fault.CONNECTION_RESET_BY_PEER)));
        try {
            given().auth()
                    .oauth2(SERVICE)
                    .queryParam("environment", "SHARED")
                    .get(REPORT)
                    .then()
                    .statusCode(503)
                    .body(
                            "type",
                            org.hamcrest.Matchers.equalTo(
                                    "urn:kiban:problem:dependency-unavailable"));
        } finally {
            AssetServiceMock.server().removeStub(down);
        }
    }

    @Test
    @DisplayName(
            "SEC a formula in user data is written to the destruction register as quote-prefixed text, never a formula")
    void SEC_a_formula_in_the_destruction_register_is_neutralised() throws Exception {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        long ticket = workingTicket(VENDOR_A, "HW-REP-XLSX", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "SSD");
        var body = evidenceBody("DESTROY", "SHRED");
        body.put("place", formula);
        body.put("performedBy", "@SUM(1+1)");
        body.put("destination", "-2+3");
        long evidence =
                submit(VENDOR_A, item, body)
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        upload(VENDOR_A, evidence, "certificate.pdf", PDF, "application/pdf")
                .then()
                .statusCode(201);
        decide(ADMIN, evidence, "acceptance", Map.of()).then().statusCode(200);
        String serial =
                given().auth()
                        .oauth2(ADMIN)
                        .get("/evidence/" + evidence)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("serial");
        byte[] xlsx =
                given().auth()
                        .oauth2(AUDITOR)
                        .get("/reports/destruction-register.xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            Row row = null;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (serial.equals(sheet.getRow(r).getCell(4).getStringCellValue())) {
                    row = sheet.getRow(r);
                }
            }
            assertThat(row).isNotNull();
            for (int[] c : List.of(new int[] {10}, new int[] {11}, new int[] {12})) {
                var cell = row.getCell(c[0]);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("column " + c[0]).isTrue();
            }
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo(formula);
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("@SUM(1+1)");
            assertThat(row.getCell(12).getStringCellValue()).isEqualTo("-2+3");
            // ordinary text is not prefixed
            assertThat(row.getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }
}
