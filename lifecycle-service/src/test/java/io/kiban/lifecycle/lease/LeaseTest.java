package io.kiban.lifecycle.lease;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.lifecycle.contract.AmendmentSteps;
import io.kiban.lifecycle.testing.Accounts;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.kiban.lifecycle.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class LeaseTest {

    static final Map<String, long[]> AMOUNTS =
            Map.of(
                    "SERVERS", new long[] {4_200_000, 610_000},
                    "STORAGE", new long[] {1_850_000, 270_000},
                    "NETWORK", new long[] {720_000, 110_000},
                    "FACILITY", new long[] {230_000, 40_000},
                    "SOFTWARE", new long[] {960_000, 380_000});
    static final long MONTHLY = 9_370_000;

    @BeforeEach
    void reset() {
        Fixtures.reset();
    }

    @Test
    void R_LC_7_the_ledger_has_42_monthly_periods_with_amounts_per_category() {
        JsonPath ledger = ledger();
        assertThat(ledger.getList("months")).hasSize(42);
        assertThat(ledger.getString("months[0].month")).isEqualTo("2027-07");
        assertThat(ledger.getString("months[0].firstDayReiwa")).isEqualTo("令和9年7月1日");
        assertThat(ledger.getString("months[41].month")).isEqualTo("2030-12");
        assertThat(ledger.getList("months[0].lines")).hasSize(5);
        assertThat(ledger.getLong("months[0].lines.find { it.categoryCode == 'SERVERS' }.lease"))
                .isEqualTo(4_200_000);
        assertThat(ledger.getLong("totals.gross")).isEqualTo(42 * MONTHLY);
        assertThat(ledger.getLong("totals.deduction")).isZero();
        assertThat(ledger.getString("rule")).contains("R-LC-14");
    }

    @Test
    void R_LC_9_no_period_after_the_lease_without_a_negotiated_extension() {
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/lease/periods/2031-01")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Map<String, Object> ext =
                Map.of(
                        "firstMonth",
                        "2031-02",
                        "lastMonth",
                        "2031-03",
                        "agreedOn",
                        "2030-11-20",
                        "reference",
                        "協議書 2030-11",
                        "amounts",
                        List.of(
                                Map.of(
                                        "categoryCode",
                                        "SERVERS",
                                        "leaseMonthly",
                                        1_000_000,
                                        "maintenanceMonthly",
                                        500_000)));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(ext)
                .post("/lease/extensions")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-9"));
        Map<String, Object> good = new java.util.HashMap<>(ext);
        good.put("firstMonth", "2031-01");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(good)
                .post("/lease/extensions")
                .then()
                .statusCode(403);
        Map<String, Object> negative = new java.util.HashMap<>(good);
        negative.put(
                "amounts",
                List.of(
                        Map.of(
                                "categoryCode",
                                "SERVERS",
                                "leaseMonthly",
                                -5,
                                "maintenanceMonthly",
                                0)));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(negative)
                .post("/lease/extensions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        int id =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .body(good)
                        .post("/lease/extensions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        assertThat(ledger().getList("months")).hasSize(45);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/lease/periods/2031-01")
                .then()
                .statusCode(200)
                .body("terms", equalTo("EXTENSION-" + id))
                .body("gross", equalTo(1_500_000));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/lease/periods/2031-04")
                .then()
                .statusCode(404);
    }

    @Test
    @DisplayName(
            "R-LC-14 payment per line = floor(amount × paid days ÷ days of the month): July 2027, 10 vendor days, 21 paid of 31")
    void R_LC_14_payment_is_rounded_down_per_line_not_the_deduction() {
        delay("VENDOR", "2027-04-01", "2027-07-10");
        JsonPath ledger = ledger();
        assertThat(ledger.getInt("months[0].vendorDelayDays")).isEqualTo(10);
        assertThat(ledger.getInt("months[0].paidDays")).isEqualTo(21);
        // worked by hand: 4,200,000 × 21 ÷ 31 = 2,845,161.29… → 2,845,161 paid; 1,354,839 not paid
        // (amount − floor(4,200,000 × 10 ÷ 31) would pay 2,845,162: one yen too much)
        assertThat(line(ledger, 0, "SERVERS", "leaseNet")).isEqualTo(2_845_161);
        assertThat(line(ledger, 0, "SERVERS", "leaseDeduction")).isEqualTo(1_354_839);
        assertThat(line(ledger, 0, "SERVERS", "maintenanceNet"))
                .isEqualTo(413_225); // 12,810,000 ÷ 31 = 413,225.8
        assertThat(line(ledger, 0, "STORAGE", "leaseNet"))
                .isEqualTo(1_253_225); // 38,850,000 ÷ 31 = 1,253,225.8
        assertThat(line(ledger, 0, "STORAGE", "maintenanceNet"))
                .isEqualTo(182_903); // 5,670,000 ÷ 31 = 182,903.2
        assertThat(line(ledger, 0, "NETWORK", "leaseNet"))
                .isEqualTo(487_741); // 15,120,000 ÷ 31 = 487,741.9
        assertThat(line(ledger, 0, "NETWORK", "maintenanceNet"))
                .isEqualTo(74_516); // 2,310,000 ÷ 31 = 74,516.1
        assertThat(line(ledger, 0, "FACILITY", "leaseNet"))
                .isEqualTo(155_806); // 4,830,000 ÷ 31 = 155,806.5
        assertThat(line(ledger, 0, "FACILITY", "maintenanceNet"))
                .isEqualTo(27_096); // 840,000 ÷ 31 = 27,096.8
        assertThat(line(ledger, 0, "SOFTWARE", "leaseNet"))
                .isEqualTo(650_322); // 20,160,000 ÷ 31 = 650,322.6
        assertThat(line(ledger, 0, "SOFTWARE", "maintenanceNet"))
                .isEqualTo(257_419); // 7,980,000 ÷ 31 = 257,419.4
        assertThat(ledger.getLong("months[0].net")).isEqualTo(6_347_414);
        assertThat(ledger.getLong("months[0].deduction")).isEqualTo(3_022_586);
        assertThat(ledger.getLong("months[1].deduction")).isZero();
        assertThat(ledger.getLong("totals.deduction")).isEqualTo(3_022_586);
        assertThat(ledger.getLong("totals.net")).isEqualTo(393_540_000 - 3_022_586);
    }

    @Test
    @DisplayName(
            "R-LC-14 a delay from the production start into August: July unpaid, August 26 paid days of 31")
    void R_LC_14_a_vendor_delay_spanning_two_months_pays_each_month_by_its_own_days() {
        delay("VENDOR", "2027-04-01", "2027-08-05");
        JsonPath ledger = ledger();
        assertThat(ledger.getInt("months[0].vendorDelayDays")).isEqualTo(31);
        assertThat(ledger.getLong("months[0].net")).isZero();
        assertThat(ledger.getLong("months[0].deduction")).isEqualTo(9_370_000);
        assertThat(ledger.getInt("months[1].vendorDelayDays")).isEqualTo(5);
        assertThat(line(ledger, 1, "SERVERS", "leaseNet"))
                .isEqualTo(3_522_580); // 109,200,000 ÷ 31 = 3,522,580.6
        assertThat(line(ledger, 1, "NETWORK", "maintenanceNet"))
                .isEqualTo(92_258); // 2,860,000 ÷ 31 = 92,258.06
        assertThat(ledger.getLong("months[1].net")).isEqualTo(7_858_704);
        assertThat(ledger.getLong("months[1].deduction")).isEqualTo(1_511_296);
        assertThat(ledger.getLong("totals.deduction")).isEqualTo(10_881_296);
    }

    @Test
    void R_LC_14_a_delay_ending_before_the_paid_lease_deducts_nothing() {
        delay("VENDOR", "2027-04-01", "2027-06-30");
        assertThat(ledger().getLong("totals.deduction")).isZero();
    }

    @Test
    void R_LC_14_a_delay_not_caused_by_the_vendor_deducts_nothing() {
        delay("OTHER", "2027-04-01", "2027-07-31");
        assertThat(ledger().getLong("totals.deduction")).isZero();
    }

    @Test
    @DisplayName("R-LC-14 overlapping vendor delays count each day once")
    void overlapping_delays() {
        delay("VENDOR", "2027-04-01", "2027-07-10");
        delay("VENDOR", "2027-04-01", "2027-07-15");
        assertThat(ledger().getInt("months[0].vendorDelayDays")).isEqualTo(15);
    }

    @Test
    @DisplayName(
            "R-LC-14 a production-start delay starts at the planned production start; a window in 2029 is an outage → 422")
    void R_LC_14_bad_delays_are_rejected() {
        record(
                        Tokens.jpoAdmin(),
                        Map.of(
                                "cause",
                                "VENDOR",
                                "startDate",
                                "2027-04-10",
                                "endDate",
                                "2027-04-01"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        record(
                        Tokens.jpoAdmin(),
                        Map.of(
                                "cause",
                                "VENDOR",
                                "startDate",
                                "2027-03-01",
                                "endDate",
                                "2027-04-10"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-14"));
        record(
                        Tokens.jpoAdmin(),
                        Map.of(
                                "cause",
                                "VENDOR",
                                "startDate",
                                "2029-05-01",
                                "endDate",
                                "2029-05-03"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-LC-14"))
                .body("detail", org.hamcrest.Matchers.containsString("outage"));
        record(
                        Tokens.jpoAdmin(),
                        Map.of(
                                "cause",
                                "VENDOR",
                                "startDate",
                                "2027-07-10",
                                "endDate",
                                "2027-07-19"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-14"));
        record(
                        Tokens.jpoAdmin(),
                        Map.of(
                                "cause",
                                "VENDOR",
                                "startDate",
                                "2027-04-01",
                                "endDate",
                                "2031-04-10"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-1"));
        record(
                        Tokens.jpoAdmin(),
                        Map.of(
                                "cause",
                                "WEATHER",
                                "startDate",
                                "2027-04-01",
                                "endDate",
                                "2027-07-02"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        record(Tokens.jpoAdmin(), Map.of("startDate", "2027-04-01", "endDate", "2027-07-02"))
                .then()
                .statusCode(400);
        record(
                        Tokens.vendor("vendor-a"),
                        Map.of(
                                "cause",
                                "OTHER",
                                "startDate",
                                "2027-04-01",
                                "endDate",
                                "2027-07-02"))
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/lease/delays")
                .then()
                .body("size()", equalTo(0));
    }

    @Test
    @DisplayName(
            "R-SEC-2 a delay recorded by one jpo-admin counts only once a second jpo-admin approved the version reviewed")
    void R_SEC_2_a_delay_is_approved_by_a_second_jpo_admin() {
        var recorded =
                record(
                        Tokens.jpoAdmin(),
                        Map.of(
                                "cause",
                                "VENDOR",
                                "startDate",
                                "2027-04-01",
                                "endDate",
                                "2027-07-10",
                                "note",
                                "搬入遅延"));
        recorded.then().statusCode(201).body("status", equalTo("PROPOSED"));
        int id = recorded.path("id");
        assertThat(ledger().getLong("totals.deduction")).isZero();
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .post("/lease/delays/" + id + "/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"));
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .post("/lease/delays/" + id + "/approval")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", "\"3\"")
                .post("/lease/delays/" + id + "/approval")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("If-Match", "\"0\"")
                .post("/lease/delays/" + id + "/approval")
                .then()
                .statusCode(403);
        assertThat(ledger().getLong("totals.deduction")).isZero();
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", "\"0\"")
                .post("/lease/delays/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvedBy", equalTo("jpo-admin2"));
        assertThat(ledger().getLong("totals.deduction")).isEqualTo(3_022_586);
    }

    @Test
    @DisplayName(
            "R-LC-14 a closed month keeps its stored figures: amendments and later delays apply to open months only, a change → 409")
    void R_LC_14_a_closed_month_never_changes() {
        var closed = given().auth().oauth2(Tokens.jpoAdmin()).post("/lease/periods/2027-07/close");
        closed.then()
                .statusCode(201)
                .body("closed", equalTo(true))
                .body("net", equalTo(9_370_000))
                .body("closedBy", equalTo("jpo-admin1"));
        // closing again answers the stored figures
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/lease/periods/2027-07/close")
                .then()
                .statusCode(200)
                .body("closed", equalTo(true))
                .body("closedAt", equalTo(closed.path("closedAt")));
        // a vendor delay reaching the closed month → 409, nothing recorded
        record(
                        Tokens.jpoAdmin(),
                        Map.of(
                                "cause",
                                "VENDOR",
                                "startDate",
                                "2027-04-01",
                                "endDate",
                                "2027-07-05"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-LC-14"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/lease/delays")
                .then()
                .body("size()", equalTo(0));
        // an amendment of the amounts applies to open months only
        amendServersLease(4_300_000);
        JsonPath ledger = ledger();
        assertThat(ledger.getLong("months[0].gross")).isEqualTo(9_370_000);
        assertThat(line(ledger, 0, "SERVERS", "lease")).isEqualTo(4_200_000);
        assertThat(ledger.getBoolean("months[0].closed")).isTrue();
        assertThat(ledger.getLong("months[1].gross")).isEqualTo(9_470_000);
        assertThat(line(ledger, 1, "SERVERS", "lease")).isEqualTo(4_300_000);
        assertThat(ledger.getBoolean("months[1].closed")).isFalse();
        // an amendment taking the closed month out of the lease → 409 at the proposal
        AmendmentSteps.propose(AmendmentSteps.contractWith(Map.of("leaseStart", "2027-08-01")))
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-LC-14"));
        // a delay that ends before the closed month still records (it changes no closed month)
        record(
                        Tokens.jpoAdmin(),
                        Map.of(
                                "cause",
                                "VENDOR",
                                "startDate",
                                "2027-04-01",
                                "endDate",
                                "2027-06-30"))
                .then()
                .statusCode(201);
    }

    @Test
    @DisplayName(
            "R-LC-14 a delay recorded before the month closed is refused at approval (409); close needs the month ended, jpo-admin")
    void R_LC_14_closing_rules() {
        int id =
                record(
                                Tokens.jpoAdmin(),
                                Map.of(
                                        "cause",
                                        "VENDOR",
                                        "startDate",
                                        "2027-04-01",
                                        "endDate",
                                        "2027-08-03"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .post("/lease/periods/2027-08/close")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .post("/lease/periods/2027-08/close")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/lease/periods/2031-01/close")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/lease/periods/2027-13/close")
                .then()
                .statusCode(400);
        TestClock.set(java.time.Instant.parse("2027-08-20T00:00:00Z"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/lease/periods/2027-08/close")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-14"));
        // 2027-09-01 00:30 in Tokyo: August has ended
        TestClock.set(java.time.Instant.parse("2027-08-31T15:30:00Z"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/lease/periods/2027-08/close")
                .then()
                .statusCode(201)
                .body("net", equalTo(9_370_000));
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", "\"0\"")
                .post("/lease/delays/" + id + "/approval")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-LC-14"));
        TestClock.reset();
        assertThat(ledger().getLong("months[1].net")).isEqualTo(9_370_000);
    }

    @Test
    @DisplayName(
            "R-LC-14 an approved delay or a negotiated extension holding a closed month cannot be withdrawn (409)")
    void R_LC_14_nothing_reaching_a_closed_month_is_withdrawn() {
        delay("VENDOR", "2027-04-01", "2027-07-10");
        int delayId =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/lease/delays")
                        .then()
                        .extract()
                        .path("[0].id");
        Map<String, Object> ext =
                Map.of(
                        "firstMonth",
                        "2031-01",
                        "lastMonth",
                        "2031-02",
                        "agreedOn",
                        "2030-11-20",
                        "reference",
                        "協議書 2030-11",
                        "amounts",
                        List.of(
                                Map.of(
                                        "categoryCode",
                                        "SERVERS",
                                        "leaseMonthly",
                                        1_000_000,
                                        "maintenanceMonthly",
                                        500_000)));
        int extId =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .body(ext)
                        .post("/lease/extensions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/lease/periods/2027-07/close")
                .then()
                .statusCode(201)
                .body("net", equalTo(6_347_414));
        TestClock.set(java.time.Instant.parse("2031-02-05T00:00:00Z"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/lease/periods/2031-01/close")
                .then()
                .statusCode(201)
                .body("gross", equalTo(1_500_000))
                .body("terms", equalTo("EXTENSION-" + extId));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"1\"")
                .delete("/lease/delays/" + delayId)
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-LC-14"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .delete("/lease/extensions/" + extId)
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-LC-14"));
        JsonPath ledger = ledger();
        assertThat(ledger.getLong("months[0].net")).isEqualTo(6_347_414);
        assertThat(ledger.getList("months")).hasSize(44);
    }

    @Test
    @DisplayName(
            "SEC idempotency: a retried POST /lease/delays with the same Idempotency-Key is one row; another body → 422")
    void SEC_idempotency_key_on_delay_records() {
        String key = "delay-" + java.util.UUID.randomUUID();
        Map<String, Object> body =
                Map.of("cause", "VENDOR", "startDate", "2027-04-01", "endDate", "2027-07-10");
        int id =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/lease/delays")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/lease/delays")
                .then()
                .statusCode(201)
                .body("id", equalTo(id));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("cause", "VENDOR", "startDate", "2027-04-01", "endDate", "2027-07-11"))
                .post("/lease/delays")
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/lease/delays")
                .then()
                .body("size()", equalTo(1));
    }

    @Test
    @DisplayName(
            "SEC-CSV-injection (issue 13 hole 8): a formula-like note is written unchanged as a quote-prefixed text cell")
    void SEC_formula_like_text_in_the_ledger_workbook_is_quote_prefixed() throws Exception {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        int id =
                record(
                                Tokens.jpoAdmin(),
                                Map.of(
                                        "cause",
                                        "OTHER",
                                        "startDate",
                                        "2027-04-01",
                                        "endDate",
                                        "2027-04-02",
                                        "note",
                                        formula))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        byte[] xlsx =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/lease/ledger.xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Cell note = wb.getSheet("稼動遅延").getRow(1).getCell(4);
            assertThat(note.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(note.getStringCellValue()).isEqualTo(formula);
            assertThat(note.getCellStyle().getQuotePrefixed()).isTrue();
            Cell plain = wb.getSheet("賃貸借台帳").getRow(1).getCell(3);
            assertThat(plain.getStringCellValue()).isEqualTo("ラック・コンソール・分電盤");
            assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
        }
        assertThat(id).isPositive();
    }

    @Test
    void R_LC_7_the_ledger_workbook_has_Japanese_headings_and_Reiwa_date_cells() throws Exception {
        delay("VENDOR", "2027-04-01", "2027-07-10");
        byte[] xlsx =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/lease/ledger.xlsx")
                        .then()
                        .statusCode(200)
                        .contentType(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .extract()
                        .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("賃貸借台帳");
            assertThat(sheet).isNotNull();
            Row head = sheet.getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("年月");
            assertThat(head.getCell(3).getStringCellValue()).isEqualTo("経費区分");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("2027-07");
            Cell date = first.getCell(1);
            assertThat(date.getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2027, 7, 1));
            assertThat(date.getCellStyle().getDataFormatString())
                    .isEqualTo(ReiwaDates.EXCEL_FORMAT);
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(10);
            assertThat(wb.getSheet("稼動遅延").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("受注者の責");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(42 * 5);
        }
    }

    private static JsonPath ledger() {
        return given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/lease/ledger")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static final String JPO_ADMIN_2 = Tokens.token("jpo-admin2", "jpo", "jpo-admin");

    @Test
    @DisplayName(
            "R-SEC-2 #19 the recorder of a delay is its account (issuer+sub), not its name: renamed it is still refused; another account of the same name approves")
    void R_SEC_2_the_recorder_of_a_delay_is_known_by_account_not_by_name() {
        int id =
                record(
                                Tokens.jpoAdmin(),
                                Map.of(
                                        "cause",
                                        "VENDOR",
                                        "startDate",
                                        "2027-04-01",
                                        "endDate",
                                        "2027-04-10",
                                        "note",
                                        "搬入遅延"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"))
                .header("If-Match", "\"0\"")
                .post("/lease/delays/" + id + "/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that recorded delay "
                                        + id
                                        + " cannot approve, accept, sign off or reject it; another"
                                        + " jpo-admin must decide (segregation of duties)"));
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"))
                .header("If-Match", "\"0\"")
                .post("/lease/delays/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvedBy", equalTo("jpo-admin1"));
    }

    /** Recorded by jpo-admin1 and approved by jpo-admin2 (R-SEC-2). */
    private static void delay(String cause, String from, String to) {
        int id =
                record(
                                Tokens.jpoAdmin(),
                                Map.of(
                                        "cause",
                                        cause,
                                        "startDate",
                                        from,
                                        "endDate",
                                        to,
                                        "note",
                                        "test"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", "\"0\"")
                .post("/lease/delays/" + id + "/approval")
                .then()
                .statusCode(200);
    }

    private static io.restassured.response.Response record(String token, Map<String, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/lease/delays");
    }

    private static long line(JsonPath ledger, int month, String category, String field) {
        return ledger.getLong(
                "months["
                        + month
                        + "].lines.find { it.categoryCode == '"
                        + category
                        + "' }."
                        + field);
    }

    private static void amendServersLease(long amount) {
        Map<String, Object> contract = AmendmentSteps.contractWith(Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> amounts = (List<Map<String, Object>>) contract.get("amounts");
        amounts.stream()
                .filter(a -> "SERVERS".equals(a.get("categoryCode")))
                .findFirst()
                .orElseThrow()
                .put("leaseMonthly", amount);
        AmendmentSteps.amend(contract);
    }
}
