package io.kiban.asset.imports;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 1: CycloneDX JSON and XML, 1.2–1.7, on cyclonedx-core-java; counts, merges with
 * their reason, bom-refs and dependencies kept; hostile files are a 400 naming the place and write
 * nothing. Test inputs: see src/test/resources/imports/README.md.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class SbomFormatsTest {

    /**
     * dependencies[] entries of the container SBOM without dependsOn (kept as one row each,
     * dependsOn null)
     */
    static final int EMPTY_DEPENDENCY_ENTRIES = 0;

    static final Path SHARED =
            Path.of(System.getProperty("kiban.shared.data", "../../shared/data"));

    static String resource(String name) {
        try (InputStream in = SbomFormatsTest.class.getResourceAsStream("/imports/sbom/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(name, e);
        }
    }

    static byte[] shared(String file) throws IOException {
        Path p = SHARED.resolve("sbom").resolve(file);
        Assumptions.assumeTrue(Files.exists(p), "shared data not present: " + p);
        return Files.readAllBytes(p);
    }

    static ValidatableResponse post(String subject, String contentType, byte[] body) {
        return admin().contentType(contentType)
                .queryParam("subject", subject)
                .queryParam("environment", "STAGING")
                .queryParam("installedOn", "CLUSTER")
                .body(body)
                .post("/imports/sbom")
                .then();
    }

    static int softwareOf(String subject) {
        return Integer.parseInt(
                as(Tokens.auditor())
                        .queryParam("sbomSubject", subject)
                        .get("/software")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Total-Count"));
    }

    static int allSoftware() {
        return Integer.parseInt(
                as(Tokens.auditor())
                        .get("/software")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Total-Count"));
    }

    @Test
    @DisplayName(
            "R-AS-5 a real container SBOM (Syft, 1.6): 321 components, 11 jars listed twice merged by purl with the reason, bom-refs and 454 dependency edges kept")
    void R_AS_5_container_sbom_counts_merges_refs_and_dependencies() throws IOException {
        String subject = unique("dt-apiserver");
        JsonPath r =
                post(
                                subject,
                                "application/vnd.cyclonedx+json",
                                shared("dependencytrack-apiserver-4.12.1-container.cdx-1.6.json"))
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        // figures from the file (README of shared/data): 321 components, none nested, 11 purls
        // twice, 1 OS without purl
        assertThat(r.getInt("components")).isEqualTo(321);
        assertThat(r.getInt("nested")).isEqualTo(0);
        assertThat(r.getInt("duplicates")).isEqualTo(11);
        assertThat(r.getInt("distinct")).isEqualTo(310);
        assertThat(r.getInt("added")).isEqualTo(310);
        assertThat(r.getString("format")).isEqualTo("JSON");
        assertThat(r.getString("specVersion")).isEqualTo("1.6");
        assertThat(r.getInt("bomRefs")).isEqualTo(321);
        assertThat(r.getInt("dependencies")).isEqualTo(454);
        assertThat(r.getList("merged.reason", String.class))
                .contains("same purl as $.components[100]");
        assertThat(r.getList("merged.path", String.class)).contains("$.components[101]");
        assertThat(softwareOf(subject)).isEqualTo(310);
        // the ecosystem of each row comes from its purl type: 90 Debian packages
        assertThat(
                        as(Tokens.auditor())
                                .queryParam("sbomSubject", subject)
                                .queryParam("size", 200)
                                .get("/software")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("findAll { it.ecosystem == 'Debian' }"))
                .isNotEmpty();
        // both bom-refs of a merged jar resolve to the one row kept
        List<Map<String, Object>> edges =
                as(Tokens.auditor())
                        .queryParam("subject", subject)
                        .queryParam("environment", "STAGING")
                        .queryParam("size", 200)
                        .get("/imports/sbom/dependencies")
                        .then()
                        .statusCode(200)
                        .header("X-Total-Count", Integer.toString(454 + EMPTY_DEPENDENCY_ENTRIES))
                        .extract()
                        .jsonPath()
                        .getList("$");
        assertThat(edges).isNotEmpty();
    }

    @Test
    @DisplayName(
            "R-AS-5 a nested Go SBOM (1.5): 2762 components of which 2626 nested, 1 merged (no purl, same name and version)")
    void R_AS_5_nested_sbom_counts_every_level() throws IOException {
        String subject = unique("minikube");
        JsonPath r =
                post(
                                subject,
                                "application/json",
                                shared("minikube-v1.23.1-with-files.cdx-1.5.json"))
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(r.getInt("components")).isEqualTo(2762);
        assertThat(r.getInt("nested")).isEqualTo(2626);
        assertThat(r.getInt("distinct")).isEqualTo(2761);
        assertThat(r.getInt("duplicates")).isEqualTo(1);
        assertThat(r.getString("merged[0].reason"))
                .startsWith("no purl; same group, name and version as $.components[");
        assertThat(softwareOf(subject)).isEqualTo(2761);
    }

    @Test
    @DisplayName(
            "R-AS-5 XML: the container SBOM written as CycloneDX 1.6 XML by cyclonedx-core-java imports with the same counts as its JSON")
    void R_AS_5_xml_sbom_same_counts_as_json() throws Exception {
        Bom bom =
                new JsonParser()
                        .parse(shared("dependencytrack-apiserver-4.12.1-container.cdx-1.6.json"));
        String xml = BomGeneratorFactory.createXml(Version.VERSION_16, bom).toXmlString();
        String subject = unique("dt-xml");
        JsonPath r =
                post(subject, "application/vnd.cyclonedx+xml", xml.getBytes(StandardCharsets.UTF_8))
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(r.getString("format")).isEqualTo("XML");
        assertThat(r.getInt("components")).isEqualTo(321);
        assertThat(r.getInt("distinct")).isEqualTo(310);
        assertThat(r.getInt("duplicates")).isEqualTo(11);
        assertThat(r.getInt("dependencies")).isEqualTo(454);
        assertThat(r.getString("merged[0].path")).startsWith("/bom/components[1]/component[");
        assertThat(softwareOf(subject)).isEqualTo(310);
    }

    @Test
    @DisplayName(
            "R-AS-5 small real-shaped documents of every supported spec: 1.2 XML, 1.3 JSON, 1.7 JSON and 1.7 XML (the 1.7 mapping reported)")
    void R_AS_5_spec_versions_1_2_to_1_7() {
        String s12 = unique("spec12");
        post(s12, "application/xml", resource("app-1.2.cdx.xml").getBytes(StandardCharsets.UTF_8))
                .statusCode(200)
                .body("specVersion", equalTo("1.2"))
                .body("components", equalTo(3))
                .body("nested", equalTo(1))
                .body("distinct", equalTo(3))
                .body("dependencies", equalTo(2));
        String s13 = unique("spec13");
        post(s13, "application/json", resource("app-1.3.cdx.json").getBytes(StandardCharsets.UTF_8))
                .statusCode(200)
                .body("specVersion", equalTo("1.3"))
                .body("components", equalTo(3))
                .body("distinct", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("merged[0].path", equalTo("$.components[1]"))
                .body(
                        "merged[0].reason",
                        equalTo(
                                "same purl in canonical form as $.components[0] (written here "
                                        + "pkg:maven/org.yaml/snakeyaml@1.33?classifier=sources&type=jar, there "
                                        + "pkg:maven/org.yaml/snakeyaml@1.33?type=jar&classifier=sources)"));

        String s17 = unique("spec17");
        JsonPath r =
                post(
                                s17,
                                "application/vnd.cyclonedx+json",
                                resource("app-1.7.cdx.json").getBytes(StandardCharsets.UTF_8))
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(r.getString("specVersion")).isEqualTo("1.7");
        assertThat(r.getString("readAs")).isEqualTo("1.6");
        assertThat(r.getMap("mapping"))
                .containsEntry("citations", 1)
                .containsEntry("metadata.distributionConstraints", 1)
                .containsEntry("components[].isExternal", 2)
                .containsEntry("components[].versionRange", 1);
        // 4 components in the file (1 nested); the external one is counted, listed, not stored
        assertThat(r.getInt("components")).isEqualTo(4);
        assertThat(r.getInt("nested")).isEqualTo(1);
        assertThat(r.getInt("external")).isEqualTo(1);
        assertThat(r.getList("externalComponents", String.class).get(0))
                .contains("pkg:npm/left-pad");
        assertThat(r.getInt("distinct")).isEqualTo(3);
        assertThat(softwareOf(s17)).isEqualTo(3);
        // the dependency graph: the subject depends on jackson-databind, which depends on
        // jackson-core
        List<Map<String, Object>> edges =
                as(Tokens.auditor())
                        .queryParam("subject", s17)
                        .queryParam("environment", "STAGING")
                        .get("/imports/sbom/dependencies")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        assertThat(edges)
                .extracting(e -> e.get("ref") + "->" + e.get("dependsOn"))
                .containsExactly(
                        "app-1.7->jackson-databind",
                        "jackson-databind->jackson-core",
                        "jackson-core->null");
        assertThat(edges.get(1).get("softwareId")).isNotNull();
        assertThat(edges.get(1).get("dependsOnSoftwareId")).isNotNull();

        String s17x = unique("spec17x");
        post(s17x, "text/xml", resource("app-1.7.cdx.xml").getBytes(StandardCharsets.UTF_8))
                .statusCode(200)
                .body("specVersion", equalTo("1.7"))
                .body("readAs", equalTo("1.6"))
                .body("format", equalTo("XML"))
                .body("components", equalTo(3))
                .body("external", equalTo(1))
                .body("distinct", equalTo(2));
    }

    // ------------------------------------------------------------------------------------------
    // hostile files

    static void rejected(String subject, String contentType, byte[] body, String placeOrText) {
        int before = allSoftware();
        post(subject, contentType, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString(placeOrText));
        assertThat(allSoftware()).as("nothing written").isEqualTo(before);
        assertThat(softwareOf(subject)).isEqualTo(1);
    }

    /**
     * A subject holding one package, so that a rejected re-import can be seen to leave it
     * unchanged.
     */
    static String seeded() {
        String subject = unique("hostile");
        post(
                        subject,
                        "application/json",
                        ("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
                                        + "{\"type\":\"library\",\"name\":\"seed\",\"version\":\"1.0\",\"purl\":\"pkg:npm/seed@1.0\"}]}")
                                .getBytes(StandardCharsets.UTF_8))
                .statusCode(200);
        return subject;
    }

    @Test
    @DisplayName(
            "R-AS-5 SEC hostile SBOMs: truncated, 10,000 levels deep (JSON and XML), huge numbers, wrong encoding → 400 naming the place, nothing written")
    void SEC_hostile_sboms_are_400_and_write_nothing() throws IOException {
        String subject = seeded();
        byte[] keycloak = shared("keycloak-10.0.2.cdx-1.4.json");
        byte[] truncated = java.util.Arrays.copyOf(keycloak, 100_000);
        rejected(subject, "application/json", truncated, "line");

        StringBuilder deep =
                new StringBuilder(
                        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[");
        deep.append("{\"name\":\"c\",\"components\":[".repeat(10_000))
                .append("]}".repeat(10_000))
                .append("]}");
        rejected(
                subject,
                "application/json",
                deep.toString().getBytes(StandardCharsets.UTF_8),
                "nesting depth");

        StringBuilder deepXml =
                new StringBuilder(
                        "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>");
        deepXml.append("<component type=\"library\"><name>c</name><components>".repeat(10_000));
        deepXml.append("</components></component>".repeat(10_000)).append("</components></bom>");
        rejected(
                subject,
                "application/xml",
                deepXml.toString().getBytes(StandardCharsets.UTF_8),
                "nested deeper than");

        String hugeNumber =
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":"
                        + "9".repeat(100_000)
                        + ",\"components\":[]}";
        rejected(
                subject, "application/json", hugeNumber.getBytes(StandardCharsets.UTF_8), "line 1");
        String overInt =
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":99999999999999,"
                        + "\"components\":[]}";
        rejected(
                subject, "application/json", overInt.getBytes(StandardCharsets.UTF_8), "$.version");

        // Latin-1 bytes in a UTF-8 JSON and in an XML that declares UTF-8
        byte[] latin1 =
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"name\":\"caf\u00e9\"}]}"
                        .getBytes(StandardCharsets.ISO_8859_1);
        rejected(subject, "application/json", latin1, "UTF-8");
        byte[] latin1Xml =
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">"
                                + "<components><component type=\"library\"><name>caf\u00e9</name></component></components></bom>")
                        .getBytes(StandardCharsets.ISO_8859_1);
        rejected(subject, "application/xml", latin1Xml, "not well-formed XML at line 1");
    }

    @Test
    @DisplayName(
            "R-AS-5 SEC XML entity expansion and XXE: any DOCTYPE → 400 naming it, no entity resolved, nothing written")
    void SEC_xxe_and_entity_expansion_are_refused() {
        String subject = seeded();
        String xxe =
                "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component type=\"library\">"
                        + "<name>&xxe;</name><version>1</version></component></components></bom>";
        rejected(subject, "application/xml", xxe.getBytes(StandardCharsets.UTF_8), "DOCTYPE");
        StringBuilder lol =
                new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        lol.append(
                "]><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component type=\"library\">"
                        + "<name>&lol9;</name></component></components></bom>");
        rejected(
                subject,
                "application/xml",
                lol.toString().getBytes(StandardCharsets.UTF_8),
                "DOCTYPE");
    }

    @Test
    @DisplayName(
            "R-AS-5 a field the library cannot place makes it skip components: refused (400 naming $.components), never a short import")
    void R_AS_5_library_skipping_components_is_a_400() {
        String subject = seeded();
        // 'citations' is 1.7; in a document that claims 1.6 it is not mapped, and
        // cyclonedx-core-java then reads no components
        String doc =
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"citations\":[{\"pointers\":[\"/components/0\"],"
                        + "\"attributedTo\":\"x\",\"timestamp\":\"2025-01-01T00:00:00Z\"}],\"components\":[{\"type\":\"library\","
                        + "\"name\":\"a\",\"version\":\"1\"}]}";
        rejected(subject, "application/json", doc.getBytes(StandardCharsets.UTF_8), "$.components");
        String badPurl =
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":\"library\","
                        + "\"name\":\"a\",\"version\":\"1\",\"components\":[{\"name\":\"b\",\"purl\":\"pkg:maven/@1\"}]}]}";
        post(subject, "application/json", badPurl.getBytes(StandardCharsets.UTF_8))
                .statusCode(400)
                .body("errors.field", hasItem("$.components[0].components[0].purl"));
        assertThat(softwareOf(subject)).isEqualTo(1);
    }
}
