package io.kiban.commons.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a service's OpenAPI document: every operation outside /q requires a token. */
public final class ApiContract {

    private ApiContract() {
    }

    /** "METHOD /path" of each operation that has no security requirement (should be none). */
    public static List<String> unsecuredOperations() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> unsecured = new ArrayList<>();
        if (paths == null || paths.isEmpty()) {
            unsecured.add("the OpenAPI document lists no operations at all");
            return unsecured;
        }
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/q/") && operation instanceof Map<?, ?> op && !op.containsKey("security")) {
                unsecured.add(method.toUpperCase() + " " + path);
            }
        }));
        return unsecured;
    }
}
