package io.kiban.asset.i18n;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the example request bodies of the main create operations, as Swagger UI shows them, are
 * real requests that the service accepts — read from /q/openapi, so that this test breaks when an
 * example rots.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class DocumentedExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The documented example of an operation's JSON body: on the media type, else on its schema.
     */
    static ObjectNode example(String path, String method) throws Exception {
        JsonNode doc =
                JSON.readTree(
                        given().queryParam("format", "json")
                                .get("/q/openapi")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        JsonNode media =
                doc.path("paths")
                        .path(path)
                        .path(method)
                        .path("requestBody")
                        .path("content")
                        .path("application/json");
        JsonNode example = media.path("example");
        if (example.isMissingNode() && media.path("examples").size() > 0) {
            example = media.path("examples").elements().next().path("value");
        }
        if (example.isMissingNode()) {
            String ref = media.path("schema").path("$ref").asText();
            JsonNode schema =
                    doc.path("components")
                            .path("schemas")
                            .path(ref.substring(ref.lastIndexOf('/') + 1));
            example =
                    schema.has("examples") && schema.path("examples").size() > 0
                            ? schema.path("examples").get(0)
                            : schema.path("example");
        }
        assertThat(example.isMissingNode())
                .as(
                        "documented example of %s %s in %s",
                        method, path, doc.path("paths").path(path).path(method).path("requestBody"))
                .isFalse();
        JsonNode body = example.isTextual() ? JSON.readTree(example.asText()) : example;
        assertThat(body.isObject()).isTrue();
        return (ObjectNode) body.deepCopy();
    }

    @Test
    @DisplayName(
            "#17 R-AS-2: the documented example of POST /hardware registers a new server (201)")
    void issue17_documented_hardware_example_is_accepted() throws Exception {
        ObjectNode body = example("/hardware", "post");
        assertThat(body.path("condition").asText()).isEqualTo("NEW");
        // the serial number is unique in the ledger: the example's own would clash on the second
        // run
        String serial = unique("MAJ2540");
        body.put("serialNumber", serial);
        JsonPath created =
                as(Tokens.vendor("vendor-a"))
                        .body(JSON.writeValueAsString(body))
                        .post("/hardware")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        assertThat(created.getString("serialNumber")).isEqualTo(serial);
        assertThat(created.getString("name")).isEqualTo("PRIMERGY RX2540 M7");
        assertThat(created.getString("environment")).isEqualTo("STAGING");
        assertThat(created.getString("hardwareClass")).isEqualTo("SERVER");
        assertThat(created.getString("status")).isEqualTo("ORDERED");
    }

    @Test
    @DisplayName(
            "#17 the import bodies are the documented types: an OSV advisory sent as XML is 415, nothing imported")
    void issue17_osv_import_takes_only_the_documented_media_types() {
        String before = admin().get("/findings?size=1").header("X-Total-Count");
        admin().contentType("text/xml")
                .body("<advisory/>")
                .post("/imports/osv")
                .then()
                .statusCode(415);
        admin().contentType("application/vnd.cyclonedx+json")
                .body("{}")
                .post("/imports/endoflife?product=quarkus-framework")
                .then()
                .statusCode(415);
        admin().get("/findings?size=1")
                .then()
                .header("X-Total-Count", org.hamcrest.Matchers.equalTo(before));
    }

    @Test
    @DisplayName(
            "#17 the documented example of POST /software registers PostgreSQL on the STAGING cluster (201)")
    void issue17_documented_software_example_is_accepted() throws Exception {
        ObjectNode body = example("/software", "post");
        JsonPath created =
                admin().body(JSON.writeValueAsString(body))
                        .post("/software")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        assertThat(created.getString("name")).isEqualTo("PostgreSQL");
        assertThat(created.getString("installedOn")).isEqualTo("CLUSTER");
        assertThat(created.getString("environment")).isEqualTo("STAGING");
        assertThat(created.getString("softwareClass")).isEqualTo("DATABASE");
    }
}
