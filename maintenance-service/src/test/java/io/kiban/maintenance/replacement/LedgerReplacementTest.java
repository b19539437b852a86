package io.kiban.maintenance.replacement;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.replace;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.http.Fault;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.Fixtures;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-MT-3 (issue 13, hole 1): whether a removed part bears data is decided by asset-service's media
 * ledger of the hardware, never by the kind the request names.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class LedgerReplacementTest {

    /**
     * asset-service's ledger of {@code hardwareId}: one page holding the given media rows (JSON
     * objects).
     */
    private static void ledger(String hardwareId, String... rows) {
        AssetServiceMock.server()
                .stubFor(
                        get(urlPathEqualTo("/media"))
                                .withQueryParam("hardwareId", equalTo(hardwareId))
                                .atPriority(1)
                                .willReturn(
                                        aResponse()
                                                .withHeader("Content-Type", "application/json")
                                                .withHeader(
                                                        "X-Total-Count",
                                                        String.valueOf(rows.length))
                                                .withBody("[" + String.join(",", rows) + "]")));
    }

    private static String medium(
            String serial, String kind, boolean dataBearing, String origin, String hardwareId) {
        return "{\"id\":7,\"serial\":\""
                + serial
                + "\",\"kind\":\""
                + kind
                + "\",\"make\":\"Samsung\",\"model\":\"PM1733\","
                + "\"hardwareId\":\""
                + hardwareId
                + "\",\"environment\":\"PRODUCTION\",\"dataBearing\":"
                + dataBearing
                + ",\"origin\":\""
                + origin
                + "\",\"removedOn\":null,\"installed\":true}";
    }

    private static Map<String, Object> body(
            String kind, String removedSerial, Boolean dataBearing) {
        Map<String, Object> body =
                new LinkedHashMap<>(Fixtures.replacementBody(kind, removedSerial, "NEW"));
        if (dataBearing != null) {
            body.put("dataBearing", dataBearing);
        }
        return body;
    }

    private static int replacementsOf(long ticket) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/tickets/" + ticket + "/replacements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id")
                .size();
    }

    private static int recordedInAsset(String hardwareId, String serial) {
        return AssetServiceMock.server()
                .findAll(
                        postRequestedFor(
                                        urlPathEqualTo(
                                                "/hardware/" + hardwareId + "/media/replacements"))
                                .withRequestBody(
                                        matchingJsonPath("$.removedSerial", equalTo(serial))))
                .size();
    }

    @Test
    @DisplayName(
            "R-MT-3 an SSD the ledger knows, recorded as OTHER, DIMM, NIC or NVME, is refused naming the ledger's kind; nothing is written")
    void R_MT_3_a_ledger_ssd_under_another_kind_is_refused_naming_the_ledger_kind() {
        String hw = "HW-LEDGER-SSD";
        ledger(hw, medium("L-SSD-1", "SSD", true, "LEDGER", hw));
        long ticket = workingTicket(VENDOR_A, hw, "MEDIA_FAILURE");
        for (String kind : new String[] {"OTHER", "DIMM", "NIC", "NVME", "FAN"}) {
            replace(VENDOR_A, ticket, body(kind, "L-SSD-1", null))
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("rule", org.hamcrest.Matchers.equalTo("R-MT-3"))
                    .body("detail", containsString("R-MT-3"))
                    .body("detail", containsString("as SSD"));
        }
        assertThat(replacementsOf(ticket)).isZero();
        assertThat(recordedInAsset(hw, "L-SSD-1")).isZero();
        given().auth()
                .oauth2(ADMIN)
                .get("/media/L-SSD-1/evidence-status")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("NOT_TRACKED"));

        // named as what it is, it enters custody and is recorded in asset-service
        replace(VENDOR_A, ticket, body("SSD", "L-SSD-1", null))
                .then()
                .statusCode(201)
                .body("dataBearing", org.hamcrest.Matchers.equalTo(true))
                .body("custodyItemId", notNullValue());
        assertThat(recordedInAsset(hw, "L-SSD-1")).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "R-MT-3 nobody lowers the data-bearing flag of a ledger medium by request, not even jpo-admin")
    void R_MT_3_the_flag_of_a_ledger_medium_is_not_lowered_by_the_request() {
        String hw = "HW-LEDGER-FLAG";
        ledger(hw, medium("L-FLAG-1", "NVME", true, "LEDGER", hw));
        long ticket = workingTicket(VENDOR_A, hw, "MEDIA_FAILURE");
        for (String token : new String[] {VENDOR_A, ADMIN}) {
            replace(token, ticket, body("NVME", "L-FLAG-1", false))
                    .then()
                    .statusCode(422)
                    .body("rule", org.hamcrest.Matchers.equalTo("R-MT-3"))
                    .body("detail", containsString("asset-service"));
        }
        assertThat(replacementsOf(ticket)).isZero();
    }

    @Test
    @DisplayName(
            "R-MT-3 a ledger medium jpo-admin declared not data-bearing in asset-service gets no custody item but is recorded there")
    void R_MT_3_a_medium_declared_not_data_bearing_in_the_ledger_gets_no_custody() {
        String hw = "HW-LEDGER-DECL";
        ledger(hw, medium("L-DECL-1", "SSD", false, "LEDGER", hw));
        long ticket = workingTicket(VENDOR_A, hw, "MEDIA_FAILURE");
        replace(VENDOR_A, ticket, body("SSD", "L-DECL-1", null))
                .then()
                .statusCode(201)
                .body("dataBearing", org.hamcrest.Matchers.equalTo(false))
                .body("custodyItemId", nullValue());
        assertThat(recordedInAsset(hw, "L-DECL-1")).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "R-MT-3 a serial the ledger does not know, on hardware whose ledger lists media, is refused until jpo-admin records it")
    void R_MT_3_an_unknown_serial_on_hardware_with_media_is_refused() {
        String hw = "HW-LEDGER-GAP";
        ledger(hw, medium("L-GAP-KNOWN", "HDD", true, "LEDGER", hw));
        long ticket = workingTicket(VENDOR_A, hw, "MEDIA_FAILURE");
        for (String kind : new String[] {"OTHER", "SSD", "FAN"}) {
            replace(VENDOR_A, ticket, body(kind, "L-GAP-UNKNOWN", null))
                    .then()
                    .statusCode(422)
                    .body("rule", org.hamcrest.Matchers.equalTo("R-MT-3"))
                    .body(
                            "detail",
                            containsString("/hardware/" + hw + "/media/unregistered-parts"));
        }
        assertThat(replacementsOf(ticket)).isZero();
        assertThat(recordedInAsset(hw, "L-GAP-UNKNOWN")).isZero();

        // once jpo-admin recorded it in asset-service as an unregistered part, the ledger decides
        ledger(
                hw,
                medium("L-GAP-KNOWN", "HDD", true, "LEDGER", hw),
                medium("L-GAP-UNKNOWN", "OTHER", true, "UNREGISTERED_PART", hw));
        replace(VENDOR_A, ticket, body("FAN", "L-GAP-UNKNOWN", null))
                .then()
                .statusCode(422)
                .body("detail", containsString("as OTHER"));
        replace(VENDOR_A, ticket, body("MOTHERBOARD", "L-GAP-UNKNOWN", null))
                .then()
                .statusCode(201)
                .body("dataBearing", org.hamcrest.Matchers.equalTo(true))
                .body("custodyItemId", notNullValue());
    }

    @Test
    @DisplayName("R-MT-3 the ledger is read to its last page (X-Total-Count), not only the first")
    void R_MT_3_the_ledger_is_read_page_by_page_until_complete() {
        String hw = "HW-LEDGER-PAGED";
        // asset-service caps the page at one medium: the SSD is on the second page
        AssetServiceMock.server()
                .stubFor(
                        get(urlPathEqualTo("/media"))
                                .withQueryParam("hardwareId", equalTo(hw))
                                .withQueryParam("page", equalTo("0"))
                                .atPriority(1)
                                .willReturn(
                                        aResponse()
                                                .withHeader("Content-Type", "application/json")
                                                .withHeader("X-Total-Count", "2")
                                                .withBody(
                                                        "["
                                                                + medium(
                                                                        "L-PAGE-HDD",
                                                                        "HDD",
                                                                        true,
                                                                        "LEDGER",
                                                                        hw)
                                                                + "]")));
        AssetServiceMock.server()
                .stubFor(
                        get(urlPathEqualTo("/media"))
                                .withQueryParam("hardwareId", equalTo(hw))
                                .withQueryParam("page", equalTo("1"))
                                .atPriority(1)
                                .willReturn(
                                        aResponse()
                                                .withHeader("Content-Type", "application/json")
                                                .withHeader("X-Total-Count", "2")
                                                .withBody(
                                                        "["
                                                                + medium(
                                                                        "L-PAGE-SSD",
                                                                        "SSD",
                                                                        true,
                                                                        "LEDGER",
                                                                        hw)
                                                                + "]")));
        long ticket = workingTicket(VENDOR_A, hw, "MEDIA_FAILURE");
        replace(VENDOR_A, ticket, body("OTHER", "L-PAGE-SSD", null))
                .then()
                .statusCode(422)
                .body("detail", containsString("as SSD"));
        replace(VENDOR_A, ticket, body("SSD", "L-PAGE-SSD", null))
                .then()
                .statusCode(201)
                .body("custodyItemId", notNullValue());
    }

    @Test
    @DisplayName("R-MT-3 asset-service unreachable for the ledger: 503 and nothing written")
    void R_MT_3_an_unreachable_ledger_is_503_and_nothing_is_written() {
        String hw = "HW-LEDGER-DOWN";
        long ticket = workingTicket(VENDOR_A, hw, "MEDIA_FAILURE");
        AssetServiceMock.server()
                .stubFor(
                        get(urlPathEqualTo("/media"))
                                .withQueryParam("hardwareId", equalTo(hw))
                                .atPriority(1)
                                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        replace(VENDOR_A, ticket, body("OTHER", Fixtures.serial("X"), null))
                .then()
                .statusCode(503)
                .body(
                        "type",
                        org.hamcrest.Matchers.equalTo("urn:kiban:problem:dependency-unavailable"));
        assertThat(replacementsOf(ticket)).isZero();
        given().auth()
                .oauth2(ADMIN)
                .get("/tickets/" + ticket)
                .then()
                .statusCode(200)
                .body("ticket.status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"));
    }

    @Test
    @DisplayName(
            "R-MT-3 R-RM-3 a ledger whose pages end short of its X-Total-Count is 503 and nothing is written, never a part taken for not data-bearing")
    void R_MT_3_a_ledger_that_ends_short_of_its_total_is_503_and_nothing_is_written() {
        String hw = "HW-LEDGER-SHORT";
        // asset-service announces one medium (the SSD about to be recorded as OTHER) and serves an
        // empty page: read as "a ledger without media", the request's kind OTHER would decide
        // that the SSD bears no data
        AssetServiceMock.server()
                .stubFor(
                        get(urlPathEqualTo("/media"))
                                .withQueryParam("hardwareId", equalTo(hw))
                                .atPriority(1)
                                .willReturn(
                                        aResponse()
                                                .withHeader("Content-Type", "application/json")
                                                .withHeader("X-Total-Count", "1")
                                                .withBody("[]")));
        long ticket = workingTicket(VENDOR_A, hw, "MEDIA_FAILURE");
        replace(VENDOR_A, ticket, body("OTHER", "L-SHORT-SSD", null))
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body(
                        "type",
                        org.hamcrest.Matchers.equalTo("urn:kiban:problem:dependency-unavailable"))
                .body(
                        "detail",
                        containsString(
                                "asset-service announced 1 items (X-Total-Count) but its pages held 0"));
        assertThat(replacementsOf(ticket)).isZero();
        assertThat(recordedInAsset(hw, "L-SHORT-SSD")).isZero();
        given().auth()
                .oauth2(ADMIN)
                .get("/tickets/" + ticket)
                .then()
                .statusCode(200)
                .body("ticket.status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"));
    }
}
