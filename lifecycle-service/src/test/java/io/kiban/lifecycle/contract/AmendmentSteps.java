package io.kiban.lifecycle.contract;

import static io.restassured.RestAssured.given;

import io.kiban.commons.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/**
 * Contract amendments in tests: proposed by jpo-admin1, approved by a second jpo-admin (R-SEC-2).
 */
public final class AmendmentSteps {

    public static final String JPO_ADMIN_2 = Tokens.token("jpo-admin2", "jpo", "jpo-admin");

    private AmendmentSteps() {}

    /** The current contract as an amendment body, with {@code changes} applied. */
    public static Map<String, Object> contractWith(Map<String, ?> changes) {
        Map<String, Object> body =
                new HashMap<>(
                        given().auth()
                                .oauth2(Tokens.jpoAdmin())
                                .get("/contract")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getMap(""));
        body.remove("monthlyLeaseTotal");
        body.remove("monthlyMaintenanceTotal");
        body.remove("version");
        body.putAll(changes);
        return body;
    }

    public static String contractEtag() {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/contract")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** POST /contract/amendments as jpo-admin1 against the current contract version. */
    public static Response propose(Map<String, Object> contract) {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("If-Match", contractEtag())
                .body(Map.of("reason", "契約変更（テスト）", "contract", contract))
                .post("/contract/amendments");
    }

    /** Proposed by jpo-admin1, approved by jpo-admin2: the contract is amended. */
    public static void amend(Map<String, ?> changes) {
        Response proposed = propose(contractWith(changes));
        proposed.then().statusCode(201);
        int id = proposed.path("id");
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", proposed.header("ETag"))
                .post("/contract/amendments/" + id + "/approval")
                .then()
                .statusCode(200);
    }
}
