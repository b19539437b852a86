package io.kiban.lifecycle.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Accounts;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/contract")
                .then()
                .statusCode(200)
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
    @DisplayName(
            "R-SEC-2 R-LC-13 a contract amendment is proposed on the version reviewed and approved by a second jpo-admin")
    void R_SEC_2_an_amendment_is_proposed_by_one_jpo_admin_and_approved_by_another() {
        var current = given().auth().oauth2(Tokens.jpoAdmin()).get("/contract");
        String etag = current.header("ETag");
        Map<String, Object> body = current.jsonPath().getMap("");
        body.remove("monthlyLeaseTotal");
        body.remove("monthlyMaintenanceTotal");
        body.remove("version");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> amounts = (List<Map<String, Object>>) body.get("amounts");
        amounts.get(0).put("leaseMonthly", 4_300_000);

        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x", "contract", body))
                .post("/contract/amendments")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        propose(Tokens.jpoStaff(), etag, body).then().statusCode(403);
        propose(Tokens.vendor("vendor-a"), etag, body).then().statusCode(403);
        // the old PUT is gone: a contract never changes on one account's word
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(body)
                .put("/contract")
                .then()
                .statusCode(405);
        var proposed = propose(Tokens.jpoAdmin(), etag, body);
        proposed.then()
                .statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("proposedBy", equalTo("jpo-admin1"));
        int id = proposed.path("id");
        String amendmentTag = proposed.header("ETag");
        // nothing changed yet
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/contract")
                .then()
                .header("ETag", etag)
                .body(
                        "amounts.find { it.categoryCode == 'SERVERS' }.leaseMonthly",
                        equalTo(4_200_000));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", amendmentTag)
                .post("/contract/amendments/" + id + "/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"));
        given().auth()
                .oauth2(AmendmentSteps.JPO_ADMIN_2)
                .post("/contract/amendments/" + id + "/approval")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(AmendmentSteps.JPO_ADMIN_2)
                .header("If-Match", "\"41\"")
                .post("/contract/amendments/" + id + "/approval")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(AmendmentSteps.JPO_ADMIN_2)
                .header("If-Match", amendmentTag)
                .post("/contract/amendments/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("jpo-admin2"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/contract")
                .then()
                .body(
                        "amounts.find { it.categoryCode == 'SERVERS' }.leaseMonthly",
                        equalTo(4_300_000));
        // a proposal on the version before the amendment is stale
        propose(Tokens.jpoAdmin(), etag, body).then().statusCode(412);
        JsonPath audit =
                new JsonPath(
                        given().auth()
                                .oauth2(Tokens.auditor())
                                .get("/audit?entityType=contract")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        assertThat(audit.getString("[0].action")).isEqualTo("amend");
        assertThat(audit.getString("[0].actorName")).isEqualTo("jpo-admin2");
    }

    @Test
    @DisplayName(
            "R-SEC-2 an amendment proposed on a contract that changed since is refused at approval (409), nothing applied")
    void R_SEC_2_an_amendment_on_an_outdated_contract_is_not_applied() {
        Map<String, Object> first =
                AmendmentSteps.contractWith(Map.of("extensionLimit", "2027-06-29"));
        Map<String, Object> second =
                AmendmentSteps.contractWith(Map.of("extensionLimit", "2027-06-28"));
        var a = AmendmentSteps.propose(first);
        var b = AmendmentSteps.propose(second);
        given().auth()
                .oauth2(AmendmentSteps.JPO_ADMIN_2)
                .header("If-Match", a.header("ETag"))
                .post("/contract/amendments/" + a.path("id") + "/approval")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(AmendmentSteps.JPO_ADMIN_2)
                .header("If-Match", b.header("ETag"))
                .post("/contract/amendments/" + b.path("id") + "/approval")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/contract")
                .then()
                .body("extensionLimit", equalTo("2027-06-29"));
    }

    @Test
    @DisplayName(
            "SEC idempotency: a retried amendment proposal with the same Idempotency-Key is one proposal; another body → 422")
    void SEC_idempotency_key_on_amendment_proposals() {
        String key = "amend-" + java.util.UUID.randomUUID();
        Map<String, Object> body =
                Map.of(
                        "reason",
                        "延長限度の訂正",
                        "contract",
                        AmendmentSteps.contractWith(Map.of("extensionLimit", "2027-06-29")));
        String etag = AmendmentSteps.contractEtag();
        int id =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .header("Idempotency-Key", key)
                        .header("If-Match", etag)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/contract/amendments")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Idempotency-Key", key)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/contract/amendments")
                .then()
                .statusCode(201)
                .body("id", equalTo(id));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Idempotency-Key", key)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "別の内容", "contract", body.get("contract")))
                .post("/contract/amendments")
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/contract/amendments")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
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
        propose(Tokens.jpoAdmin(), etag, late)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-LC-1"));

        Map<String, Object> negative = new java.util.HashMap<>(body);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> amounts = (List<Map<String, Object>>) negative.get("amounts");
        amounts.get(1).put("maintenanceMonthly", -1);
        propose(Tokens.jpoAdmin(), etag, negative)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        Map<String, Object> notADate = new java.util.HashMap<>(body);
        notADate.put("leaseStart", "2027-13-01");
        propose(Tokens.jpoAdmin(), etag, notADate)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void R_LC_4_R_LC_7_R_LC_8_contract_dates_keep_their_order() {
        var current = given().auth().oauth2(Tokens.jpoAdmin()).get("/contract");
        String etag = current.header("ETag");
        Map<String, Object> body = current.jsonPath().getMap("");
        body.remove("monthlyLeaseTotal");
        body.remove("monthlyMaintenanceTotal");
        body.remove("version");
        Map<String, String> bad =
                Map.of(
                        "productionStart",
                        "2026-06-01",
                        "leaseStart",
                        "2027-03-01",
                        "removalDeadline",
                        "2030-12-01");
        Map<String, String> rule =
                Map.of(
                        "productionStart",
                        "R-LC-4",
                        "leaseStart",
                        "R-LC-7",
                        "removalDeadline",
                        "R-LC-8");
        for (var e : bad.entrySet()) {
            Map<String, Object> changed = new java.util.HashMap<>(body);
            changed.put(e.getKey(), e.getValue());
            propose(Tokens.jpoAdmin(), etag, changed)
                    .then()
                    .statusCode(422)
                    .body("rule", equalTo(rule.get(e.getKey())));
        }
        Map<String, Object> midMonth = new java.util.HashMap<>(body);
        midMonth.put("leaseStart", "2027-07-15");
        propose(Tokens.jpoAdmin(), etag, midMonth)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("leaseStart"));
    }

    @Test
    void R_LC_2_deadlines_carry_Reiwa_form_and_practical_due_date() {
        JsonPath deadlines =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .get("/contract/deadlines")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(deadlines.getString("find { it.id == 'delivery' }.dateReiwa"))
                .isEqualTo("令和9年3月31日");
        assertThat(deadlines.getString("find { it.id == 'delivery' }.practicalDueDate"))
                .isEqualTo("2027-03-31");
        assertThat(deadlines.getString("find { it.id == 'removal' }.dateReiwa"))
                .isEqualTo("令和13年3月31日");
        // 2027-07-01 (lease start) is a Thursday: a business day
        assertThat(deadlines.getString("find { it.id == 'lease-start' }.practicalDueDate"))
                .isEqualTo("2027-07-01");
    }

    @Test
    void a_deadline_on_a_non_business_day_keeps_its_date_and_shows_the_previous_business_day() {
        // 2027-03-21 春分の日 is a Sunday; 2027-03-22 is its substitute holiday → Friday 2027-03-19
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/calendar/2027-03-22")
                .then()
                .statusCode(200)
                .body("businessDay", equalTo(false))
                .body("date", equalTo("2027-03-22"))
                .body("practicalDueDate", equalTo("2027-03-19"))
                .body("practicalDueDateReiwa", equalTo("令和9年3月19日"));
        // year-end closure 12/29–1/3 (行政機関の休日): 2029-12-31 → Friday 2029-12-28
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/calendar/2029-12-31")
                .then()
                .statusCode(200)
                .body("businessDay", equalTo(false))
                .body("practicalDueDate", equalTo("2029-12-28"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/calendar/2030-01-03")
                .then()
                .statusCode(200)
                .body("practicalDueDate", equalTo("2029-12-28"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/calendar/2027-03-31")
                .then()
                .statusCode(200)
                .body("businessDay", equalTo(true));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/calendar/holidays?year=2026")
                .then()
                .statusCode(200)
                .body("find { it.date == '2026-05-06' }.kind", equalTo("NATIONAL"))
                .body("find { it.date == '2026-12-29' }.kind", equalTo("YEAR_END_CLOSURE"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/calendar/not-a-date")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/calendar/holidays?year=2040")
                .then()
                .statusCode(400);
    }

    @Test
    @DisplayName(
            "R-SEC-2 #19 the proposer of an amendment is its account (issuer+sub), not its name: renamed it is still refused; another account of the same name decides")
    void R_SEC_2_the_proposer_of_an_amendment_is_known_by_account_not_by_name() {
        var proposed =
                propose(
                        Tokens.jpoAdmin(),
                        AmendmentSteps.contractEtag(),
                        AmendmentSteps.contractWith(Map.of()));
        proposed.then().statusCode(201);
        int id = proposed.path("id");
        String tag = proposed.header("ETag");
        // jpo-admin1's account under another preferred_username is still the proposer
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"))
                .header("If-Match", tag)
                .post("/contract/amendments/" + id + "/rejection")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that proposed amendment "
                                        + id
                                        + " cannot approve, accept, sign off or reject it; another"
                                        + " jpo-admin must decide (segregation of duties)"));
        // another account whose preferred_username is jpo-admin1 is not the proposer
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"))
                .header("If-Match", tag)
                .post("/contract/amendments/" + id + "/rejection")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decidedBy", equalTo("jpo-admin1"));
    }

    private static io.restassured.response.Response propose(
            String token, String etag, Map<String, Object> contract) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("reason", "契約変更", "contract", contract))
                .post("/contract/amendments");
    }
}
