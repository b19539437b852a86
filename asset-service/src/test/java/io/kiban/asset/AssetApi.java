package io.kiban.asset;

import static io.restassured.RestAssured.given;

import io.kiban.commons.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Small helpers shared by the asset-service tests. */
public final class AssetApi {

    private AssetApi() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(Tokens.jpoAdmin());
    }

    /** A valid hardware body; override any field. */
    public static Map<String, Object> hardware(String serial, Object... overrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "PRIMERGY RX2540 M7");
        body.put("modelNumber", "PYR2547R");
        body.put("manufacturer", "Fujitsu");
        body.put("hardwareClass", "SERVER");
        body.put("contractForm", "賃貸借");
        body.put("maintenanceDeadline", "2031-03-31");
        body.put("serialNumber", serial);
        body.put("environment", "STAGING");
        body.put("rack", "R1");
        body.put("rackPosition", "U10");
        body.put("condition", "NEW");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }

    /** The current ETag of a resource (read as jpo-admin). */
    public static String etag(String path) {
        return admin().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** jpo-admin with If-Match set to the current ETag of {@code path}. */
    public static RequestSpecification adminIfMatch(String path) {
        return admin().header("If-Match", etag(path));
    }

    public static Response createHardware(Map<String, Object> body) {
        return admin().body(body).post("/hardware");
    }

    public static long newHardware(Object... overrides) {
        return createHardware(hardware(unique("SN"), overrides))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }
}
