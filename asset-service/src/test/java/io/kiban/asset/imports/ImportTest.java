package io.kiban.asset.imports;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.adminIfMatch;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.etag;
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
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class ImportTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    static RequestSpecification sbom(String token, String subject, String environment) {
        return as(token).queryParam("subject", subject).queryParam("environment", environment);
    }

    @Test
    void
            sbom_import_keeps_nested_and_purl_less_components_collapses_duplicates_and_reports_a_reimport()
                    throws IOException {
        String subject = unique("image");
        JsonPath first =
                sbom(Tokens.vendor("vendor-a"), subject, "STAGING")
                        .body(resource("sbom-v1.cdx.json"))
                        .post("/imports/sbom")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(first.getInt("components")).isEqualTo(8);
        assertThat(first.getInt("distinct")).isEqualTo(7);
        assertThat(first.getInt("added")).isEqualTo(7);
        assertThat(first.getString("specVersion")).isEqualTo("1.5");
        List<String> names =
                as(Tokens.auditor())
                        .queryParam("sbomSubject", subject)
                        .queryParam("size", 200)
                        .get("/software")
                        .jsonPath()
                        .getList("name", String.class);
        assertThat(names)
                .contains(
                        "parse.go",
                        "debian",
                        "golang.org/x/text/language",
                        "org.apache.logging.log4j:log4j-core");

        JsonPath second =
                sbom(Tokens.jpoAdmin(), subject, "STAGING")
                        .body(resource("sbom-v2.cdx.json"))
                        .post("/imports/sbom")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(second.getList("addedPackages", String.class))
                .containsExactly("pkg:maven/org.apache.commons/commons-text");
        assertThat(second.getList("removedPackages", String.class))
                .contains("pkg:maven/org.apache.logging.log4j/log4j-api", "parse.go");
        assertThat(second.getString("changed[0].identity"))
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
        assertThat(second.getList("changed[0].from", String.class)).containsExactly("2.14.1");
        assertThat(second.getList("changed[0].to", String.class)).containsExactly("2.17.1");
        assertThat(second.getInt("unchanged")).isEqualTo(2);
        assertThat(
                        as(Tokens.auditor())
                                .queryParam("sbomSubject", subject)
                                .get("/software")
                                .header("X-Total-Count"))
                .isEqualTo("4");
    }

    @Test
    void bad_sbom_files_are_400_naming_the_first_problem_and_write_nothing() throws IOException {
        String subject = unique("image");
        byte[] good = resource("sbom-v1.cdx.json");
        sbom(Tokens.jpoAdmin(), subject, "STAGING")
                .body(Arrays.copyOf(good, good.length / 2))
                .post("/imports/sbom")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        // issue 18: 1.2–1.7 are read now; 1.1 is not
        sbom(Tokens.jpoAdmin(), subject, "STAGING")
                .body(new String(good).replace("\"1.5\"", "\"1.1\""))
                .post("/imports/sbom")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$.specVersion"));
        sbom(Tokens.jpoAdmin(), subject, "STAGING")
                .body(new String(good).replace("\"name\": \"jackson-databind\",", ""))
                .post("/imports/sbom")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$.components[3].name"));
        sbom(Tokens.jpoAdmin(), subject, "STAGING")
                .body(new String(good).replace("\"name\": \"parse.go\",", ""))
                .post("/imports/sbom")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$.components[4].components[0].components[0].name"));
        sbom(Tokens.jpoAdmin(), subject, null)
                .body(good)
                .post("/imports/sbom")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("environment"));
        assertThat(
                        as(Tokens.auditor())
                                .queryParam("sbomSubject", subject)
                                .get("/software")
                                .header("X-Total-Count"))
                .isEqualTo("0");
        sbom(Tokens.vendor("vendor-b"), subject, "STAGING")
                .body(good)
                .post("/imports/sbom")
                .then()
                .statusCode(403);
        sbom(Tokens.auditor(), subject, "STAGING")
                .body(good)
                .post("/imports/sbom")
                .then()
                .statusCode(403);
    }

    @Test
    void an_import_over_50_MB_is_413() throws Exception {
        byte[] big = new byte[50 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:"
                                                + RestAssured.port
                                                + "/imports/sbom?environment=STAGING&subject=too-big"))
                        .header("Authorization", "Bearer " + Tokens.jpoAdmin())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                        .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("payload-too-large");
        } catch (IOException e) {
            // the server may close the connection before the client has sent everything: refused as
            // well
        }
    }

    @Test
    void
            R_AS_5_osv_findings_need_a_plan_confirmed_by_jpo_before_it_is_applied_each_step_with_if_match()
                    throws IOException {
        String subject = unique("image");
        sbom(Tokens.jpoAdmin(), subject, "PRODUCTION")
                .body(resource("sbom-v1.cdx.json"))
                .post("/imports/sbom")
                .then()
                .statusCode(200);
        admin().queryParam("source", "osv-log4j.json")
                .body(resource("osv-log4j.json"))
                .post("/imports/osv")
                .then()
                .statusCode(200)
                .body("advisories", equalTo(1));
        admin().body(resource("osv-many.json"))
                .post("/imports/osv")
                .then()
                .statusCode(200)
                .body("advisories", equalTo(2));

        JsonPath found =
                as(Tokens.auditor())
                        .queryParam("environment", "PRODUCTION")
                        .queryParam("size", 200)
                        .get("/findings")
                        .jsonPath();
        List<Map<String, Object>> mine =
                found.getList("findAll { it.installedWhere == '" + subject + "' }");
        assertThat(mine)
                .extracting(m -> m.get("advisory") + " " + m.get("softwareName"))
                .containsExactlyInAnyOrder(
                        "GHSA-TEST-LOG4J org.apache.logging.log4j:log4j-core",
                        "GHSA-TEST-GOTEXT golang.org/x/text",
                        "GHSA-TEST-GOTEXT golang.org/x/text/language",
                        "GHSA-TEST-JACKSON com.fasterxml.jackson.core:jackson-databind");
        long id =
                ((Number)
                                mine.stream()
                                        .filter(m -> m.get("advisory").equals("GHSA-TEST-LOG4J"))
                                        .findFirst()
                                        .orElseThrow()
                                        .get("id"))
                        .longValue();

        String path = "/findings/" + id;
        adminIfMatch(path)
                .body(Map.of("appliedOn", "2027-01-14"))
                .post(path + "/plan/application")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-AS-5"));
        Map<String, String> plan =
                Map.of("action", "upgrade log4j-core to 2.17.1", "targetDate", "2027-01-10");
        as(Tokens.vendor("vendor-a")).body(plan).put(path + "/plan").then().statusCode(428);
        as(Tokens.vendor("vendor-a"))
                .header("If-Match", "\"99\"")
                .body(plan)
                .put(path + "/plan")
                .then()
                .statusCode(412);
        as(Tokens.vendor("vendor-a"))
                .header("If-Match", etag(path))
                .body(plan)
                .put(path + "/plan")
                .then()
                .statusCode(200)
                .body("status", equalTo("PLANNED"))
                .body("overdue", equalTo(true));
        assertThat(
                        as(Tokens.jpoStaff())
                                .queryParam("overdue", true)
                                .queryParam("size", 200)
                                .get("/findings")
                                .jsonPath()
                                .getList("id", Long.class))
                .contains(id);
        as(Tokens.vendor("vendor-a"))
                .header("If-Match", etag(path))
                .body(Map.of("appliedOn", "2027-01-14"))
                .post(path + "/plan/application")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-AS-5"));
        as(Tokens.vendor("vendor-a"))
                .header("If-Match", etag(path))
                .post(path + "/plan/confirmation")
                .then()
                .statusCode(403);
        admin().post(path + "/plan/confirmation").then().statusCode(428);
        admin().header("If-Match", "\"99\"")
                .post(path + "/plan/confirmation")
                .then()
                .statusCode(412);
        adminIfMatch(path)
                .post(path + "/plan/confirmation")
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("confirmedBy", equalTo("jpo-admin1"));
        as(Tokens.vendor("vendor-a"))
                .body(Map.of("appliedOn", "2027-01-14"))
                .post(path + "/plan/application")
                .then()
                .statusCode(428);
        as(Tokens.vendor("vendor-a"))
                .header("If-Match", etag(path))
                .body(Map.of("appliedOn", "2027-01-14"))
                .post(path + "/plan/application")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("overdue", equalTo(false));
        assertThat(
                        as(Tokens.jpoStaff())
                                .queryParam("overdue", true)
                                .queryParam("size", 200)
                                .get("/findings")
                                .jsonPath()
                                .getList("id", Long.class))
                .doesNotContain(id);
    }

    @Test
    void bad_osv_files_are_400_naming_the_path() {
        admin().body(
                        "{\"id\":\"X\",\"affected\":[{\"package\":{\"ecosystem\":\"Maven\",\"name\":\"a:b\"},"
                                + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":5}]}]}]}")
                .post("/imports/osv")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$.affected[0].ranges[0].events[1].fixed"));
        admin().body("[{\"summary\":\"no id\"}]")
                .post("/imports/osv")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$[0].id"));
        admin().body("[{\"id\":\"GHSA-TEST-ROLLBACK\"},{\"id\":1, \"affected\": 3}]")
                .post("/imports/osv")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$[1].affected"));
        as(Tokens.auditor())
                .queryParam("advisory", "GHSA-TEST-ROLLBACK")
                .get("/findings")
                .then()
                .statusCode(200);
    }

    @Test
    void real_public_files_import() throws IOException {
        Path data = Path.of("../../shared/data");
        // real public data: missing data is a failure, never a skip (CI has ../shared beside the
        // clone)
        assertThat(data.resolve("sbom"))
                .as("../shared/data/sbom (the real CycloneDX files)")
                .isDirectory();
        String subject = unique("keycloak");
        JsonPath r =
                sbom(Tokens.jpoAdmin(), subject, "STAGING")
                        .body(Files.readAllBytes(data.resolve("sbom/keycloak-10.0.2.cdx-1.4.json")))
                        .post("/imports/sbom")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(r.getInt("components")).isEqualTo(903);
        assertThat(r.getInt("distinct")).isEqualTo(903);
        JsonPath minikube =
                sbom(Tokens.jpoAdmin(), unique("minikube"), "STAGING")
                        .body(
                                Files.readAllBytes(
                                        data.resolve(
                                                "sbom/minikube-v1.23.1-with-files.cdx-1.5.json")))
                        .post("/imports/sbom")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(minikube.getInt("components")).isEqualTo(2762);
        admin().body(Files.readAllBytes(data.resolve("osv/GHSA-mjmj-j48q-9wg2.json")))
                .post("/imports/osv")
                .then()
                .statusCode(200);
        List<String> versions =
                as(Tokens.auditor())
                        .queryParam("advisory", "GHSA-mjmj-j48q-9wg2")
                        .queryParam("size", 200)
                        .get("/findings")
                        .jsonPath()
                        .getList(
                                "findAll { it.installedWhere == '"
                                        + subject
                                        + "' }.softwareVersion",
                                String.class);
        assertThat(versions).contains("1.14", "1.17", "1.19", "1.20");
    }
}
