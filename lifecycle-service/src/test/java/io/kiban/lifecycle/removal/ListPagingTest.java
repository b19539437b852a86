package io.kiban.lifecycle.removal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #15 item 10: every list of this service is paged (page, size ≤ 200, default 50, X-Total-Count,
 * Link; the body stays a JSON array), and every list this service reads from another service is
 * read to the end, 200 a page, until X-Total-Count items are read (an answer without the header is
 * the whole list).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class ListPagingTest {

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    /** Backup copies run-{from}…run-{to-1} of STAGING; every one accounted for except run-249. */
    static String copies(int from, int to) {
        StringBuilder json = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            json.append(i == from ? "" : ",")
                    .append("{\"runId\":\"run-")
                    .append(i)
                    .append("\",\"targetName\":\"vm-")
                    .append(i)
                    .append("\",\"arrayHardwareId\":\"ARR-1\"")
                    .append(",\"accountedFor\":")
                    .append(i != 249)
                    .append("}");
        }
        return json.append("]").toString();
    }

    static void copiesPage(int page, String json, String total) {
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/backup-copies"))
                                .withQueryParam("environment", WireMock.equalTo("STAGING"))
                                .withQueryParam("page", WireMock.equalTo(String.valueOf(page)))
                                .withQueryParam("size", WireMock.equalTo("200"))
                                .willReturn(okJson(json).withHeader("X-Total-Count", total)));
    }

    static void noMedia() {
        io.kiban.lifecycle.testing.MediaReport.media("STAGING");
    }

    @Test
    void SEC_10_the_removal_gate_counts_all_250_backup_copies_spread_over_2_pages() {
        noMedia();
        copiesPage(0, copies(0, 200), "250");
        copiesPage(1, copies(200, 250), "250");
        JsonPath r = PhaseRemovalTest.readiness("STAGING");
        assertThat(r.getList("blockers.findAll { it.kind == 'BACKUP_COPY_NOT_ACCOUNTED_FOR' }.id"))
                .containsExactly("backup-copy:run-249");
        assertThat(r.getList("blockers.kind")).doesNotContain("SERVICE_UNAVAILABLE");
        Stubs.backup().verifyThat(2, getRequestedFor(urlPathEqualTo("/reports/backup-copies")));
    }

    @Test
    void SEC_10_pages_holding_fewer_copies_than_announced_block_as_unavailable() {
        noMedia();
        copiesPage(0, copies(0, 200), "251");
        copiesPage(1, copies(200, 250), "251");
        copiesPage(2, "[]", "251");
        JsonPath r = PhaseRemovalTest.readiness("STAGING");
        assertThat(r.getList("blockers.id")).contains("service:backup-service");
        assertThat(r.getString("blockers.find { it.id == 'service:backup-service' }.detail"))
                .contains("251")
                .contains("250");
    }

    @Test
    void SEC_10_an_unpaged_answer_without_x_total_count_is_the_whole_list() {
        noMedia();
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/backup-copies"))
                                .willReturn(okJson(copies(240, 251))));
        JsonPath r = PhaseRemovalTest.readiness("STAGING");
        assertThat(r.getList("blockers.findAll { it.kind == 'BACKUP_COPY_NOT_ACCOUNTED_FOR' }.id"))
                .containsExactly("backup-copy:run-249");
        Stubs.backup().verifyThat(1, getRequestedFor(urlPathEqualTo("/reports/backup-copies")));
    }

    @Test
    void SEC_10_outstanding_sanitization_and_rpo_are_read_to_the_last_page() {
        noMedia();
        Stubs.backup()
                .register(get(urlPathEqualTo("/reports/backup-copies")).willReturn(okJson("[]")));
        StringBuilder first = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            first.append(i == 0 ? "" : ",")
                    .append("{\"serial\":\"S-")
                    .append(i)
                    .append("\",\"kind\":\"CUSTODY\",\"environment\":\"PRODUCTION\"}");
        }
        first.append("]");
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .atPriority(1)
                                .withQueryParam("page", WireMock.equalTo("0"))
                                .withQueryParam("size", WireMock.equalTo("200"))
                                .willReturn(
                                        okJson(first.toString())
                                                .withHeader("X-Total-Count", "201")));
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .atPriority(1)
                                .withQueryParam("page", WireMock.equalTo("1"))
                                .withQueryParam("size", WireMock.equalTo("200"))
                                .willReturn(
                                        okJson(
                                                        "[{\"serial\":\"S-LAST\",\"kind\":\"CUSTODY\",\"environment\":\"STAGING\"}]")
                                                .withHeader("X-Total-Count", "201")));
        JsonPath r = PhaseRemovalTest.readiness("STAGING");
        // the STAGING entry is on the second page; the 200 PRODUCTION entries are not STAGING's
        assertThat(r.getList("blockers.findAll { it.kind == 'OUTSTANDING_SANITIZATION' }.id"))
                .containsExactly("sanitization:medium:S-LAST");

        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/rpo"))
                                .withQueryParam("page", WireMock.equalTo("0"))
                                .withQueryParam("size", WireMock.equalTo("200"))
                                .willReturn(
                                        okJson(targets("t-", 200))
                                                .withHeader("X-Total-Count", "250")));
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/rpo"))
                                .withQueryParam("page", WireMock.equalTo("1"))
                                .withQueryParam("size", WireMock.equalTo("200"))
                                .willReturn(
                                        okJson(targets("u-", 1))
                                                .withHeader("X-Total-Count", "250")));
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/rpo"))
                                .withQueryParam("page", WireMock.equalTo("2"))
                                .willReturn(okJson("[]").withHeader("X-Total-Count", "250")));
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/tickets"))
                                .willReturn(okJson("[]").withHeader("X-Total-Count", "0")));
        // 201 of the 250 targets announced: the overview says the backup section is unusable, never
        // "201 stale"
        JsonPath o =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/overview")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(o.getBoolean("backup.available")).isFalse();
        assertThat(o.getInt("maintenance.data.outstandingSanitization")).isEqualTo(201);

        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/rpo"))
                                .atPriority(1)
                                .withQueryParam("page", WireMock.equalTo("1"))
                                .willReturn(
                                        okJson(targets("u-", 50))
                                                .withHeader("X-Total-Count", "250")));
        o =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/overview")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(o.getBoolean("backup.available")).isTrue();
        assertThat(o.getInt("backup.data.staleCount")).isEqualTo(250);
    }

    static String targets(String prefix, int n) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"target\":\"")
                    .append(prefix)
                    .append(i)
                    .append("\"}");
        }
        return json.append("]").toString();
    }

    private static Response list(String path, String query) {
        return given().auth().oauth2(Tokens.jpoAdmin()).get(path + query);
    }

    @Test
    void SEC_10_every_list_of_this_service_is_paged_with_x_total_count_and_link_headers() {
        for (String path :
                List.of(
                        "/phases",
                        "/phases/STAGING/transitions",
                        "/archive",
                        "/lease/delays",
                        "/lease/extensions",
                        "/deliveries/extensions",
                        "/contract/amendments",
                        "/vendor-copies",
                        "/removal/STAGING/checklist",
                        "/removal/STAGING/checklist/RACKS/evidence",
                        "/contract/deadlines",
                        "/calendar/holidays?year=2027",
                        "/deliverables/" + firstDeliverable() + "/compliance")) {
            Response r = list(path, "");
            r.then()
                    .statusCode(200)
                    .header("X-Total-Count", org.hamcrest.Matchers.notNullValue())
                    .header("Link", containsString("rel=\"first\""));
            assertThat(r.jsonPath().getList("$")).as(path).isNotNull();
            list(path, path.contains("?") ? "&size=201" : "?size=201")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
            list(path, path.contains("?") ? "&page=-1" : "?page=-1").then().statusCode(400);
        }
        // three phases: a page of two and a page of one, the total on both
        list("/phases", "?size=2")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .body("size()", equalTo(2))
                .header("Link", containsString("rel=\"next\""));
        list("/phases", "?size=2&page=1")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .body("size()", equalTo(1))
                .body("[0].environment", equalTo("SHARED"));
        list("/phases", "?page=7")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .body("size()", equalTo(0));
    }

    private static long firstDeliverable() {
        return given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliverables?kind=SECURITY_COMPLIANCE")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("[0].id");
    }
}
