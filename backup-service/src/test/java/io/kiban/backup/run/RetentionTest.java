package io.kiban.backup.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.backup.support.Api;
import io.kiban.backup.support.Await;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.backup.support.TestDriver;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class RetentionTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject Retention retention;

    @Inject TestDriver driver;

    /** One copy a day at 03:00 Tokyo for {@code days} days, newest first, ids = days ago. */
    private static List<Retention.Copy> daily(int days) {
        Instant newest = Instant.parse("2027-06-30T18:00:00Z");
        List<Retention.Copy> copies = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            copies.add(new Retention.Copy(i, newest.minus(Duration.ofDays(i)), "ref-" + i));
        }
        return copies;
    }

    @Test
    @DisplayName(
            "R-BK-2 keep last N plus the newest copy of each of the last days, weeks and months (GFS)")
    void R_BK_2_generations_keep_last_and_gfs() {
        assertThat(Retention.keep(daily(10), 3, 0, 0, 0, TOKYO, null))
                .containsExactlyInAnyOrder(0L, 1L, 2L);
        assertThat(Retention.keep(daily(10), 2, 5, 0, 0, TOKYO, null))
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
        // 2027-07-01 is a Thursday: ISO weeks start on Monday; newest per week = 0, 4 (Sun 06-27),
        // 11 (Sun 06-20)
        assertThat(Retention.keep(daily(20), 1, 0, 3, 0, TOKYO, null))
                .containsExactlyInAnyOrder(0L, 4L, 11L);
        // months: July (0), June (1 = 06-30), May (31 = 05-31)
        assertThat(Retention.keep(daily(70), 1, 0, 0, 3, TOKYO, null))
                .containsExactlyInAnyOrder(0L, 1L, 31L);
    }

    @Test
    @DisplayName("R-BK-2 the last successful backup is kept whatever the counts say")
    void R_BK_2_never_prunes_the_last_good_copy_in_the_rule() {
        // the three newest copies only partly succeeded; the last good one is older than keepLast
        // reaches
        assertThat(Retention.keep(daily(6), 1, 0, 0, 0, TOKYO, 4L))
                .containsExactlyInAnyOrder(0L, 4L);
    }

    @Test
    @DisplayName(
            "R-BK-2 runs beyond the generations are deleted through the driver and marked PRUNED, never the last good one")
    void R_BK_2_prunes_through_the_driver_and_keeps_the_last_good() {
        long target = Api.namespaceTarget("HW-K8S-1");
        var body = Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target);
        body.put("retention", Map.of("keepLast", 1));
        var created = Api.createPolicy(body);
        long policy = created.getLong("id");
        for (int i = 1; i <= 3; i++) {
            Api.runNow(policy);
            int n = i;
            Await.until(
                    Duration.ofSeconds(15),
                    () -> Api.runs(policy),
                    rs -> rs.size() == n && rs.stream().noneMatch(Api::unsettled));
        }
        var runs =
                Await.until(
                        Duration.ofSeconds(10),
                        () -> Api.runs(policy),
                        rs ->
                                rs.stream().filter(r -> "PRUNED".equals(r.get("state"))).count()
                                        == 2);
        var kept = runs.stream().filter(r -> "SUCCEEDED".equals(r.get("state"))).toList();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("id")).isEqualTo(runs.get(0).get("id"));
        runs.stream()
                .filter(r -> "PRUNED".equals(r.get("state")))
                .forEach(
                        r -> {
                            assertThat(r.get("prunedAt")).isNotNull();
                            assertThat(driver.deleted())
                                    .contains((String) r.get("driverReference"));
                        });
        long lastGood = ((Number) kept.get(0).get("id")).longValue();

        // now the backups only partly succeed: the last good one must survive any pruning
        body.put("driverSettings", Map.of("result", "PARTIALLY_FAILED"));
        long version =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/policies/" + policy)
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("version");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .header("If-Match", "\"" + version + "\"")
                .put("/policies/" + policy)
                .then()
                .statusCode(200);
        Api.runNow(policy);
        Await.until(
                Duration.ofSeconds(15),
                () -> Api.runs(policy),
                rs -> rs.stream().anyMatch(r -> "PARTIALLY_FAILED".equals(r.get("state"))));
        assertThat(retention.prune(policy, target)).isZero();
        var after =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/runs/" + lastGood)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(after.getString("state")).isEqualTo("SUCCEEDED");
    }
}
