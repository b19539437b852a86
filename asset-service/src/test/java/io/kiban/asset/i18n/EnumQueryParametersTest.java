package io.kiban.asset.i18n;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.newHardware;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the query parameters environment, status, class, include and installedOn are enums in
 * the OpenAPI document (a dropdown in Swagger UI), and an unknown value answers 400 problem+json
 * naming the parameter and the allowed values — before, /media?include=… answered 400 with its own
 * words and a typo elsewhere was a plain 400, and the spellings the console and the end-to-end
 * suite send keep working.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class EnumQueryParametersTest {

    private static void refused(
            RequestSpecification request,
            String path,
            String parameter,
            String value,
            String allowed) {
        request.get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        allOf(
                                containsString("parameter '" + parameter + "'"),
                                containsString("'" + value + "'"),
                                containsString("must be one of " + allowed)));
    }

    @Test
    @DisplayName(
            "#17 environment: an unknown environment on every list answers 400 naming PRODUCTION, STAGING, SHARED")
    void issue17_unknown_environment_is_400_naming_the_allowed_values() {
        String allowed = "PRODUCTION, STAGING, SHARED";
        for (String path :
                new String[] {
                    "/hardware",
                    "/hardware/maintenance-risks",
                    "/software",
                    "/software/support-risks",
                    "/media",
                    "/findings",
                    "/baseline",
                    "/baseline/conformance"
                }) {
            refused(
                    admin().queryParam("environment", "PROD"),
                    path,
                    "environment",
                    "PROD",
                    allowed);
        }
        refused(
                admin().queryParam("subject", "kiban/ai-gateway").queryParam("environment", "本番"),
                "/imports/sbom/dependencies",
                "environment",
                "本番",
                allowed);
        // a vendor gets the same answer, not a different one that would tell it more
        refused(
                as(Tokens.vendor("vendor-a")).queryParam("environment", "production "),
                "/hardware",
                "environment",
                "production ",
                allowed);
    }

    @Test
    @DisplayName(
            "#17 status/class: hardware status and class, software class and finding status are enums")
    void issue17_unknown_status_or_class_is_400_naming_the_allowed_values() {
        refused(
                admin().queryParam("status", "RUNNING"),
                "/hardware",
                "status",
                "RUNNING",
                "ORDERED, DELIVERED, INSTALLED, ACCEPTED, IN_SERVICE, END_OF_USE, REMOVED");
        refused(
                admin().queryParam("class", "GPU"),
                "/hardware",
                "class",
                "GPU",
                "SERVER, DISK_ARRAY, NETWORK, CONSOLE, RACK, POWER, OTHER");
        refused(
                admin().queryParam("class", "DB"),
                "/software",
                "class",
                "DB",
                "OS, MIDDLEWARE, DATABASE, APPLICATION, LIBRARY, FIRMWARE, CONTAINER, OTHER");
        refused(
                admin().queryParam("status", "DONE"),
                "/findings",
                "status",
                "DONE",
                "OPEN, PLANNED, CONFIRMED, APPLIED");
    }

    @Test
    @DisplayName(
            "#17 include: include=all on the media lists answers 400 naming REMOVED; include=removed still works")
    void issue17_unknown_include_is_400_and_removed_still_lists_removed_media() {
        long hw = newHardware();
        refused(admin().queryParam("include", "all"), "/media", "include", "all", "REMOVED");
        refused(
                admin().queryParam("include", "all"),
                "/hardware/" + hw + "/media",
                "include",
                "all",
                "REMOVED");
        // the spelling of the README, the console and the end-to-end suite (VendorAdversaryE2E,
        // StoryTickets)
        admin().queryParam("include", "removed")
                .get("/hardware/" + hw + "/media")
                .then()
                .statusCode(200);
        admin().queryParam("include", "REMOVED").get("/media").then().statusCode(200);
    }

    @Test
    @DisplayName(
            "#17 installedOn: an SBOM import with an unknown installedOn answers 400 and writes nothing")
    void issue17_unknown_installedOn_is_400_and_nothing_is_imported() {
        String before = admin().get("/software?size=1").header("X-Total-Count");
        String bom =
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[{\"type\":"
                        + "\"library\",\"name\":\"log4j-core\",\"group\":\"org.apache.logging.log4j\",\"version\":\"2.14.1\","
                        + "\"purl\":\"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"}]}";
        admin().contentType("application/vnd.cyclonedx+json")
                .queryParam("subject", "kiban/enum-test")
                .queryParam("environment", "STAGING")
                .queryParam("installedOn", "BAREMETAL")
                .body(bom.getBytes(StandardCharsets.UTF_8))
                .post("/imports/sbom")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        allOf(
                                containsString("parameter 'installedOn'"),
                                containsString("must be one of HARDWARE, CLUSTER, VM")));
        admin().get("/software?size=1").then().header("X-Total-Count", equalTo(before));
    }

    @Test
    @DisplayName("#17 the spellings the console and the end-to-end suite send still answer 200")
    void issue17_known_values_still_filter() {
        admin().queryParam("environment", "STAGING")
                .queryParam("class", "DISK_ARRAY")
                .get("/hardware")
                .then()
                .statusCode(200);
        admin().queryParam("environment", "PRODUCTION")
                .queryParam("status", "IN_SERVICE")
                .get("/hardware")
                .then()
                .statusCode(200);
        admin().queryParam("status", "PLANNED")
                .queryParam("size", 200)
                .get("/findings")
                .then()
                .statusCode(200);
        admin().queryParam("environment", "PRODUCTION")
                .get("/baseline/conformance")
                .then()
                .statusCode(200);
        admin().queryParam("environment", "SHARED")
                .queryParam("class", "OS")
                .get("/software")
                .then()
                .statusCode(200);
    }

    @Test
    @DisplayName(
            "#17 a Japanese client gets the refusal in Japanese, naming the parameter and the allowed values")
    void issue17_refusal_in_japanese() {
        admin().header("Accept-Language", "ja")
                .queryParam("environment", "PROD")
                .get("/hardware")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        allOf(
                                containsString("environment"),
                                containsString("PRODUCTION, STAGING, SHARED")));
    }
}
