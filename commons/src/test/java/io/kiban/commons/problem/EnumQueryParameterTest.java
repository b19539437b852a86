package io.kiban.commons.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * #17: an unknown value of an enum query parameter is 400 naming the parameter and the allowed
 * values.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class EnumQueryParameterTest {

    @Test
    void known_values_convert() {
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/probes/colours?colour=RED&shade=BLUE&mix=GREEN&mix=RED&size=large")
                .then()
                .statusCode(200)
                .body("colour", equalTo("RED"))
                .body("shade", equalTo("BLUE"))
                .body("mix", contains("GREEN", "RED"))
                .body("size", equalTo("LARGE"));
    }

    @Test
    void unknown_value_of_an_unnamed_rest_query_is_400_naming_it_and_the_values() {
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/probes/colours?colour=PURPLE")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:validation"))
                .body(
                        "detail",
                        equalTo(
                                "parameter 'colour': 'PURPLE' is not allowed; must be one of RED, GREEN, BLUE"))
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("must be one of RED, GREEN, BLUE; got PURPLE"));
    }

    @Test
    void unknown_value_of_a_named_query_param_and_of_a_list() {
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/probes/colours?shade=red")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("shade"))
                .body("detail", containsString("RED, GREEN, BLUE"));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/probes/colours?mix=GREEN&mix=TEAL")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("mix"))
                .body(
                        "detail",
                        equalTo(
                                "parameter 'mix': 'TEAL' is not allowed; must be one of RED, GREEN, BLUE"));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/probes/colours?size=MEDIUM")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"))
                .body("detail", containsString("SMALL, LARGE"));
    }

    @Test
    void unknown_value_in_japanese() {
        given().auth()
                .oauth2(Tokens.auditor())
                .header("Accept-Language", "ja")
                .get("/probes/colours?colour=PURPLE")
                .then()
                .statusCode(400)
                .header("Content-Language", "ja")
                .body("title", equalTo("入力内容に誤りがあります"))
                .body(
                        "detail",
                        equalTo(
                                "パラメータ colour の値 'PURPLE' は使用できません。次のいずれかを指定してください：RED, GREEN, BLUE"))
                .body("errors[0].field", equalTo("colour"));
    }

    @Test
    void an_unknown_value_in_the_path_stays_404() {
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/probes/colours/PURPLE")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/probes/colours/RED")
                .then()
                .statusCode(200)
                .body("colour", equalTo("RED"));
    }
}
