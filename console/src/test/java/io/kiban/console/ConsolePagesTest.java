package io.kiban.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ConsoleMocks.class, restrictToAnnotatedClass = true)
class ConsolePagesTest {

    @BeforeEach
    void services() {
        Fixtures.all();
    }

    private static Login.Session admin() {
        return Login.as("jpo-admin1", "jpo", "jpo-admin");
    }

    private static Response page(Login.Session s, String path) {
        return given().redirects().follow(false).cookies(s.cookies()).get(path);
    }

    /** A form post as a browser sends it from a UTF-8 page. */
    private static io.restassured.specification.RequestSpecification form(Login.Session s) {
        return given().redirects()
                .follow(false)
                .cookies(s.cookies())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static String csrf(String session) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(
                    new javax.crypto.spec.SecretKeySpec(
                            java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(
                                            "test-console-secret-0123456789abcdef"
                                                    .getBytes(
                                                            java.nio.charset.StandardCharsets
                                                                    .UTF_8)),
                            "HmacSHA256"));
            return java.util.HexFormat.of()
                    .formatHex(
                            mac.doFinal(session.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hidden(String html, String itemId, String name) {
        int at = html.indexOf("id=\"item-" + itemId + "\"");
        assertThat(at).as("item %s on the page", itemId).isGreaterThanOrEqualTo(0);
        Matcher m =
                Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"")
                        .matcher(html.substring(at));
        assertThat(m.find()).as("hidden field %s of %s", name, itemId).isTrue();
        return m.group(1).replace("&quot;", "\"").replace("&#34;", "\"");
    }

    @Test
    @DisplayName(
            "Each page renders in Japanese with lang=ja for jpo-admin, with 令和 dates and JST times")
    void every_page_renders_in_japanese_for_jpo_admin() {
        Login.Session s = admin();
        Map<String, String[]> pages =
                Map.of(
                        "/",
                                new String[] {
                                    "<h1>ダッシュボード</h1>",
                                    "<svg",
                                    "本番環境",
                                    "稼働中",
                                    "構築中",
                                    "撤去期限",
                                    "令和13年3月31日 (2031-03-31)",
                                    "環境設定定義書（本番）",
                                    "SLA違反",
                                    "SN-0001",
                                    "RPO超過",
                                    "正常（改ざんなし）"
                                },
                        "/inbox",
                                new String[] {
                                    "<h1>承認待ち</h1>",
                                    "山田太郎（vendor-a）",
                                    "環境設定定義書（本番）",
                                    "媒体 SN-0001（NVME）",
                                    "certificate.pdf",
                                    "破砕株式会社",
                                    "承認する",
                                    "差し戻す",
                                    "遅延 令和9年4月1日 (2027-04-01) 〜 令和9年4月10日 (2027-04-10)（10 日）",
                                    "機器の到着遅れ"
                                },
                        "/ledger", new String[] {"<h1>台帳</h1>", "GPUサーバ1", "SRV-0001", "本番環境"},
                        "/maintenance", new String[] {"<h1>保守</h1>", "HW-0001", "対応中", "完了"},
                        "/maintenance/tickets/5",
                                new String[] {
                                    "保守チケット #5",
                                    "ディスク障害",
                                    // 2027-01-15T01:00Z is 10:00 in Tokyo
                                    "2027-01-15 10:00 JST (令和9年1月15日)",
                                    "第1サーバ室",
                                    "certificate.pdf",
                                    "提出済"
                                },
                        "/backup",
                                new String[] {"<h1>バックアップ</h1>", "kiban-db", "RPO超過", "毎日", "未実行"},
                        "/removal",
                                new String[] {
                                    "<h1>撤去</h1>",
                                    "本番環境 の撤去準備",
                                    "SN-0001 の証跡が未受理",
                                    "残り 1576 日",
                                    "href=\"/maintenance/custody/21\"",
                                    "消去・破壊が済んでいない媒体（OUTSTANDING_SANITIZATION）",
                                    "href=\"/removal#section-removal-staging\"",
                                    "記録の引き渡しが未実施（ARCHIVE_NOT_HANDED_OVER）"
                                },
                        "/audit",
                                new String[] {
                                    "<h1>監査</h1>",
                                    "正常（改ざんなし）",
                                    "/audit/asset/export",
                                    "/audit/lifecycle/export"
                                });
        for (var e : pages.entrySet()) {
            Response r = page(s, e.getKey());
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(r.contentType()).as(e.getKey()).startsWith("text/html");
            String html = r.asString();
            assertThat(html).as(e.getKey()).contains("<html lang=\"ja\">").contains("ログアウト");
            assertThat(html).as(e.getKey()).contains(e.getValue());
        }
    }

    @Test
    @DisplayName("The ledger filters by environment at the service and searches the fields shown")
    void ledger_filters_and_searches() {
        Login.Session s = admin();
        String html = page(s, "/ledger?environment=STAGING&q=sto-0002").asString();
        assertThat(html).contains("ストレージ1").doesNotContain("GPUサーバ1");
        ConsoleMocks.server.verify(
                getRequestedFor(urlPathEqualTo("/asset/hardware"))
                        .withQueryParam("environment", equalTo("STAGING")));
    }

    @Test
    @DisplayName(
            "A service that is down is named in Japanese in its sections; the rest of the dashboard renders")
    void a_down_service_is_named_and_the_rest_renders() {
        Login.Session s = admin();
        ConsoleMocks.server.stubFor(
                get(urlPathMatching("/backup/.*"))
                        .atPriority(1)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Response r = page(s, "/");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.asString();
        assertThat(html)
                .contains("バックアップサービス (backup-service)に接続できません。停止している可能性があります。")
                .contains("稼働中")
                .contains("SN-0001")
                .contains("HW-0001")
                .contains("環境設定定義書（本番）")
                .doesNotContain("RPO超過");
    }

    @Test
    @DisplayName("A slow service costs only its own sections (per-section timeout)")
    void a_slow_service_costs_only_its_sections() {
        Login.Session s = admin();
        ConsoleMocks.server.stubFor(
                get(urlPathMatching("/maintenance/.*"))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withFixedDelay(6000)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("[]")));
        long start = System.nanoTime();
        Response r = page(s, "/");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString())
                .contains("保守サービス (maintenance-service)が時間内に応答しませんでした。")
                .contains("稼働中")
                .contains("RPO超過");
        // budget 1.5 s (+0.5 s grace) per section, all sections waiting in parallel: far below the
        // 6 s delay
        assertThat(millis).isLessThan(5000);
    }

    @Test
    @DisplayName(
            "SEC: approve sends the version shown as If-Match with the user's own bearer token")
    void approve_sends_the_etag_shown_as_if_match_with_the_users_token() {
        Login.Session s = admin();
        String html = page(s, "/inbox").asString();
        String version = hidden(html, "handler-7", "version");
        assertThat(version).isEqualTo("\"2\"");
        // only what waits: the approved handler and the approved delay are not offered
        assertThat(html)
                .contains("id=\"item-delay-2\"")
                .doesNotContain("id=\"item-handler-8\"")
                .doesNotContain("id=\"item-delay-1\"");
        String csrf = hidden(html, "handler-7", "csrf");

        Response r =
                form(s).formParams(
                                Map.of(
                                        "kind",
                                        "handler",
                                        "id",
                                        "7",
                                        "version",
                                        version,
                                        "decision",
                                        "approve",
                                        "reason",
                                        "",
                                        "csrf",
                                        csrf))
                        .post("/inbox/decision");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("情報取扱者の承認（R-SEC-1） #7 を承認しました。");
        ConsoleMocks.server.verify(
                1,
                postRequestedFor(urlEqualTo("/lifecycle/handlers/7/approval"))
                        .withHeader("If-Match", equalTo("\"2\""))
                        .withHeader("Authorization", equalTo("Bearer " + s.accessToken())));
    }

    @Test
    @DisplayName("SEC: return sends the reason and the weak ETag of the evidence exactly as read")
    void return_sends_reason_and_version() {
        Login.Session s = admin();
        ConsoleMocks.server.stubFor(
                post(urlPathEqualTo("/maintenance/evidence/31/rejection"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"id\":31,\"status\":\"REJECTED\"}")));
        String html = page(s, "/inbox").asString();
        String version = hidden(html, "evidence-31", "version");
        assertThat(version).isEqualTo("W/\"31-1-41\"");
        Response r =
                form(s).formParams(
                                Map.of(
                                        "kind",
                                        "evidence",
                                        "id",
                                        "31",
                                        "version",
                                        version,
                                        "decision",
                                        "return",
                                        "reason",
                                        "証明書の日付が読めません",
                                        "csrf",
                                        hidden(html, "evidence-31", "csrf")))
                        .post("/inbox/decision");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("を差し戻しました。");
        ConsoleMocks.server.verify(
                postRequestedFor(urlEqualTo("/maintenance/evidence/31/rejection"))
                        .withHeader("If-Match", equalTo("W/\"31-1-41\""))
                        .withHeader("Authorization", equalTo("Bearer " + s.accessToken()))
                        .withRequestBody(equalToJson("{\"reason\":\"証明書の日付が読めません\"}")));
    }

    @Test
    @DisplayName("A return without a reason is refused before any call")
    void return_without_reason_is_refused() {
        Login.Session s = admin();
        String html = page(s, "/inbox").asString();
        Response r =
                form(s).formParams(
                                Map.of(
                                        "kind",
                                        "deliverable",
                                        "id",
                                        "11",
                                        "version",
                                        "\"4\"",
                                        "decision",
                                        "return",
                                        "reason",
                                        " ",
                                        "csrf",
                                        hidden(html, "deliverable-11", "csrf")))
                        .post("/inbox/decision");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("差し戻しの理由を入力してください。");
        ConsoleMocks.server.verify(
                0, postRequestedFor(urlPathEqualTo("/lifecycle/deliverables/11/return")));
    }

    @Test
    @DisplayName(
            "R-SEC-2: the service's 403 and 412 answers are shown in Japanese with the rule id")
    void service_errors_are_shown_in_japanese() {
        Login.Session s = admin();
        ConsoleMocks.server.stubFor(
                post(urlPathEqualTo("/maintenance/contractors/3/approval"))
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"type\":\"https://kiban/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403,"
                                                        + "\"detail\":\"R-SEC-2: the proposer cannot approve\",\"rule\":\"R-SEC-2\"}")));
        ConsoleMocks.server.stubFor(
                post(urlPathEqualTo("/lifecycle/handlers/7/approval"))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withStatus(412)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"title\":\"Precondition Failed\",\"status\":412,\"detail\":\"stale version\"}")));
        String html = page(s, "/inbox").asString();
        Response forbidden =
                form(s).formParams(
                                Map.of(
                                        "kind",
                                        "contractor",
                                        "id",
                                        "3",
                                        "version",
                                        hidden(html, "contractor-3", "version"),
                                        "decision",
                                        "approve",
                                        "reason",
                                        "",
                                        "csrf",
                                        hidden(html, "contractor-3", "csrf")))
                        .post("/inbox/decision");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.asString())
                .contains("この操作を行う権限がありません。")
                .contains("提案・提出した本人は承認・差戻しできません。")
                .contains("（規則 R-SEC-2）");
        Response stale =
                form(s).formParams(
                                Map.of(
                                        "kind",
                                        "handler",
                                        "id",
                                        "7",
                                        "version",
                                        "\"1\"",
                                        "decision",
                                        "approve",
                                        "reason",
                                        "",
                                        "csrf",
                                        hidden(html, "handler-7", "csrf")))
                        .post("/inbox/decision");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.asString()).contains("表示した後に他の人が更新しました。");
    }

    @Test
    @DisplayName(
            "SEC: a vendor sees no approve buttons, and a decision posted by hand is not forwarded")
    void vendor_sees_no_approve_buttons() {
        Login.Session s = Login.as("vendor-a1", "vendor-a", "vendor", "approved-handler");
        Response r = page(s, "/inbox");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.asString();
        assertThat(html)
                .contains("<html lang=\"ja\">")
                .contains("この画面は閲覧のみです")
                .doesNotContain("承認する")
                .doesNotContain("差し戻す")
                .doesNotContain("/inbox/decision");
        // a hand-made form carrying a valid CSRF token of the vendor's own session (worked out here
        // with the
        // test key: HMAC-SHA256 keyed by SHA-256 of the client secret, over "sid|subject")
        String csrf =
                csrf("sid-vendor-a1|" + java.util.UUID.nameUUIDFromBytes("vendor-a1".getBytes()));
        Response forged =
                form(s).formParams(
                                Map.of(
                                        "kind",
                                        "handler",
                                        "id",
                                        "7",
                                        "version",
                                        "\"2\"",
                                        "decision",
                                        "approve",
                                        "reason",
                                        "",
                                        "csrf",
                                        csrf))
                        .post("/inbox/decision");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.asString()).contains("承認・差戻しは特許庁管理者（jpo-admin）だけが行えます。");
        ConsoleMocks.server.verify(
                0, postRequestedFor(urlPathEqualTo("/lifecycle/handlers/7/approval")));
    }

    @Test
    @DisplayName("SEC: the auditor reads the audit page and the inbox, without decision buttons")
    void auditor_reads_only() {
        Login.Session s = Login.as("auditor1", "jpo", "auditor");
        assertThat(page(s, "/audit").asString())
                .contains("正常（改ざんなし）")
                .contains("/audit/maintenance/export");
        assertThat(page(s, "/inbox").asString()).doesNotContain("承認する");
    }

    @Test
    @DisplayName("SEC: a decision without the session's CSRF token is refused and not forwarded")
    void decision_without_csrf_is_refused() {
        Login.Session s = admin();
        Response r =
                form(s).formParams(
                                Map.of(
                                        "kind",
                                        "handler",
                                        "id",
                                        "7",
                                        "version",
                                        "\"2\"",
                                        "decision",
                                        "approve"))
                        .post("/inbox/decision");
        assertThat(r.statusCode()).isEqualTo(403);
        ConsoleMocks.server.verify(
                0, postRequestedFor(urlPathEqualTo("/lifecycle/handlers/7/approval")));
    }

    @Test
    @DisplayName(
            "SEC: anonymous is redirected to the Keycloak login with PKCE S256 and client kiban-console")
    void anonymous_is_redirected_to_login() {
        for (String path : new String[] {"/", "/inbox", "/audit/asset/export"}) {
            Response r = given().redirects().follow(false).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            URI location = URI.create(r.header("Location"));
            assertThat(location.getPath()).isEqualTo("/realms/kiban/protocol/openid-connect/auth");
            Map<String, String> q = Login.query(location);
            assertThat(q)
                    .containsEntry("client_id", "kiban-console")
                    .containsEntry("response_type", "code")
                    .containsEntry("code_challenge_method", "S256")
                    .containsKey("code_challenge");
        }
        ConsoleMocks.server.verify(
                0, anyRequestedFor(urlMatching("/(asset|maintenance|backup|lifecycle)/.*")));
        // a POST without a session is not forwarded either
        given().redirects()
                .follow(false)
                .formParams(Map.of("kind", "handler", "id", "7"))
                .post("/inbox/decision");
        ConsoleMocks.server.verify(
                0, postRequestedFor(anyUrl()).withUrl("/lifecycle/handlers/7/approval"));
    }

    @Test
    @DisplayName("SEC: the login redeems the code with the PKCE verifier")
    void login_sends_the_pkce_verifier() {
        admin();
        ConsoleMocks.server.verify(
                postRequestedFor(urlPathEqualTo("/realms/kiban/protocol/openid-connect/token"))
                        .withRequestBody(containing("code_verifier="))
                        .withRequestBody(containing("grant_type=authorization_code")));
    }

    @Test
    @DisplayName(
            "The audit export and evidence files are streamed through the console with the user's token")
    void downloads_stream_with_the_users_token() {
        Login.Session s = admin();
        ConsoleMocks.server.stubFor(
                get(urlEqualTo("/asset/audit/export"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"chain\":\"asset\",\"entries\":[]}")));
        ConsoleMocks.server.stubFor(
                get(urlEqualTo("/maintenance/evidence/31/files/41"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/pdf")
                                        .withHeader(
                                                "Content-Disposition",
                                                "attachment; filename=\"evidence-41.pdf\"")
                                        .withBody("%PDF-1.7 test")));
        Response export = page(s, "/audit/asset/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.asString()).isEqualTo("{\"chain\":\"asset\",\"entries\":[]}");
        assertThat(export.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"kiban-audit-asset.json\"");
        Response file = page(s, "/files/maintenance/evidence/31/files/41");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.asString()).isEqualTo("%PDF-1.7 test");
        ConsoleMocks.server.verify(
                getRequestedFor(urlEqualTo("/maintenance/evidence/31/files/41"))
                        .withHeader("Authorization", equalTo("Bearer " + s.accessToken())));
        ConsoleMocks.server.verify(
                getRequestedFor(urlEqualTo("/asset/audit/export"))
                        .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    @DisplayName(
            "SEC: only the services' file and export endpoints can be fetched through the console")
    void downloads_are_limited_to_files_and_exports() {
        Login.Session s = admin();
        for (String path :
                new String[] {
                    "/files/asset/hardware",
                    "/files/lifecycle/handlers/7",
                    "/files/maintenance/evidence/31/acceptance",
                    "/files/nope/exports/standard-sheet.xlsx",
                    "/audit/nope/export"
                }) {
            Response r = page(s, path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.asString()).as(path).contains("対象が見つかりません。");
        }
        ConsoleMocks.server.verify(0, getRequestedFor(urlPathEqualTo("/asset/hardware")));
        ConsoleMocks.server.verify(0, getRequestedFor(urlPathEqualTo("/lifecycle/handlers/7")));
    }

    @Test
    @DisplayName("A download the service refuses is a Japanese page, not the service's JSON")
    void refused_download_is_japanese() {
        Login.Session s = admin();
        ConsoleMocks.server.stubFor(
                get(urlEqualTo("/lifecycle/audit/export"))
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody("{\"status\":403,\"title\":\"Forbidden\"}")));
        Response r = page(s, "/audit/lifecycle/export");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.asString()).contains("この操作を行う権限がありません。");
    }

    @Test
    @DisplayName(
            "R-MT-1: a vendor files a ticket; the time typed in JST reaches the service as UTC, once (Idempotency-Key)")
    void vendor_files_a_ticket() {
        Login.Session s = Login.as("vendor-a1", "vendor-a", "vendor", "approved-handler");
        ConsoleMocks.server.stubFor(
                post(urlPathEqualTo("/maintenance/tickets"))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"id\":9,\"status\":\"REPORTED\"}")));
        String html = page(s, "/maintenance").asString();
        assertThat(html).contains("チケットを起票する").contains("記憶媒体の障害");
        Matcher key =
                Pattern.compile("name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"").matcher(html);
        assertThat(key.find()).isTrue();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html);
        assertThat(csrf.find()).isTrue();
        Response r =
                form(s).formParams(
                                Map.of(
                                        "hardwareId",
                                        "HW-0001",
                                        "severity",
                                        "S2",
                                        "faultClass",
                                        "MEDIA_FAILURE",
                                        "description",
                                        "ディスクが認識されない",
                                        "occurredAt",
                                        "2027-01-15T09:30",
                                        "idempotencyKey",
                                        key.group(1),
                                        "csrf",
                                        csrf.group(1)))
                        .post("/maintenance/tickets");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/maintenance/tickets/9");
        // 09:30 in Tokyo is 00:30 UTC
        ConsoleMocks.server.verify(
                1,
                postRequestedFor(urlEqualTo("/maintenance/tickets"))
                        .withHeader("Idempotency-Key", equalTo(key.group(1)))
                        .withHeader("Authorization", equalTo("Bearer " + s.accessToken()))
                        .withRequestBody(
                                equalToJson(
                                        "{\"hardwareId\":\"HW-0001\",\"severity\":\"S2\",\"faultClass\":\"MEDIA_FAILURE\","
                                                + "\"description\":\"ディスクが認識されない\",\"occurredAt\":\"2027-01-15T00:30:00Z\"}")));
    }

    @Test
    @DisplayName(
            "SEC: the auditor sees no ticket form, and a ticket posted by hand is not forwarded")
    void auditor_cannot_file_a_ticket() {
        Login.Session s = Login.as("auditor1", "jpo", "auditor");
        assertThat(page(s, "/maintenance").asString())
                .contains("HW-0001")
                .doesNotContain("チケットを起票する");
        Response r =
                form(s).formParams(
                                Map.of(
                                        "hardwareId",
                                        "HW-0001",
                                        "severity",
                                        "S2",
                                        "faultClass",
                                        "OTHER",
                                        "description",
                                        "x",
                                        "occurredAt",
                                        "2027-01-15T09:30",
                                        "csrf",
                                        csrf(
                                                "sid-auditor1|"
                                                        + java.util.UUID.nameUUIDFromBytes(
                                                                "auditor1".getBytes()))))
                        .post("/maintenance/tickets");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("チケットを起票する権限がありません。");
        ConsoleMocks.server.verify(0, postRequestedFor(urlPathEqualTo("/maintenance/tickets")));
    }

    @Test
    @DisplayName(
            "Every section of the inbox whose service is down says so; the other kinds still list their items")
    void inbox_with_a_service_down() {
        Login.Session s = admin();
        ConsoleMocks.server.stubFor(
                get(urlPathMatching("/maintenance/.*"))
                        .atPriority(1)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Response r = page(s, "/inbox");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString())
                .contains("保守サービス (maintenance-service)に接続できません。")
                .contains("山田太郎（vendor-a）")
                .doesNotContain("破砕株式会社");
    }
}
