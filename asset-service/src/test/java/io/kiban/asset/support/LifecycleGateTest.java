package io.kiban.asset.support;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.createHardware;
import static io.kiban.asset.AssetApi.hardware;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 14 item 8: nothing new enters an environment that is REMOVED or CLOSED (R-RM-1/R-RM-3). */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class LifecycleGateTest {

    @AfterEach
    void lifecycleBackToDefaults() {
        LifecycleServiceMock.reset();
    }

    static Map<String, Object> medium(String serial) {
        return Map.of(
                "kind",
                "SSD",
                "serial",
                serial,
                "make",
                "Samsung",
                "model",
                "PM893",
                "condition",
                "NEW");
    }

    static String total(String environment) {
        return as(Tokens.auditor())
                .queryParam("environment", environment)
                .queryParam("include", "removed")
                .get("/media")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Total-Count");
    }

    static String hardwareTotal(String environment) {
        return as(Tokens.auditor())
                .queryParam("environment", environment)
                .get("/hardware")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Total-Count");
    }

    @Test
    void R_RM_1_R_RM_3_removed_environment_takes_no_new_hardware_media_parts_or_swaps() {
        long hw = newHardware("environment", "STAGING");
        String old = unique("SSD");
        admin().body(medium(old)).post("/hardware/" + hw + "/media").then().statusCode(201);
        String hardwareBefore = hardwareTotal("STAGING");
        String mediaBefore = total("STAGING");

        LifecycleServiceMock.phase("STAGING", "REMOVED");

        createHardware(hardware(unique("SN"), "environment", "STAGING"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-RM-1"))
                .body(
                        "detail",
                        allOf(
                                containsString("R-RM-1"),
                                containsString("R-RM-3"),
                                containsString("REMOVED")));
        as(Tokens.vendor("vendor-a"))
                .body(medium(unique("SSD")))
                .post("/hardware/" + hw + "/media")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"));
        admin().body(Map.of("serial", unique("SSD"), "kind", "SSD", "reason", "found"))
                .post("/hardware/" + hw + "/media/unregistered-parts")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"));
        as(Tokens.service("maintenance"))
                .body(
                        Map.of(
                                "removedSerial",
                                old,
                                "installed",
                                Map.of("kind", "SSD", "serial", unique("SSD"), "condition", "NEW"),
                                "replacedOn",
                                "2027-01-14",
                                "reference",
                                "maintenance-service:ticket/9/replacement/1"))
                .post("/hardware/" + hw + "/media/replacements")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"));
        // moving an item of another environment into it is new hardware there too
        long prod = newHardware("environment", "PRODUCTION");
        var item = admin().get("/hardware/" + prod).then().extract();
        admin().header("If-Match", item.header("ETag"))
                .body(hardware(item.path("serialNumber"), "environment", "STAGING"))
                .put("/hardware/" + prod)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"));

        // nothing was written
        org.assertj.core.api.Assertions.assertThat(hardwareTotal("STAGING"))
                .isEqualTo(hardwareBefore);
        org.assertj.core.api.Assertions.assertThat(total("STAGING")).isEqualTo(mediaBefore);
        as(Tokens.auditor())
                .queryParam("hardwareId", hw)
                .get("/media")
                .then()
                .body("serial", equalTo(java.util.List.of(old)));

        // PRODUCTION is still in service
        createHardware(hardware(unique("SN"), "environment", "PRODUCTION")).then().statusCode(201);
    }

    @Test
    void R_RM_1_shared_distribution_board_follows_the_SHARED_phase() {
        long board = newHardware("environment", "SHARED", "hardwareClass", "POWER");
        LifecycleServiceMock.phase("SHARED", "CLOSED");
        createHardware(hardware(unique("SN"), "environment", "SHARED"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"))
                .body("detail", containsString("CLOSED"));
        admin().body(medium(unique("SSD")))
                .post("/hardware/" + board + "/media")
                .then()
                .statusCode(422);
        // STAGING and PRODUCTION are still IN_SERVICE
        createHardware(hardware(unique("SN"), "environment", "STAGING")).then().statusCode(201);

        LifecycleServiceMock.phase("SHARED", "REMOVING");
        admin().body(medium(unique("SSD")))
                .post("/hardware/" + board + "/media")
                .then()
                .statusCode(201);
    }

    @Test
    void R_RM_1_phase_unknown_is_503_never_a_silent_accept() {
        long hw = newHardware("environment", "PRODUCTION");
        String before = hardwareTotal("PRODUCTION");
        LifecycleServiceMock.down();
        createHardware(hardware(unique("SN"), "environment", "PRODUCTION"))
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("lifecycle-service"));
        admin().body(medium(unique("SSD")))
                .post("/hardware/" + hw + "/media")
                .then()
                .statusCode(503);
        LifecycleServiceMock.reset();
        org.assertj.core.api.Assertions.assertThat(hardwareTotal("PRODUCTION")).isEqualTo(before);
        as(Tokens.auditor())
                .queryParam("hardwareId", hw)
                .get("/media")
                .then()
                .header("X-Total-Count", "0");
    }
}
