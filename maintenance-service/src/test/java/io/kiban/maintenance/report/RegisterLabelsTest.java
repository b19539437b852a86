package io.kiban.maintenance.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.AUDITOR;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.acceptedEvidence;
import static io.kiban.maintenance.Fixtures.handover;
import static io.kiban.maintenance.Fixtures.removedPartInCustody;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.export.EnumLabels;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.LifecycleServiceMock;
import io.kiban.maintenance.evidence.Issuer;
import io.kiban.maintenance.evidence.Method;
import io.kiban.maintenance.evidence.Technique;
import io.kiban.maintenance.support.Environment;
import io.kiban.maintenance.support.MediumKind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #17: the destruction register (破壊・消去記録簿) writes the Japanese word of every enum value it shows.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class RegisterLabelsTest {

    @Test
    @DisplayName(
            "#17 R-MT-3 the destruction register says 本番環境, NVMe SSD, 破壊 (DESTROY), 裁断・破砕, ベンダ — and they read back")
    void R_MT_3_the_destruction_register_writes_japanese_words_for_enum_values() throws Exception {
        // HW-… is production hardware, HW-STAGING-… staging (AssetServiceMock)
        long production =
                removedPartInCustody(
                        VENDOR_A, workingTicket(VENDOR_A, "HW-LABEL", "MEDIA_FAILURE"), "NVME");
        String productionSerial = serialOf(acceptedEvidence(VENDOR_A, production));
        // staging is CLOSED in LifecycleServiceMock (no new tickets): its HDD comes through a
        // sanitization order
        String stagingSerial = io.kiban.maintenance.Fixtures.serial("STG-HDD");
        var ledger =
                AssetServiceMock.server()
                        .stubFor(
                                get(urlPathEqualTo("/media"))
                                        .withQueryParam("hardwareId", equalTo("HW-STAGING-LABEL"))
                                        .atPriority(1)
                                        .willReturn(
                                                aResponse()
                                                        .withHeader(
                                                                "Content-Type", "application/json")
                                                        .withHeader("X-Total-Count", "1")
                                                        .withBody(
                                                                "[{\"serial\":\""
                                                                        + stagingSerial
                                                                        + "\",\"kind\":\"HDD\",\"make\":\"Seagate\","
                                                                        + "\"model\":\"Exos X20\",\"hardwareId\":\"HW-STAGING-LABEL\",\"environment\":\"STAGING\","
                                                                        + "\"installedOn\":\"2027-02-01\",\"removedOn\":null}]")));
        try {
            long staging =
                    given().auth()
                            .oauth2(ADMIN)
                            .contentType(ContentType.JSON)
                            .body(
                                    Map.of(
                                            "hardwareIds",
                                            List.of("HW-STAGING-LABEL"),
                                            "organisation",
                                            "vendor-a",
                                            "reason",
                                            "検証環境の撤去"))
                            .post("/sanitization-orders")
                            .then()
                            .statusCode(201)
                            .extract()
                            .jsonPath()
                            .getLong("items.find { it.serial == '" + stagingSerial + "' }.id");
            handover(VENDOR_A, staging, "vendor-a secure depot").then().statusCode(200);
            acceptedEvidence(VENDOR_A, staging);
        } finally {
            AssetServiceMock.server().removeStub(ledger);
        }

        byte[] xlsx =
                given().auth()
                        .oauth2(AUDITOR)
                        .get("/reports/destruction-register.xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("破壊・消去記録簿");
            List<String> headings = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headings.add(c.getStringCellValue()));
            assertThat(headings).contains("媒体種別", "区分", "消去・破壊方法", "証明書発行者", "環境");
            // the columns the end-to-end suite and older readers find by position stay where they
            // were
            assertThat(headings.indexOf("シリアル番号")).isEqualTo(4);
            assertThat(headings.indexOf("証跡ファイル(SHA-256)")).isEqualTo(19);

            Row row = row(sheet, headings, productionSerial);
            assertThat(cell(row, headings, "環境")).isEqualTo("本番環境");
            assertThat(cell(row, headings, "媒体種別")).isEqualTo("NVMe SSD");
            assertThat(cell(row, headings, "区分")).isEqualTo("破壊 (DESTROY)");
            assertThat(cell(row, headings, "消去・破壊方法")).isEqualTo("裁断・破砕");
            assertThat(cell(row, headings, "証明書発行者")).isEqualTo("ベンダ");
            // a sheet edited by hand imports again: the words read back as the values
            assertThat(EnumLabels.parse(Environment.class, cell(row, headings, "環境")))
                    .contains(Environment.PRODUCTION);
            assertThat(EnumLabels.parse(MediumKind.class, cell(row, headings, "媒体種別")))
                    .contains(MediumKind.NVME);
            assertThat(EnumLabels.parse(Method.class, cell(row, headings, "区分")))
                    .contains(Method.DESTROY);
            assertThat(EnumLabels.parse(Technique.class, cell(row, headings, "消去・破壊方法")))
                    .contains(Technique.SHRED);
            assertThat(EnumLabels.parse(Issuer.class, cell(row, headings, "証明書発行者")))
                    .contains(Issuer.VENDOR);

            Row stagingRow = row(sheet, headings, stagingSerial);
            assertThat(cell(stagingRow, headings, "環境")).isEqualTo("検証環境");
            assertThat(cell(stagingRow, headings, "媒体種別")).isEqualTo("ハードディスク（HDD）");
            // no constant leaks into the sheet where a Japanese word exists
            for (Row r : List.of(row, stagingRow)) {
                for (String heading : List.of("環境", "媒体種別", "消去・破壊方法", "証明書発行者")) {
                    assertThat(cell(r, headings, heading)).doesNotContainPattern("^[A-Z_]+$");
                }
            }
        }
    }

    @Test
    @DisplayName(
            "#17 an environment stored in a spelling the suite does not know is written as stored, never dropped")
    void an_unknown_stored_environment_is_written_as_stored() {
        assertThat(ReportService.environmentLabel("SHARED")).isEqualTo("共用環境");
        assertThat(ReportService.environmentLabel("staging")).isEqualTo("検証環境");
        assertThat(ReportService.environmentLabel("LAB")).isEqualTo("LAB");
        assertThat(ReportService.environmentLabel(null)).isEmpty();
    }

    private static String serialOf(long evidence) {
        return given().auth()
                .oauth2(AUDITOR)
                .get("/evidence/" + evidence)
                .then()
                .statusCode(200)
                .extract()
                .path("serial");
    }

    private static Row row(Sheet sheet, List<String> headings, String serial) {
        int col = headings.indexOf("シリアル番号");
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            if (serial.equals(sheet.getRow(r).getCell(col).getStringCellValue())) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("no register row for " + serial);
    }

    private static String cell(Row row, List<String> headings, String heading) {
        return row.getCell(headings.indexOf(heading)).getStringCellValue();
    }
}
