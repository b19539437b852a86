package io.kiban.maintenance.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.AUDITOR;
import static io.kiban.maintenance.Fixtures.SERVICE;
import static io.kiban.maintenance.Fixtures.STAFF;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.acceptedEvidence;
import static io.kiban.maintenance.Fixtures.decide;
import static io.kiban.maintenance.Fixtures.evidenceBody;
import static io.kiban.maintenance.Fixtures.removedPartInCustody;
import static io.kiban.maintenance.Fixtures.submit;
import static io.kiban.maintenance.Fixtures.upload;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.Fixtures;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: one owner for "are these media destroyed?" — {@code GET /reports/media-destruction}.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class MediaDestructionReportTest {

    private static final String REPORT = "/reports/media-destruction";

    @Inject EntityManager em;

    private final List<StubMapping> stubs = new ArrayList<>();

    @AfterEach
    void removeStubs() {
        stubs.forEach(s -> AssetServiceMock.server().removeStub(s));
        stubs.clear();
    }

    /**
     * asset-service's {@code GET /media} for the query parameter, answered page by page with the
     * total.
     */
    private void ledger(String param, String value, String total, String... pages) {
        for (int p = 0; p < pages.length; p++) {
            ledgerPage(param, value, p, total, pages[p]);
        }
    }

    /** One page of asset-service's {@code GET /media}; {@code total} null sends no total. */
    private void ledgerPage(String param, String value, int p, String total, String body) {
        var answer = aResponse().withHeader("Content-Type", "application/json").withBody(body);
        if (total != null) {
            answer = answer.withHeader("X-Total-Count", total);
        }
        stubs.add(
                AssetServiceMock.server()
                        .stubFor(
                                get(urlPathEqualTo("/media"))
                                        .atPriority(1)
                                        .withQueryParam(param, equalTo(value))
                                        .withQueryParam("include", equalTo("removed"))
                                        .withQueryParam("page", equalTo(String.valueOf(p)))
                                        .willReturn(answer)));
    }

    private static String medium(
            String serial,
            String kind,
            Object hardwareId,
            String env,
            boolean dataBearing,
            String removedOn,
            boolean withoutReference) {
        return "{\"serial\":\""
                + serial
                + "\",\"kind\":\""
                + kind
                + "\",\"make\":\"m\",\"model\":\"x\",\"hardwareId\":"
                + (hardwareId instanceof String ? "\"" + hardwareId + "\"" : hardwareId)
                + ",\"environment\":\""
                + env
                + "\",\"dataBearing\":"
                + dataBearing
                + ",\"origin\":\"LEDGER\",\"removedOn\":"
                + (removedOn == null ? "null" : "\"" + removedOn + "\"")
                + ",\"installed\":"
                + (removedOn == null)
                + ",\"removedWithoutCustodyReference\":"
                + withoutReference
                + "}";
    }

    private static String serialOf(long item) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/custody-items/" + item)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("item.serial");
    }

    /**
     * Every page of the report, 100 at a time (so 250 media are three pages), and the last page's
     * answer.
     */
    private static List<Map<String, Object>> allPages(
            String token, Map<String, ?> params, List<ExtractableResponse<Response>> answers) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            ExtractableResponse<Response> reply =
                    given().auth()
                            .oauth2(token)
                            .queryParams(params)
                            .queryParam("page", page)
                            .queryParam("size", 100)
                            .get(REPORT)
                            .then()
                            .statusCode(200)
                            .extract();
            answers.add(reply);
            List<Map<String, Object>> items = reply.jsonPath().getList("$");
            all.addAll(items);
            if (items.isEmpty() || all.size() >= Long.parseLong(reply.header("X-Total-Count"))) {
                return all;
            }
        }
        throw new AssertionError("the report did not end");
    }

    @Test
    @DisplayName(
            "R-RM-3 a 250-medium environment is answered completely: asset-service read over two pages, the report over three")
    void R_RM_3_a_250_medium_environment_is_answered_completely() {
        // two media tracked here: one destroyed with accepted evidence, one in custody without
        // evidence yet
        long ticket = workingTicket(VENDOR_A, "HW-MD-250", "MEDIA_FAILURE");
        long destroyedItem = removedPartInCustody(VENDOR_A, ticket, "SSD");
        long evidence = acceptedEvidence(VENDOR_A, destroyedItem);
        long pendingItem = removedPartInCustody(VENDOR_A, ticket, "HDD");
        String destroyed = serialOf(destroyedItem);
        String inCustody = serialOf(pendingItem);

        // asset-service's SHARED ledger: 251 media, one declared not data-bearing; D-000 and D-001
        // are the two
        // tracked media, D-002…D-009 left the ledger without custody, the rest are still installed
        List<String> media = new ArrayList<>();
        for (int i = 0; i < 251; i++) {
            String serial =
                    i == 0 ? destroyed : i == 1 ? inCustody : String.format("MD250-%03d", i);
            media.add(
                    i == 150
                            ? medium(serial, "SSD", 77, "SHARED", false, null, false)
                            : i >= 2 && i < 10
                                    ? medium(serial, "HDD", 77, "SHARED", true, "2026-03-01", true)
                                    : medium(
                                            serial,
                                            i % 2 == 0 ? "SSD" : "NVME",
                                            77,
                                            "SHARED",
                                            true,
                                            null,
                                            false));
        }
        ledger(
                "environment",
                "SHARED",
                "251",
                "[" + String.join(",", media.subList(0, 200)) + "]",
                "[" + String.join(",", media.subList(200, 251)) + "]");

        for (String token : new String[] {SERVICE, ADMIN, AUDITOR, STAFF}) {
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            List<Map<String, Object>> rows =
                    allPages(token, Map.of("environment", "SHARED"), answers);
            List<Map<String, Object>> ledgerRows =
                    rows.stream().filter(r -> Boolean.TRUE.equals(r.get("inLedger"))).toList();
            assertThat(ledgerRows).hasSize(250);
            Set<Object> serials = new HashSet<>();
            ledgerRows.forEach(r -> serials.add(r.get("serial")));
            assertThat(serials)
                    .hasSize(250)
                    .contains(
                            destroyed,
                            inCustody,
                            "MD250-002",
                            "MD250-149",
                            "MD250-151",
                            "MD250-250")
                    .doesNotContain("MD250-150");
            assertThat(answers).hasSizeGreaterThanOrEqualTo(3);
            // the summary is the whole report's, the same on every page
            long pendingRows =
                    rows.stream().filter(r -> !Boolean.TRUE.equals(r.get("destroyed"))).count();
            for (var answer : answers) {
                assertThat(answer.header("X-Media-Pending")).isEqualTo(String.valueOf(pendingRows));
                assertThat(answer.header("X-Media-All-Destroyed")).isEqualTo("false");
                assertThat(answer.header("Link")).contains("rel=\"last\"");
            }
            assertThat(ledgerRows.stream().filter(r -> !Boolean.TRUE.equals(r.get("destroyed"))))
                    .hasSize(249);

            Map<String, Object> d =
                    ledgerRows.stream()
                            .filter(r -> destroyed.equals(r.get("serial")))
                            .findFirst()
                            .orElseThrow();
            assertThat(d.get("destroyed")).isEqualTo(true);
            assertThat(d.get("pending")).isNull();
            assertThat(d.get("custodyStatus")).isEqualTo("EVIDENCE_ACCEPTED");
            assertThat(d.get("source")).isEqualTo("part");
            assertThat(d.get("method")).isEqualTo("DESTROY");
            assertThat(d.get("technique")).isEqualTo("SHRED");
            assertThat(d.get("techniqueLevel")).isEqualTo("DESTROY");
            assertThat(((Number) d.get("evidenceId")).longValue()).isEqualTo(evidence);
            assertThat(d.get("acceptedAt")).isNotNull();
            assertThat(d.get("nonConformities")).isEqualTo(List.of());
            Map<String, Object> c =
                    ledgerRows.stream()
                            .filter(r -> inCustody.equals(r.get("serial")))
                            .findFirst()
                            .orElseThrow();
            assertThat(c.get("pending")).isEqualTo("EVIDENCE_NOT_ACCEPTED");
            assertThat(c.get("custodyStatus")).isEqualTo("IN_CUSTODY");
            Map<String, Object> gone =
                    ledgerRows.stream()
                            .filter(r -> "MD250-002".equals(r.get("serial")))
                            .findFirst()
                            .orElseThrow();
            assertThat(gone.get("pending")).isEqualTo("REMOVED_WITHOUT_CUSTODY");
            assertThat(gone.get("removedWithoutCustodyReference")).isEqualTo(true);
            assertThat(gone.get("custodyStatus")).isEqualTo("NOT_TRACKED");
            Map<String, Object> here =
                    ledgerRows.stream()
                            .filter(r -> "MD250-250".equals(r.get("serial")))
                            .findFirst()
                            .orElseThrow();
            assertThat(here.get("pending")).isEqualTo("NOT_IN_CUSTODY");
            assertThat(here.get("installed")).isEqualTo(true);
            assertThat(here.get("hardwareId")).isEqualTo("77");
            assertThat(here.get("source")).isEqualTo("asset-ledger");
        }
        // every page of the report is computed from the whole ledger: asset-service's second page
        // of 200 was read
        // for each of the 3 report pages of each of the 4 callers
        AssetServiceMock.server()
                .verify(
                        12,
                        getRequestedFor(urlPathEqualTo("/media"))
                                .withQueryParam("environment", equalTo("SHARED"))
                                .withQueryParam("page", equalTo("1"))
                                .withQueryParam("size", equalTo("200")));
    }

    @Test
    @DisplayName(
            "R-RM-3 R-BK-5 a set of hardware: every id asked, log media tracked only here are rows, all destroyed only when each is")
    void R_RM_3_a_set_of_hardware_is_answered_with_media_tracked_only_here() {
        long ticket = workingTicket(VENDOR_A, "HW-MD-SET-LOG", "MEDIA_FAILURE");
        String usb = Fixtures.serial("MD-USB");
        long log =
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
                                        "RAID controller logs",
                                        "holder",
                                        "vendor-a engineer"))
                        .post("/tickets/" + ticket + "/log-media")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        ledger(
                "hardwareId",
                "HW-MD-SET-1",
                "2",
                "["
                        + medium("MDSET-A", "SSD", "HW-MD-SET-1", "PRODUCTION", true, null, false)
                        + ","
                        + medium("MDSET-B", "SSD", "HW-MD-SET-1", "PRODUCTION", true, null, false)
                        + "]");
        ledger(
                "hardwareId",
                "HW-MD-SET-2",
                "1",
                "["
                        + medium("MDSET-C", "HDD", "HW-MD-SET-2", "PRODUCTION", true, null, false)
                        + "]");

        JsonPath r =
                Fixtures.allPages(
                        SERVICE,
                        REPORT,
                        Map.of(
                                "hardwareId",
                                List.of("HW-MD-SET-1", "HW-MD-SET-2", "HW-MD-SET-LOG")));
        assertThat(r.getList("serial")).containsExactly(usb, "MDSET-A", "MDSET-B", "MDSET-C");
        assertThat(r.getString("find { it.serial == '" + usb + "' }.source"))
                .isEqualTo("log-medium");
        assertThat(r.getBoolean("find { it.serial == '" + usb + "' }.inLedger")).isFalse();
        assertThat(r.getLong("find { it.serial == '" + usb + "' }.custodyItemId")).isEqualTo(log);
        assertThat(r.getString("find { it.serial == '" + usb + "' }.pending"))
                .isEqualTo("EVIDENCE_NOT_ACCEPTED");

        // only the log medium's hardware: destroyed once its evidence is accepted
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("hardwareId", "HW-MD-SET-LOG")
                .get(REPORT)
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1")
                .header("X-Media-Pending", "1")
                .header("X-Media-All-Destroyed", "false");
        acceptedEvidence(VENDOR_A, log);
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("hardwareId", "HW-MD-SET-LOG")
                .get(REPORT)
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1")
                .header("X-Media-Pending", "0")
                .header("X-Media-All-Destroyed", "true")
                .body("[0].destroyed", org.hamcrest.Matchers.equalTo(true));
        // hardware without any medium: nothing is "all destroyed"
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("hardwareId", "HW-MD-EMPTY")
                .get(REPORT)
                .then()
                .statusCode(200)
                .header("X-Total-Count", "0")
                .header("X-Media-All-Destroyed", "false");
    }

    @Test
    @DisplayName(
            "R-MT-5 evidence accepted although its technique does not achieve the method on that medium is not destroyed")
    void R_MT_5_accepted_evidence_whose_method_breaks_the_rule_is_not_destroyed() {
        long ticket = workingTicket(VENDOR_A, "HW-MD-OVERWRITE", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "SSD");
        long evidence =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        // a record written before the rule was tightened: PURGE by overwriting flash (only CLEAR on
        // an SSD)
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "update evidence set method = 'PURGE', technique = 'OVERWRITE' where id = :id")
                                        .setParameter("id", evidence)
                                        .executeUpdate());
        upload(VENDOR_A, evidence, "certificate.pdf", Fixtures.PDF, "application/pdf")
                .then()
                .statusCode(201);
        decide(ADMIN, evidence, "acceptance", Map.of()).then().statusCode(200);

        JsonPath r =
                given().auth()
                        .oauth2(SERVICE)
                        .queryParam("hardwareId", "HW-MD-OVERWRITE")
                        .get(REPORT)
                        .then()
                        .statusCode(200)
                        .header("X-Media-Pending", "1")
                        .header("X-Media-All-Destroyed", "false")
                        .extract()
                        .jsonPath();
        assertThat(r.getString("[0].custodyStatus")).isEqualTo("EVIDENCE_ACCEPTED");
        assertThat(r.getBoolean("[0].destroyed")).isFalse();
        assertThat(r.getString("[0].pending")).isEqualTo("METHOD_NOT_CONFORMING");
        assertThat(r.getString("[0].techniqueLevel")).isEqualTo("CLEAR");
        assertThat(r.getList("[0].nonConformities", String.class))
                .containsExactly(
                        "R-MT-5: OVERWRITE on SSD is CLEAR, not PURGE",
                        "R-MT-5: PURGE instead of destruction only for a part of a MINOR_NOT_CONTROLLER fault",
                        "R-MT-5: PURGE without a jpo-admin exception approved before the submission");
    }

    @Test
    @DisplayName(
            "SEC vendors (any organisation) and the support vendor are refused the report: 403")
    void SEC_vendors_are_refused() {
        for (String token : new String[] {VENDOR_A, Fixtures.VENDOR_B, Tokens.supportVendor()}) {
            given().auth()
                    .oauth2(token)
                    .queryParam("environment", "PRODUCTION")
                    .get(REPORT)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .queryParam("hardwareId", "HW-MD-250")
                    .get(REPORT)
                    .then()
                    .statusCode(403);
        }
        given().queryParam("environment", "PRODUCTION").get(REPORT).then().statusCode(401);
    }

    @Test
    @DisplayName(
            "R-RM-3 bad questions are 400 problems naming the parameter; asset-service down is 503, never a shorter list")
    void R_RM_3_bad_input_and_outage() {
        given().auth()
                .oauth2(SERVICE)
                .get(REPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("R-RM-3"));
        given().auth()
                .oauth2(SERVICE)
                .queryParam("environment", "MOON")
                .get(REPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("environment"));
        given().auth()
                .oauth2(SERVICE)
                .queryParam("hardwareId", " ")
                .get(REPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("R-RM-3"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add("h" + i);
        }
        given().auth()
                .oauth2(SERVICE)
                .queryParam("hardwareId", many)
                .get(REPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 200"));
        given().auth()
                .oauth2(SERVICE)
                .queryParam("environment", "STAGING")
                .queryParam("size", 201)
                .get(REPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        stubs.add(
                AssetServiceMock.server()
                        .stubFor(
                                get(urlPathEqualTo("/media"))
                                        .atPriority(1)
                                        .withQueryParam("environment", equalTo("SHARED"))
                                        .withQueryParam("page", equalTo("1"))
                                        .willReturn(
                                                aResponse()
                                                        .withFault(
                                                                Fault.CONNECTION_RESET_BY_PEER))));
        ledger(
                "environment",
                "SHARED",
                "300",
                "[" + medium("MD-DOWN-1", "SSD", 5, "SHARED", true, null, false) + "]");
        given().auth()
                .oauth2(SERVICE)
                .queryParam("environment", "SHARED")
                .get(REPORT)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body(
                        "type",
                        org.hamcrest.Matchers.equalTo("urn:kiban:problem:dependency-unavailable"));
    }

    /**
     * The answer an incomplete ledger must get: 503 problem+json naming asset-service, no report
     * (no rows, no "all destroyed").
     */
    private static void refusedAsIncomplete(Map<String, ?> params, String detail) {
        var reply =
                given().auth()
                        .oauth2(SERVICE)
                        .queryParams(params)
                        .get(REPORT)
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .body(
                                "type",
                                org.hamcrest.Matchers.equalTo(
                                        "urn:kiban:problem:dependency-unavailable"))
                        .body("detail", containsString("asset-service"))
                        .body("detail", containsString(detail))
                        .extract();
        assertThat(reply.header("X-Media-All-Destroyed")).isNull();
        assertThat(reply.header("X-Media-Pending")).isNull();
        assertThat(reply.header("X-Total-Count")).isNull();
    }

    @Test
    @DisplayName(
            "R-RM-3 asset-service announces 250 media but its pages end after 200: 503 naming asset-service, not a report of 200")
    void R_RM_3_a_ledger_of_250_whose_pages_end_after_200_is_503() {
        List<String> media = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            media.add(
                    medium(
                            String.format("SHORT250-%03d", i),
                            "SSD",
                            78,
                            "PRODUCTION",
                            true,
                            null,
                            false));
        }
        ledger("environment", "PRODUCTION", "250", "[" + String.join(",", media) + "]", "[]");

        for (int page = 0; page < 2; page++) {
            refusedAsIncomplete(
                    Map.of("environment", "PRODUCTION", "page", page, "size", 200),
                    "announced 250 items (X-Total-Count) but its pages held 200");
        }
        // the second page was asked for (the reader did not stop at the first), and the empty
        // answer was not taken for the end
        AssetServiceMock.server()
                .verify(
                        2,
                        getRequestedFor(urlPathEqualTo("/media"))
                                .withQueryParam("environment", equalTo("PRODUCTION"))
                                .withQueryParam("page", equalTo("1"))
                                .withQueryParam("size", equalTo("200")));
    }

    /**
     * A medium of {@code hardware} in custody here with accepted evidence, the only one
     * asset-service lists: the report says "all destroyed" for it when the ledger is whole. Returns
     * its ledger row.
     */
    private String destroyedMediumOf(String hardware) {
        long ticket = workingTicket(VENDOR_A, hardware, "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "SSD");
        acceptedEvidence(VENDOR_A, item);
        String row =
                medium(serialOf(item), "SSD", hardware, "PRODUCTION", true, "2026-03-01", false);
        // control: asset-service's whole list is this medium (total 1) → all destroyed
        ledger("hardwareId", hardware, "1", "[" + row + "]");
        given().auth()
                .oauth2(SERVICE)
                .queryParam("hardwareId", hardware)
                .get(REPORT)
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1")
                .header("X-Media-Pending", "0")
                .header("X-Media-All-Destroyed", "true");
        removeStubs();
        return row;
    }

    @Test
    @DisplayName(
            "R-RM-3 a ledger page without X-Total-Count (or with an unreadable one) is 503, never 'all destroyed'")
    void R_RM_3_a_ledger_without_its_total_is_503_never_all_destroyed() {
        String hw = "HW-MD-NOTOTAL";
        String row = destroyedMediumOf(hw);
        Map<String, String> ask = Map.of("hardwareId", hw);

        // no total: a shorter list cannot be told from the whole one
        ledgerPage("hardwareId", hw, 0, null, "[" + row + "]");
        refusedAsIncomplete(ask, "without X-Total-Count");
        removeStubs();
        // a blank total
        ledgerPage("hardwareId", hw, 0, " ", "[" + row + "]");
        refusedAsIncomplete(ask, "without X-Total-Count");
        removeStubs();
        // a total that is not a number
        ledgerPage("hardwareId", hw, 0, "two", "[" + row + "]");
        refusedAsIncomplete(ask, "announced X-Total-Count two, not a number");
    }

    @Test
    @DisplayName(
            "R-RM-3 a ledger that ends short, changes total while read, or is not a list is 503, never 'all destroyed'")
    void R_RM_3_a_short_or_changing_ledger_is_503_never_all_destroyed() {
        String hw = "HW-MD-SHORTLIST";
        String row = destroyedMediumOf(hw);
        Map<String, String> ask = Map.of("hardwareId", hw);

        // two announced, the second page empty: the one read is destroyed, the other unknown
        ledger("hardwareId", hw, "2", "[" + row + "]", "[]");
        refusedAsIncomplete(ask, "announced 2 items (X-Total-Count) but its pages held 1");
        removeStubs();
        // the second page answers without the total
        ledgerPage("hardwareId", hw, 0, "2", "[" + row + "]");
        ledgerPage(
                "hardwareId",
                hw,
                1,
                null,
                "[" + medium("MD-SHORT-2", "HDD", hw, "PRODUCTION", true, null, false) + "]");
        refusedAsIncomplete(ask, "page 1 of its media without X-Total-Count");
        removeStubs();
        // the total changes between pages: the list moved under the read
        ledgerPage("hardwareId", hw, 0, "2", "[" + row + "]");
        ledgerPage(
                "hardwareId",
                hw,
                1,
                "3",
                "[" + medium("MD-SHORT-2", "HDD", hw, "PRODUCTION", true, null, false) + "]");
        refusedAsIncomplete(ask, "announced 2 media, then 3 on page 1");
        removeStubs();
        // a body that is not a list
        ledgerPage("hardwareId", hw, 0, "1", row);
        refusedAsIncomplete(ask, "answered something other than a list");
        removeStubs();
        // a row that cannot be read as a medium
        ledgerPage("hardwareId", hw, 0, "1", "[{\"serial\":\"X\",\"removedOn\":\"yesterday\"}]");
        refusedAsIncomplete(ask, "a medium that cannot be read");
    }
}
