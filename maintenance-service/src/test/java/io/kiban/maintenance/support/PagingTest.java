package io.kiban.maintenance.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.Fixtures;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #15 item 10: every list of maintenance-service is paged like the ticket list (commons: page, size
 * ≤ 200, default 50, X-Total-Count, Link) — the outstanding-sanitization report and the per-ticket
 * and per-item sub-lists. Rows are inserted directly (250 API round trips each would be slow); the
 * organisation {@code vendor-pg} is this test's alone.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class PagingTest {

    @Inject AgroalDataSource db;

    private static ExtractableResponse<Response> page(
            String token, String path, int page, int size) {
        return given().auth()
                .oauth2(token)
                .queryParam("page", page)
                .queryParam("size", size)
                .get(path)
                .then()
                .statusCode(200)
                .extract();
    }

    /**
     * Page 0 and page 1 of size 200 hold every expected id exactly once, the total is {@code
     * total}, the default page holds 50, and a size over 200, a negative page or an overflowing
     * page × size is a 400 problem.
     */
    private static void assertPaged(
            String token, String path, String idField, List<?> expected, String total) {
        var first = page(token, path, 0, 200);
        var second = page(token, path, 1, 200);
        assertThat(first.header("X-Total-Count")).isEqualTo(total);
        assertThat(second.header("X-Total-Count")).isEqualTo(total);
        List<String> ids = new ArrayList<>();
        for (var reply : List.of(first, second)) {
            List<Object> page = reply.jsonPath().getList(idField);
            ids.addAll(page.stream().map(String::valueOf).toList());
        }
        assertThat(first.jsonPath().getList("$")).hasSize(200);
        assertThat(second.jsonPath().getList("$")).hasSize(50);
        assertThat(ids)
                .as("page 0 and page 1 together hold every row exactly once")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(String::valueOf).toList());
        assertThat(first.header("Link")).contains("rel=\"next\"").contains("page=1");
        assertThat(second.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        var byDefault = given().auth().oauth2(token).get(path).then().statusCode(200).extract();
        assertThat(byDefault.jsonPath().getList("$")).hasSize(50);
        assertThat(byDefault.header("X-Total-Count")).isEqualTo(total);
        given().auth()
                .oauth2(token)
                .queryParam("size", 201)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("size"));
        given().auth()
                .oauth2(token)
                .queryParam("page", -1)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("page"));
        given().auth()
                .oauth2(token)
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 200)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static long key(PreparedStatement ps) throws Exception {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private long ticket(Connection c, String organisation) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (PreparedStatement ps =
                c.prepareStatement(
                        "insert into ticket (organisation, hardware_id, severity, "
                                + "fault_class, description, status, occurred_at, reported_at, filed_by, response_due, restoration_due, "
                                + "version, filed_by_jpo, environment) values (?, 'HW-PAGING', 'S3', 'MEDIA_FAILURE', 'paging', "
                                + "'IN_PROGRESS', ?, ?, 'seed', ?, ?, 0, false, 'STAGING')",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, organisation);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now.plusSeconds(86_400 * 30)));
            ps.setTimestamp(5, Timestamp.from(now.plusSeconds(86_400 * 60)));
            ps.executeUpdate();
            return key(ps);
        }
    }

    /** {@code n} failure-log media of the ticket, outstanding (no accepted evidence). */
    private List<Long> logMedia(Connection c, long ticket, String organisation, int n)
            throws Exception {
        List<Long> ids = new ArrayList<>();
        String prefix = Fixtures.serial("PG-LOG");
        try (PreparedStatement ps =
                c.prepareStatement(
                        "insert into custody_item (organisation, source, ticket_id, "
                                + "hardware_id, kind, serial, status, holder, created_at, version, environment) values (?, 'LOG_MEDIUM', ?,"
                                + " 'HW-PAGING', 'USB_FLASH', ?, 'IN_CUSTODY', 'depot', ?, 0, 'STAGING')",
                        Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < n; i++) {
                ps.setString(1, organisation);
                ps.setLong(2, ticket);
                ps.setString(3, prefix + "-" + i);
                // several items share a creation instant: the id must break the tie
                ps.setTimestamp(4, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
                ps.executeUpdate();
                ids.add(key(ps));
            }
        }
        return ids;
    }

    @Test
    @DisplayName(
            "R-MT-3 #15 item 10: a ticket's log media, the item's chain, evidence and files, the transitions and replacements are paged in SQL (250 rows each)")
    void R_MT_3_per_ticket_and_per_item_lists_are_paged() throws Exception {
        String org = "vendor-pg-" + UUID.randomUUID().toString().substring(0, 6);
        String vendor = Tokens.vendor(org);
        long ticket;
        List<Long> media;
        List<Long> transitions = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        List<Long> events = new ArrayList<>();
        List<Long> evidence = new ArrayList<>();
        List<Long> files = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            ticket = ticket(c, org);
            media = logMedia(c, ticket, org, 250);
            long item = media.get(0);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "insert into ticket_transition (ticket_id, from_status, "
                                    + "to_status, at, actor, note) values (?, 'IN_PROGRESS', 'IN_PROGRESS', ?, 'seed', ?)",
                            Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < 250; i++) {
                    ps.setLong(1, ticket);
                    ps.setTimestamp(2, now);
                    ps.setString(3, "step " + i);
                    ps.executeUpdate();
                    transitions.add(key(ps));
                }
            }
            String prefix = Fixtures.serial("PG-PART");
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "insert into part_replacement (id, ticket_id, organisation, "
                                    + "hardware_id, removed_kind, removed_make, removed_model, removed_serial, installed_kind, "
                                    + "installed_make, installed_model, installed_serial, installed_condition, data_bearing, replaced_on,"
                                    + " recorded_by, recorded_at) values (?, ?, ?, 'HW-PAGING', 'FAN', 'm', 'x', ?, 'FAN', 'm', 'x', ?,"
                                    + " 'NEW', false, CURRENT_DATE, 'seed', ?)")) {
                for (int i = 0; i < 250; i++) {
                    String id = UUID.randomUUID().toString();
                    ps.setString(1, id);
                    ps.setLong(2, ticket);
                    ps.setString(3, org);
                    ps.setString(4, prefix + "-out-" + i);
                    ps.setString(5, prefix + "-in-" + i);
                    ps.setTimestamp(6, now); // one instant for all: the id orders them
                    ps.executeUpdate();
                    replacements.add(id);
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "insert into custody_event (item_id, event, status, holder, "
                                    + "at, actor) values (?, 'HANDOVER', 'IN_CUSTODY', ?, ?, 'seed')",
                            Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < 250; i++) {
                    ps.setLong(1, item);
                    ps.setString(2, "holder " + i);
                    ps.setTimestamp(3, now);
                    ps.executeUpdate();
                    events.add(key(ps));
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "insert into evidence (item_id, organisation, media_type, "
                                    + "serial, method, technique, verification, performed_on, place, performed_by, destination, issuer, "
                                    + "status, submitted_by, submitted_at, version) values (?, ?, 'USB_FLASH', 's', 'DESTROY', "
                                    + "'SHRED', 'seen', CURRENT_DATE, 'site', 'seed', 'waste', 'VENDOR', 'SUBMITTED', 'seed', ?, 0)",
                            Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < 250; i++) {
                    ps.setLong(1, item);
                    ps.setString(2, org);
                    ps.setTimestamp(3, now);
                    ps.executeUpdate();
                    evidence.add(key(ps));
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "insert into evidence_file (evidence_id, sha256, size_bytes, "
                                    + "content_type, original_name, uploaded_by, uploaded_at) values (?, ?, 10, 'application/pdf', ?, "
                                    + "'seed', ?)",
                            Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < 250; i++) {
                    ps.setLong(1, evidence.get(0));
                    ps.setString(2, String.format("%064d", i));
                    ps.setString(3, "page-" + i + ".pdf");
                    ps.setTimestamp(4, now);
                    ps.executeUpdate();
                    files.add(key(ps));
                }
            }
        }
        assertPaged(vendor, "/tickets/" + ticket + "/log-media", "id", media, "250");
        assertPaged(vendor, "/tickets/" + ticket + "/transitions", "id", transitions, "250");
        assertPaged(
                Fixtures.AUDITOR,
                "/tickets/" + ticket + "/replacements",
                "id",
                replacements,
                "250");
        assertPaged(vendor, "/custody-items/" + media.get(0) + "/events", "id", events, "250");
        assertPaged(
                Fixtures.STAFF,
                "/custody-items/" + media.get(0) + "/evidence",
                "id",
                evidence,
                "250");
        assertPaged(vendor, "/evidence/" + evidence.get(0) + "/files", "id", files, "250");
        // R-MT-7: another organisation's ticket, item and evidence stay 404 on the new sub-lists
        // too
        for (String path :
                List.of(
                        "/tickets/" + ticket + "/transitions",
                        "/tickets/" + ticket + "/log-media",
                        "/tickets/" + ticket + "/replacements",
                        "/custody-items/" + media.get(0) + "/events",
                        "/custody-items/" + media.get(0) + "/evidence",
                        "/evidence/" + evidence.get(0) + "/files")) {
            given().auth().oauth2(Fixtures.VENDOR_B).get(path).then().statusCode(404);
        }
    }

    @Test
    @DisplayName(
            "R-MT-3 #15 item 10: /reports/outstanding-sanitization is paged — a vendor's 250 outstanding media over two pages of 200")
    void R_MT_3_outstanding_sanitization_is_paged() throws Exception {
        String org = "vendor-pg-" + UUID.randomUUID().toString().substring(0, 6);
        List<Long> media;
        try (Connection c = db.getConnection()) {
            media = logMedia(c, ticket(c, org), org, 250);
        }
        assertPaged(
                Tokens.vendor(org),
                "/reports/outstanding-sanitization",
                "custodyItemId",
                media,
                "250");
        var staging =
                given().auth()
                        .oauth2(Tokens.vendor(org))
                        .queryParam("environment", "STAGING")
                        .queryParam("size", 200)
                        .queryParam("page", 1)
                        .get("/reports/outstanding-sanitization")
                        .then()
                        .statusCode(200)
                        .extract();
        assertThat(staging.header("X-Total-Count")).isEqualTo("250");
        assertThat(staging.jsonPath().getList("$")).hasSize(50);
    }

    @Test
    @DisplayName(
            "R-RM-3 #15 item 10: JPO's outstanding report (custody items and asset-service's removed media) pages without overlap or gap")
    void R_RM_3_outstanding_from_two_sources_pages_stably() {
        String s1 = Fixtures.serial("PG-GONE");
        String s2 = Fixtures.serial("PG-GONE");
        // asset-service answers its removed media in an order of its own; the report orders them by
        // serial
        var stub =
                AssetServiceMock.server()
                        .stubFor(
                                get(urlPathEqualTo("/media"))
                                        .withQueryParam("environment", equalTo("SHARED"))
                                        .atPriority(1)
                                        .willReturn(
                                                com.github.tomakehurst.wiremock.client.WireMock
                                                        .okJson(
                                                                "[{\"serial\":\""
                                                                        + s2
                                                                        + "\",\"kind\":\"SSD\",\"hardwareId\":7,\"environment\":\"SHARED\",\"dataBearing\":true,"
                                                                        + "\"removedOn\":\"2026-01-01\",\"installed\":false},{\"serial\":\""
                                                                        + s1
                                                                        + "\",\"kind\":\"HDD\","
                                                                        + "\"hardwareId\":7,\"environment\":\"SHARED\",\"dataBearing\":true,\"removedOn\":\"2026-01-01\","
                                                                        + "\"installed\":false}]")
                                                        .withHeader("X-Total-Count", "2")));
        try {
            var reply =
                    given().auth()
                            .oauth2(Fixtures.ADMIN)
                            .queryParam("environment", "SHARED")
                            .queryParam("size", 1)
                            .get("/reports/outstanding-sanitization")
                            .then()
                            .statusCode(200)
                            .extract();
            long total = Long.parseLong(reply.header("X-Total-Count"));
            List<String> serials = new ArrayList<>();
            for (int p = 0; p < total; p++) {
                var one =
                        page(
                                Fixtures.ADMIN,
                                "/reports/outstanding-sanitization?environment=SHARED",
                                p,
                                1);
                assertThat(one.header("X-Total-Count")).isEqualTo(String.valueOf(total));
                serials.addAll(one.jsonPath().getList("serial", String.class));
            }
            assertThat(serials).hasSize((int) total).doesNotHaveDuplicates();
            String lower = s1.compareTo(s2) < 0 ? s1 : s2;
            String higher = lower.equals(s1) ? s2 : s1;
            int first = serials.indexOf(lower);
            assertThat(first).as("both removed media are listed").isNotNegative();
            assertThat(serials.indexOf(higher))
                    .as("after the tracked media, in serial order")
                    .isEqualTo(first + 1)
                    .isEqualTo((int) total - 1);
        } finally {
            AssetServiceMock.server().removeStub(stub);
        }
    }

    @Test
    @DisplayName(
            "SEC DOMAIN §8: jpo-staff gets 403 on a ticket transition whatever its headers (no If-Match, stale, current)")
    void SEC_jpo_staff_transition_is_403_before_if_match() {
        long ticket = Fixtures.ticket(Fixtures.VENDOR_A, "HW-STAFF-403", "MEDIA_FAILURE");
        String etag = Fixtures.etag("/tickets/" + ticket);
        var body = java.util.Map.of("to", "ACKNOWLEDGED");
        given().auth()
                .oauth2(Fixtures.STAFF)
                .contentType("application/json")
                .body(body)
                .post("/tickets/" + ticket + "/transitions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Fixtures.STAFF)
                .contentType("application/json")
                .header("If-Match", "\"999\"")
                .body(body)
                .post("/tickets/" + ticket + "/transitions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Fixtures.STAFF)
                .contentType("application/json")
                .header("If-Match", etag)
                .body(body)
                .post("/tickets/" + ticket + "/transitions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Fixtures.STAFF)
                .get("/tickets/" + ticket)
                .then()
                .statusCode(200)
                .header("ETag", etag)
                .body("ticket.status", org.hamcrest.Matchers.equalTo("REPORTED"));
        // the vendor still moves it with If-Match, and jpo-staff still reads the transitions
        given().auth()
                .oauth2(Fixtures.VENDOR_A)
                .contentType("application/json")
                .header("If-Match", etag)
                .body(body)
                .post("/tickets/" + ticket + "/transitions")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Fixtures.STAFF)
                .get("/tickets/" + ticket + "/transitions")
                .then()
                .statusCode(200)
                .body("to", org.hamcrest.Matchers.hasItem("ACKNOWLEDGED"));
    }
}
