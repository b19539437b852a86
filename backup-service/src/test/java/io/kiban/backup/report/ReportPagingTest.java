package io.kiban.backup.report;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.kiban.backup.remote.MaintenanceGateway;
import io.kiban.backup.support.Api;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #15 item 10: the reports are paged like every list (commons: page, size ≤ 200, default 50,
 * X-Total-Count, Link), and what backup-service reads of other services' lists it reads to the end.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class ReportPagingTest {

    @Inject AgroalDataSource db;

    @Inject MaintenanceGateway gateway;

    /**
     * {@code n} NAMESPACE targets on one array, inserted directly (the API would take 250 round
     * trips).
     */
    private List<Long> seedTargets(String arrayHardwareId, int n) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "insert into backup_target (array_kind, array_hardware_id, environment, kind, name, created_at, version) "
                                        + "values ('K8S_ARRAY', ?, 'PRODUCTION', 'NAMESPACE', ?, ?, 0)",
                                Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < n; i++) {
                ps.setString(1, arrayHardwareId);
                ps.setString(2, arrayHardwareId.toLowerCase() + "-ns-" + i);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * A daily policy (through the API) covering the targets, at most 200 per policy as the API
     * allows.
     */
    private static List<Long> coverWithPolicies(List<Long> targets) {
        List<Long> policies = new ArrayList<>();
        for (int from = 0; from < targets.size(); from += 200) {
            long[] chunk =
                    targets.subList(from, Math.min(from + 200, targets.size())).stream()
                            .mapToLong(Long::longValue)
                            .toArray();
            policies.add(
                    Api.createPolicy(
                                    Api.policy(
                                            Api.DAILY,
                                            "test",
                                            Map.of("result", "SUCCEEDED"),
                                            chunk))
                            .getLong("id"));
        }
        return policies;
    }

    /**
     * A SUCCEEDED run holding a copy ({@code driverReference}) of the target, ended at {@code
     * endedAt}.
     */
    private void seedRun(Connection c, long policy, long target, Instant endedAt, String reference)
            throws Exception {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "insert into backup_run (policy_id, target_id, expected_fire_time, trigger_kind, state, started_at, "
                                + "ended_at, driver, driver_reference, recorded_at, version) "
                                + "values (?, ?, ?, 'MANUAL', 'SUCCEEDED', ?, ?, 'test', ?, ?, 0)")) {
            ps.setLong(1, policy);
            ps.setLong(2, target);
            ps.setTimestamp(3, Timestamp.from(endedAt.minusSeconds(60)));
            ps.setTimestamp(4, Timestamp.from(endedAt.minusSeconds(60)));
            ps.setTimestamp(5, Timestamp.from(endedAt));
            ps.setString(6, reference);
            ps.setTimestamp(7, Timestamp.from(endedAt));
            ps.executeUpdate();
        }
    }

    private static ExtractableResponse<Response> page(
            String path, String arrayHardwareId, int page, int size) {
        return given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("arrayHardwareId", arrayHardwareId)
                .queryParam("page", page)
                .queryParam("size", size)
                .get(path)
                .then()
                .statusCode(200)
                .extract();
    }

    /**
     * Page 0 and page 1 of size 200 hold every expected id exactly once, the total is {@code
     * total}, the default page holds 50, and a size over 200 or a negative page is a 400 problem.
     */
    private static void assertPaged(
            String path,
            String idField,
            String arrayHardwareId,
            List<Long> expected,
            String total) {
        var first = page(path, arrayHardwareId, 0, 200);
        var second = page(path, arrayHardwareId, 1, 200);
        assertThat(first.header("X-Total-Count")).isEqualTo(total);
        assertThat(second.header("X-Total-Count")).isEqualTo(total);
        List<Long> ids = new ArrayList<>();
        for (var reply : List.of(first, second)) {
            ids.addAll(
                    reply.jsonPath().getList(idField, Number.class).stream()
                            .map(Number::longValue)
                            .toList());
        }
        assertThat(first.jsonPath().getList("$")).hasSize(200);
        assertThat(second.jsonPath().getList("$")).hasSize(50);
        assertThat(ids)
                .as("page 0 and page 1 together hold every row exactly once")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(first.header("Link")).contains("rel=\"next\"").contains("page=1");
        assertThat(second.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        var byDefault =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .queryParam("arrayHardwareId", arrayHardwareId)
                        .get(path)
                        .then()
                        .statusCode(200)
                        .extract();
        assertThat(byDefault.jsonPath().getList("$")).hasSize(50);
        assertThat(byDefault.header("X-Total-Count")).isEqualTo(total);
        given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("size", 201)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("size"));
        given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("page", -1)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("page"));
        given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 200)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName(
            "R-BK-4 #15 item 10: /reports/restore-drills is paged in SQL — 250 targets over two pages of 200")
    void R_BK_4_restore_drill_report_is_paged() throws Exception {
        String array = Api.unique("HW-PAGED-DRILL");
        List<Long> targets = seedTargets(array, 250);
        assertPaged("/reports/restore-drills", "targetId", array, targets, "250");
    }

    @Test
    @DisplayName(
            "R-BK-3 #15 item 10: /reports/rpo is paged — 250 breached targets over two pages of 200")
    void R_BK_3_rpo_report_is_paged() throws Exception {
        String array = Api.unique("HW-PAGED-RPO");
        List<Long> targets = seedTargets(array, 250);
        List<Long> policies = coverWithPolicies(targets);
        // last success three days ago: older than 1.5 × a daily interval (36 h)
        Instant threeDaysAgo =
                Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < targets.size(); i++) {
                seedRun(c, policies.get(i / 200), targets.get(i), threeDaysAgo, "old-" + i);
            }
        }
        assertPaged("/reports/rpo", "targetId", array, targets, "250");
        assertThat(
                        page("/reports/rpo", array, 0, 200)
                                .jsonPath()
                                .getList("rpoBreached", Boolean.class))
                .containsOnly(true);
    }

    @Test
    @DisplayName(
            "R-BK-5 #15 item 10: /reports/backup-copies is paged in SQL — 250 copies over two pages of 200")
    void R_BK_5_backup_copies_report_is_paged() throws Exception {
        String array = Api.unique("HW-PAGED-COPIES");
        List<Long> targets = seedTargets(array, 2);
        long policy = coverWithPolicies(targets).get(0);
        List<Long> runs = new ArrayList<>();
        Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < 250; i++) {
                seedRun(c, policy, targets.get(i % 2), start.plusSeconds(i), "copy-" + i);
            }
            try (PreparedStatement ps =
                    c.prepareStatement("select id from backup_run where target_id in (?, ?)")) {
                ps.setLong(1, targets.get(0));
                ps.setLong(2, targets.get(1));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runs.add(rs.getLong(1));
                    }
                }
            }
        }
        assertThat(runs).hasSize(250);
        assertPaged("/reports/backup-copies", "runId", array, runs, "250");
        // stable order: the first target's 125 copies, then the second's
        assertThat(
                        page("/reports/backup-copies", array, 0, 200)
                                .jsonPath()
                                .getList("targetId", Number.class)
                                .subList(124, 126))
                .extracting(Number::longValue)
                .containsExactly(targets.get(0), targets.get(1));
    }

    @Test
    @DisplayName(
            "R-BK-5 #19: a copy's media check reads all 250 media of the array over maintenance-service's 2 pages of its destruction report")
    void R_BK_5_every_page_of_the_array_media_is_checked() throws Exception {
        String array = Api.unique("HW-ARR-250");
        String prefix = Api.unique("SSD");
        var wm = MaintenanceStub.server;
        StringBuilder first = new StringBuilder("[");
        StringBuilder second = new StringBuilder("[");
        for (int i = 0; i < 250; i++) {
            StringBuilder into = i < 200 ? first : second;
            // the one medium not destroyed is the 238th, on the second page
            into.append(into.length() > 1 ? "," : "")
                    .append(
                            MaintenanceStub.medium(
                                    prefix + "-" + i,
                                    i % 3 == 0 ? "asset-ledger" : "part",
                                    i != 237));
        }
        wm.stubFor(
                get(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(array))
                        .withQueryParam("page", equalTo("0"))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(first.append("]").toString())
                                        .withHeader("X-Total-Count", "250")));
        wm.stubFor(
                get(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(array))
                        .withQueryParam("page", equalTo("1"))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(second.append("]").toString())
                                        .withHeader("X-Total-Count", "250")));

        var destruction = gateway.mediaDestroyed(array);
        assertThat(destruction.accepted()).isFalse();
        assertThat(destruction.pendingSerials()).containsExactly(prefix + "-237");
        assertThat(destruction.note()).isNull();
        wm.verify(
                2,
                getRequestedFor(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(array)));
        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(array))
                        .withQueryParam("page", equalTo("1"))
                        .withQueryParam("size", equalTo("200")));
        // one question for the whole array: no disk-by-disk calls, no asset-service
        wm.verify(0, getRequestedFor(urlPathMatching("/media.*")));

        // and through the report: the array's copy is not accounted for
        var body = Api.target("K8S_ARRAY", "NAMESPACE", Api.unique("ns"), array);
        long target = Api.createTarget(body);
        long policy = coverWithPolicies(List.of(target)).get(0);
        try (Connection c = db.getConnection()) {
            seedRun(
                    c,
                    policy,
                    target,
                    Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS),
                    "copy-x");
        }
        var copies =
                page("/reports/backup-copies", array, 0, 200).jsonPath().getList("$", Map.class);
        assertThat(copies)
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c).containsEntry("accountedFor", false);
                            assertThat((String) c.get("accountedBy"))
                                    .isEqualTo(
                                            "media without accepted destruction evidence: "
                                                    + prefix
                                                    + "-237");
                        });
    }

    @Test
    @DisplayName(
            "SEC-BK-4 #15 item 10: a JPO-acknowledged ticket on maintenance-service's second page of tickets still holds")
    void SEC_BK_4_hold_reads_every_page_of_tickets() {
        String array = Api.unique("HW-HOLD-PAGES");
        Instant acknowledged = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder first = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            first.append(i > 0 ? "," : "")
                    .append("{\"id\":")
                    .append(10_000 + i)
                    .append(",\"acknowledgedByJpo\":false}");
        }
        var wm = MaintenanceStub.server;
        wm.stubFor(
                get(urlPathEqualTo("/tickets"))
                        .withQueryParam("hardwareId", equalTo(array))
                        .withQueryParam("page", equalTo("0"))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(first.append("]").toString())
                                        .withHeader("X-Total-Count", "201")));
        wm.stubFor(
                get(urlPathEqualTo("/tickets"))
                        .withQueryParam("hardwareId", equalTo(array))
                        .withQueryParam("page", equalTo("1"))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(
                                                "[{\"id\":20001,\"acknowledgedByJpo\":true,\"acknowledgedAt\":\""
                                                        + acknowledged
                                                        + "\"}]")
                                        .withHeader("X-Total-Count", "201")));
        var hold = gateway.hold(array);
        assertThat(hold.held()).isTrue();
        assertThat(hold.note()).contains("20001");
        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/tickets"))
                        .withQueryParam("hardwareId", equalTo(array))
                        .withQueryParam("page", equalTo("1"))
                        .withQueryParam("size", equalTo("200")));
    }

    @Test
    @DisplayName(
            "#15 item 10: a list answered without X-Total-Count is complete in one answer; a short total is an error")
    void other_services_lists_without_a_total_are_complete_and_a_lying_total_is_not_trusted() {
        String array = Api.unique("HW-NO-TOTAL");
        String serial = Api.unique("SSD");
        var wm = MaintenanceStub.server;
        wm.stubFor(
                get(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(array))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(
                                        "[" + MaintenanceStub.medium(serial, "part", true) + "]")));
        assertThat(gateway.mediaDestroyed(array).accepted()).isTrue();
        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(array)));

        // 3 announced, 1 given, then an empty page: not "every medium destroyed"
        String liar = Api.unique("HW-LIAR");
        wm.stubFor(
                get(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(liar))
                        .withQueryParam("page", equalTo("0"))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(
                                                "["
                                                        + MaintenanceStub.medium(
                                                                serial, "part", true)
                                                        + "]")
                                        .withHeader("X-Total-Count", "3")));
        wm.stubFor(
                get(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(liar))
                        .withQueryParam("page", equalTo("1"))
                        .atPriority(1)
                        .willReturn(MaintenanceStub.json("[]").withHeader("X-Total-Count", "3")));
        var destruction = gateway.mediaDestroyed(liar);
        assertThat(destruction.accepted()).isFalse();
        assertThat(destruction.note()).contains("announced 3 items").contains("held 1");
    }

    @Test
    @DisplayName(
            "R-BK-5 #19: failure-analysis log media are not the array's disks; no disk listed, or maintenance-service down, is never destroyed")
    void R_BK_5_log_media_do_not_count_and_nothing_listed_is_not_destroyed() {
        var wm = MaintenanceStub.server;
        String array = Api.unique("HW-ARR-LOG");
        String disk = Api.unique("SSD");
        String usb = Api.unique("USB");
        wm.stubFor(
                get(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(array))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(
                                                "["
                                                        + MaintenanceStub.medium(
                                                                disk, "order-medium", true)
                                                        + ","
                                                        + MaintenanceStub.medium(
                                                                usb, "log-medium", false)
                                                        + "]")
                                        .withHeader("X-Total-Count", "2")));
        var destruction = gateway.mediaDestroyed(array);
        assertThat(destruction.accepted()).isTrue();
        assertThat(destruction.pendingSerials()).isEmpty();

        String onlyLogs = Api.unique("HW-ARR-ONLY-LOG");
        wm.stubFor(
                get(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(onlyLogs))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(
                                                "["
                                                        + MaintenanceStub.medium(
                                                                usb, "log-medium", true)
                                                        + "]")
                                        .withHeader("X-Total-Count", "1")));
        destruction = gateway.mediaDestroyed(onlyLogs);
        assertThat(destruction.accepted()).isFalse();
        assertThat(destruction.note())
                .isEqualTo("maintenance-service lists no data-bearing media for " + onlyLogs);

        String down = Api.unique("HW-ARR-DOWN");
        wm.stubFor(
                get(urlPathEqualTo("/reports/media-destruction"))
                        .withQueryParam("hardwareId", equalTo(down))
                        .atPriority(1)
                        .willReturn(
                                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                        .withStatus(503)));
        destruction = gateway.mediaDestroyed(down);
        assertThat(destruction.accepted()).isFalse();
        // commons' Remote names the service, its answer and the request (#19)
        assertThat(destruction.note())
                .startsWith(
                        "unknown: maintenance-service answered HTTP 503 (GET /reports/media-destruction?hardwareId="
                                + down);
    }

    @Test
    @DisplayName(
            "R-BK-5 #15 item 10: SHARED answers an empty page with X-Total-Count 0, and still validates paging")
    void R_BK_5_shared_is_an_empty_page() {
        var reply =
                given().auth()
                        .oauth2(Tokens.service("lifecycle"))
                        .queryParam("environment", "SHARED")
                        .get("/reports/backup-copies")
                        .then()
                        .statusCode(200)
                        .extract();
        assertThat(reply.jsonPath().getList("$")).isEmpty();
        assertThat(reply.header("X-Total-Count")).isEqualTo("0");
        given().auth()
                .oauth2(Tokens.service("lifecycle"))
                .queryParam("environment", "SHARED")
                .queryParam("size", 201)
                .get("/reports/backup-copies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
