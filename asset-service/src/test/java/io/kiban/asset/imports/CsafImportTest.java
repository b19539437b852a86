package io.kiban.asset.imports;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-AS-5 (issue 18 item 3): CSAF 2.0 (JVN-shaped) matched by purl or CPE; not-affected and fixed
 * are no findings.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class CsafImportTest {

    static String csaf() throws IOException {
        try (InputStream in =
                CsafImportTest.class.getResourceAsStream(
                        "/imports/csaf/jvn-shaped-advisory.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> findings(String advisory) {
        return admin().queryParam("advisory", advisory)
                .queryParam("size", 200)
                .get("/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("softwareVersion", String.class);
    }

    @Test
    @DisplayName(
            "R-AS-5 CSAF known_affected by purl and by CPE → findings; known_not_affected and fixed → none")
    void R_AS_5_csaf_product_status() throws IOException {
        String subject = unique("csaf");
        admin().queryParam("subject", subject)
                .queryParam("environment", "STAGING")
                .queryParam("installedOn", "CLUSTER")
                .body(
                        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
                                + "{\"name\":\"jvnlib\",\"group\":\"org.example.kiban\",\"version\":\"1.0.0\",\"purl\":\"pkg:maven/org.example.kiban/jvnlib@1.0.0\"},"
                                + "{\"name\":\"jvnlib\",\"group\":\"org.example.kiban\",\"version\":\"1.1.0\",\"purl\":\"pkg:maven/org.example.kiban/jvnlib@1.1.0\"},"
                                + "{\"name\":\"jvnlib\",\"group\":\"org.example.kiban\",\"version\":\"2.0.0\",\"purl\":\"pkg:maven/org.example.kiban/jvnlib@2.0.0\"}]}")
                .post("/imports/sbom")
                .then()
                .statusCode(200);
        Map<String, Object> appliance = new HashMap<>();
        appliance.put("name", "Example Appliance");
        appliance.put("version", "3.0");
        appliance.put("softwareClass", "FIRMWARE");
        appliance.put("installedOn", "CLUSTER");
        appliance.put("host", "k8s-staging");
        appliance.put("environment", "STAGING");
        appliance.put("cpe", "cpe:2.3:a:example_kiban:appliance:3.0:*:*:*:*:*:*:*");
        admin().body(appliance).post("/software").then().statusCode(201);

        JsonPath r =
                admin().body(csaf())
                        .post("/imports/csaf")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(r.getString("trackingId")).isEqualTo("KIBAN-JVNDB-2026-000001");
        assertThat(r.getInt("vulnerabilities")).isEqualTo(1);
        assertThat(r.getInt("products")).isEqualTo(4);
        assertThat(r.getInt("affected")).isEqualTo(2);
        assertThat(r.getInt("notAffected")).isEqualTo(1);
        assertThat(r.getInt("fixed")).isEqualTo(1);
        assertThat(r.getInt("cpeFindings")).isEqualTo(1);
        assertThat(findings("KIBAN-JVNDB-2026-000001/CVE-2026-0001"))
                .containsExactlyInAnyOrder("1.0.0", "3.0");

        // software imported later is matched too (the purl products are stored with their exact
        // versions)
        String later = unique("csaf-later");
        admin().queryParam("subject", later)
                .queryParam("environment", "PRODUCTION")
                .queryParam("installedOn", "CLUSTER")
                .body(
                        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
                                + "{\"name\":\"jvnlib\",\"version\":\"1.0.0\",\"purl\":\"pkg:maven/org.example.kiban/jvnlib@1.0.0\"}]}")
                .post("/imports/sbom")
                .then()
                .statusCode(200);
        assertThat(findings("KIBAN-JVNDB-2026-000001/CVE-2026-0001"))
                .containsExactlyInAnyOrder("1.0.0", "3.0", "1.0.0");
    }

    @Test
    @DisplayName(
            "R-AS-5 SEC a CSAF naming a product the tree does not define, or not 2.0, is a 400 naming the place, nothing written")
    void SEC_bad_csaf_is_400() throws IOException {
        String bad = csaf().replace("\"CSAFPID-0002\" ],", "\"CSAFPID-9999\" ],");
        admin().body(bad)
                .post("/imports/csaf")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItem("$.vulnerabilities[0].product_status.known_not_affected[0]"));
        admin().body(csaf().replace("\"csaf_version\": \"2.0\"", "\"csaf_version\": \"1.2\""))
                .post("/imports/csaf")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$.document.csaf_version"));
        StringBuilder deep =
                new StringBuilder(
                        "{\"document\":{\"csaf_version\":\"2.0\",\"tracking\":{\"id\":\"X\"}},"
                                + "\"product_tree\":{\"branches\":");
        deep.append("[{\"name\":\"b\",\"branches\":".repeat(100))
                .append("[]")
                .append("}]".repeat(100))
                .append("},\"vulnerabilities\":[{\"cve\":\"CVE-1\"}]}");
        admin().body(deep.toString())
                .post("/imports/csaf")
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("deeper than 64"));
    }
}
