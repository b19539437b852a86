package io.kiban.maintenance;

import static io.restassured.RestAssured.given;

import io.kiban.commons.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds the objects tests need through the API, as a vendor or JPO would. */
public final class Fixtures {

    public static final String VENDOR_A = Tokens.vendor("vendor-a");
    public static final String VENDOR_B = Tokens.vendor("vendor-b");
    public static final String ADMIN = Tokens.jpoAdmin();
    public static final String STAFF = Tokens.jpoStaff();
    public static final String AUDITOR = Tokens.auditor();
    public static final String SERVICE = Tokens.service("backup-service");

    private Fixtures() {}

    public static String serial(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static Map<String, Object> ticketBody(
            String hardwareId, String severity, String faultClass) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hardwareId", hardwareId);
        body.put("severity", severity);
        body.put("faultClass", faultClass);
        body.put("description", "disk reports frequent read errors");
        body.put("occurredAt", Instant.now().minus(10, ChronoUnit.MINUTES).toString());
        return body;
    }

    /** A ticket of vendor-a (filed by its engineer), returned as the JSON response. */
    public static Response file(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/tickets");
    }

    /** A ticket of vendor-a; JPO tokens name the organisation. */
    public static long ticket(String token, String hardwareId, String faultClass) {
        Map<String, Object> body = ticketBody(hardwareId, "S2", faultClass);
        if (!token.equals(VENDOR_A) && !token.equals(VENDOR_B)) {
            body.put("organisation", "vendor-a");
        }
        return file(token, body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Moves a ticket with the current ETag and a note (a cancellation needs one). */
    public static Response move(String token, long ticketId, String to) {
        String etag =
                given().auth()
                        .oauth2(ADMIN)
                        .get("/tickets/" + ticketId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("to", to, "note", "moved to " + to + " by the test"))
                .post("/tickets/" + ticketId + "/transitions");
    }

    /** A second jpo-admin account (R-SEC-2: the one who recorded a thing never accepts it). */
    public static final String ADMIN2 =
            io.kiban.commons.testing.Tokens.token("jpo-admin2", "jpo", "jpo-admin");

    /** The ETag of a resource as jpo-admin reads it. */
    public static String etag(String path) {
        return given().auth()
                .oauth2(ADMIN)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** POST /custody-items/{id}/purge-exception by {@code token}, with the item's current ETag. */
    public static Response purgeException(String token, long itemId, String reason) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("If-Match", etag("/custody-items/" + itemId))
                .body(Map.of("reason", reason))
                .post("/custody-items/" + itemId + "/purge-exception");
    }

    /**
     * A contractor proposed by {@code proposer} and approved now by {@code approver}; returns its
     * id.
     */
    public static long approvedContractor(String proposer, String approver, String name) {
        long id =
                given().auth()
                        .oauth2(proposer)
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "name",
                                        name,
                                        "scope",
                                        "HDD/SSD shredding, METI guideline compliant"))
                        .post("/contractors")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        given().auth()
                .oauth2(approver)
                .contentType(ContentType.JSON)
                .header("If-Match", etag("/contractors/" + id))
                .body(Map.of("note", "certificates checked against the METI guideline"))
                .post("/contractors/" + id + "/approval")
                .then()
                .statusCode(200);
        return id;
    }

    /** A vendor-a ticket that is IN_PROGRESS. */
    public static long workingTicket(String token, String hardwareId, String faultClass) {
        long id = ticket(token, hardwareId, faultClass);
        move(token, id, "ACKNOWLEDGED").then().statusCode(200);
        move(token, id, "IN_PROGRESS").then().statusCode(200);
        return id;
    }

    public static Map<String, Object> replacementBody(
            String kind, String removedSerial, String condition) {
        return Map.of(
                "removed",
                        Map.of(
                                "kind",
                                kind,
                                "make",
                                "Samsung",
                                "model",
                                "PM1733",
                                "serial",
                                removedSerial),
                "installed",
                        Map.of(
                                "make",
                                "Samsung",
                                "model",
                                "PM1733",
                                "serial",
                                serial("NEW"),
                                "condition",
                                condition));
    }

