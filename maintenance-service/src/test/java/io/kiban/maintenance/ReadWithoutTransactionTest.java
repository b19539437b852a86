package io.kiban.maintenance;

import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.AUDITOR;
import static io.kiban.maintenance.Fixtures.PDF;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.VENDOR_B;
import static io.kiban.maintenance.Fixtures.decide;
import static io.kiban.maintenance.Fixtures.evidenceBody;
import static io.kiban.maintenance.Fixtures.removedPartInCustody;
import static io.kiban.maintenance.Fixtures.serial;
import static io.kiban.maintenance.Fixtures.submit;
import static io.kiban.maintenance.Fixtures.ticket;
import static io.kiban.maintenance.Fixtures.upload;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.StatementCounting;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 §3: a GET writes nothing, so it runs without a JTA transaction (no {@code set
 * autocommit=0 · … · COMMIT · set autocommit=1} around its selects), and issues only the selects it
 * needs. Counted with Hibernate's statistics (prepared statements, completed transactions, entity
 * inserts and updates of this JVM), switched on for the duration of each test only. The statistics
 * count every transaction of the JVM, and the breach sweep, the sanitization metrics and commons'
 * audit checkpointer and verifier run on timers, so this class runs with the scheduler off ({@link
 * NoTimers}): a sweep committed during a GET is not the GET's transaction. The expected numbers of
 * statements are read off the service code, one per select it issues (written next to each).
 */
