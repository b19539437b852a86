package io.kiban.asset.baseline;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.adminIfMatch;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.newHardware;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class BaselineTest {

    @Test
    void R_AS_1_the_procurement_baseline_is_loaded_as_data() {
        JsonPath prod =
                as(Tokens.auditor())
                        .queryParam("environment", "PRODUCTION")
                        .get("/baseline")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(prod.getInt("find { it.itemCode == 'K8S-CP' }.requiredQuantity")).isEqualTo(3);
        assertThat(prod.getInt("find { it.itemCode == 'VIRT-HOST' }.requiredQuantity"))
                .isEqualTo(2);
        assertThat(prod.getString("find { it.itemCode == 'DIST-BOARD' }.environment"))
                .isEqualTo("SHARED");
        JsonPath staging =
                as(Tokens.auditor())
                        .queryParam("environment", "STAGING")
                        .get("/baseline")
                        .jsonPath();
        assertThat(staging.getInt("find { it.itemCode == 'VIRT-HOST' }.requiredQuantity"))
                .isEqualTo(1);
        JsonPath all = as(Tokens.auditor()).get("/baseline").jsonPath();
        assertThat(
                        all.getList(
                                "findAll { !it.itemCode.startsWith('T-') && !it.itemCode.startsWith('E-') }"))
                .hasSize(21);
        assertThat(all.getInt("findAll { it.itemCode == 'DIST-BOARD' }.size()")).isEqualTo(1);
        assertThat(all.getInt("find { it.itemCode == 'DIST-BOARD' }.requiredQuantity"))
                .isEqualTo(1);
    }

    @Test
    void R_AS_1_conformance_reports_missing_surplus_and_undelivered_per_line() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        admin().body(
                        Map.of(
                                "itemCode",
                                code,
                                "hardwareClass",
                                "NETWORK",
                                "name",
                                "test switch",
                                "environment",
                                "STAGING",
                                "requiredQuantity",
                                2))
                .post("/baseline")
                .then()
                .statusCode(201);
        JsonPath before = conformance("STAGING");
        assertThat(before.getInt("lines.find { it.itemCode == '" + code + "' }.missing"))
                .isEqualTo(2);
        assertThat(before.getBoolean("complete")).isFalse();

        long a = newHardware("hardwareClass", "NETWORK", "baselineItem", code);
        adminIfMatch("/hardware/" + a)
                .body(Map.of("status", "DELIVERED", "deliveredOn", "2027-01-10"))
                .post("/hardware/" + a + "/status")
                .then()
                .statusCode(200);
        JsonPath one = conformance("STAGING");
        Map<String, Object> line = one.getMap("lines.find { it.itemCode == '" + code + "' }");
        assertThat(line)
                .containsEntry("required", 2)
                .containsEntry("registered", 1)
                .containsEntry("delivered", 1)
                .containsEntry("missing", 1)
                .containsEntry("surplus", 0)
                .containsEntry("undelivered", 1)
                .containsEntry("conforms", false);

        newHardware("hardwareClass", "NETWORK", "baselineItem", code);
        newHardware("hardwareClass", "NETWORK", "baselineItem", code);
        Map<String, Object> three =
                conformance("STAGING").getMap("lines.find { it.itemCode == '" + code + "' }");
        assertThat(three)
                .containsEntry("registered", 3)
                .containsEntry("missing", 0)
                .containsEntry("surplus", 1)
                .containsEntry("undelivered", 1);

        // the shared distribution board counts in both environments' reports
        assertThat(conformance("PRODUCTION").getList("lines.itemCode")).contains("DIST-BOARD");
        assertThat(conformance("STAGING").getList("lines.itemCode"))
                .contains("DIST-BOARD")
                .doesNotContain("NOPE");
        as(Tokens.auditor())
                .queryParam("environment", "MOON")
                .get("/baseline/conformance")
                .then()
                .statusCode(400);
    }

    @Test
    void R_AS_1_baseline_is_editable_by_jpo_admin_only() {
        String code = "E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body =
                Map.of(
                        "itemCode",
                        code,
                        "hardwareClass",
                        "RACK",
                        "name",
                        "rack",
                        "environment",
                        "PRODUCTION",
                        "requiredQuantity",
                        1);
        as(Tokens.vendor("vendor-a")).body(body).post("/baseline").then().statusCode(403);
        long id =
                admin().body(body)
                        .post("/baseline")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        admin().body(body).post("/baseline").then().statusCode(409);
        Map<String, Object> changed =
                Map.of(
                        "itemCode",
                        code,
                        "hardwareClass",
                        "RACK",
                        "name",
                        "rack",
                        "environment",
                        "PRODUCTION",
                        "requiredQuantity",
                        4);
        admin().header("If-Match", "\"0\"")
                .body(changed)
                .put("/baseline/" + id)
                .then()
                .statusCode(200)
                .body("requiredQuantity", equalTo(4));
        admin().body(
                        Map.of(
                                "itemCode",
                                "bad code",
                                "hardwareClass",
                                "RACK",
                                "name",
                                "x",
                                "environment",
                                "PRODUCTION",
                                "requiredQuantity",
                                -1))
                .post("/baseline")
                .then()
                .statusCode(400);
        newHardware("hardwareClass", "RACK", "environment", "PRODUCTION", "baselineItem", code);
        admin().header("If-Match", "\"1\"").delete("/baseline/" + id).then().statusCode(409);
    }

    private static JsonPath conformance(String environment) {
        return as(Tokens.service("lifecycle"))
                .queryParam("environment", environment)
                .get("/baseline/conformance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
