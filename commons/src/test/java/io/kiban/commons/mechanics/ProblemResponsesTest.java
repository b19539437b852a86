package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every error is application/problem+json with a stable type; a test per status. */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class ProblemResponsesTest {

    static String body(String name, String kind, Object quantity) {
        return "{\"name\":\""
                + name
                + "\",\"kind\":\""
                + kind
                + "\",\"quantity\":"
                + quantity
                + "}";
    }

    static String unique() {
        return "w-" + UUID.randomUUID();
    }

    @Test
    void malformed_json_is_400() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:malformed-json"))
                .body("status", equalTo(400))
                .body(not(containsString("Exception")));
    }

    @Test
    void unknown_property_is_400_naming_it() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(
                        "{\"name\":\""
                                + unique()
                                + "\",\"kind\":\"SMALL\",\"quantity\":1,\"colour\":\"red\"}")
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:validation"))
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void missing_required_fields_are_400_naming_each() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body("{\"quantity\":1}")
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:validation"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void wrong_type_is_400_naming_the_field() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(body(unique(), "SMALL", "\"many\""))
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("quantity"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(body(unique(), "HUGE", 1))
                .post("/widgets")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("kind"))
                .body("detail", containsString("SMALL"));
    }

    @Test
    void unknown_id_in_path_is_404() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/widgets/999999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:not-found"));
    }

    @Test
    void unknown_route_is_404_problem() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknown_reference_in_body_is_422() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(
                        "{\"name\":\""
                                + unique()
                                + "\",\"kind\":\"SMALL\",\"quantity\":1,\"parentId\":987654321}")
                .post("/widgets")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:unknown-reference"))
                .body("errors.field", hasItem("parentId"));
    }

    @Test
    @DisplayName("a broken rule is 422 naming the rule id")
    void broken_rule_is_422_naming_the_rule() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(body(unique(), "LARGE", 5000))
                .post("/widgets")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:rule-violation"))
                .body("rule", equalTo("R-SAMPLE-1"));
    }

    @Test
    void duplicate_is_409_listing_the_conflict() {
        String name = unique();
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(body(name, "SMALL", 1))
                .post("/widgets")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(body(name, "SMALL", 1))
                .post("/widgets")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:conflict"))
                .body("conflicts[0].kind", equalTo("widget"));
    }

    @Test
    void too_large_is_413() {
        String big =
                "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"kind\":\"SMALL\",\"quantity\":1}";
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(big)
                .post("/widgets")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:payload-too-large"));
    }

    @Test
    void wrong_media_type_is_415() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.XML)
                .body("<widget/>")
                .post("/widgets")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:unsupported-media-type"));
    }

    @Test
    void wrong_method_is_405() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body("{}")
                .patch("/widgets")
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
    }
}
