package io.kiban.maintenance.replacement;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.VENDOR_B;
import static io.kiban.maintenance.Fixtures.replace;
import static io.kiban.maintenance.Fixtures.replacementBody;
import static io.kiban.maintenance.Fixtures.serial;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.Fixtures;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class ReplacementTest {

    @Test
    void
            a_replacement_is_recorded_in_asset_service_with_a_key_derived_from_its_id_and_moves_the_ticket_on() {
        long ticket = workingTicket(VENDOR_A, "HW-REPL", "MEDIA_FAILURE");
        String removed = serial("SSD");
        var response =
                replace(VENDOR_A, ticket, replacementBody("SSD", removed, "NEW"))
                        .then()
                        .statusCode(201)
                        .body("dataBearing", org.hamcrest.Matchers.equalTo(true))
                        .body("custodyItemId", notNullValue())
                        .extract()
                        .jsonPath();
        String id = response.getString("id");
        assertThat(id).isEqualTo(ReplacementService.idFor(ticket, removed));
        AssetServiceMock.server()
                .verify(
                        postRequestedFor(urlPathEqualTo("/hardware/HW-REPL/media/replacements"))
                                .withHeader(
                                        "Idempotency-Key", equalTo("maintenance-replacement-" + id))
                                .withHeader(
                                        "Authorization",
                                        com.github.tomakehurst.wiremock.client.WireMock.matching(
                                                "Bearer .+"))
                                .withRequestBody(
                                        matchingJsonPath("$.removedSerial", equalTo(removed)))
                                .withRequestBody(
                                        matchingJsonPath("$.installed.condition", equalTo("NEW"))));
        given().auth()
                .oauth2(VENDOR_A)
                .get("/tickets/" + ticket)
                .then()
                .statusCode(200)
                .body("ticket.status", org.hamcrest.Matchers.equalTo("PARTS_REPLACED"));
        given().auth()
                .oauth2(VENDOR_A)
                .get("/custody-items/" + response.getLong("custodyItemId"))
                .then()
                .statusCode(200)
                .body("item.status", org.hamcrest.Matchers.equalTo("REMOVED_ON_SITE"))
                .body("chain[0].event", org.hamcrest.Matchers.equalTo("REMOVED_ON_SITE"));
    }

    @Test
    void a_retried_replacement_with_the_same_idempotency_key_is_replayed_not_recorded_twice() {
        long ticket = workingTicket(VENDOR_A, "HW-RETRY", "MEDIA_FAILURE");
        var body = replacementBody("HDD", serial("HDD"), "NEW");
        String first =
                given().auth()
                        .oauth2(VENDOR_A)
                        .header("Idempotency-Key", "swap-1")
                        .contentType(io.restassured.http.ContentType.JSON)
                        .body(body)
                        .post("/tickets/" + ticket + "/replacements")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getString("id");
        given().auth()
                .oauth2(VENDOR_A)
                .header("Idempotency-Key", "swap-1")
                .contentType(io.restassured.http.ContentType.JSON)
                .body(body)
                .post("/tickets/" + ticket + "/replacements")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", org.hamcrest.Matchers.equalTo(first));
        given().auth()
                .oauth2(VENDOR_A)
                .get("/tickets/" + ticket + "/replacements")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void R_AS_2_an_installed_part_that_is_not_new_is_refused() {
        long ticket = workingTicket(VENDOR_A, "HW-R-AS-2", "MEDIA_FAILURE");
        replace(VENDOR_A, ticket, replacementBody("HDD", serial("HDD"), "REFURBISHED"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", org.hamcrest.Matchers.equalTo("R-AS-2"));
        replace(VENDOR_A, ticket, replacementBody("HDD", serial("HDD"), "USED"))
                .then()
                .statusCode(422)
                .body("rule", org.hamcrest.Matchers.equalTo("R-AS-2"));
        replace(VENDOR_A, ticket, replacementBody("HDD", serial("HDD"), "SECOND_HAND"))
                .then()
                .statusCode(400);
    }

    @Test
    void a_duplicate_serial_is_409_and_bad_parts_are_400() {
        long ticket = workingTicket(VENDOR_A, "HW-DUP", "MEDIA_FAILURE");
        String removed = serial("HDD");
        replace(VENDOR_A, ticket, replacementBody("HDD", removed, "NEW")).then().statusCode(201);
        replace(VENDOR_A, ticket, replacementBody("HDD", removed, "NEW"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        replace(VENDOR_A, ticket, replacementBody("FLOPPY", serial("X"), "NEW"))
                .then()
                .statusCode(400);
        replace(VENDOR_A, ticket, Map.of("removed", Map.of("kind", "HDD"))).then().statusCode(400);
    }

    @Test
    void R_MT_2_data_bearing_follows_from_the_kind_and_only_jpo_admin_may_declare_otherwise() {
        long ticket = workingTicket(VENDOR_A, "HW-DB", "OTHER");
        String psu = serial("PSU");
        replace(VENDOR_A, ticket, replacementBody("PSU", psu, "NEW"))
                .then()
                .statusCode(201)
                .body("dataBearing", org.hamcrest.Matchers.equalTo(false))
                .body("custodyItemId", nullValue());
        // asset-service's ledger holds data-bearing media only: a power supply is not sent there
        AssetServiceMock.server()
                .verify(
                        0,
                        postRequestedFor(urlPathEqualTo("/hardware/HW-DB/media/replacements"))
                                .withRequestBody(
                                        matchingJsonPath("$.removedSerial", equalTo(psu))));
        // asset-service names the controller cache its own way
        String raid = serial("RAID");
        replace(VENDOR_A, ticket, replacementBody("CONTROLLER_WITH_CACHE", raid, "NEW"))
                .then()
                .statusCode(201);
        AssetServiceMock.server()
                .verify(
                        postRequestedFor(urlPathEqualTo("/hardware/HW-DB/media/replacements"))
                                .withRequestBody(matchingJsonPath("$.removedSerial", equalTo(raid)))
                                .withRequestBody(
                                        matchingJsonPath(
                                                "$.installed.kind", equalTo("CONTROLLER_CACHE"))));
        replace(VENDOR_A, ticket, replacementBody("CONTROLLER_WITH_CACHE", serial("RAID"), "NEW"))
                .then()
                .statusCode(201)
                .body("dataBearing", org.hamcrest.Matchers.equalTo(true))
                .body("custodyItemId", notNullValue());
        Map<String, Object> notDataBearing =
                new HashMap<>(replacementBody("BMC_FLASH", serial("BMC"), "NEW"));
        notDataBearing.put("dataBearing", false);
        replace(VENDOR_A, ticket, notDataBearing).then().statusCode(403);
        replace(ADMIN, ticket, notDataBearing)
                .then()
                .statusCode(201)
                .body("dataBearing", org.hamcrest.Matchers.equalTo(false))
                .body("dataBearingSetBy", org.hamcrest.Matchers.equalTo("jpo-admin1"));
        Map<String, Object> cautious = new HashMap<>(replacementBody("FAN", serial("FAN"), "NEW"));
        cautious.put("dataBearing", true);
        replace(VENDOR_A, ticket, cautious)
                .then()
                .statusCode(201)
                .body("custodyItemId", notNullValue());
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "R-MT-2/R-MT-3/R-MT-6 a recorded part found to bear data later enters custody and blocks the close")
    void
            R_MT_2_R_MT_3_a_part_declared_data_bearing_after_recording_enters_custody_and_the_close_gate() {
        long ticket = workingTicket(VENDOR_A, "HW-LATE", "OTHER");
        String odd = serial("ODD");
        String replacement =
                replace(VENDOR_A, ticket, replacementBody("OTHER", odd, "NEW"))
                        .then()
                        .statusCode(201)
                        .body("dataBearing", org.hamcrest.Matchers.equalTo(false))
                        .body("custodyItemId", nullValue())
                        .extract()
                        .jsonPath()
                        .getString("id");
        String path = "/tickets/" + ticket + "/replacements/" + replacement + "/data-bearing";
        Map<String, Object> body =
                Map.of(
                        "reason",
                        "the riser card carries an NVRAM log buffer",
                        "holder",
                        "engineer Sato",
                        "location",
                        "Tokyo DC cage 3");
        given().auth()
                .oauth2(VENDOR_B)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Fixtures.AUDITOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Fixtures.STAFF)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("holder", "x"))
                .post(path)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/tickets/" + ticket + "/replacements/no-such-replacement/data-bearing")
                .then()
                .statusCode(404);
        long other = workingTicket(VENDOR_A, "HW-LATE-2", "OTHER");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/tickets/" + other + "/replacements/" + replacement + "/data-bearing")
                .then()
                .statusCode(404);

        long item =
                given().auth()
                        .oauth2(ADMIN)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post(path)
                        .then()
                        .statusCode(200)
                        .body("dataBearing", org.hamcrest.Matchers.equalTo(true))
                        .body("dataBearingSetBy", org.hamcrest.Matchers.equalTo("jpo-admin1"))
                        .body("custodyItemId", notNullValue())
                        .extract()
                        .jsonPath()
                        .getLong("custodyItemId");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(VENDOR_A)
                .get("/custody-items/" + item)
                .then()
                .statusCode(200)
                .body("item.serial", org.hamcrest.Matchers.equalTo(odd))
                .body("item.source", org.hamcrest.Matchers.equalTo("PART"))
                .body("item.ticketId", org.hamcrest.Matchers.equalTo((int) ticket))
                .body("item.status", org.hamcrest.Matchers.equalTo("REMOVED_ON_SITE"))
                .body("item.holder", org.hamcrest.Matchers.equalTo("engineer Sato"))
                .body("chain[0].note", org.hamcrest.Matchers.containsString("NVRAM log buffer"));
        given().auth()
                .oauth2(VENDOR_A)
                .get("/tickets/" + ticket + "/replacements")
                .then()
                .statusCode(200)
                .body(
                        "find { it.id == '" + replacement + "' }.custodyItemId",
                        org.hamcrest.Matchers.equalTo((int) item));

        // R-MT-6: the ticket now needs accepted evidence for it before it closes
        Fixtures.move(VENDOR_A, ticket, "RESOLVED").then().statusCode(200);
        Fixtures.move(ADMIN, ticket, "CLOSED")
                .then()
                .statusCode(409)
                .body("rule", org.hamcrest.Matchers.equalTo("R-MT-6"))
                .body("conflicts.id", org.hamcrest.Matchers.hasItem(odd));
        Fixtures.handover(VENDOR_A, item, "vendor-a secure depot").then().statusCode(200);
        Fixtures.acceptedEvidence(VENDOR_A, item);
        Fixtures.move(ADMIN, ticket, "CLOSED").then().statusCode(200);

        // found out after the ticket closed: the medium is still tracked and reported as
        // outstanding
        String late = serial("LATE");
        String lateReplacement =
                replace(VENDOR_A, other, replacementBody("OTHER", late, "NEW"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getString("id");
        Fixtures.move(VENDOR_A, other, "RESOLVED").then().statusCode(200);
        Fixtures.move(ADMIN, other, "CLOSED").then().statusCode(200);
        long lateItem =
                given().auth()
                        .oauth2(VENDOR_A)
                        .contentType(ContentType.JSON)
                        .body(Map.of("reason", "vendor lab found a flash chip"))
                        .post(
                                "/tickets/"
                                        + other
                                        + "/replacements/"
                                        + lateReplacement
                                        + "/data-bearing")
                        .then()
                        .statusCode(200)
                        .body(
                                "dataBearingSetBy",
                                org.hamcrest.Matchers.equalTo("vendor-a-engineer"))
                        .extract()
                        .jsonPath()
                        .getLong("custodyItemId");
        assertThat(
                        Fixtures.allPages(
                                        Fixtures.STAFF,
                                        "/reports/outstanding-sanitization",
                                        Map.of())
                                .getList("custodyItemId", Integer.class))
                .contains((int) lateItem);
        given().auth()
                .oauth2(Fixtures.SERVICE)
                .get("/media/" + late + "/evidence-status")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("REMOVED_ON_SITE"))
                .body("accepted", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void R_MT_7_another_organisations_ticket_is_404_for_replacements() {
        long ticket = workingTicket(VENDOR_A, "HW-ORG-R", "OTHER");
        replace(VENDOR_B, ticket, replacementBody("SSD", serial("SSD"), "NEW"))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(VENDOR_B)
                .get("/tickets/" + ticket + "/replacements")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(VENDOR_A)
                .get("/tickets/" + ticket + "/replacements")
                .then()
                .statusCode(200);
    }

    @Test
    void a_refusal_by_asset_service_is_422_with_its_reason_and_nothing_is_written() {
        long ticket = workingTicket(VENDOR_A, "HW-REFUSE", "MEDIA_FAILURE");
        replace(VENDOR_A, ticket, replacementBody("HDD", serial("HDD"), "NEW"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("removedSerial refers to X"));
        given().auth()
                .oauth2(VENDOR_A)
                .get("/tickets/" + ticket + "/replacements")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void when_asset_service_fails_the_replacement_is_refused_with_503_and_nothing_is_written()
            throws Exception {
        long down = workingTicket(VENDOR_A, "HW-DOWN", "MEDIA_FAILURE");
        String s1 = serial("SSD");
        replace(VENDOR_A, down, replacementBody("SSD", s1, "NEW"))
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body(
                        "type",
                        org.hamcrest.Matchers.equalTo("urn:kiban:problem:dependency-unavailable"));
        long reset = workingTicket(VENDOR_A, "HW-RESET", "MEDIA_FAILURE");
        String s2 = serial("SSD");
        replace(VENDOR_A, reset, replacementBody("SSD", s2, "NEW"))
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
        try (Connection db = TestDatabase.connect()) {
            for (String s : new String[] {s1, s2}) {
                try (ResultSet rs =
                        db.createStatement()
                                .executeQuery(
                                        "SELECT (SELECT COUNT(*) FROM part_replacement WHERE removed_serial = '"
                                                + s
                                                + "')"
                                                + " + (SELECT COUNT(*) FROM custody_item WHERE serial = '"
                                                + s
                                                + "')")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("rows for " + s).isZero();
                }
            }
        }
        given().auth()
                .oauth2(VENDOR_A)
                .get("/tickets/" + down)
                .then()
                .statusCode(200)
                .body("ticket.status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"));
    }
}
