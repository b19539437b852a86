package io.kiban.lifecycle.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class ContractCalendarTest {

    @BeforeEach
    void reset() {
        Fixtures.reset();
    }

    @Test
    void R_LC_1_the_contract_dates_amounts_and_vendor_are_data() {
        given().auth().oauth2(Tokens.jpoStaff()).get("/contract").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("signingDate", equalTo("2026-06-30"))
                .body("deliveryDeadline", equalTo("2027-03-31"))
                .body("extensionLimit", equalTo("2027-06-30"))
                .body("productionStart", equalTo("2027-04-01"))
                .body("leaseStart", equalTo("2027-07-01"))
                .body("leaseEnd", equalTo("2030-12-31"))
                .body("removalDeadline", equalTo("2031-03-31"))
                .body("contractEnd", equalTo("2031-03-31"))
                .body("vendorOrganisation", equalTo("vendor-a"))
                .body("amounts.categoryCode", hasItem("SERVERS"))
                .body("monthlyLeaseTotal", equalTo(7_960_000))
                .body("monthlyMaintenanceTotal", equalTo(1_410_000));
    }

    @Test
    void R_LC_13_jpo_admin_amends_the_contract_with_If_Match_and_it_is_audited() {
        var current = given().auth().oauth2(Tokens.jpoAdmin()).get("/contract");
        String etag = current.header("ETag");
        Map<String, Object> body = current.jsonPath().getMap("");
        body.remove("monthlyLeaseTotal");
        body.remove("monthlyMaintenanceTotal");
        body.remove("version");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> amounts = (List<Map<String, Object>>) body.get("amounts");
        amounts.get(0).put("leaseMonthly", 4_300_000);

        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).body(body).put("/contract")
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(Tokens.jpoStaff()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/contract").then().statusCode(403);
        given().auth().oauth2(Tokens.vendor("vendor-a")).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/contract").then().statusCode(403);
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/contract").then().statusCode(200)
                .body("amounts.find { it.categoryCode == 'SERVERS' }.leaseMonthly", equalTo(4_300_000));
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/contract").then().statusCode(412);
        given().auth().oauth2(Tokens.auditor()).get("/audit?entityType=contract").then().statusCode(200);
    }

    @Test
    void R_LC_1_bad_contract_input_is_a_problem_not_a_500() {
        var current = given().auth().oauth2(Tokens.jpoAdmin()).get("/contract");
        String etag = current.header("ETag");
        Map<String, Object> body = current.jsonPath().getMap("");
        body.remove("monthlyLeaseTotal");
        body.remove("monthlyMaintenanceTotal");
        body.remove("version");

        Map<String, Object> late = new java.util.HashMap<>(body);
        late.put("removalDeadline", "2031-06-30");
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).header("If-Match", etag).body(late)
                .put("/contract").then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("R-LC-1"));

        Map<String, Object> negative = new java.util.HashMap<>(body);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> amounts = (List<Map<String, Object>>) negative.get("amounts");
        amounts.get(1).put("maintenanceMonthly", -1);
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).header("If-Match", etag).body(negative)
                .put("/contract").then().statusCode(400).contentType("application/problem+json");

        Map<String, Object> notADate = new java.util.HashMap<>(body);
        notADate.put("leaseStart", "2027-13-01");
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).header("If-Match", etag).body(notADate)
                .put("/contract").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void R_LC_4_R_LC_7_R_LC_8_contract_dates_keep_their_order() {
        var current = given().auth().oauth2(Tokens.jpoAdmin()).get("/contract");
        String etag = current.header("ETag");
        Map<String, Object> body = current.jsonPath().getMap("");
        body.remove("monthlyLeaseTotal");
        body.remove("monthlyMaintenanceTotal");
        body.remove("version");
        Map<String, String> bad = Map.of("productionStart", "2026-06-01", "leaseStart", "2027-03-01",
                "removalDeadline", "2030-12-01");
        Map<String, String> rule = Map.of("productionStart", "R-LC-4", "leaseStart", "R-LC-7", "removalDeadline", "R-LC-8");
        for (var e : bad.entrySet()) {
            Map<String, Object> changed = new java.util.HashMap<>(body);
            changed.put(e.getKey(), e.getValue());
            given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                    .put("/contract").then().statusCode(422).body("rule", equalTo(rule.get(e.getKey())));
        }
        Map<String, Object> midMonth = new java.util.HashMap<>(body);
        midMonth.put("leaseStart", "2027-07-15");
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).header("If-Match", etag).body(midMonth)
                .put("/contract").then().statusCode(400).body("errors[0].field", equalTo("leaseStart"));
    }

    @Test
    void R_LC_2_deadlines_carry_Reiwa_form_and_practical_due_date() {
        JsonPath deadlines = given().auth().oauth2(Tokens.vendor("vendor-a")).get("/contract/deadlines").then()
                .statusCode(200).extract().jsonPath();
        assertThat(deadlines.getString("find { it.id == 'delivery' }.dateReiwa")).isEqualTo("令和9年3月31日");
        assertThat(deadlines.getString("find { it.id == 'delivery' }.practicalDueDate")).isEqualTo("2027-03-31");
        assertThat(deadlines.getString("find { it.id == 'removal' }.dateReiwa")).isEqualTo("令和13年3月31日");
        // 2027-07-01 (lease start) is a Thursday: a business day
        assertThat(deadlines.getString("find { it.id == 'lease-start' }.practicalDueDate")).isEqualTo("2027-07-01");
    }

    @Test
    void a_deadline_on_a_non_business_day_keeps_its_date_and_shows_the_previous_business_day() {
        // 2027-03-21 春分の日 is a Sunday; 2027-03-22 is its substitute holiday → Friday 2027-03-19
        given().auth().oauth2(Tokens.jpoStaff()).get("/calendar/2027-03-22").then().statusCode(200)
                .body("businessDay", equalTo(false)).body("date", equalTo("2027-03-22"))
                .body("practicalDueDate", equalTo("2027-03-19")).body("practicalDueDateReiwa", equalTo("令和9年3月19日"));
        // year-end closure 12/29–1/3 (行政機関の休日): 2029-12-31 → Friday 2029-12-28
        given().auth().oauth2(Tokens.jpoStaff()).get("/calendar/2029-12-31").then().statusCode(200)
                .body("businessDay", equalTo(false)).body("practicalDueDate", equalTo("2029-12-28"));
        given().auth().oauth2(Tokens.jpoStaff()).get("/calendar/2030-01-03").then().statusCode(200)
                .body("practicalDueDate", equalTo("2029-12-28"));
        given().auth().oauth2(Tokens.jpoStaff()).get("/calendar/2027-03-31").then().statusCode(200)
                .body("businessDay", equalTo(true));
        given().auth().oauth2(Tokens.jpoStaff()).get("/calendar/holidays?year=2026").then().statusCode(200)
                .body("find { it.date == '2026-05-06' }.kind", equalTo("NATIONAL"))
                .body("find { it.date == '2026-12-29' }.kind", equalTo("YEAR_END_CLOSURE"));
        given().auth().oauth2(Tokens.jpoStaff()).get("/calendar/not-a-date").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.jpoStaff()).get("/calendar/holidays?year=2040").then().statusCode(400);
    }
}
