package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R-SEC-1 at suite start: the dev realm hands no demo user the realm role {@code approved-handler}
 * (and lifecycle-service's reconciler takes it from anyone not on the approved list), so before any
 * vendor call the suite puts vendor-a1, vendor-b1 and support1 on the list through
 * lifecycle-service's API — proposed, then approved by a jpo-admin who did not propose them, with
 * If-Match of the version reviewed (R-SEC-2). A vendor without the role gets nothing, so it cannot
 * propose itself: jpo-admin1 proposes for the organisation and jpo-admin2 approves; a vendor that
 * already holds the role (an older realm) proposes itself and jpo-admin1 approves. vendor-a2 stays
 * off the list (the story's step 2 and the matrix's "vendor-unapproved").
 */
final class DemoHandlers {

    static final Map<String, String> ORGANISATION =
            Map.of(
                    Tokens.VENDOR_A,
                    "vendor-a",
                    Tokens.VENDOR_B,
                    "vendor-b",
                    Tokens.SUPPORT,
                    "support-co");
    static final List<String> ON_THE_LIST =
            List.of(Tokens.VENDOR_A, Tokens.VENDOR_B, Tokens.SUPPORT);

    private DemoHandlers() {}

    static void approveAll() {
        List<Map<String, Object>> listed =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .queryParam("size", 200)
                        .get("/handlers")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        for (String user : ON_THE_LIST) {
            boolean approved =
                    listed.stream()
                            .anyMatch(
                                    h ->
                                            user.equals(h.get("accountId"))
                                                    && "APPROVED".equals(h.get("status")));
            if (!approved) {
                approve(user, listed);
            }
            String token = Tokens.fresh(user);
            assertThat(realmRoles(token))
                    .as(user + "'s token after approval (R-SEC-1)")
                    .contains("approved-handler");
        }
    }

    private static void approve(String user, List<Map<String, Object>> listed) {
        Long id =
                listed.stream()
                        .filter(
                                h ->
                                        user.equals(h.get("accountId"))
                                                && "PROPOSED".equals(h.get("status")))
                        .map(h -> ((Number) h.get("id")).longValue())
                        .findFirst()
                        .orElse(null);
        String proposer =
                realmRoles(Tokens.fresh(user)).contains("approved-handler")
                        ? user
                        : Tokens.JPO_ADMIN;
        if (id == null) {
            var proposed =
                    Api.as(proposer, "lifecycle")
                            .body(proposal(user))
                            .post("/handlers")
                            .then()
                            .extract();
            if (proposed.statusCode() == 400) {
                // a lifecycle-service without the §10.6(1) fields yet: the entry as it knows it
                Map<String, Object> legacy = new LinkedHashMap<>(proposal(user));
                legacy.keySet()
                        .removeAll(
                                List.of(
                                        "address",
                                        "dateOfBirth",
                                        "department",
                                        "position",
                                        "trackRecord"));
                proposed =
                        Api.as(proposer, "lifecycle")
                                .body(legacy)
                                .post("/handlers")
                                .then()
                                .extract();
            }
            assertThat(proposed.statusCode())
                    .as("proposal of " + user + ": " + proposed.asString())
                    .isEqualTo(201);
            id = ((Number) proposed.path("id")).longValue();
        } else {
            proposer =
                    (String)
                            listed.stream()
                                    .filter(h -> user.equals(h.get("accountId")))
                                    .findFirst()
                                    .orElseThrow()
                                    .get("proposedBy");
        }
        String approver = Tokens.JPO_ADMIN.equals(proposer) ? Tokens.JPO_ADMIN2 : Tokens.JPO_ADMIN;
        String etag =
                Api.as(approver, "lifecycle")
                        .get("/handlers/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        Api.as(approver, "lifecycle")
                .header("If-Match", etag)
                .post("/handlers/" + id + "/approval")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("APPROVED"));
    }

    /** The entry of the list for one demo user (R-SEC-1 fields of §10.6(1) and security 4)). */
    static Map<String, Object> proposal(String user) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "Demo " + user);
        p.put("organisation", ORGANISATION.get(user));
        p.put("address", "東京都千代田区霞が関3-4-3");
        p.put("dateOfBirth", "1985-04-01");
        p.put("department", ORGANISATION.get(user) + " infrastructure services");
        p.put("position", "engineer");
        p.put(
                "role",
                user.startsWith("support")
                        ? "backup operations (support)"
                        : "field engineer (maintenance)");
        p.put("affiliation", ORGANISATION.get(user));
        p.put("expertise", "server and storage maintenance; information security training 2026");
        p.put("trackRecord", "maintenance of government infrastructure since 2015");
        p.put("nationality", "Japan");
        p.put("accountId", user);
        return p;
    }

    /** The realm roles a Keycloak access token carries (its payload, not verified: only read). */
    static List<String> realmRoles(String token) {
        String payload =
                new String(
                        Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                        StandardCharsets.UTF_8);
        List<String> roles =
                new io.restassured.path.json.JsonPath(payload)
                        .getList("realm_access.roles", String.class);
        return roles == null ? List.of() : roles;
    }
}
