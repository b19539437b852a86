package io.kiban.backup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.kiban.backup.driver.BackupDriver;
import io.kiban.backup.driver.ExecDriver;
import io.kiban.backup.driver.HttpDriver;
import io.kiban.backup.support.Api;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, backup-service: what one vendor or support-vendor account must no longer be able to do.
 * Each test is the attacker's attempt and the proof that it is refused with nothing sent, written
 * or weakened.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class BackupSecurityTest {

    @Inject HttpDriver http;

    @Inject ExecDriver exec;

    private static String base() {
        return "http://127.0.0.1:" + MaintenanceStub.server.port();
    }

    private static Map<String, Object> httpSettings(String url) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("url", url);
        s.put("method", "POST");
        return s;
    }

    private static io.restassured.response.ValidatableResponse postPolicy(
            String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/policies")
                .then();
    }

    /**
     * A namespace target with this exact name: created, or the one an earlier run against this
     * database left.
     */
    private static long fixedNameTarget(String name) {
        var reply =
                given().auth()
                        .oauth2(Tokens.supportVendor())
                        .contentType(ContentType.JSON)
                        .body(Api.target("K8S_ARRAY", "NAMESPACE", name, "HW-K8S-1"))
                        .post("/targets")
                        .then()
                        .extract();
        if (reply.statusCode() == 409) {
            return Long.parseLong(reply.jsonPath().getString("conflicts[0].id"));
        }
        assertThat(reply.statusCode()).isEqualTo(201);
        return reply.jsonPath().getLong("id");
    }

    private static long vmTarget(String name) {
        return Api.createTarget(Api.target("VIRT_ARRAY", "VM", name, "HW-VIRT-1"));
    }

    // ---------------------------------------------------------------- SEC-BK-1 http driver

    @Test
    @DisplayName(
            "SEC-BK-1 an http policy aimed outside the array's configured base URLs, or with a method not allowed, is 422")
    void SEC_BK_1_destination_and_method_outside_the_configuration_are_422() {
        long k8s = Api.namespaceTarget("HW-K8S-1");
        long vm = vmTarget(Api.unique("vm"));
        // the metadata service, an internal service, another array's API, a path escaping the base
        // URL
        for (String url :
                List.of(
                        "http://169.254.169.254/latest/meta-data/",
                        "http://keycloak:8080/admin/",
                        base() + "/virt/jobs",
                        base() + "/arrays/../tickets",
                        base() + "/arrays%2f..%2ftickets",
                        base().replace("127.0.0.1", "user@127.0.0.1") + "/arrays/x")) {
            postPolicy(
                            Tokens.supportVendor(),
                            Api.policy(Api.DAILY, "http", httpSettings(url), k8s))
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("rule", equalTo("SEC-BK-1"))
                    .body("errors.field", hasItem("driverSettings.url"));
        }
        // the same URL is fine for the array it is configured for …
        postPolicy(
                        Tokens.supportVendor(),
                        Api.policy(
                                Api.DAILY,
                                "http",
                                httpSettings(base() + "/arrays/${target.name}"),
                                k8s))
                .statusCode(201);
        // … but not for a policy that also covers a target on the other array
        postPolicy(
                        Tokens.supportVendor(),
                        Api.policy(Api.DAILY, "http", httpSettings(base() + "/arrays/x"), k8s, vm))
                .statusCode(422)
                .body("rule", equalTo("SEC-BK-1"));
        // methods per array: the virtualization array allows GET and POST only
        Map<String, Object> put = httpSettings(base() + "/virt/vms/${target.name}");
        put.put("method", "PUT");
        postPolicy(Tokens.supportVendor(), Api.policy(Api.DAILY, "http", put, vm))
                .statusCode(422)
                .body("errors.field", hasItem("driverSettings.method"));
        Map<String, Object> delete = httpSettings(base() + "/virt/vms/${target.name}");
        delete.put("deleteUrl", base() + "/virt/backups/${reference}");
        postPolicy(Tokens.supportVendor(), Api.policy(Api.DAILY, "http", delete, vm))
                .statusCode(422)
                .body("errors.field", hasItem("driverSettings.deleteMethod"));
    }

    @Test
    @DisplayName(
            "SEC-BK-1 an unknown credential answers exactly like a credential bound to other URLs")
    void SEC_BK_1_unknown_credential_answers_like_a_forbidden_one() {
        long k8s = Api.namespaceTarget("HW-K8S-1");
        Map<String, Object> forbidden = httpSettings(base() + "/arrays/x");
        forbidden.put("credentials", "virt-api"); // exists, but is bound to /virt/
        Map<String, Object> unknown = httpSettings(base() + "/arrays/x");
        unknown.put("credentials", "KIBAN_BACKUP_HTTP_ROOT_TOKEN");
        var a =
                postPolicy(Tokens.supportVendor(), Api.policy(Api.DAILY, "http", forbidden, k8s))
                        .statusCode(422)
                        .extract()
                        .jsonPath();
        var b =
                postPolicy(Tokens.supportVendor(), Api.policy(Api.DAILY, "http", unknown, k8s))
                        .statusCode(422)
                        .extract()
                        .jsonPath();
        assertThat(a.getString("detail"))
                .isEqualTo(b.getString("detail"))
                .isEqualTo(
                        "driverSettings.credentials: SEC-BK-1: no credential of that name may be sent to these URLs");
        assertThat(a.getList("errors")).isEqualTo(b.getList("errors"));
        assertThat(a.getString("detail")).doesNotContain("virt", "KIBAN_BACKUP_HTTP_ROOT_TOKEN");
        // the credential bound to /arrays/ is accepted there
        Map<String, Object> bound = httpSettings(base() + "/arrays/x");
        bound.put("credentials", "array-api");
        postPolicy(Tokens.supportVendor(), Api.policy(Api.DAILY, "http", bound, k8s))
                .statusCode(201);
        // and the old form that named a Secret or variable directly is no longer accepted
        Map<String, Object> direct = httpSettings(base() + "/arrays/x");
        direct.put("credentials", Map.of("source", "env", "name", "KIBAN_DB_PASSWORD"));
        postPolicy(Tokens.supportVendor(), Api.policy(Api.DAILY, "http", direct, k8s))
                .statusCode(400)
                .body("errors.field", hasItem("driverSettings.credentials"));
    }

    @Test
    @DisplayName(
            "SEC-BK-1 caller-chosen headers are refused, and never sent even if a stored policy had them")
    void SEC_BK_1_only_a_fixed_set_of_headers_is_sent() {
        long k8s = Api.namespaceTarget("HW-K8S-1");
        Map<String, Object> withHeaders = httpSettings(base() + "/arrays/x");
        withHeaders.put("headers", Map.of("X-Forwarded-User", "jpo-admin1"));
        postPolicy(Tokens.supportVendor(), Api.policy(Api.DAILY, "http", withHeaders, k8s))
                .statusCode(400)
                .body("errors.field", hasItem("driverSettings.headers"));

        String api = Api.unique("hdr");
        MaintenanceStub.server.stubFor(
                post(urlPathEqualTo("/arrays/" + api)).willReturn(MaintenanceStub.json("{}")));
        Map<String, Object> legacy = httpSettings(base() + "/arrays/" + api);
        legacy.put(
                "headers",
                Map.of("X-Forwarded-User", "jpo-admin1", "Authorization", "Bearer forged"));
        legacy.put("body", "{}");
        var outcome = http.backup(request(namespaceView("ns-hdr"), legacy), new NoProgress());
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.SUCCEEDED);
        MaintenanceStub.server.verify(
                1,
                postRequestedFor(urlPathEqualTo("/arrays/" + api))
                        .withHeader("X-Forwarded-User", absent())
                        .withHeader("Authorization", absent())
                        .withHeader("Accept", WireMock.equalTo("application/json"))
                        .withHeader("Content-Type", WireMock.equalTo("application/json")));
    }

    @Test
    @DisplayName(
            "SEC-BK-1 a reply's body never reaches the run; a job URL named by the reply is followed only inside the base URLs")
    void SEC_BK_1_reply_bodies_are_not_echoed_and_reply_urls_are_checked() {
        String api = Api.unique("echo");
        var wm = MaintenanceStub.server;
        wm.stubFor(
                post(urlPathEqualTo("/arrays/" + api + "/backups"))
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withBody("{\"internal\":\"db password is hunter2\"}")));
        var refused =
                http.backup(
                        request(
                                namespaceView("ns-echo"),
                                httpSettings(base() + "/arrays/" + api + "/backups")),
                        new NoProgress());
        assertThat(refused.error()).isEqualTo("backup request answered HTTP 403");

        String api2 = Api.unique("ssrf");
        String stolen = base() + "/virt/" + api2 + "/secret";
        wm.stubFor(
                post(urlPathEqualTo("/arrays/" + api2 + "/backups"))
                        .willReturn(
                                MaintenanceStub.json(
                                        "{\"id\":\"J\",\"next\":\"" + stolen + "\"}")));
        wm.stubFor(
                get(urlPathMatching("/virt/" + api2 + "/.*"))
                        .willReturn(MaintenanceStub.json("{\"s\":\"DONE\"}")));
        Map<String, Object> follow = httpSettings(base() + "/arrays/" + api2 + "/backups");
        follow.put("referencePointer", "/id");
        follow.put("jobUrlPointer", "/next");
        follow.put("statusPointer", "/s");
        follow.put("successValues", List.of("DONE"));
        var outcome = http.backup(request(namespaceView("ns-ssrf"), follow), new NoProgress());
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(outcome.error()).contains("SEC-BK-1").contains("not sent");
        wm.verify(0, anyRequestedFor(urlPathMatching("/virt/" + api2 + "/.*")));

        // a target name that would walk out of the base URL at run time
        String api3 = Api.unique("walk");
        var walked =
                http.backup(
                        request(
                                namespaceView("../../tickets"),
                                httpSettings(base() + "/arrays/" + api3 + "/${target.name}")),
                        new NoProgress());
        assertThat(walked.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(walked.error()).contains("SEC-BK-1");
        wm.verify(0, postRequestedFor(urlPathMatching("/tickets.*")));
    }

    @Test
    @DisplayName("SEC-BK-1 under(): scheme, host, port and path prefix at a segment boundary")
    void SEC_BK_1_base_url_matching() throws Exception {
        var under = HttpDriver.class.getDeclaredMethod("under", String.class, List.class);
        under.setAccessible(true);
        List<String> bases = List.of("https://array.local/api/v1/");
        assertThat((boolean) under.invoke(null, "https://array.local/api/v1/backups", bases))
                .isTrue();
        assertThat((boolean) under.invoke(null, "https://ARRAY.local:443/api/v1/x", bases))
                .isTrue();
        assertThat((boolean) under.invoke(null, "http://array.local/api/v1/backups", bases))
                .isFalse();
        assertThat((boolean) under.invoke(null, "https://array.local:8443/api/v1/x", bases))
                .isFalse();
        assertThat((boolean) under.invoke(null, "https://array.local/api/v10/x", bases)).isFalse();
        assertThat((boolean) under.invoke(null, "https://array.local.evil.com/api/v1/x", bases))
                .isFalse();
        assertThat((boolean) under.invoke(null, "https://array.local/api/v1/../../admin", bases))
                .isFalse();
        assertThat((boolean) under.invoke(null, "https://x@array.local/api/v1/x", bases)).isFalse();
        assertThat((boolean) under.invoke(null, "https://array.local/api/v1/x", List.of()))
                .isFalse();
    }

    // ---------------------------------------------------------------- SEC-BK-2 velero

    @Test
    @DisplayName(
            "SEC-BK-2 a velero policy on kube-system, velero, kiban-* or an unlisted namespace, or an unlisted storage location, is 422")
    void SEC_BK_2_velero_namespaces_and_storage_locations_come_from_configuration() {
        for (String ns : List.of("kube-system", "velero", "kiban-prod", "kiban", "payroll")) {
            long t = fixedNameTarget(ns);
            postPolicy(Tokens.supportVendor(), Api.policy(Api.DAILY, "velero", Map.of(), t))
                    .statusCode(422)
                    .body("rule", equalTo("SEC-BK-2"))
                    .body("detail", containsString(ns));
        }
        long ok = Api.namespaceTarget("HW-K8S-1");
        postPolicy(
                        Tokens.supportVendor(),
                        Api.policy(
                                Api.DAILY,
                                "velero",
                                Map.of("storageLocation", "attacker-bucket"),
                                ok))
                .statusCode(422)
                .body("rule", equalTo("SEC-BK-2"))
                .body("errors.field", hasItem("driverSettings.storageLocation"));
        postPolicy(
                        Tokens.supportVendor(),
                        Api.policy(Api.DAILY, "velero", Map.of("storageLocation", "secondary"), ok))
                .statusCode(201);
        postPolicy(Tokens.supportVendor(), Api.policy(Api.DAILY, "velero", Map.of(), ok))
                .statusCode(201);
    }

    // ---------------------------------------------------------------- SEC-BK-3 who may weaken a
    // policy

    @Test
    @DisplayName(
            "SEC-BK-3 vendors may propose, run and read policies but not change, pause or delete them or change or delete targets")
    void SEC_BK_3_only_jpo_admin_weakens_a_policy() {
        long target = Api.namespaceTarget("HW-K8S-1");
        var body = Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target);
        long policy = Api.createPolicy(body).getLong("id"); // support-vendor proposes
        var weaker = new LinkedHashMap<>(body);
        weaker.put("retention", Map.of("keepLast", 1));
        weaker.put("cron", "0 0 3 1 1 ?");
        var targetBody = Api.target("K8S_ARRAY", "NAMESPACE", Api.unique("ns"), "HW-K8S-1");
        for (String token :
                List.of(
                        Tokens.supportVendor(),
                        Tokens.vendor("vendor-a"),
                        Tokens.vendor("vendor-b"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(weaker)
                    .header("If-Match", "\"0\"")
                    .put("/policies/" + policy)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .post("/policies/" + policy + "/pause")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .header("If-Match", "\"0\"")
                    .delete("/policies/" + policy)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(targetBody)
                    .header("If-Match", "\"0\"")
                    .put("/targets/" + target)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .header("If-Match", "\"0\"")
                    .delete("/targets/" + target)
                    .then()
                    .statusCode(403);
        }
        // nothing changed: same version, not paused, same schedule and retention
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/policies/" + policy)
                .then()
                .statusCode(200)
                .body("version", equalTo(0))
                .body("paused", equalTo(false))
                .body("cron", equalTo(Api.DAILY))
                .body("retention.keepLast", equalTo(3));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/targets/" + target)
                .then()
                .statusCode(200)
                .body("version", equalTo(0));
        // they may still run it (and read it)
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .post("/policies/" + policy + "/runs")
                .then()
                .statusCode(202);
        // jpo-admin may
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/policies/" + policy + "/pause")
                .then()
                .statusCode(200)
                .body("paused", equalTo(true));
        // R-SEC / OpenAPI: the operations say so
        String openapi =
                given().accept("application/json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(openapi).contains("SEC-BK-3: pausing stops the backups, so only jpo-admin may");
    }

    @Test
    @DisplayName("SEC-BK-3 run now on a paused policy is 409 and queues nothing")
    void SEC_BK_3_run_now_on_a_paused_policy_is_409() {
        long target = Api.namespaceTarget("HW-K8S-1");
        var body = Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target);
        body.put("paused", true);
        long policy = Api.createPolicy(body).getLong("id");
        given().auth()
                .oauth2(Tokens.supportVendor())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/policies/" + policy + "/runs")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("SEC-BK-3"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/policies/" + policy + "/runs")
                .then()
                .statusCode(409);
        assertThat(Api.runs(policy)).isEmpty();
    }

    // ---------------------------------------------------------------- SEC-BK-4 maintenance holds

    private static void ticket(String hardwareId, String json) {
        MaintenanceStub.server.stubFor(
                get(urlPathEqualTo("/tickets"))
                        .withQueryParam("hardwareId", WireMock.equalTo(hardwareId))
                        .withQueryParam("status", WireMock.equalTo("IN_PROGRESS"))
                        .atPriority(1)
                        .willReturn(MaintenanceStub.json(json)));
    }

    private static Map<String, Object> heldRun(String hardwareId) {
        var body =
                Api.policy(
                        Api.DAILY,
                        "test",
                        Map.of("result", "SUCCEEDED"),
                        Api.namespaceTarget(hardwareId));
        body.put("holdDuringMaintenance", true);
        long policy = Api.createPolicy(body).getLong("id");
        Api.runNow(policy);
        return Api.awaitRuns(policy, 1).get(0);
    }

    private static double overrunCount(String hardwareId) {
        String metrics =
                given().accept("text/plain")
                        .get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        return metrics.lines()
                .filter(
                        l ->
                                l.startsWith("kiban_backup_hold_overrun_total{")
                                        && l.contains("array=\"" + hardwareId + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    @DisplayName(
            "SEC-BK-4 a hold lasts at most 24 h after JPO's acknowledgement, then backups run and the overrun is counted")
    void SEC_BK_4_a_hold_expires_after_the_configured_time() {
        String fresh = Api.unique("HW-HOLD");
        ticket(
                fresh,
                "[{\"id\":7001,\"acknowledgedByJpo\":true,\"acknowledgedAt\":\""
                        + Instant.now().minus(Duration.ofHours(23))
                        + "\"}]");
        assertThat(heldRun(fresh)).containsEntry("state", "SKIPPED_HOLD");

        String stale = Api.unique("HW-HOLD");
        ticket(
                stale,
                "[{\"id\":7002,\"acknowledgedByJpo\":true,\"acknowledgedAt\":\""
                        + Instant.now().minus(Duration.ofHours(25))
                        + "\"}]");
        var run = heldRun(stale);
        assertThat(run).containsEntry("state", "SUCCEEDED");
        assertThat((String) run.get("note")).contains("SEC-BK-4").contains("7002").contains("24 h");
        assertThat(overrunCount(stale)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("SEC-BK-4 a ticket JPO did not acknowledge holds nothing")
    void SEC_BK_4_only_tickets_jpo_acknowledged_hold() {
        String vendorOnly = Api.unique("HW-HOLD");
        ticket(
                vendorOnly,
                "[{\"id\":7003,\"acknowledgedByJpo\":false,\"acknowledgedAt\":\""
                        + Instant.now().minus(Duration.ofHours(1))
                        + "\"},{\"id\":7004}]");
        var run = heldRun(vendorOnly);
        assertThat(run).containsEntry("state", "SUCCEEDED");
        assertThat((String) run.get("note"))
                .contains("SEC-BK-4")
                .contains("7003, 7004")
                .contains("not acknowledged by JPO");
        assertThat(overrunCount(vendorOnly)).isEqualTo(0.0);
    }

    // ---------------------------------------------------------------- SEC-BK-5 exec driver

    @Test
    @DisplayName(
            "SEC-BK-5 a child program sees only PATH, LANG and TZ, never the service's secrets")
    void SEC_BK_5_exec_children_get_an_empty_environment_plus_the_allow_list() {
        var outcome =
                exec.backup(
                        request(
                                namespaceView("ns-env"),
                                Map.of("command", List.of("/usr/bin/env"))),
                        new NoProgress());
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.SUCCEEDED);
        Set<String> seen =
                outcome.note()
                        .lines()
                        .filter(l -> l.contains("="))
                        .map(l -> l.substring(0, l.indexOf('=')))
                        .collect(Collectors.toSet());
        assertThat(seen).isSubsetOf("PATH", "LANG", "TZ");
        assertThat(System.getenv()).containsKey("PATH");
        assertThat(seen).contains("PATH");
        // the test JVM has more in its environment (HOME at least) — none of it reached the child
        assertThat(System.getenv().keySet())
                .anyMatch(k -> !Set.of("PATH", "LANG", "TZ").contains(k));
        // even when an operator lists them, secret-looking and the service's own variables are
        // withheld
        Map<String, String> parent =
                Map.of(
                        "PATH",
                        "/bin",
                        "KIBAN_DB_PASSWORD",
                        "pw",
                        "KIBAN_OIDC_CLIENT_SECRET",
                        "s",
                        "KIBAN_AUDIT_HMAC_KEY",
                        "k",
                        "AWS_SECRET_ACCESS_KEY",
                        "a",
                        "SA_TOKEN",
                        "t",
                        "KUBERNETES_SERVICE_HOST",
                        "10.0.0.1",
                        "QUARKUS_DATASOURCE_PASSWORD",
                        "q",
                        "LANG",
                        "C.UTF-8");
        var method = childEnvironment();
        assertThat(method.apply(List.copyOf(parent.keySet()), parent))
                .isEqualTo(Map.of("PATH", "/bin", "LANG", "C.UTF-8"));
    }

    @SuppressWarnings("unchecked")
    private static java.util.function.BiFunction<
                    List<String>, Map<String, String>, Map<String, String>>
            childEnvironment() {
        return (allowed, parent) -> {
            try {
                var m =
                        ExecDriver.class.getDeclaredMethod(
                                "childEnvironment", List.class, Map.class);
                m.setAccessible(true);
                return (Map<String, String>) m.invoke(null, allowed, parent);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    @DisplayName(
            "SEC-BK-5 a target value that is not a plain word cannot become an argument (422 at save, nothing run)")
    void SEC_BK_5_exec_arguments_from_targets_follow_a_strict_pattern() {
        for (String name : List.of("--output=/etc/passwd", "a b", "x;id", "$(id)", "-rf")) {
            long t = fixedNameTarget(name);
            postPolicy(
                            Tokens.supportVendor(),
                            Api.policy(
                                    Api.DAILY,
                                    "exec",
                                    Map.of(
                                            "command",
                                            List.of("/bin/echo", "dump", "${target.name}")),
                                    t))
                    .statusCode(422)
                    .body("rule", equalTo("SEC-BK-5"))
                    .body("errors.field", hasItem("driverSettings.command"));
        }
        long fine =
                Api.createTarget(
                        Api.target(
                                "K8S_ARRAY", "NAMESPACE", Api.unique("ns") + ".db_1", "HW-K8S-1"));
        postPolicy(
                        Tokens.supportVendor(),
                        Api.policy(
                                Api.DAILY,
                                "exec",
                                Map.of("command", List.of("/bin/echo", "dump", "${target.name}")),
                                fine))
                .statusCode(201);
        // at run time too (a target renamed after the policy was saved): nothing is run
        var outcome =
                exec.backup(
                        request(
                                namespaceView("--help"),
                                Map.of("command", List.of("/bin/echo", "${target.name}"))),
                        new NoProgress());
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(outcome.error()).contains("SEC-BK-5").contains("nothing was run");
    }

    // ---------------------------------------------------------------- SEC-BK-6 drill evidence

    private static long drillOf(String org) {
        long target = Api.namespaceTarget("HW-K8S-1");
        long policy =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
                        .getLong("id");
        Api.runNow(policy);
        long run = ((Number) Api.awaitRuns(policy, 1).get(0).get("id")).longValue();
        return given().auth()
                .oauth2(Tokens.vendor(org))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "targetId",
                                target,
                                "runId",
                                run,
                                "durationSeconds",
                                60,
                                "result",
                                "SUCCEEDED"))
                .post("/restore-drills")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static List<Path> evidenceFiles() throws IOException {
        Path dir = Path.of("target/evidence");
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    @DisplayName(
            "SEC-BK-6 a refused evidence upload (wrong type, wrong organisation, too large) leaves no file behind")
    void SEC_BK_6_refused_evidence_leaves_no_file() throws IOException {
        long drill = drillOf("vendor-a");
        String unique = UUID.randomUUID().toString();
        List<Path> before = evidenceFiles();
        // a script declared as PDF, and plain text: 415
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("application/pdf")
                .body(("#!/bin/sh\n# " + unique + "\n").getBytes(StandardCharsets.UTF_8))
                .queryParam("fileName", "log.pdf")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(415)
                .body("rule", equalTo("SEC-BK-6"));
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("text/plain")
                .body("words " + unique)
                .queryParam("fileName", "log.txt")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(415);
        // a PNG declared as PDF: 415
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("application/pdf")
                .body(png)
                .queryParam("fileName", "log.pdf")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(415);
        // another organisation's drill: 403, even with a valid PDF
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .contentType("application/pdf")
                .body(("%PDF-1.4\n% " + unique + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8))
                .queryParam("fileName", "log.pdf")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(403);
        // over 20 MiB: 413
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("application/pdf")
                .body(big)
                .queryParam("fileName", "big.pdf")
                .put("/restore-drills/" + drill + "/evidence")
                .then()
                .statusCode(413);
        assertThat(evidenceFiles()).as("files in the evidence store").isEqualTo(before);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/restore-drills/" + drill)
                .then()
                .statusCode(200)
                .body("evidenceFile", org.hamcrest.Matchers.nullValue());
    }

    // ---------------------------------------------------------------- issue 14 item 8: SHARED

    @Test
    @DisplayName(
            "R-BK-5 the SHARED environment (distribution board) holds no backup copies: 200 and an empty list")
    void R_BK_5_shared_environment_has_no_backup_copies() {
        Api.namespaceTarget("HW-K8S-1");
        given().auth()
                .oauth2(Tokens.service("lifecycle-service"))
                .queryParam("environment", "SHARED")
                .get("/reports/backup-copies")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .queryParam("environment", "MARS")
                .get("/reports/backup-copies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("environment"));
    }

    // ---------------------------------------------------------------- helpers

    private static BackupDriver.Target namespaceView(String name) {
        return new BackupDriver.Target(
                1L,
                BackupDriver.Target.ArrayKind.K8S_ARRAY,
                "HW-K8S-1",
                "PRODUCTION",
                BackupDriver.Target.Kind.NAMESPACE,
                name,
                null);
    }

    private static BackupDriver.Request request(
            BackupDriver.Target target, Map<String, Object> settings) {
        return new BackupDriver.Request(
                800_000 + (System.nanoTime() % 100_000),
                7L,
                target,
                BackupDriver.Level.FULL,
                settings,
                Duration.ofDays(8),
                Instant.now().plusSeconds(5));
    }

    private static final class NoProgress implements BackupDriver.Progress {
        @Override
        public void beat() {}

        @Override
        public void reference(String reference) {}
    }
}