@QuarkusTest
@TestProfile(StatementCounting.NoTimers.class)
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class ReadWithoutTransactionTest extends StatementCounting {

    private void noTransactionNoWrite(String what, long statements) {
        assertThat(statistics.getTransactionCount()).as(what + ": transactions").isZero();
        assertThat(statistics.getEntityInsertCount() + statistics.getEntityUpdateCount())
                .as(what + ": entity inserts and updates")
                .isZero();
        assertThat(statistics.getPrepareStatementCount())
                .as(what + ": statements")
                .isEqualTo(statements);
    }

    @Test
    @DisplayName(
            "#16 §3 R-MT-7 GET /tickets/{id}: three selects, no transaction; another organisation's vendor still gets 404")
    void R_MT_7_get_ticket_is_three_selects_without_a_transaction_and_stays_scoped() {
        long id = ticket(VENDOR_A, "HW-READ-" + serial("T"), "MEDIA_FAILURE");
        // the counter sees JTA transactions: the POST that filed the ticket committed one
        assertThat(statistics.getTransactionCount()).as("transactions of the POST").isPositive();
        statistics.clear();

        given().auth()
                .oauth2(VENDOR_A)
                .get("/tickets/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("ticket.id", equalTo((int) id))
                .body("transitions", hasSize(1));
        // TicketService.get: the ticket by id (visible), its recorded breaches
        // (BreachMonitor.of), its transitions (TicketTransitionRepository.of)
        noTransactionNoWrite("GET /tickets/{id}", 3);

        statistics.clear();
        given().auth()
                .oauth2(VENDOR_B)
                .get("/tickets/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // the ticket by id, then Access.visible answers 404 for another organisation's row
        noTransactionNoWrite("GET /tickets/{id} by vendor-b", 1);

        statistics.clear();
        given().auth().oauth2(AUDITOR).get("/tickets/987654321").then().statusCode(404);
        noTransactionNoWrite("GET /tickets/{unknown}", 1);
    }

    @Test
    @DisplayName(
            "#16 §3 R-MT-7 GET /tickets (list): the page, its breaches and the count, no transaction; vendor-b counts none of vendor-a's")
    void R_MT_7_ticket_list_is_three_selects_without_a_transaction_and_stays_scoped() {
        String hw = "HW-READ-" + serial("L");
        ticket(VENDOR_A, hw, "MEDIA_FAILURE");
        ticket(VENDOR_A, hw, "MEDIA_FAILURE");
        statistics.clear();

        given().auth()
                .oauth2(VENDOR_A)
                .queryParam("hardwareId", hw)
                .get("/tickets")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "2")
                .body("$", hasSize(2));
        // TicketService.list: the page, the breaches of its tickets (one select for the
        // page), the count
        noTransactionNoWrite("GET /tickets", 3);

        statistics.clear();
        given().auth()
                .oauth2(VENDOR_B)
                .queryParam("hardwareId", hw)
                .get("/tickets")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "0")
                .body("$", hasSize(0));
        // the page (empty: organisation = vendor-b), no breach lookup for no ticket, the count
        noTransactionNoWrite("GET /tickets by vendor-b", 2);
    }

    @Test
    @DisplayName(
            "#16 §3 R-MT-7 GET /custody-items/{id}, /evidence/{id}, /custody-items/{id}/evidence: no transaction, the files of a page in one select")
    void R_MT_7_custody_and_evidence_reads_run_without_a_transaction() {
        long ticket = workingTicket(VENDOR_A, "HW-READ-" + serial("C"), "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        long rejected = submittedWithCertificate(item);
        decide(ADMIN, rejected, "rejection", Map.of("reason", "the serial is not legible"))
                .then()
                .statusCode(200);
        long evidence = submittedWithCertificate(item);
        statistics.clear();

        given().auth()
                .oauth2(VENDOR_A)
                .get("/custody-items/" + item)
                .then()
                .statusCode(200)
                .body("item.status", equalTo("EVIDENCE_SUBMITTED"))
                .body("evidenceIds", hasSize(2));
        // CustodyService.get: the item by id (visible), its evidence ids, its events
        noTransactionNoWrite("GET /custody-items/{id}", 3);

        statistics.clear();
        given().auth()
                .oauth2(VENDOR_A)
                .get("/evidence/" + evidence)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("files", hasSize(1));
        // EvidenceService.get: the evidence by id (visible), its files
        noTransactionNoWrite("GET /evidence/{id}", 2);

        statistics.clear();
        given().auth()
                .oauth2(VENDOR_A)
                .get("/custody-items/" + item + "/evidence")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "2")
                .body("$", hasSize(2))
                .body("[0].status", equalTo("REJECTED"))
                .body("[0].files", hasSize(1))
                .body("[1].files", hasSize(1));
        // EvidenceService.ofItem: the item (visible), the page of evidence, the files of the
        // whole page in one select (was one select per record: 5 for these two), the count
        noTransactionNoWrite("GET /custody-items/{id}/evidence", 4);

        statistics.clear();
        given().auth().oauth2(VENDOR_B).get("/custody-items/" + item).then().statusCode(404);
        given().auth().oauth2(VENDOR_B).get("/evidence/" + evidence).then().statusCode(404);
        // one select each (the row by id), then 404 for another organisation's row
        noTransactionNoWrite("vendor-b reads", 2);
    }

    @Test
    @DisplayName(
            "#16 §3 R-MT-3 GET /reports/destruction-register.xlsx: four selects whatever the number of rows, no transaction")
    void R_MT_3_register_is_four_selects_without_a_transaction() {
        long ticket = workingTicket(VENDOR_A, "HW-READ-" + serial("R"), "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        long evidence = submittedWithCertificate(item);
        decide(ADMIN, evidence, "acceptance", Map.of("reason", "certificate checked"))
                .then()
                .statusCode(200);
        statistics.clear();

        byte[] xlsx =
                given().auth()
                        .oauth2(AUDITOR)
                        .get("/reports/destruction-register.xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(xlsx).as("an xlsx (zip) file").startsWith((byte) 'P', (byte) 'K');
        // ReportService.writeRegister: accepted evidence, accepted items, contractors, the files
        // of all accepted evidence (was one select per row)
        noTransactionNoWrite("GET /reports/destruction-register.xlsx", 4);
    }

    @Test
    @DisplayName(
            "#16 §3 R-MT-7 GET /tickets/{id}/replacements: the custody items of a page in one select, no transaction")
    void R_MT_7_replacement_list_is_four_selects_without_a_transaction() {
        long ticket = workingTicket(VENDOR_A, "HW-READ-" + serial("P"), "MEDIA_FAILURE");
        long first = removedPartInCustody(VENDOR_A, ticket, "HDD");
        long second = removedPartInCustody(VENDOR_A, ticket, "SSD");
        statistics.clear();

        given().auth()
                .oauth2(VENDOR_A)
                .get("/tickets/" + ticket + "/replacements")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "2")
                .body("custodyItemId", equalTo(List.of((int) first, (int) second)));
        // ReplacementService.list: the ticket (visible), the page, the custody items of the
        // whole page in one select (was one select per replacement: 5 for these two), the count
        noTransactionNoWrite("GET /tickets/{id}/replacements", 4);

        statistics.clear();
        given().auth()
                .oauth2(VENDOR_B)
                .get("/tickets/" + ticket + "/replacements")
                .then()
                .statusCode(404);
        noTransactionNoWrite("GET /tickets/{id}/replacements by vendor-b", 1);
    }

    @Test
    @DisplayName(
            "#16 §3 R-MT-7 GET /sanitization-orders: the media of a page in one select, no transaction, a vendor's own orders only")
    void R_MT_7_order_list_is_three_selects_without_a_transaction_and_stays_scoped() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "hardwareIds",
                                List.of("HW-READ-" + serial("O")),
                                "organisation",
                                "vendor-b",
                                "reason",
                                "removal of a test rack"))
                .post("/sanitization-orders")
                .then()
                .statusCode(201);
        statistics.clear();

        given().auth()
                .oauth2(VENDOR_B)
                .queryParam("size", 200)
                .get("/sanitization-orders")
                .then()
                .statusCode(200)
                .body("organisation", everyItem(equalTo("vendor-b")))
                .body("$", not(empty()));
        // OrderService.list: the page (organisation = vendor-b), the media of the whole page in
        // one select (was one select per order), the count
        noTransactionNoWrite("GET /sanitization-orders", 3);
    }

    /** Evidence submitted by vendor-a for {@code item} with one PDF certificate; its id. */
    private static long submittedWithCertificate(long item) {
        long evidence =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        upload(VENDOR_A, evidence, "certificate.pdf", PDF, "application/pdf")
                .then()
                .statusCode(201);
        return evidence;
    }
}
