package io.kiban.maintenance.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.ADMIN2;
import static io.kiban.maintenance.Fixtures.PDF;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.VENDOR_B;
import static io.kiban.maintenance.Fixtures.etag;
import static io.kiban.maintenance.Fixtures.evidenceEtag;
import static io.kiban.maintenance.Fixtures.move;
import static io.kiban.maintenance.Fixtures.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #17 "the API in the users' language": the example bodies of the OpenAPI document are real
 * requests (read back from {@code /q/openapi}, so an example that rots fails here), and the enum
 * query parameters answer 400 naming the allowed values for an unknown one, while the spellings the
 * console, lifecycle-service, backup-service and the end-to-end suite send keep working.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class ApiDocumentationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The first documented example body of an operation, as the JSON text Swagger UI would send.
     */
    private static String example(String path, String method) {
        JsonPath doc =
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        Map<String, Map<String, Object>> examples =
                doc.getMap(
                        "paths.'"
                                + path
                                + "'."
                                + method
                                + ".requestBody.content.'application/json'.examples");
        assertThat(examples).as("examples of " + method.toUpperCase() + " " + path).isNotEmpty();
        Object value = examples.values().iterator().next().get("value");
        assertThat(value).as("example value of " + path).isNotNull();
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
    }

    @Test
    @DisplayName(
            "#17 the documented examples tell one real story: ticket, replacement, handover, evidence, acceptance, contractor")
    void _17_the_documented_example_bodies_are_accepted_by_the_service() {
        // the example names asset-service hardware 12 (a production worker node; asset ids are
        // numbers)
        var hardware =
                AssetServiceMock.server()
                        .stubFor(
                                get(urlPathEqualTo("/hardware/12"))
                                        .atPriority(1)
                                        .willReturn(
                                                aResponse()
                                                        .withHeader(
                                                                "Content-Type", "application/json")
                                                        .withBody(
                                                                "{\"id\":12,\"environment\":\"PRODUCTION\",\"status\":\"IN_SERVICE\",\"productName\":\"worker\"}")));
        try {
            // the vendor's engineer files the documented ticket
            JsonPath ticket =
                    post(VENDOR_A, "/tickets", example("/tickets", "post"))
                            .then()
                            .statusCode(201)
                            .body("hardwareId", equalTo("12"))
                            .body("faultClass", equalTo("MINOR_NOT_CONTROLLER"))
                            .body("organisation", equalTo("vendor-a"))
                            .body("environment", equalTo("PRODUCTION"))
                            .extract()
                            .jsonPath();
            long id = ticket.getLong("id");
            given().auth()
                    .oauth2(VENDOR_A)
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag("/tickets/" + id))
                    .body(example("/tickets/{id}/transitions", "post"))
                    .post("/tickets/" + id + "/transitions")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"));
            move(VENDOR_A, id, "IN_PROGRESS").then().statusCode(200);

            // the documented replacement: the removed NVMe SSD starts its custody chain
            long item =
                    post(
                                    VENDOR_A,
                                    "/tickets/" + id + "/replacements",
                                    example("/tickets/{id}/replacements", "post"))
                            .then()
                            .statusCode(201)
                            .body("removed.serial", equalTo("S4YNNE0R700123"))
                            .body("installed.condition", equalTo("NEW"))
                            .body("dataBearing", equalTo(true))
                            .extract()
                            .jsonPath()
                            .getLong("custodyItemId");
            post(
                            VENDOR_A,
                            "/custody-items/" + item + "/handovers",
                            example("/custody-items/{id}/handovers", "post"))
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("IN_CUSTODY"));

            // the documented failure-log medium of the same ticket
            post(
                            VENDOR_A,
                            "/tickets/" + id + "/log-media",
                            example("/tickets/{id}/log-media", "post"))
                    .then()
                    .statusCode(201)
                    .body("source", equalTo("LOG_MEDIUM"))
                    .body("kind", equalTo("USB_FLASH"));

            // the documented certificate of destruction, accepted by a jpo-admin with the
            // documented reason
            long evidence =
                    post(
                                    VENDOR_A,
                                    "/custody-items/" + item + "/evidence",
                                    example("/custody-items/{id}/evidence", "post"))
                            .then()
                            .statusCode(201)
                            .body("serial", equalTo("S4YNNE0R700123"))
                            .body("technique", equalTo("SHRED"))
                            .extract()
                            .jsonPath()
                            .getLong("id");
            upload(VENDOR_A, evidence, "破砕証明書.pdf", PDF, "application/pdf").then().statusCode(201);
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .header("If-Match", evidenceEtag(evidence))
                    .body(example("/evidence/{id}/acceptance", "post"))
                    .post("/evidence/" + evidence + "/acceptance")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACCEPTED"));

            // the documented contractor, approved and later revoked by jpo-admins who did not
            // propose it
            long contractor =
                    post(VENDOR_A, "/contractors", example("/contractors", "post"))
                            .then()
                            .statusCode(201)
                            .body("status", equalTo("PROPOSED"))
                            .extract()
                            .jsonPath()
                            .getLong("id");
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag("/contractors/" + contractor))
                    .body(example("/contractors/{id}/approval", "post"))
                    .post("/contractors/" + contractor + "/approval")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"));
            given().auth()
                    .oauth2(ADMIN2)
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag("/contractors/" + contractor))
                    .body(example("/contractors/{id}/revocation", "post"))
                    .post("/contractors/" + contractor + "/revocation")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("REVOKED"));
        } finally {
            AssetServiceMock.server().removeStub(hardware);
        }
    }

    @Test
    @DisplayName(
            "#17 every documented example body of a POST parses and names only fields of its request")
    void _17_every_example_body_is_json() {
        JsonPath doc =
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        List<String> posts =
                List.of(
                        "/tickets",
                        "/tickets/{id}/transitions",
                        "/tickets/{id}/replacements",
                        "/tickets/{id}/replacements/{replacementId}/data-bearing",
                        "/tickets/{id}/log-media",
                        "/custody-items/{id}/handovers",
                        "/custody-items/{id}/purge-exception",
                        "/custody-items/{id}/evidence",
                        "/evidence/{id}/acceptance",
                        "/evidence/{id}/rejection",
                        "/contractors",
                        "/contractors/{id}/approval",
                        "/contractors/{id}/revocation",
                        "/sanitization-orders");
        for (String path : posts) {
            Map<String, Map<String, Object>> examples =
                    doc.getMap(
                            "paths.'"
                                    + path
                                    + "'.post.requestBody.content.'application/json'.examples");
            assertThat(examples).as(path).hasSize(1);
            Map<String, Object> example = examples.values().iterator().next();
            // SmallRye parses a JSON example into an object: a string here would be a broken
            // example
            assertThat(example.get("value")).as("example of " + path).isInstanceOf(Map.class);
            assertThat(String.valueOf(example.get("summary")))
                    .as("summary of the example of " + path)
                    .containsPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
        }
    }

    @Test
    @DisplayName(
            "#17 GET /tickets?status= is an enum: an unknown state is 400 naming every state, the states callers send work")
    void _17_an_unknown_ticket_status_is_400_naming_the_allowed_values() {
        for (String token : List.of(VENDOR_B, ADMIN)) {
            given().auth()
                    .oauth2(token)
                    .queryParam("status", "SOLVED")
                    .get("/tickets")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body(
                            "detail",
                            containsString(
                                    "REPORTED, ACKNOWLEDGED, IN_PROGRESS, PARTS_REPLACED, RESOLVED,"
                                            + " CLOSED, CANCELLED"))
                    .body("detail", containsString("status"));
        }
        // a value in another case is not a state either (Swagger UI offers the exact names)
        given().auth()
                .oauth2(ADMIN)
                .queryParam("status", "in_progress")
                .get("/tickets")
                .then()
                .statusCode(400);
        // backup-service, lifecycle-service and the console send the constant's name
        given().auth()
                .oauth2(ADMIN)
                .queryParam("status", "IN_PROGRESS")
                .queryParam("hardwareId", "HW-NONE")
                .get("/tickets")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "0");
    }

    @Test
    @DisplayName(
            "#17 GET /custody-items?status= is an enum: an unknown custody state is 400 naming every state")
    void _17_an_unknown_custody_status_is_400_naming_the_allowed_values() {
        given().auth()
                .oauth2(VENDOR_A)
                .queryParam("status", "DESTROYED")
                .get("/custody-items")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body(
                        "detail",
                        containsString(
                                "REMOVED_ON_SITE, IN_CUSTODY, EVIDENCE_SUBMITTED, EVIDENCE_ACCEPTED,"
                                        + " EVIDENCE_REJECTED"));
        // the console's approval inbox reads these
        for (String status :
                List.of(
                        "EVIDENCE_SUBMITTED",
                        "REMOVED_ON_SITE",
                        "IN_CUSTODY",
                        "EVIDENCE_REJECTED")) {
            given().auth()
                    .oauth2(ADMIN)
                    .queryParam("status", status)
                    .get("/custody-items")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    @DisplayName(
            "#17 R-RM-3 GET /reports/outstanding-sanitization?environment= is an enum: an unknown one is 400 naming PRODUCTION, STAGING, SHARED")
    void _17_an_unknown_environment_is_400_naming_the_allowed_values() {
        for (String env : List.of("MOON", "production", "本番環境")) {
            given().auth()
                    .oauth2(ADMIN)
                    .queryParam("environment", env)
                    .get("/reports/outstanding-sanitization")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("PRODUCTION, STAGING, SHARED"))
                    .body("detail", containsString("environment"));
        }
        // in the users' language: a JPO official's browser asks for Japanese, the allowed values
        // stay as sent
        given().auth()
                .oauth2(ADMIN)
                .header("Accept-Language", "ja")
                .queryParam("environment", "本番環境")
                .get("/reports/outstanding-sanitization")
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        equalTo(
                                "パラメータ environment の値 '本番環境' は使用できません。次のいずれかを指定してください："
                                        + "PRODUCTION, STAGING, SHARED"));
        // a vendor probing gets the same 400, never a 200 with an empty list
        given().auth()
                .oauth2(VENDOR_B)
                .queryParam("environment", "LAB")
                .get("/reports/outstanding-sanitization")
                .then()
                .statusCode(400);
        // lifecycle-service's removal gate and the end-to-end suite send the constant's name
        for (String env : List.of("PRODUCTION", "STAGING", "SHARED")) {
            given().auth()
                    .oauth2(ADMIN)
                    .queryParam("environment", env)
                    .get("/reports/outstanding-sanitization")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    @DisplayName(
            "#17 R-RM-1 a refusal answers in Japanese when the caller prefers it, the rule id unchanged; English otherwise")
    void R_RM_1_a_refused_ticket_answers_in_the_callers_language() {
        // staging is CLOSED (LifecycleServiceMock): no new ticket there
        var body = io.kiban.maintenance.Fixtures.ticketBody("HW-STAGING-JA", "S2", "MEDIA_FAILURE");
        given().auth()
                .oauth2(VENDOR_A)
                .header("Accept-Language", "ja")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/tickets")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .header("Content-Language", "ja")
                .body("rule", equalTo("R-RM-1"))
                .body("title", equalTo("業務規則に違反しています"))
                .body("detail", startsWith("R-RM-1: 特許庁が機器の使用を終えたときは、受注者が自らの費用で速やかに撤去し"))
                // the English detail stays beside it, for the vendor's engineer and the logs
                .body("detail", containsString("environment STAGING is CLOSED"));
        given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/tickets")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"))
                .body("title", equalTo("Business rule violated"))
                .body("detail", startsWith("R-RM-1/R-RM-3: environment STAGING is CLOSED"));
    }

    @Test
    @DisplayName(
            "#17 the enum query parameters are enums in the OpenAPI document (a dropdown in Swagger UI)")
    void _17_the_enum_query_parameters_list_their_values_in_the_document() {
        JsonPath doc =
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(enumValues(doc, "/tickets", "status"))
                .containsExactly(
                        "REPORTED",
                        "ACKNOWLEDGED",
                        "IN_PROGRESS",
                        "PARTS_REPLACED",
                        "RESOLVED",
                        "CLOSED",
                        "CANCELLED");
        assertThat(enumValues(doc, "/custody-items", "status"))
                .containsExactly(
                        "REMOVED_ON_SITE",
                        "IN_CUSTODY",
                        "EVIDENCE_SUBMITTED",
                        "EVIDENCE_ACCEPTED",
                        "EVIDENCE_REJECTED");
        assertThat(enumValues(doc, "/reports/outstanding-sanitization", "environment"))
                .containsExactly("PRODUCTION", "STAGING", "SHARED");
    }

    @SuppressWarnings("unchecked")
    private static List<String> enumValues(JsonPath doc, String path, String parameter) {
        List<Map<String, Object>> parameters = doc.getList("paths.'" + path + "'.get.parameters");
        Map<String, Object> schema =
                (Map<String, Object>)
                        parameters.stream()
                                .filter(p -> parameter.equals(p.get("name")))
                                .findFirst()
                                .orElseThrow()
                                .get("schema");
        if (schema.get("$ref") instanceof String ref) {
            schema = doc.getMap("components.schemas." + ref.substring(ref.lastIndexOf('/') + 1));
        }
        return (List<String>) schema.get("enum");
    }
}
