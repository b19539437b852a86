package io.kiban.maintenance.report;

import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.AUDITOR;
import static io.kiban.maintenance.Fixtures.SERVICE;
import static io.kiban.maintenance.Fixtures.STAFF;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.VENDOR_B;
import static io.kiban.maintenance.Fixtures.acceptedEvidence;
import static io.kiban.maintenance.Fixtures.handover;
import static io.kiban.maintenance.Fixtures.removedPartInCustody;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class OrderAndReportTest {

    @Test
    void R_RM_3_a_sanitization_order_gives_every_medium_of_an_environment_the_same_chain() {
        var order =
                given().auth()
                        .oauth2(ADMIN)
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "environment",
                                        "STAGING",
                                        "organisation",
                                        "vendor-a",
                                        "reason",
                                        "removal of staging"))
                        .post("/sanitization-orders")
                        .then()
                        .statusCode(201)
                        .body("items.size()", equalTo(3))
                        .body("items.source", equalTo(List.of("ORDER", "ORDER", "ORDER")))
                        .body(
                                "items.status",
                                equalTo(
                                        List.of(
                                                "REMOVED_ON_SITE",
                                                "REMOVED_ON_SITE",
                                                "REMOVED_ON_SITE")))
                        .extract()
                        .jsonPath();
        long orderId = order.getLong("id");
        long tape = order.getLong("items.find { it.serial == 'STG-TAPE-0003' }.id");
        long nvme = order.getLong("items.find { it.serial == 'STG-NVME-0002' }.id");
        given().auth()
                .oauth2(VENDOR_B)
                .get("/sanitization-orders/" + orderId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(VENDOR_A)
                .get("/sanitization-orders/" + orderId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(SERVICE)
                .get("/media/STG-TAPE-0003/evidence-status")
                .then()
                .statusCode(200)
                .body("status", equalTo("REMOVED_ON_SITE"))
                .body("accepted", equalTo(false))
                .body("acceptedAt", org.hamcrest.Matchers.nullValue());

        handover(VENDOR_A, tape, "vendor-a depot").then().statusCode(200);
        handover(VENDOR_A, nvme, "vendor-a depot").then().statusCode(200);
        // no fault at removal: PURGE is never possible for an order medium (R-MT-5)
        io.kiban.maintenance.Fixtures.submit(
                        VENDOR_A,
                        nvme,
                        io.kiban.maintenance.Fixtures.evidenceBody("PURGE", "CRYPTO_ERASE"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-5"));
        java.time.Instant before =
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long accepted = acceptedEvidence(VENDOR_A, tape);
        java.time.Instant after = java.time.Instant.now();
        // R-RM-4: acceptedAt is the accepting decision's time, the same instant the evidence record
        // shows
        String decidedAt =
                given().auth()
                        .oauth2(ADMIN)
                        .get("/evidence/" + accepted)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("decidedAt");
        String acceptedAt =
                given().auth()
                        .oauth2(SERVICE)
                        .get("/media/STG-TAPE-0003/evidence-status")
                        .then()
                        .statusCode(200)
                        .body("serial", equalTo("STG-TAPE-0003"))
                        .body("status", equalTo("EVIDENCE_ACCEPTED"))
                        .body("accepted", equalTo(true))
                        .extract()
                        .path("acceptedAt");
        assertThat(acceptedAt).isNotNull();
        assertThat(java.time.Instant.parse(acceptedAt))
                .isEqualTo(java.time.Instant.parse(decidedAt))
                .isBetween(before, after);
        given().auth()
                .oauth2(SERVICE)
                .get("/media/NEVER-SEEN/evidence-status")
                .then()
                .statusCode(200)
                .body("status", equalTo("NOT_TRACKED"))
                .body("accepted", equalTo(false))
                .body("acceptedAt", org.hamcrest.Matchers.nullValue());

        // a second order for the same environment does not fork the chains
        given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .body(Map.of("environment", "STAGING"))
                .post("/sanitization-orders")
                .then()
                .statusCode(201)
                .body("items.size()", equalTo(0))
                .body("alreadyTracked.size()", equalTo(3));
    }

    @Test
    void orders_need_an_environment_or_hardware_and_asset_service_outages_are_503() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("organisation", "vendor-a"))
                .post("/sanitization-orders")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("environment", "OFFLINE", "organisation", "vendor-a"))
                .post("/sanitization-orders")
                .then()
                .statusCode(503)
                .body("type", equalTo("urn:kiban:problem:dependency-unavailable"));
        given().auth()
                .oauth2(STAFF)
                .contentType(ContentType.JSON)
                .body(Map.of("environment", "STAGING", "organisation", "vendor-a"))
                .post("/sanitization-orders")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .body(Map.of("hardwareIds", List.of("HW-EMPTY-1")))
                .post("/sanitization-orders")
                .then()
                .statusCode(201)
                .body("hardwareIds", equalTo(List.of("HW-EMPTY-1")));
    }

    @Test
    void R_MT_3_outstanding_media_are_reported_with_age_and_holder_per_organisation() {
        long ticket = workingTicket(VENDOR_A, "HW-OUT", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        var seenByStaff =
                io.kiban.maintenance.Fixtures.allPages(
                        STAFF, "/reports/outstanding-sanitization", Map.of());
        assertThat(seenByStaff.getList("custodyItemId", Integer.class)).contains((int) item);
        assertThat(seenByStaff.getString("find { it.custodyItemId == " + item + " }.holder"))
                .isEqualTo("vendor-a secure depot");
        assertThat(seenByStaff.getInt("find { it.custodyItemId == " + item + " }.ageDays"))
                .isZero();
        List<Integer> seenByB =
                io.kiban.maintenance.Fixtures.allPages(
                                VENDOR_B, "/reports/outstanding-sanitization", Map.of())
                        .getList("custodyItemId");
        assertThat(seenByB).doesNotContain((int) item);
    }

    @Test
    void R_MT_3_the_destruction_register_has_japanese_headings_and_reiwa_date_cells()
            throws Exception {
        long ticket = workingTicket(VENDOR_A, "HW-REG", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "SSD");
        long evidence = acceptedEvidence(VENDOR_A, item);
        String serial =
                given().auth()
                        .oauth2(ADMIN)
                        .get("/evidence/" + evidence)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("serial");
        given().auth()
                .oauth2(VENDOR_A)
                .get("/reports/destruction-register.xlsx")
                .then()
                .statusCode(403);
        // R-RM-4: the archive fetches it with the service token
        given().auth()
                .oauth2(SERVICE)
                .get("/reports/destruction-register.xlsx")
                .then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        byte[] xlsx =
                given().auth()
                        .oauth2(AUDITOR)
                        .get("/reports/destruction-register.xlsx")
                        .then()
                        .statusCode(200)
                        .contentType(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .extract()
                        .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("番号");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("シリアル番号");
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("実施日");
            Row row = null;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (serial.equals(sheet.getRow(r).getCell(4).getStringCellValue())) {
                    row = sheet.getRow(r);
                }
            }
            assertThat(row).as("register row for " + serial).isNotNull();
            Cell performed = row.getCell(9);
            assertThat(performed.getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.now().minusDays(1));
            assertThat(performed.getCellStyle().getDataFormatString())
                    .isEqualTo(ReiwaDates.EXCEL_FORMAT);
            assertThat(row.getCell(5).getStringCellValue()).contains("破壊");
            assertThat(new DataFormatter().formatCellValue(row.getCell(19))).hasSize(64);
        }
    }

    @Test
    void sanitization_orders_and_contractors_are_paged_like_every_list() {
        for (int i = 0; i < 3; i++) {
            // vendor-b maintains no hardware (the contracted vendor is vendor-a): JPO opens its
            // orders for it
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body(
                            Map.of(
                                    "hardwareIds",
                                    List.of("HW-EMPTY-PAGE-" + i),
                                    "organisation",
                                    "vendor-b"))
                    .post("/sanitization-orders")
                    .then()
                    .statusCode(201);
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Paging Recycling " + i, "scope", "HDD shredding"))
                    .post("/contractors")
                    .then()
                    .statusCode(201);
        }
        for (String list : List.of("/sanitization-orders", "/contractors")) {
            var first =
                    given().auth()
                            .oauth2(STAFF)
                            .queryParam("size", 2)
                            .get(list)
                            .then()
                            .statusCode(200)
                            .body("size()", equalTo(2))
                            .extract();
            long total = Long.parseLong(first.header("X-Total-Count"));
            assertThat(total).as(list).isGreaterThanOrEqualTo(3);
            assertThat(first.header("Link"))
                    .contains("rel=\"first\"", "rel=\"next\"", "rel=\"last\"")
                    .contains("page=1")
                    .contains("size=2")
                    .doesNotContain("rel=\"prev\"");
            List<Integer> page0 = first.jsonPath().getList("id");
            var second =
                    given().auth()
                            .oauth2(STAFF)
                            .queryParam("page", 1)
                            .queryParam("size", 2)
                            .get(list)
                            .then()
                            .statusCode(200)
                            .extract();
            assertThat(second.header("Link")).contains("rel=\"prev\"");
            assertThat(second.jsonPath().getList("id", Integer.class))
                    .doesNotContainAnyElementsOf(page0);
            given().auth()
                    .oauth2(STAFF)
                    .queryParam("size", 201)
                    .get(list)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
            given().auth().oauth2(STAFF).queryParam("page", -1).get(list).then().statusCode(400);
            given().auth()
                    .oauth2(STAFF)
                    .queryParam("size", 200)
                    .get(list)
                    .then()
                    .statusCode(200)
                    .header("X-Total-Count", String.valueOf(total));
        }
        // R-MT-7: the total counts the caller's own organisation's orders only
        var ownB =
                given().auth()
                        .oauth2(VENDOR_B)
                        .queryParam("size", 200)
                        .get("/sanitization-orders")
                        .then()
                        .statusCode(200)
                        .body("organisation", org.hamcrest.Matchers.everyItem(equalTo("vendor-b")))
                        .extract();
        assertThat(Long.parseLong(ownB.header("X-Total-Count")))
                .isEqualTo(ownB.jsonPath().getList("id").size())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void R_RM_4_the_records_export_is_for_service_and_jpo_admin() {
        long ticket = workingTicket(VENDOR_A, "HW-EXPORT", "MEDIA_FAILURE");
        removedPartInCustody(VENDOR_A, ticket, "HDD");
        given().auth()
                .oauth2(SERVICE)
                .get("/exports/records.json")
                .then()
                .statusCode(200)
                .body("service", equalTo("maintenance-service"))
                .body("tickets.id", hasItem((int) ticket))
                .body("replacements.ticketId", hasItem((int) ticket));
        given().auth().oauth2(ADMIN).get("/exports/records.json").then().statusCode(200);
        given().auth().oauth2(AUDITOR).get("/exports/records.json").then().statusCode(403);
        given().auth().oauth2(VENDOR_A).get("/exports/records.json").then().statusCode(403);
    }
}
