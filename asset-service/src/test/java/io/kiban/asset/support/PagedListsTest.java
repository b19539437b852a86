package io.kiban.asset.support;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 10: every list is paged — size 1…200, X-Total-Count, Link; out of range → 400,
 * never 500.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class PagedListsTest {

    @Test
    void SEC_every_list_is_paged() {
        long hw = newHardware("maintenanceDeadline", "2030-01-31");
        admin().header("If-Match", "\"0\"")
                .body(
                        io.kiban.asset.AssetApi.hardware(
                                unique("SN"), "maintenanceDeadline", "2030-02-28"))
                .put("/hardware/" + hw)
                .then()
                .statusCode(200);
        long medium =
                admin().body(Map.of("kind", "SSD", "serial", unique("SSD"), "condition", "NEW"))
                        .post("/hardware/" + hw + "/media")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        long facility =
                admin().body(Map.of("name", unique("DC"), "form", "庁舎内", "rackCount", 1))
                        .post("/facilities")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        long rack =
                admin().body(Map.of("name", "R01", "heightUnits", 42))
                        .post("/facilities/" + facility + "/racks")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");

        List<String> lists =
                List.of(
                        "/media",
                        "/hardware/" + hw + "/media",
                        "/hardware/" + hw + "/history",
                        "/media/" + medium + "/history",
                        "/baseline",
                        "/eol-mappings",
                        "/software/drift",
                        "/hardware/maintenance-risks",
                        "/software/support-risks",
                        "/facilities/" + facility + "/racks",
                        "/facilities/" + facility + "/racks/" + rack + "/positions",
                        "/facilities/" + facility + "/racks/" + rack + "/history",
                        "/facilities/" + facility + "/history",
                        "/hardware",
                        "/software",
                        "/kpis",
                        "/findings",
                        "/lines");
        for (String path : lists) {
            Response r = as(Tokens.auditor()).queryParam("page", 0).queryParam("size", 1).get(path);
            r.then().statusCode(200);
            assertThat(r.header("X-Total-Count")).as(path).isNotNull();
            assertThat(r.header("Link")).as(path).contains("rel=\"first\"");
            assertThat(r.jsonPath().getList("$")).as(path).hasSizeLessThanOrEqualTo(1);
            as(Tokens.auditor()).queryParam("size", 201).get(path).then().statusCode(400);
        }
        // two revisions of the hardware item: page 1 of size 1 is the second one
        as(Tokens.auditor())
                .queryParam("page", 1)
                .queryParam("size", 1)
                .get("/hardware/" + hw + "/history")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "2")
                .body("[0].type", org.hamcrest.Matchers.equalTo("UPDATED"));
        // page × size beyond any list → 400, not 500
        as(Tokens.auditor())
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 200)
                .get("/media")
                .then()
                .statusCode(400);
    }
}