    public static Response replace(String token, long ticketId, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/tickets/" + ticketId + "/replacements");
    }

    /**
     * Replaces a data-bearing part of {@code kind} and returns the custody item id (in custody of
     * "vendor-a depot").
     */
    public static long removedPartInCustody(String token, long ticketId, String kind) {
        long item =
                replace(token, ticketId, replacementBody(kind, serial(kind), "NEW"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("custodyItemId");
        handover(token, item, "vendor-a secure depot").then().statusCode(200);
        return item;
    }

    public static Response handover(String token, long itemId, String holder) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "holder",
                                holder,
                                "location",
                                "Tokyo DC cage 3",
                                "note",
                                "sealed bag 42"))
                .post("/custody-items/" + itemId + "/handovers");
    }

    public static Map<String, Object> evidenceBody(String method, String technique) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", method);
        body.put("technique", technique);
        body.put("tool", "HSM Powerline shredder");
        body.put("toolVersion", "FA 400.2");
        body.put("verification", "visual inspection of particles <= 2 mm, photographed");
        body.put("performedOn", LocalDate.now().minusDays(1).toString());
        body.put("place", "vendor-a destruction facility, Kawasaki");
        body.put("performedBy", "Taro Yamada");
        body.put("destination", "recycled as metal scrap");
        body.put("issuer", "VENDOR");
        return body;
    }

    public static Response submit(String token, long itemId, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/custody-items/" + itemId + "/evidence");
    }

    public static final byte[] PDF =
            "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    public static Response upload(
            String token, long evidenceId, String fileName, byte[] content, String type) {
        return given().auth()
                .oauth2(token)
                .multiPart("file", fileName, content, type)
                .post("/evidence/" + evidenceId + "/files");
    }

    /**
     * Submits DESTROY evidence with a PDF certificate and has jpo-admin accept it; returns the
     * evidence id.
     */
    public static long acceptedEvidence(String token, long itemId) {
        long evidence =
                submit(token, itemId, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        upload(token, evidence, "certificate.pdf", PDF, "application/pdf").then().statusCode(201);
        decide(ADMIN, evidence, "acceptance", Map.of("reason", "certificate checked"))
                .then()
                .statusCode(200);
        return evidence;
    }

    /** The ETag of evidence as jpo-admin reads it (with its files). */
    public static String evidenceEtag(long evidenceId) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/evidence/" + evidenceId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** POST /evidence/{id}/acceptance or /rejection with the current ETag in If-Match. */
    public static Response decide(
            String token, long evidenceId, String decision, Map<String, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("If-Match", evidenceEtag(evidenceId))
                .body(body)
                .post("/evidence/" + evidenceId + "/" + decision);
    }

    /**
     * Every item of a paged list (pages of 200 until {@code X-Total-Count}) as one JSON array, for
     * tests that look for their own rows in a list other tests fill too.
     */
    public static io.restassured.path.json.JsonPath allPages(
            String token, String path, Map<String, ?> params) {
        java.util.List<Object> all = new java.util.ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            var reply =
                    given().auth()
                            .oauth2(token)
                            .queryParams(params)
                            .queryParam("page", page)
                            .queryParam("size", 200)
                            .get(path)
                            .then()
                            .statusCode(200)
                            .extract();
            java.util.List<Object> items = reply.jsonPath().getList("$");
            all.addAll(items);
            if (items.isEmpty() || all.size() >= Long.parseLong(reply.header("X-Total-Count"))) {
                try {
                    return new io.restassured.path.json.JsonPath(
                            new com.fasterxml.jackson.databind.ObjectMapper()
                                    .writeValueAsString(all));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError(path + " did not end");
    }
}
