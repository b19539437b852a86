package io.kiban.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list is the truth (R-SEC-1, issue 14 item 6): a role handed out in Keycloak past the approved
 * list is taken away by lifecycle-service's reconciler — at start and on demand — audited and
 * counted; and the copies of the work's information a vendor held (R-RM-4, security 8)) are
 * recorded, disposed of with evidence and confirmed by JPO, the open ones blocking PRODUCTION's
 * removal (the removal story, {@link StoryRemoval#step6Removal}, settles the rest).
 */
final class StorySecurity {

    static final String ROLE = "approved-handler";
    static final String REMOVED_METRIC = "kiban_handlers_role_removed_by_reconciler_total";

    private StorySecurity() {}

    // ------------------------------------------------------------------------------------------
    // R-SEC-1

    static void reconcilerTakesARoleGivenOutsideTheList() {
        String intruder = Tokens.VENDOR_A_NEW;
        // vendor-a2 left the list in step 2: no APPROVED entry
        List<Map<String, Object>> listed =
                Api.all(Tokens.JPO_ADMIN, "lifecycle", "/handlers", Map.of());
        assertThat(listed)
                .noneMatch(
                        h ->
                                intruder.equals(h.get("accountId"))
                                        && "APPROVED".equals(h.get("status")));
        assertThat(DemoHandlers.realmRoles(Tokens.fresh(intruder))).doesNotContain(ROLE);

        // a Keycloak administrator hands the role directly, past the list: the account works
        KeycloakAdmin kc = new KeycloakAdmin();
        kc.grant(intruder, ROLE);
        String token = Tokens.fresh(intruder);
        assertThat(DemoHandlers.realmRoles(token)).as("the role given in Keycloak").contains(ROLE);
        Api.withToken(token, "maintenance").get("/tickets").then().statusCode(200);

        // on demand: jpo-admin runs a pass now; nobody else may; the approved handlers keep the
        // role
        double before = metric(REMOVED_METRIC);
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .post("/handlers/reconciliation")
                .then()
                .statusCode(403);
        Api.as(Tokens.JPO_STAFF, "lifecycle")
                .post("/handlers/reconciliation")
                .then()
                .statusCode(403);
        var pass =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .post("/handlers/reconciliation")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(pass.getList("removed", String.class))
                .as("removed by the pass")
                .containsExactly(intruder);
        assertThat(pass.getList("failed", String.class)).isEmpty();
        assertThat(pass.getInt("holders"))
                .as("the approved handlers and the intruder")
                .isGreaterThanOrEqualTo(DemoHandlers.ON_THE_LIST.size() + 1);
        assertThat(metric(REMOVED_METRIC)).isEqualTo(before + 1);
        assertThat(kc.holds(intruder, ROLE)).isFalse();
        Api.withToken(Tokens.fresh(intruder), "asset")
                .get("/hardware/" + StoryState.workerNodeId)
                .then()
                .statusCode(403);
        for (String user : DemoHandlers.ON_THE_LIST) {
            assertThat(DemoHandlers.realmRoles(Tokens.fresh(user)))
                    .as(user + " is on the list")
                    .contains(ROLE);
        }
        kc.grant(intruder, ROLE);
        assertThat(DemoHandlers.realmRoles(Tokens.fresh(intruder))).contains(ROLE);
        // at start: the role given again; lifecycle-service restarts and its reconciler takes the
        // role away, nobody asking
        Suite suite = Suite.get();
        suite.stop("lifecycle");
        suite.start("lifecycle");
        suite.awaitReadyOrRestartOnce("lifecycle");
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (kc.holds(intruder, ROLE) && Instant.now().isBefore(until)) {
            Suite.sleep(1000);
        }
        assertThat(kc.holds(intruder, ROLE))
                .as("R-SEC-1: the reconciler's pass at start took the role")
                .isFalse();
        Api.withToken(Tokens.fresh(intruder), "maintenance").get("/tickets").then().statusCode(403);
        assertThat(metric(REMOVED_METRIC))
                .as("counted (the alert fires on any increase)")
                .isGreaterThanOrEqualTo(1.0);
        List<Map<String, Object>> audited =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .queryParam("entityType", "keycloak-account")
                        .queryParam("entityId", intruder)
                        .get("/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        assertThat(audited)
                .as("audited")
                .anySatisfy(e -> assertThat(e.get("action")).isEqualTo("reconcile-role-removed"));

        Api.withToken(Tokens.fresh(Tokens.VENDOR_A), "maintenance")
                .get("/tickets")
                .then()
                .statusCode(200);
    }

    /** A counter of lifecycle-service's Prometheus endpoint (0 when not yet registered). */
    private static double metric(String name) {
        String text =
                Api.anonymous("lifecycle")
                        .accept("text/plain")
                        .get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+([0-9.eE+-]+)$")
                        .matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    /**
     * Keycloak's admin REST API as an administrator of the realm would use it: the dev Keycloak's
     * bootstrap admin (admin/admin, scripts/keycloak.sh), or — if that account is not there —
     * lifecycle-service's own service account, which the dev realm lets manage users.
     */
    static final class KeycloakAdmin {

        /**
         * A fresh token for every request: the master realm's admin tokens live a minute, a restart
         * takes longer.
         */
        private static String token() {
            var master =
                    given().baseUri(Suite.get().keycloakUrl)
                            .formParam("grant_type", "password")
                            .formParam("client_id", "admin-cli")
                            .formParam(
                                    "username", System.getProperty("e2e.keycloak.admin", "admin"))
                            .formParam(
                                    "password",
                                    System.getProperty("e2e.keycloak.admin-password", "admin"))
                            .post("/realms/master/protocol/openid-connect/token")
                            .then()
                            .extract();
            return master.statusCode() == 200
                    ? master.path("access_token")
                    : Tokens.service("lifecycle");
        }

        private RequestSpecification admin() {
            return given().baseUri(Suite.get().keycloakUrl)
                    .basePath("/admin/realms/kiban")
                    .auth()
                    .oauth2(token())
                    .contentType(ContentType.JSON);
        }

        String userId(String username) {
            List<Map<String, Object>> users =
                    admin().queryParam("username", username)
                            .queryParam("exact", true)
                            .get("/users")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("$");
            assertThat(users).as("Keycloak user " + username).hasSize(1);
            return (String) users.get(0).get("id");
        }

        void grant(String username, String role) {
            Map<String, Object> rep =
                    admin().get("/roles/" + role)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getMap("$");
            admin().body(List.of(Map.of("id", rep.get("id"), "name", rep.get("name"))))
                    .post("/users/" + userId(username) + "/role-mappings/realm")
                    .then()
                    .statusCode(204);
        }

        boolean holds(String username, String role) {
            List<String> names =
                    admin().get("/users/" + userId(username) + "/role-mappings/realm")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("name", String.class);
            return names != null && names.contains(role);
        }
    }

    // ------------------------------------------------------------------------------------------
    // R-RM-4 / security 8)

    /**
     * R-RM-4, security 8): each copy of the work's information the vendor held is recorded; its
     * return, destruction or erasure needs an evidence file; JPO confirms the version it reviewed,
     * never the account that recorded it (R-SEC-2); until then the copy blocks PRODUCTION's
     * removal. Two copies are left for the removal story to settle.
     */
    static void vendorCopies() {
        // the vendor records a laptop brought into the server room and a working copy kept outside
        // JPO
        long laptop =
                record(
                        Tokens.VENDOR_A,
                        copy(
                                "DEVICE_BROUGHT_IN",
                                "保守用ノートPC（資産番号 VA-NB-0117）：サーバ室へ持込み、設定ファイルを一時保存",
                                "vendor-a 保守担当",
                                null));
        long outside =
                record(
                        Tokens.VENDOR_A,
                        copy(
                                "COPY_OUTSIDE_JPO",
                                "環境設定定義書（本番機）の作業用写し：受注者社内の検証環境",
                                "vendor-a 構築チーム",
                                null));
        // JPO records the document it lent the vendor (jpo-admin names the organisation)
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .body(copy("LENT_DOCUMENT", "貸与資料 x", "vendor-a", null))
                .post("/vendor-copies")
                .then()
                .statusCode(400);
        long lent =
                record(
                        Tokens.JPO_ADMIN,
                        copy(
                                "LENT_DOCUMENT",
                                "貸与資料：特許庁ネットワーク構成図（第3版、紙1部）",
                                "vendor-a プロジェクト管理者",
                                "vendor-a"));

        // another vendor neither sees nor touches them
        assertThat(Api.all(Tokens.VENDOR_B, "lifecycle", "/vendor-copies", Map.of()))
                .noneMatch(
                        c ->
                                List.of(laptop, outside, lent)
                                        .contains(((Number) c.get("id")).longValue()));
        Api.as(Tokens.VENDOR_B, "lifecycle").get("/vendor-copies/" + laptop).then().statusCode(404);
        Api.as(Tokens.VENDOR_B, "lifecycle")
                .contentType("application/pdf")
                .queryParam("fileName", "x.pdf")
                .body(StoryContract.pdf("vendor-b"))
                .post("/vendor-copies/" + laptop + "/evidence")
                .then()
                .statusCode(404);

        // each open copy blocks PRODUCTION's removal, listed by its readiness; STAGING's does not
        // care
        assertThat(copyBlockers("PRODUCTION"))
                .as("R-RM-4: PRODUCTION's readiness lists the open copies")
                .contains("vendor-copy:" + laptop, "vendor-copy:" + outside, "vendor-copy:" + lent);
        assertThat(copyBlockers("STAGING")).isEmpty();

        // the laptop's disposition needs its evidence first
        String path = "/vendor-copies/" + laptop;
        String open = tag(path);
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .header("If-Match", open)
                .body(Map.of("disposition", "ERASED", "note", "NIST SP 800-88 Clear で消去"))
                .post(path + "/disposition")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-4"));
        byte[] certificate = StoryContract.pdf("消去証明書 VA-NB-0117");
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .contentType("application/pdf")
                .queryParam("fileName", "erasure-VA-NB-0117.pdf")
                .body(certificate)
                .post(path + "/evidence")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body(
                        "evidence.sha256",
                        org.hamcrest.Matchers.hasItem(StoryLease.sha256(certificate)));
        // the file changed the version: the If-Match read before it is stale
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .header("If-Match", open)
                .body(Map.of("disposition", "ERASED", "note", "x"))
                .post(path + "/disposition")
                .then()
                .statusCode(412);
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .header("If-Match", tag(path))
                .body(
                        Map.of(
                                "disposition",
                                "ERASED",
                                "note",
                                "NIST SP 800-88 Clear で消去、消去ツールのログを添付"))
                .post(path + "/disposition")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("DISPOSED"));
        byte[] served =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .accept("application/octet-stream, application/problem+json")
                        .get(path + "/evidence/" + StoryLease.sha256(certificate))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(served).isEqualTo(certificate);

        // JPO confirms what it reviewed
        String reviewed = tag(path);
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .header("If-Match", reviewed)
                .post(path + "/confirmation")
                .then()
                .statusCode(403);
        Api.as(Tokens.JPO_ADMIN, "lifecycle").post(path + "/confirmation").then().statusCode(428);
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", reviewed)
                .post(path + "/confirmation")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("confirmedBy", equalTo(Tokens.JPO_ADMIN));
        // confirmed: final
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .contentType("application/pdf")
                .queryParam("fileName", "late.pdf")
                .body(StoryContract.pdf("late"))
                .post(path + "/evidence")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-4"));

        List<String> blockers = copyBlockers("PRODUCTION");
        assertThat(blockers)
                .doesNotContain("vendor-copy:" + laptop)
                .contains("vendor-copy:" + outside, "vendor-copy:" + lent);
        StoryState.OPEN_VENDOR_COPIES.addAll(List.of(outside, lent));
    }

    /**
     * Settles every copy not yet confirmed (the removal story): the vendor records the disposition
     * with evidence; JPO confirms, a jpo-admin who recorded the copy never (403 naming R-SEC-2) —
     * the other one does.
     */
    static void settleOpenCopies() {
        List<Map<String, Object>> copies =
                Api.all(Tokens.JPO_ADMIN, "lifecycle", "/vendor-copies", Map.of());
        for (Map<String, Object> c : copies) {
            if ("CONFIRMED".equals(c.get("status"))) {
                continue;
            }
            long id = ((Number) c.get("id")).longValue();
            String path = "/vendor-copies/" + id;
            if ("OPEN".equals(c.get("status"))) {
                String disposition =
                        "LENT_DOCUMENT".equals(c.get("kind")) ? "RETURNED" : "DESTROYED";
                byte[] evidence =
                        StoryContract.pdf(
                                disposition + " vendor copy " + id + " " + c.get("description"));
                Api.as(Tokens.VENDOR_A, "lifecycle")
                        .contentType("application/pdf")
                        .queryParam("fileName", "copy-" + id + ".pdf")
                        .body(evidence)
                        .post(path + "/evidence")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
                Api.as(Tokens.VENDOR_A, "lifecycle")
                        .header("If-Match", tag(path))
                        .body(
                                Map.of(
                                        "disposition",
                                        disposition,
                                        "note",
                                        "撤去に伴い" + disposition + "（受領書・証明書添付）"))
                        .post(path + "/disposition")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(200);
            }
            String reviewed = tag(path);
            String confirmer = Tokens.JPO_ADMIN;
            if (Tokens.JPO_ADMIN.equals(c.get("recordedBy"))) {
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .header("If-Match", reviewed)
                        .post(path + "/confirmation")
                        .then()
                        .statusCode(403)
                        .body("rule", equalTo("R-SEC-2"));
                confirmer = Tokens.JPO_ADMIN2;
            }
            Api.as(confirmer, "lifecycle")
                    .header("If-Match", reviewed)
                    .post(path + "/confirmation")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200)
                    .body("status", equalTo("CONFIRMED"));
        }
        assertThat(Api.all(Tokens.AUDITOR, "lifecycle", "/vendor-copies", Map.of()))
                .allSatisfy(
                        c ->
                                assertThat(c.get("status"))
                                        .as("copy " + c.get("id"))
                                        .isEqualTo("CONFIRMED"));
        assertThat(copyBlockers("PRODUCTION")).isEmpty();
    }

    static List<String> copyBlockers(String env) {
        List<Map<String, Object>> blockers =
                Api.as(Tokens.JPO_STAFF, "lifecycle")
                        .get("/removal/" + env + "/readiness")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("blockers");
        return blockers.stream()
                .filter(b -> "VENDOR_COPY_NOT_CONFIRMED".equals(b.get("kind")))
                .map(b -> (String) b.get("id"))
                .toList();
    }

    private static long record(String user, Map<String, Object> body) {
        var r =
                Api.as(user, "lifecycle")
                        .body(body)
                        .post("/vendor-copies")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(201)
                        .body("status", equalTo("OPEN"))
                        .body("organisation", equalTo("vendor-a"))
                        .body("recordedBy", equalTo(user))
                        .extract();
        return r.<Number>path("id").longValue();
    }

    private static Map<String, Object> copy(
            String kind, String description, String holder, String organisation) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", kind);
        c.put("description", description);
        c.put("holder", holder);
        if (organisation != null) {
            c.put("organisation", organisation);
        }
        return c;
    }

    private static String tag(String path) {
        return Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
