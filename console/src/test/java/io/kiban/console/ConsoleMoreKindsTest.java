package io.kiban.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #17 (rest): the inbox's PURGE exceptions (R-MT-5) and restoration sign-offs (R-RM-1), a
 * vendor's evidence upload on 保守 (R-MT-6), and whole lists read page by page from the paged
 * services (X-Total-Count).
 */
@QuarkusTest
@QuarkusTestResource(value = ConsoleMocks.class, restrictToAnnotatedClass = true)
class ConsoleMoreKindsTest {

    static final String SHA = "a".repeat(64);

    /** the first bytes of a PDF: what the service would check by content */
    static final byte[] PDF = "%PDF-1.4\n%kiban test\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeEach
    void services() {
        Fixtures.all();
        // maintenance: two parts in custody; only the one of a MINOR_NOT_CONTROLLER ticket may be
        // purged (R-MT-5)
        Fixtures.json(
                get(urlPathEqualTo("/maintenance/custody-items"))
                        .withQueryParam("status", equalTo("IN_CUSTODY"))
                        .atPriority(1),
                """
                [{"id":51,"organisation":"vendor-a","source":"PART","ticketId":9,"replacementId":"R-7","kind":"HDD",
                  "serial":"SN-P1","status":"IN_CUSTODY","version":3},
                 {"id":52,"organisation":"vendor-a","source":"PART","ticketId":10,"kind":"SSD","serial":"SN-P2",
                  "status":"IN_CUSTODY","version":1},
                 {"id":53,"organisation":"vendor-a","source":"PART","ticketId":9,"kind":"HDD","serial":"SN-P3",
                  "status":"IN_CUSTODY","purgeApprovedAt":"2027-01-16T00:00:00Z","version":5}]""");
        Fixtures.json(
                get(urlPathEqualTo("/maintenance/custody-items"))
                        .withQueryParam("status", equalTo("REMOVED_ON_SITE"))
                        .atPriority(1),
                "[]");
        Fixtures.json(
                get(urlPathEqualTo("/maintenance/custody-items"))
                        .withQueryParam("status", equalTo("EVIDENCE_REJECTED"))
                        .atPriority(1),
                "[]");
        Fixtures.json(
                get(urlPathEqualTo("/maintenance/tickets/9")).atPriority(1),
                """
                {"id":9,"organisation":"vendor-a","hardwareId":"HW-0009","severity":"S4","faultClass":"MINOR_NOT_CONTROLLER",
                 "status":"IN_PROGRESS","version":2}""");
        Fixtures.json(
                get(urlPathEqualTo("/maintenance/tickets/10")).atPriority(1),
                """
                {"id":10,"organisation":"vendor-a","hardwareId":"HW-0010","severity":"S2","faultClass":"MEDIA_FAILURE",
                 "status":"IN_PROGRESS","version":2}""");
        ConsoleMocks.server.stubFor(
                get(urlPathEqualTo("/maintenance/custody-items/51"))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("ETag", "\"3\"")
                                        .withBody(
                                                """
                                {"item":{"id":51,"source":"PART","ticketId":9,"replacementId":"R-7","hardwareId":"HW-0009",
                                 "kind":"HDD","serial":"SN-P1","status":"IN_CUSTODY","holder":"vendor-a1",
                                 "location":"第2サーバ室","version":3},"chain":[],"evidenceIds":[]}""")));
        // lifecycle: STAGING is being removed; RACKS has evidence and waits, POWER has none,
        // CABLING is signed
        Fixtures.json(
                get(urlPathEqualTo("/lifecycle/phases")).atPriority(1),
                """
                [{"environment":"PRODUCTION","phase":"IN_SERVICE","enteredAt":"2027-04-01T00:00:00Z","version":3},
                 {"environment":"STAGING","phase":"REMOVING","enteredAt":"2027-08-01T00:00:00Z","version":4},
                 {"environment":"SHARED","phase":"IN_SERVICE","enteredAt":"2026-06-15T00:00:00Z","version":1}]""");
        Fixtures.json(
                "/lifecycle/removal/STAGING/checklist",
                """
                [{"item":"RACKS","label":"ラック撤去","vendorNote":"全ラック撤去済み","signed":false,
                  "evidence":[{"sha256":"%s","fileName":"racks.jpg","contentType":"image/jpeg","size":2048,
                               "uploadedBy":"vendor-a1","uploadedAt":"2027-08-02T01:00:00Z"}],"version":2},
                 {"item":"POWER","label":"電源","signed":false,"evidence":[],"version":1},
                 {"item":"CABLING","label":"ケーブル配線撤去","signed":true,"signedBy":"jpo-admin2",
                  "evidence":[{"sha256":"%s","fileName":"cables.pdf"}],"version":4}]"""
                        .formatted(SHA, SHA));
        Fixtures.withEtag(
                "/lifecycle/removal/STAGING/checklist/RACKS",
                "\"2\"",
                """
                {"item":"RACKS","label":"ラック撤去","vendorNote":"全ラック撤去済み","signed":false,
                 "evidence":[{"sha256":"%s","fileName":"racks.jpg","contentType":"image/jpeg","size":2048,
                              "uploadedBy":"vendor-a1","uploadedAt":"2027-08-02T01:00:00Z"}],"version":2}"""
                        .formatted(SHA));
    }

    private static Login.Session admin() {
        return Login.as("jpo-admin1", "jpo", "jpo-admin");
    }

    private static Login.Session vendor() {
        return Login.as("vendor-a1", "vendor-a", "vendor", "approved-handler");
    }

    private static Response page(Login.Session s, String path) {
        return given().redirects().follow(false).cookies(s.cookies()).get(path);
    }

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
                                                    .getBytes(StandardCharsets.UTF_8)),
                            "HmacSHA256"));
            return java.util.HexFormat.of()
                    .formatHex(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("field %s", name).isTrue();
        return m.group(1).replace("&quot;", "\"").replace("&#34;", "\"");
    }

    private static String item(String html, String itemId) {
        int at = html.indexOf("id=\"item-" + itemId + "\"");
        assertThat(at).as("item %s on the page", itemId).isGreaterThanOrEqualTo(0);
        int end = html.indexOf("</form>", at);
        return html.substring(at, end < 0 ? html.length() : end);
    }

    @Test
    @DisplayName(
            "R-MT-5: the inbox offers a PURGE exception only for a part of a MINOR_NOT_CONTROLLER ticket without one")
    void R_MT_5_purge_exception_candidates() {
        String html = page(admin(), "/inbox").asString();
        assertThat(html)
                .contains("PURGE（消去）による例外（R-MT-5）（1 件）")
                .contains("部品の媒体 SN-P1（HDD）")
                .contains("チケット #9（軽微な障害・コントローラ以外）")
                .contains("href=\"/maintenance/custody/51\"")
                // SN-P2's ticket is a media failure: destruction only; SN-P3 has its exception
                // already
                .doesNotContain("SN-P2")
                .doesNotContain("SN-P3");
        String form = item(html, "purge-51");
        assertThat(form).contains("理由（必須）").contains("承認する").doesNotContain("差し戻す");
        assertThat(field(form, "version")).isEqualTo("\"3\"");
        // each ticket read once for its fault class
        ConsoleMocks.server.verify(1, getRequestedFor(urlPathEqualTo("/maintenance/tickets/9")));
    }

    @Test
    @DisplayName(
            "R-MT-5: approving a PURGE exception sends the reason and If-Match of the item as read; without a reason nothing is sent")
    void R_MT_5_purge_exception_needs_a_reason_and_sends_if_match() {
        Login.Session s = admin();
        ConsoleMocks.server.stubFor(
                post(urlPathEqualTo("/maintenance/custody-items/51/purge-exception"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"id\":51,\"purgeApprovedBy\":\"jpo-admin1\",\"version\":4}")));
        String form = item(page(s, "/inbox").asString(), "purge-51");
        Map<String, String> params =
                Map.of(
                        "kind",
                        "purge",
                        "id",
                        "51",
                        "version",
                        field(form, "version"),
                        "decision",
                        "approve",
                        "reason",
                        " ",
                        "csrf",
                        field(form, "csrf"));
        Response blank = form(s).formParams(params).post("/inbox/decision");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.asString()).contains("PURGE（消去）による例外（R-MT-5）の承認には理由を入力してください。");
        ConsoleMocks.server.verify(
                0,
                postRequestedFor(urlPathEqualTo("/maintenance/custody-items/51/purge-exception")));

        Map<String, String> withReason = new java.util.HashMap<>(params);
        withReason.put("reason", "コントローラに達していない軽微な障害のため");
        Response r = form(s).formParams(withReason).post("/inbox/decision");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("PURGE（消去）による例外（R-MT-5） #51 を承認しました。");
        ConsoleMocks.server.verify(
                1,
                postRequestedFor(urlEqualTo("/maintenance/custody-items/51/purge-exception"))
                        .withHeader("If-Match", equalTo("\"3\""))
                        .withHeader("Authorization", equalTo("Bearer " + s.accessToken()))
                        .withRequestBody(equalToJson("{\"reason\":\"コントローラに達していない軽微な障害のため\"}")));
        // there is no return of an exception
        withReason.put("decision", "return");
        assertThat(form(s).formParams(withReason).post("/inbox/decision").statusCode())
                .isEqualTo(400);
    }

    @Test
    @DisplayName(
            "R-RM-1: the inbox lists restoration items of an environment being removed that have evidence and no signature, with their files")
    void R_RM_1_restoration_items_waiting_for_sign_off() {
        String html = page(admin(), "/inbox").asString();
        assertThat(html)
                .contains("原状回復の確認（R-RM-1）（1 件）")
                .contains("検証環境 — ラック撤去（RACKS）")
                .contains("全ラック撤去済み")
                .contains(
                        "href=\"/files/lifecycle/removal/STAGING/checklist/RACKS/evidence/"
                                + SHA
                                + "\"")
                .contains("racks.jpg")
                .doesNotContain("（POWER）")
                .doesNotContain("（CABLING）");
        String form = item(html, "restoration-STAGING:RACKS");
        assertThat(field(form, "version")).isEqualTo("\"2\"");
        assertThat(form).doesNotContain("差し戻す");
        // only environments being removed are read
        ConsoleMocks.server.verify(
                0, getRequestedFor(urlPathEqualTo("/lifecycle/removal/PRODUCTION/checklist")));
    }

    @Test
    @DisplayName(
            "R-RM-1/R-SEC-2: signing off posts to the item's signature with If-Match of the version shown; a forged id is never forwarded")
    void R_RM_1_sign_off_sends_if_match_and_forged_ids_are_refused() {
        Login.Session s = admin();
        ConsoleMocks.server.stubFor(
                post(urlPathEqualTo("/lifecycle/removal/STAGING/checklist/RACKS/signature"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"item\":\"RACKS\",\"signed\":true,\"version\":3}")));
        String form = item(page(s, "/inbox").asString(), "restoration-STAGING:RACKS");
        Response r =
                form(s).formParams(
                                Map.of(
                                        "kind",
                                        "restoration",
                                        "id",
                                        "STAGING:RACKS",
                                        "version",
                                        field(form, "version"),
                                        "decision",
                                        "approve",
                                        "reason",
                                        "",
                                        "csrf",
                                        field(form, "csrf")))
                        .post("/inbox/decision");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("原状回復の確認（R-RM-1） #STAGING:RACKS を承認しました。");
        ConsoleMocks.server.verify(
                1,
                postRequestedFor(urlEqualTo("/lifecycle/removal/STAGING/checklist/RACKS/signature"))
                        .withHeader("If-Match", equalTo("\"2\""))
                        .withHeader("Authorization", equalTo("Bearer " + s.accessToken())));

        for (String forged :
                new String[] {"STAGING:../../handlers/7", "TEST:RACKS", "STAGING:racks", "7"}) {
            Response bad =
                    form(s).formParams(
                                    Map.of(
                                            "kind",
                                            "restoration",
                                            "id",
                                            forged,
                                            "version",
                                            "\"2\"",
                                            "decision",
                                            "approve",
                                            "reason",
                                            "",
                                            "csrf",
                                            field(form, "csrf")))
                            .post("/inbox/decision");
            assertThat(bad.statusCode()).as(forged).isEqualTo(400);
        }
        // a restoration id under a numeric kind is refused too
        assertThat(
                        form(s).formParams(
                                        Map.of(
                                                "kind",
                                                "handler",
                                                "id",
                                                "STAGING:RACKS",
                                                "version",
                                                "\"2\"",
                                                "decision",
                                                "approve",
                                                "reason",
                                                "",
                                                "csrf",
                                                field(form, "csrf")))
                                .post("/inbox/decision")
                                .statusCode())
                .isEqualTo(400);
        ConsoleMocks.server.verify(0, postRequestedFor(urlPathMatching("/lifecycle/handlers/.*")));
        ConsoleMocks.server.verify(1, postRequestedFor(urlPathMatching("/lifecycle/removal/.*")));
    }

    @Test
    @DisplayName(
            "R-MT-6: a vendor adds a PDF to submitted evidence of its ticket; it reaches maintenance-service as multipart with its token and Idempotency-Key")
    void R_MT_6_vendor_uploads_an_evidence_file() {
        Login.Session s = vendor();
        ConsoleMocks.server.stubFor(
                post(urlPathEqualTo("/maintenance/evidence/31/files"))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("ETag", "W/\"31-2-42\"")
                                        .withBody(
                                                "{\"id\":42,\"evidenceId\":31,\"originalName\":\"破砕証明書.pdf\"}")));
        String html = page(s, "/maintenance/tickets/5").asString();
        assertThat(html)
                .contains("action=\"/maintenance/evidence/31/files\"")
                .contains("enctype=\"multipart/form-data\"")
                .contains("証跡 #31（媒体 #21） にファイルを追加（PDF・JPEG・PNG）");
        int at = html.indexOf("action=\"/maintenance/evidence/31/files\"");
        String form = html.substring(at, html.indexOf("</form>", at));
        String key = field(form, "idempotencyKey");
        assertThat(key).matches("[0-9a-f-]{36}");
        assertThat(field(form, "returnTo")).isEqualTo("/maintenance/tickets/5");

        Response r =
                given().redirects()
                        .follow(false)
                        .cookies(s.cookies())
                        .multiPart("file", "破砕証明書.pdf", PDF, "application/pdf")
                        .multiPart("csrf", field(form, "csrf"))
                        .multiPart("idempotencyKey", key)
                        .multiPart("returnTo", "/maintenance/tickets/5")
                        .post("/maintenance/evidence/31/files");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/maintenance/tickets/5");
        ConsoleMocks.server.verify(
                1,
                postRequestedFor(urlEqualTo("/maintenance/evidence/31/files"))
                        .withHeader("Authorization", equalTo("Bearer " + s.accessToken()))
                        .withHeader("Idempotency-Key", equalTo(key))
                        .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                        .withRequestBody(containing("name=\"file\""))
                        .withRequestBody(containing("%PDF-1.4")));
    }

    @Test
    @DisplayName(
            "R-MT-6: the service's 415 for a file that is not a PDF/JPEG/PNG is shown in Japanese; a foreign return address is not followed")
    void R_MT_6_refused_upload_is_japanese() {
        Login.Session s = vendor();
        ConsoleMocks.server.stubFor(
                post(urlPathEqualTo("/maintenance/evidence/31/files"))
                        .willReturn(
                                aResponse()
                                        .withStatus(415)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"title\":\"Unsupported Media Type\",\"status\":415,\"detail\":\"R-MT-6: only PDF, JPEG or PNG\","
                                                        + "\"rule\":\"R-MT-6\"}")));
        String html = page(s, "/maintenance/tickets/5").asString();
        Response r =
                given().redirects()
                        .follow(false)
                        .cookies(s.cookies())
                        .multiPart(
                                "file",
                                "notes.txt",
                                "hello".getBytes(StandardCharsets.US_ASCII),
                                "text/plain")
                        .multiPart("csrf", field(html, "csrf"))
                        .multiPart("idempotencyKey", java.util.UUID.randomUUID().toString())
                        .multiPart("returnTo", "https://evil.example/")
                        .post("/maintenance/evidence/31/files");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.asString())
                .contains("証跡 #31 にファイルを追加できませんでした")
                .contains("R-MT-6")
                .contains("href=\"/maintenance\"")
                .doesNotContain("evil.example");
    }

    @Test
    @DisplayName(
            "SEC: jpo-staff and the auditor get no upload form, and an upload posted by hand is not forwarded; nor one without CSRF")
    void upload_only_for_vendor_and_jpo_admin() {
        Login.Session auditor = Login.as("auditor1", "jpo", "auditor");
        String html = page(auditor, "/maintenance/tickets/5").asString();
        assertThat(html)
                .contains("certificate.pdf")
                .doesNotContain("action=\"/maintenance/evidence/31/files\"");
        // a hand-made upload with a valid CSRF token of the auditor's own session (HMAC-SHA256
        // keyed by SHA-256 of
        // the test client secret, over "sid|subject", as Login makes them)
        Response r =
                given().redirects()
                        .follow(false)
                        .cookies(auditor.cookies())
                        .multiPart("file", "a.pdf", PDF, "application/pdf")
                        .multiPart(
                                "csrf",
                                csrf(
                                        "sid-auditor1|"
                                                + java.util.UUID.nameUUIDFromBytes(
                                                        "auditor1".getBytes())))
                        .multiPart("returnTo", "/maintenance/tickets/5")
                        .post("/maintenance/evidence/31/files");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("証跡ファイルを追加する権限がありません。");
        assertThat(
                        page(Login.as("jpo-staff1", "jpo", "jpo-staff"), "/maintenance/tickets/5")
                                .asString())
                .contains("certificate.pdf")
                .doesNotContain("action=\"/maintenance/evidence/31/files\"");
        Login.Session vendor = vendor();
        Response noCsrf =
                given().redirects()
                        .follow(false)
                        .cookies(vendor.cookies())
                        .multiPart("file", "a.pdf", PDF, "application/pdf")
                        .multiPart("returnTo", "/maintenance/tickets/5")
                        .post("/maintenance/evidence/31/files");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        ConsoleMocks.server.verify(
                0, postRequestedFor(urlPathEqualTo("/maintenance/evidence/31/files")));
    }

    @Test
    @DisplayName(
            "Paging: the dashboard reads /reports/rpo page by page (size=200) until X-Total-Count; the row on the second page is shown")
    void dashboard_reads_every_page_of_the_rpo_report() {
        StringBuilder first = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            first.append(i == 0 ? "" : ",")
                    .append("{\"targetId\":")
                    .append(i + 1)
                    .append(",\"name\":\"target-")
                    .append(i + 1)
                    .append("\",\"missedRuns\":0,\"failedRuns\":0,\"rpoBreached\":false}");
        }
        first.append("]");
        ConsoleMocks.server.stubFor(
                get(urlPathEqualTo("/backup/reports/rpo"))
                        .withQueryParam("page", equalTo("0"))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("X-Total-Count", "201")
                                        .withBody(first.toString())));
        ConsoleMocks.server.stubFor(
                get(urlPathEqualTo("/backup/reports/rpo"))
                        .withQueryParam("page", equalTo("1"))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("X-Total-Count", "201")
                                        .withBody(
                                                """
                                [{"targetId":201,"name":"target-201","lastRunState":"MISSED","missedRuns":3,
                                  "failedRuns":1,"rpoBreached":true}]""")));
        String html = page(admin(), "/").asString();
        assertThat(html).contains("target-1<").contains("target-200<").contains("target-201<");
        ConsoleMocks.server.verify(
                1, getRequestedFor(urlEqualTo("/backup/reports/rpo?page=0&size=200")));
        ConsoleMocks.server.verify(
                1, getRequestedFor(urlEqualTo("/backup/reports/rpo?page=1&size=200")));
        ConsoleMocks.server.verify(
                0, getRequestedFor(urlEqualTo("/backup/reports/rpo?page=2&size=200")));
    }

    @Test
    @DisplayName(
            "Paging: without X-Total-Count the first answer is the whole list (one call), other parameters kept")
    void a_list_without_total_is_read_once() {
        page(admin(), "/maintenance?status=IN_PROGRESS");
        ConsoleMocks.server.verify(
                1,
                getRequestedFor(
                        urlEqualTo("/maintenance/tickets?status=IN_PROGRESS&page=0&size=200")));
        ConsoleMocks.server.verify(
                0,
                getRequestedFor(
                        urlEqualTo("/maintenance/tickets?status=IN_PROGRESS&page=1&size=200")));
    }

    @Test
    @DisplayName("The dashboard counts what waits per kind, linked to the inbox")
    void dashboard_counts_approvals() {
        String html = page(admin(), "/").asString();
        int at = html.indexOf("id=\"section-approvals\"");
        assertThat(at).isGreaterThanOrEqualTo(0);
        String section = html.substring(at, html.indexOf("</section>", at));
        // handler 7, deliverable 11, delay 2, evidence 31, contractor 3, PURGE 51, restoration
        // STAGING:RACKS
        assertThat(section)
                .contains("合計 7 件")
                .contains("href=\"/inbox#section-handler\"")
                .containsPattern("情報取扱者の承認（R-SEC-1）</a></td><td class=\"warn\">1 件");
        String vendor = page(vendor(), "/").asString();
        assertThat(vendor).contains("承認待ちの一覧は特許庁の職員と監査担当に表示されます。").doesNotContain("合計 7 件");
    }
}
