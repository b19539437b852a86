package io.kiban.asset.imports;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-AS-4 (issue 18 item 4): stored endoflife.date cycles apply whenever software is created,
 * changed or imported later — not only at the release file's import; a hand-entered deadline that
 * contradicts the stored cycle is kept and flagged; default product mappings exist for the
 * baseline's products.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class EndOfLifeAppliedTest {

    static Map<String, Object> software(String name, String version, String deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("version", version);
        body.put("softwareClass", "MIDDLEWARE");
        body.put("supportDeadline", deadline);
        body.put("installedOn", "CLUSTER");
        body.put("host", "k8s-staging");
        body.put("environment", "STAGING");
        return body;
    }

    @Test
    @DisplayName(
            "R-AS-4 cycles imported before the software exists apply when it is created, changed or imported from an SBOM")
    void R_AS_4_stored_cycles_apply_to_software_added_later() {
        String name = unique("TestDB");
        String product = name.toLowerCase(Locale.ROOT);
        admin().body(
                        Map.of(
                                "product",
                                product,
                                "matchKind",
                                "NAME",
                                "pattern",
                                name,
                                "cycleFormat",
                                "MAJOR_MINOR"))
                .post("/eol-mappings")
                .then()
                .statusCode(201);
        // the release file (mariadb's real 10.11 and 10.6 dates) comes first: no software yet
        admin().queryParam("product", product)
                .queryParam("asOf", "2026-08-22")
                .queryParam("source", "test release file")
                .body(
                        "[{\"cycle\":\"10.11\",\"releaseDate\":\"2023-02-16\",\"eol\":\"2028-02-16\"},"
                                + "{\"cycle\":\"10.6\",\"releaseDate\":\"2021-07-06\",\"eol\":\"2026-07-06\"}]")
                .post("/imports/endoflife")
                .then()
                .statusCode(200);

        JsonPath created =
                admin().body(software(name, "10.11.9", null))
                        .post("/software")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        assertThat(created.getString("supportDeadline")).isEqualTo("2028-02-16");
        assertThat(created.getString("supportSource")).isEqualTo("test release file (cycle 10.11)");
        long id = created.getLong("id");

        String etag =
                admin().get("/software/" + id).then().statusCode(200).extract().header("ETag");
        admin().header("If-Match", etag)
                .body(software(name, "10.6.18", null))
                .put("/software/" + id)
                .then()
                .statusCode(200)
                .body("supportDeadline", org.hamcrest.Matchers.equalTo("2026-07-06"));

        String subject = unique("eol-sbom");
        admin().queryParam("subject", subject)
                .queryParam("environment", "STAGING")
                .queryParam("installedOn", "CLUSTER")
                .body(
                        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":\"application\","
                                + "\"name\":\""
                                + name
                                + "\",\"version\":\"10.11.5\"}]}")
                .post("/imports/sbom")
                .then()
                .statusCode(200);
        assertThat(
                        admin().queryParam("sbomSubject", subject)
                                .get("/software")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getString("[0].supportDeadline"))
                .isEqualTo("2028-02-16");
    }

    @Test
    @DisplayName(
            "R-AS-4 a hand-entered deadline contradicting the stored cycle is kept, flagged, and listed in the support risks")
    void R_AS_4_contradicting_hand_entered_deadline_is_flagged() {
        String name = unique("FlagDB");
        String product = name.toLowerCase(Locale.ROOT);
        admin().body(
                        Map.of(
                                "product",
                                product,
                                "matchKind",
                                "NAME",
                                "pattern",
                                name,
                                "cycleFormat",
                                "MAJOR_MINOR"))
                .post("/eol-mappings")
                .then()
                .statusCode(201);
        admin().queryParam("product", product)
                .queryParam("source", "test release file")
                .body("[{\"cycle\":\"10.11\",\"eol\":\"2028-02-16\"}]")
                .post("/imports/endoflife")
                .then()
                .statusCode(200);

        JsonPath sw =
                admin().body(software(name, "10.11.2", "2032-12-31"))
                        .post("/software")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        assertThat(sw.getString("supportDeadline")).isEqualTo("2032-12-31");
        assertThat(sw.getString("supportConflict"))
                .isEqualTo(
                        "hand-entered deadline 2032-12-31 contradicts test release file (cycle 10.11): 2028-02-16");
        long id = sw.getLong("id");
        // a deadline beyond the contract end would not be a risk — the contradiction puts it in the
        // report
        List<Map<String, Object>> risks =
                as(Tokens.auditor())
                        .queryParam("environment", "STAGING")
                        .queryParam("includeUnknown", false)
                        .queryParam("size", 200)
                        .get("/software/support-risks")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.softwareId == " + id + " }");
        assertThat(risks)
                .singleElement()
                .satisfies(
                        r -> assertThat((String) r.get("supportConflict")).contains("2028-02-16"));

        // re-importing the release file does not overwrite the hand-entered value either
        admin().queryParam("product", product)
                .queryParam("source", "test release file")
                .body("[{\"cycle\":\"10.11\",\"eol\":\"2028-02-16\"}]")
                .post("/imports/endoflife")
                .then()
                .statusCode(200);
        assertThat(
                        admin().get("/software/" + id)
                                .then()
                                .extract()
                                .jsonPath()
                                .getString("supportDeadline"))
                .isEqualTo("2032-12-31");

        // a hand-entered deadline equal to the cycle's is not a contradiction
        JsonPath same =
                admin().body(software(name, "10.11.3", "2028-02-16"))
                        .post("/software")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        assertThat(same.getString("supportConflict")).isNull();
    }

    @Test
    @DisplayName(
            "R-AS-4 default mappings exist for the baseline's products (Kubernetes, Ubuntu, RHEL, MariaDB, PostgreSQL, Temurin, Quarkus, Keycloak)")
    void R_AS_4_default_mappings() {
        List<String> products =
                admin().queryParam("size", 200)
                        .get("/eol-mappings")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("product", String.class);
        assertThat(products)
                .contains(
                        "kubernetes",
                        "ubuntu",
                        "rhel",
                        "mariadb",
                        "postgresql",
                        "eclipse-temurin",
                        "quarkus-framework",
                        "keycloak");
    }
}
