package io.kiban.asset.imports;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-AS-5 (issue 18 item 2) through the API: installed packages of ten ecosystems (each row's
 * ecosystem from its purl), advisories imported as one OSV array, findings only where the
 * ecosystem's order says so; GIT ranges reported as not evaluable; withdrawn advisories ignored,
 * also for software imported later.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class OsvEcosystemImportTest {

    static String resource(String name) throws IOException {
        try (InputStream in = OsvEcosystemImportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String component(String name, String version, String purl) {
        return "{\"type\":\"library\",\"name\":\""
                + name
                + "\",\"version\":\""
                + version
                + "\",\"purl\":\""
                + purl
                + "\"}";
    }

    static void importSbom(String subject, String... components) {
        admin().queryParam("subject", subject)
                .queryParam("environment", "STAGING")
                .queryParam("installedOn", "CLUSTER")
                .body(
                        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
                                + String.join(",", components)
                                + "]}")
                .post("/imports/sbom")
                .then()
                .statusCode(200);
    }

    /** The names of the subject's software that have a finding of {@code advisory}. */
    static List<String> findings(String advisory, String subject) {
        List<Map<String, Object>> all =
                admin().queryParam("advisory", advisory)
                        .queryParam("size", 200)
                        .get("/findings")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        return all.stream()
                .filter(f -> subject.equals(f.get("installedWhere")))
                .map(f -> (String) f.get("softwareName"))
                .toList();
    }

    @Test
    @DisplayName(
            "R-AS-5 ten ecosystems in one SBOM: findings exactly where each ecosystem's order puts the version in range")
    void R_AS_5_findings_per_ecosystem() throws IOException {
        String subject = unique("eco");
        importSbom(
                subject,
                component(
                        "libc6",
                        "2.36-9+deb12u2",
                        "pkg:deb/debian/libc6@2.36-9%2Bdeb12u2?arch=amd64&distro=debian-12&upstream=glibc"),
                component(
                        "zlib1g",
                        "1:1.2.13.dfsg-1",
                        "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12&upstream=zlib"),
                component("lodash", "4.17.21", "pkg:npm/lodash@4.17.21"),
                component("PyYAML", "5.4b1", "pkg:pypi/pyyaml@5.4b1"),
                component("Newtonsoft.Json", "13.0.1", "pkg:nuget/Newtonsoft.Json@13.0.1"),
                component("rack", "3.0.0", "pkg:gem/rack@3.0.0"),
                component(
                        "openssl",
                        "3.1.4-r1",
                        "pkg:apk/alpine/openssl@3.1.4-r1?distro=alpine-3.18.4"),
                component("hyper", "0.14.9", "pkg:cargo/hyper@0.14.9"),
                component("left-pad", "1.3.0", "pkg:npm/left-pad@1.3.0"),
                component(
                        "crypto",
                        "v0.0.0-20210921155107-089bfa567519",
                        "pkg:golang/golang.org/x/crypto@v0.0.0-20210921155107-089bfa567519"));
        List<Map<String, Object>> rows =
                admin().queryParam("sbomSubject", subject)
                        .queryParam("size", 200)
                        .get("/software")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        assertThat(rows)
                .extracting(r -> r.get("name") + "=" + r.get("ecosystem"))
                .containsExactlyInAnyOrder(
                        "libc6=Debian",
                        "zlib1g=Debian",
                        "lodash=npm",
                        "PyYAML=PyPI",
                        "Newtonsoft.Json=NuGet",
                        "rack=RubyGems",
                        "openssl=Alpine",
                        "hyper=crates.io",
                        "left-pad=npm",
                        "crypto=Go");

        JsonPath r =
                admin().queryParam("source", "imports/osv-written/ecosystems.json")
                        .body(resource("/imports/osv-written/ecosystems.json"))
                        .post("/imports/osv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(r.getInt("advisories")).isEqualTo(12);
        assertThat(findings("KIBAN-TEST-DEBIAN-0001", subject)).containsExactly("libc6");
        assertThat(findings("KIBAN-TEST-DEBIAN-0002", subject)).containsExactly("zlib1g");
        assertThat(findings("KIBAN-TEST-PYPI-0001", subject)).containsExactly("PyYAML");
        assertThat(findings("KIBAN-TEST-GEM-0001", subject)).containsExactly("rack");
        assertThat(findings("KIBAN-TEST-CARGO-0001", subject)).containsExactly("hyper");
        assertThat(findings("KIBAN-TEST-GO-0001", subject)).containsExactly("crypto");
        assertThat(findings("KIBAN-TEST-NPM-0001", subject)).isEmpty();
        assertThat(findings("KIBAN-TEST-NUGET-0001", subject)).isEmpty();
        assertThat(findings("KIBAN-TEST-ALPINE-0001", subject)).isEmpty();
        // the GIT range is reported, not guessed
        assertThat(findings("KIBAN-TEST-GIT-0001", subject)).isEmpty();
        List<Map<String, Object>> notEvaluable = r.getList("notEvaluable");
        assertThat(notEvaluable)
                .anySatisfy(
                        n -> {
                            assertThat(n.get("advisory")).isEqualTo("KIBAN-TEST-GIT-0001");
                            assertThat((String) n.get("purl")).isEqualTo("pkg:npm/left-pad@1.3.0");
                            assertThat((String) n.get("reason")).startsWith("GIT range");
                        });
    }

    @Test
    @DisplayName(
            "R-AS-5 a withdrawn advisory (real GHSA-57m8-f3v5-hm5m, withdrawn 2023-11-01) is ignored, and a copy imported before it was withdrawn stops matching")
    void R_AS_5_withdrawn_advisories_are_ignored() throws IOException {
        String real = resource("/imports/osv/GHSA-57m8-f3v5-hm5m.json");
        // the advisory as it was before withdrawal: the same record without "withdrawn"
        String before = real.replaceAll("\"withdrawn\"\\s*:\\s*\"[^\"]*\"\\s*,", "");
        assertThat(before).doesNotContain("\"withdrawn\"");
        String early = unique("netty-early");
        importSbom(
                early,
                component(
                        "io.netty:netty-handler",
                        "4.1.99.Final",
                        "pkg:maven/io.netty/netty-handler@4.1.99.Final"));
        admin().body(before).post("/imports/osv").then().statusCode(200);
        assertThat(findings("GHSA-57m8-f3v5-hm5m", early))
                .containsExactly("io.netty:netty-handler");

        JsonPath r =
                admin().body(real).post("/imports/osv").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("withdrawn", String.class)).containsExactly("GHSA-57m8-f3v5-hm5m");
        assertThat(r.getInt("newFindings")).isZero();
        // software imported after the withdrawal gets no finding from it
        String late = unique("netty-late");
        importSbom(
                late,
                component(
                        "io.netty:netty-handler",
                        "4.1.99.Final",
                        "pkg:maven/io.netty/netty-handler@4.1.99.Final"));
        assertThat(findings("GHSA-57m8-f3v5-hm5m", late)).isEmpty();
    }
}
