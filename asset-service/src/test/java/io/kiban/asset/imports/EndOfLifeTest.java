package io.kiban.asset.imports;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class EndOfLifeTest {

    static long software(String name, String version) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("version", version);
        body.put("softwareClass", "DATABASE");
        body.put("installedOn", "VM");
        body.put("host", "db-vm-1");
        body.put("environment", "STAGING");
        return admin().body(body)
                .post("/software")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void R_AS_4_endoflife_dates_and_booleans_fill_support_deadlines_of_mapped_software() {
        String product = "testdb-" + unique("p").toLowerCase().substring(2);
        String name = unique("TestDB");
        Map<String, Object> mapping =
                Map.of(
                        "product",
                        product,
                        "matchKind",
                        "NAME",
                        "pattern",
                        name,
                        "cycleFormat",
                        "MAJOR_MINOR");
        as(Tokens.vendor("vendor-a")).body(mapping).post("/eol-mappings").then().statusCode(403);
        admin().body(mapping).post("/eol-mappings").then().statusCode(201);
        long current = software(name, "10.11.6");
        long ended = software(name, "10.6.1");
        long unannounced = software(name, "11.4.2");

        String releases =
                "[{\"cycle\":\"10.11\",\"releaseDate\":\"2023-02-16\",\"eol\":\"2028-02-16\","
                        + "\"support\":\"2025-02-16\",\"latest\":\"10.11.9\"},"
                        + "{\"cycle\":\"10.6\",\"eol\":true,\"support\":false},"
                        + "{\"cycle\":\"11.4\",\"eol\":false,\"support\":true}]";
        as(Tokens.vendor("vendor-a"))
                .queryParam("product", product)
                .queryParam("asOf", "2027-01-10")
                .body(releases)
                .post("/imports/endoflife")
                .then()
                .statusCode(200)
                .body("cycles", equalTo(3))
                .body("updated", equalTo(3));

        admin().get("/software/" + current)
                .then()
                .body("supportDeadline", equalTo("2028-02-16"))
                .body("activeSupportUntil", equalTo("2025-02-16"))
                .body("supportAsOf", equalTo("2027-01-10"))
                .body(
                        "supportSource",
                        equalTo("endoflife.date/" + product + ".json (cycle 10.11)"));
        admin().get("/software/" + ended).then().body("supportEnded", equalTo(true));
        admin().get("/software/" + unannounced)
                .then()
                .body("supportEnded", equalTo(false))
                .body("supportDeadline", equalTo(null));

        JsonPath risks = as(Tokens.auditor()).get("/software/support-risks").jsonPath();
        assertThat(risks.getString("find { it.softwareId == " + current + " }.level"))
                .isEqualTo("BEFORE_CONTRACT_END");
        assertThat(risks.getString("find { it.softwareId == " + ended + " }.level"))
                .isEqualTo("ENDED");
        as(Tokens.auditor())
                .get("/software/" + current + "/history")
                .then()
                .statusCode(200)
                .body("[1].changes.field", hasItem("supportDeadline"));
    }

    @Test
    void bad_endoflife_files_are_400_naming_the_place() {
        admin().queryParam("product", "x")
                .body(
                        "[{\"cycle\":\"1\",\"eol\":\"2030-01-01\"},{\"cycle\":\"2\",\"eol\":\"soon\"}]")
                .post("/imports/endoflife")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$[1].eol"));
        admin().queryParam("product", "x")
                .body("{\"cycle\":\"1\"}")
                .post("/imports/endoflife")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$"));
        admin().queryParam("product", "Bad Name")
                .body("[]")
                .post("/imports/endoflife")
                .then()
                .statusCode(400);
        admin().queryParam("product", "x")
                .body("[{\"eol\":false}]")
                .post("/imports/endoflife")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$[0].cycle"));
    }

    @Test
    void real_endoflife_files_import() throws Exception {
        Path file = Path.of("../../shared/data/endoflife/products/kubernetes.json");
        // real public data: missing data is a failure, never a skip (CI has ../shared beside the
        // clone)
        assertThat(file).as("../shared/data (the real endoflife.date files)").exists();
        admin().queryParam("product", "kubernetes")
                .body(Files.readAllBytes(file))
                .post("/imports/endoflife")
                .then()
                .statusCode(200)
                .body("cycles", equalTo(21));
        Path mariadb = Path.of("../../shared/data/endoflife/products/mariadb.json");
        admin().queryParam("product", "mariadb")
                .body(Files.readAllBytes(mariadb))
                .post("/imports/endoflife")
                .then()
                .statusCode(200)
                .body("cycles", equalTo(29));
    }
}
