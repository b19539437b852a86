package io.kiban.asset.imports;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: hostile OSV and endoflife.date files — truncated, 10,000 levels deep, huge numbers,
 * wrong encoding — are a 400 problem+json naming the place, and nothing is written (no import in
 * the audit chain, no advisory, no finding).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class HostileAdvisoryInputsTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = HostileAdvisoryInputsTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    static String audited(String entityType) {
        return as(Tokens.auditor())
                .queryParam("entityType", entityType)
                .get("/audit")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Total-Count");
    }

    static String findings() {
        return admin().get("/findings").then().statusCode(200).extract().header("X-Total-Count");
    }

    static void rejected(String path, byte[] body, String place, String entityType) {
        String audit = audited(entityType);
        String findings = findings();
        admin().queryParam("product", "kubernetes")
                .body(body)
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString(place));
        assertThat(audited(entityType)).as("no import recorded").isEqualTo(audit);
        assertThat(findings()).as("no finding written").isEqualTo(findings);
    }

    static byte[] deep(String open, String close, int levels) {
        return (open.repeat(levels) + close.repeat(levels)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("R-AS-5 SEC hostile OSV files → 400 naming the place, nothing written")
    void SEC_hostile_osv_files() throws IOException {
        byte[] log4j = resource("/imports/osv/GHSA-jfh8-c2jp-5v3q.json");
        rejected("/imports/osv", Arrays.copyOf(log4j, log4j.length / 2), "line", "advisory");
        rejected("/imports/osv", deep("[", "]", 10_000), "nesting depth", "advisory");
        String huge =
                "{\"id\":\"KIBAN-HUGE\",\"affected\":[{\"package\":{\"ecosystem\":\"Maven\",\"name\":\"a:b\"},"
                        + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":"
                        + "9".repeat(100_000)
                        + "}]}]}]}";
        rejected("/imports/osv", huge.getBytes(StandardCharsets.UTF_8), "line 1", "advisory");
        String number =
                "{\"id\":\"KIBAN-NUMBER\",\"affected\":[{\"package\":{\"ecosystem\":\"Maven\",\"name\":\"a:b\"},"
                        + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":0},{\"fixed\":1e308}]}]}]}";
        rejected(
                "/imports/osv",
                number.getBytes(StandardCharsets.UTF_8),
                "$.affected[0].ranges[0].events[0].introduced",
                "advisory");
        byte[] latin1 =
                "{\"id\":\"KIBAN-L1\",\"summary\":\"d\u00e9j\u00e0 vu\",\"affected\":[]}"
                        .getBytes(StandardCharsets.ISO_8859_1);
        rejected("/imports/osv", latin1, "UTF-8", "advisory");
        String git =
                "{\"id\":\"KIBAN-BADTYPE\",\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"x\"},"
                        + "\"ranges\":[{\"type\":\"SVN\",\"events\":[{\"introduced\":\"0\"}]}]}]}";
        rejected(
                "/imports/osv",
                git.getBytes(StandardCharsets.UTF_8),
                "$.affected[0].ranges[0].type",
                "advisory");
    }

    @Test
    @DisplayName("R-AS-4 SEC hostile endoflife.date files → 400 naming the place, nothing written")
    void SEC_hostile_endoflife_files() {
        String good =
                "[{\"cycle\":\"1.33\",\"releaseDate\":\"2025-04-23\",\"eol\":\"2026-06-28\"}]";
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        rejected(
                "/imports/endoflife",
                Arrays.copyOf(bytes, bytes.length - 10),
                "line",
                "eol-product");
        rejected("/imports/endoflife", deep("[", "]", 10_000), "nesting depth", "eol-product");
        String huge = "[{\"cycle\":" + "1".repeat(100_000) + ",\"eol\":\"2026-06-28\"}]";
        rejected(
                "/imports/endoflife",
                huge.getBytes(StandardCharsets.UTF_8),
                "line 1",
                "eol-product");
        byte[] latin1 =
                "[{\"cycle\":\"1.33\",\"codename\":\"\u00e9t\u00e9\",\"eol\":\"2026-06-28\"}]"
                        .getBytes(StandardCharsets.ISO_8859_1);
        rejected("/imports/endoflife", latin1, "UTF-8", "eol-product");
    }
}
