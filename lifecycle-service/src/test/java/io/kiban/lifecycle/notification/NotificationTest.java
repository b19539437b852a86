package io.kiban.lifecycle.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Mailbox;
import io.kiban.lifecycle.testing.Mailbox.Received;
import io.kiban.lifecycle.testing.Stubs;
import io.kiban.lifecycle.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #17 notifications against a real SMTP server (GreenMail, read back over IMAP as raw MIME),
 * WireMock for maintenance- and backup-service, the real MariaDB and the suite's test clock
 * (2031-02-03T01:00Z = Monday 10:00 JST unless a test moves it).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
@QuarkusTestResource(Mailbox.class)
class NotificationTest {

    static final String ADMIN1 = "jpo-admin1@jpo.test";
    static final String ADMIN2 = "jpo-admin2@jpo.test";
    static final String VENDOR_A = "ops@vendor-a.test";
    static final String VENDOR_A_LEAD = "lead@vendor-a.test";
    static final String VENDOR_B = "ops@vendor-b.test";
    static final String CONSOLE = "https://console.kiban.test";

    @Inject Digest digest;

    @Inject Immediate immediate;

    @BeforeEach
    void reset() throws Exception {
        Fixtures.reset();
        Stubs.reset();
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM notification_sent");
            s.execute("DELETE FROM notification_watch");
        }
        Mailbox.clear(ADMIN1, ADMIN2, VENDOR_A, VENDOR_A_LEAD, VENDOR_B);
        // nothing anywhere unless a test says otherwise
        noTickets();
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .atPriority(5)
                                .willReturn(okJson("[]")));
        Stubs.backup().register(get(urlPathEqualTo("/runs")).willReturn(paged("[]", 0)));
        Stubs.backup().register(get(urlPathEqualTo("/reports/rpo")).willReturn(okJson("[]")));
    }

    private static void noTickets() {
        Stubs.maintenance()
                .register(get(urlPathEqualTo("/tickets")).atPriority(9).willReturn(paged("[]", 0)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder paged(
            String body, long total) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Total-Count", String.valueOf(total))
                .withBody(body);
    }

    private static String ticket(
            long id, String org, String status, String responseDue, boolean responseBreached) {
        return "{\"id\":"
                + id
                + ",\"organisation\":\""
                + org
                + "\",\"hardwareId\":\"HW-"
                + id
                + "\",\"severity\":\"MAJOR\","
                + "\"status\":\""
                + status
                + "\",\"environment\":\"PRODUCTION\",\"responseDue\":\""
                + responseDue
                + "\","
                + "\"restorationDue\":\"2031-02-05T00:00:00Z\",\"responseBreached\":"
                + responseBreached
                + ",\"restorationBreached\":false,\"breached\":"
                + responseBreached
                + "}";
    }

    private static String outstanding(long item, String org, String serial, String status) {
        return "{\"custodyItemId\":"
                + item
                + ",\"organisation\":\""
                + org
                + "\",\"source\":\"part\",\"ticketId\":12,"
                + "\"hardwareId\":\"HW-12\",\"kind\":\"HDD\",\"serial\":\""
                + serial
                + "\",\"status\":\""
                + status
                + "\","
                + "\"holder\":\"倉庫A\",\"since\":\"2031-01-20T00:00:00Z\",\"ageDays\":14,"
                + "\"reason\":\"PART_WITHOUT_ACCEPTED_EVIDENCE\",\"environment\":\"PRODUCTION\"}";
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    private static List<String[]> logged() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT event_id, status, recipients, subject, sent_at FROM notification_sent ORDER BY id")) {
            while (r.next()) {
                rows.add(
                        new String[] {
                            r.getString(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5)
                        });
            }
        }
        return rows;
    }

    @Test
    @DisplayName(
            "Digest: one Japanese mail on a business-day morning to the jpo-admin addresses, with every section's "
                    + "items, console links and an RFC 2047 subject; every page of a paged list is read")
    void digest_lists_the_items_in_japanese_with_console_links() throws Exception {
        // deadlines: from Monday 2031-02-03 the 10th business day is Tuesday 2031-02-18 (02-11 is a
        // holiday)
        sql(
                "INSERT INTO deliverable (kind, rule_id, title, environment, due_date, status, version) VALUES "
                        + "('COST_BREAKDOWN','R-LC-13','TEST 費用内訳書（期限内）',NULL,'2031-02-18','PENDING',0),"
                        + "('COST_BREAKDOWN','R-LC-13','TEST 費用内訳書（期限外）',NULL,'2031-02-19','PENDING',0)",
                // waiting for approval here: a proposed delivery extension
                "INSERT INTO delivery_extension (environment, baseline_item, cause, explanation, new_date, status, "
                        + "proposed_by, proposed_at, version) VALUES ('STAGING','SRV-01','OTHER','TEST 部品の入荷遅れ',"
                        + "'2031-03-10','PROPOSED','vendor-a-tanaka','2031-02-02 01:00:00',0)");
        // tickets: 201 breached tickets in two pages; only page 2's (an open one) is listed — page
        // 1 holds closed ones
        StringBuilder page0 = new StringBuilder("[");
        for (int i = 1; i <= 200; i++) {
            page0.append(i > 1 ? "," : "")
                    .append(ticket(4000 + i, "vendor-a", "CLOSED", "2030-05-01T00:00:00Z", true));
        }
        page0.append(']');
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/tickets"))
                                .withQueryParam("breached", equalTo("true"))
                                .withQueryParam("page", equalTo("0"))
                                .willReturn(paged(page0.toString(), 201)));
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/tickets"))
                                .withQueryParam("breached", equalTo("true"))
                                .withQueryParam("page", equalTo("1"))
                                .willReturn(
                                        paged(
                                                "["
                                                        + ticket(
                                                                5001,
                                                                "vendor-b",
                                                                "IN_PROGRESS",
                                                                "2031-02-02T03:00:00Z",
                                                                true)
                                                        + "]",
                                                201)));
        // media awaiting evidence (one of them submitted: it waits for approval too)
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .atPriority(1)
                                .willReturn(
                                        okJson(
                                                "["
                                                        + outstanding(
                                                                71,
                                                                "vendor-a",
                                                                "SN-HDD-071",
                                                                "IN_CUSTODY")
                                                        + ","
                                                        + outstanding(
                                                                72,
                                                                "vendor-b",
                                                                "SN-SSD-072",
                                                                "EVIDENCE_SUBMITTED")
                                                        + "]")));
        // backups: the previous business day is Friday 2031-01-31, so runs missed since 2031-01-31
        // 10:00 JST
        // (01:00Z) are listed: 2031-02-02T20:00Z yes, 2031-01-31T00:30Z no
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/runs"))
                                .atPriority(1)
                                .withQueryParam("state", equalTo("MISSED"))
                                .willReturn(
                                        paged(
                                                "[{\"id\":9,\"policyId\":3,\"targetId\":31,\"expectedFireTime\":\"2031-02-02T20:00:00Z\","
                                                        + "\"state\":\"MISSED\"},{\"id\":8,\"policyId\":3,\"targetId\":32,"
                                                        + "\"expectedFireTime\":\"2031-01-31T00:30:00Z\",\"state\":\"MISSED\"}]",
                                                2)));
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/rpo"))
                                .atPriority(1)
                                .willReturn(
                                        okJson(
                                                "[{\"targetId\":31,\"name\":\"vm-images\",\"lastSuccessAt\":\"2031-02-01T17:00:00Z\",\"missedRuns\":2,"
                                                        + "\"rpoBreached\":true}]")));

        assertThat(digest.run()).isEqualTo(Digest.Result.SENT);

        List<Received> admin1 = Mailbox.received(ADMIN1);
        assertThat(admin1).hasSize(1);
        assertThat(Mailbox.received(ADMIN2)).hasSize(1);
        assertThat(Mailbox.received(VENDOR_A)).isEmpty();
        assertThat(Mailbox.received(VENDOR_B)).isEmpty();
        Received m = admin1.get(0);
        assertThat(m.to()).containsExactlyInAnyOrder(ADMIN1, ADMIN2);
        // RFC 2047: the raw header is ASCII, an encoded word in UTF-8; decoded it is the Japanese
        // subject
        String subjectHeader =
                m.raw().lines().filter(l -> l.startsWith("Subject:")).findFirst().orElseThrow();
        assertThat(subjectHeader).startsWith("Subject: =?").containsIgnoringCase("=?utf-8?");
        assertThat(m.raw().substring(0, m.raw().indexOf("\r\n\r\n"))).matches("(?s)\\p{ASCII}*");
        assertThat(m.subject())
                .startsWith("【Kiban】本日の確認事項 令和13年2月3日（月）")
                .contains("期限1件・超過34件・SLA違反1件・証跡待ち2件・バックアップ2件・承認待ち2件");
        assertThat(m.raw()).containsIgnoringCase("charset=utf-8");
        String text = m.text();
        assertThat(text)
                .contains(
                        "JPO 管理者 各位",
                        "ダッシュボード: " + CONSOLE + "/",
                        "■ 10営業日以内の期限（令和13年2月18日（火）（2031-02-18） まで）",
                        "成果物「TEST 費用内訳書（期限内）」（R-LC-13）: 令和13年2月18日（火）（2031-02-18）")
                .doesNotContain("TEST 費用内訳書（期限外）");
        assertThat(text)
                .contains(
                        "・チケット #5001（vendor-b、本番環境、重大度 MAJOR）: 応答期限 2031-02-02 12:00 JST 超過",
                        CONSOLE + "/maintenance/tickets/5001")
                .doesNotContain("#4001");
        assertThat(text)
                .contains(
                        "・HDD シリアル SN-HDD-071（vendor-a、本番環境、保管中、14日経過）",
                        CONSOLE + "/maintenance/custody/71",
                        "・破壊・消去の証跡: HDD シリアル SN-SSD-072（vendor-b）");
        assertThat(text)
                .contains(
                        "■ バックアップ: 2031-01-31 10:00 JST 以降の未実行と RPO 超過（R-BK-3）",
                        "・未実行: ポリシー #3 ターゲット #31（予定 2031-02-03 05:00 JST）",
                        "・RPO超過: vm-images（最後の成功 2031-02-02 02:00 JST、未実行 2回）",
                        CONSOLE + "/backup")
                .doesNotContain("ターゲット #32");
        assertThat(text)
                .contains(
                        "・納入期限の延長: STAGING SRV-01 → 2031-03-10（2031-02-02 10:00 JST）",
                        CONSOLE + "/inbox");
        // overdue: the 34 seeded deliverables nothing was ever submitted for (due 2026-07-14 …
        // 2030-12-30); a section
        // lists 20 and counts the rest
        assertThat(text)
                .contains(
                        "■ 期限超過\n・成果物「ハードウェア導入計画書（リスク管理表を含む）」（R-LC-10）: 期限 令和8年7月14日（火）"
                                + "（2026-07-14） 状態 未提出\n  "
                                + CONSOLE
                                + "/inbox",
                        "・ほか14件はコンソールで確認してください。");

        List<String[]> log = logged();
        assertThat(log).hasSize(1);
        assertThat(log.get(0)[0]).isEqualTo("digest:2031-02-03");
        assertThat(log.get(0)[1]).isEqualTo("SENT");
        assertThat(log.get(0)[2]).isEqualTo(ADMIN1 + ", " + ADMIN2);
        assertThat(log.get(0)[3]).isEqualTo(m.subject());
        assertThat(log.get(0)[4]).isNotNull();
    }

    @Test
    @DisplayName(
            "Digest: a section whose service is down says so in Japanese; the rest is still sent")
    void digest_says_which_section_could_not_be_read() throws Exception {
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/tickets"))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(503)));
        assertThat(digest.run()).isEqualTo(Digest.Result.SENT);
        String text = Mailbox.received(ADMIN1).get(0).text();
        assertThat(text)
                .contains("■ SLA違反（未完了のチケット、R-MT-1）\n・（取得できませんでした: maintenance-service")
                .contains("■ 破壊・消去の証跡待ちの媒体（R-MT-3）\n・なし");
    }

    @Test
    @DisplayName(
            "Digest once per day: run twice and from two threads at once (two replicas), one mail and one row")
    void digest_is_sent_once_per_day_across_runs_and_threads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Digest.Result> run =
                () -> {
                    start.await();
                    return digest.run();
                };
        try {
            Future<Digest.Result> a = pool.submit(run);
            Future<Digest.Result> b = pool.submit(run);
            start.countDown();
            assertThat(List.of(a.get(), b.get()))
                    .containsExactlyInAnyOrder(Digest.Result.SENT, Digest.Result.ALREADY_SENT);
        } finally {
            pool.shutdownNow();
        }
        assertThat(digest.run()).isEqualTo(Digest.Result.ALREADY_SENT);
        // later the same day (JST) still the same event
        TestClock.set(Instant.parse("2031-02-03T08:00:00Z"));
        assertThat(digest.run()).isEqualTo(Digest.Result.ALREADY_SENT);
        assertThat(Mailbox.received(ADMIN1)).hasSize(1);
        assertThat(Mailbox.received(ADMIN2)).hasSize(1);
        assertThat(logged()).hasSize(1);
    }

    @Test
    @DisplayName(
            "Digest: nothing on a Saturday, a Sunday or a national holiday (JPO calendar, JST); the next business day it is sent")
    void no_digest_on_weekends_and_holidays() throws Exception {
        TestClock.set(Instant.parse("2031-02-08T01:00:00Z")); // Saturday
        assertThat(digest.run()).isEqualTo(Digest.Result.NOT_A_BUSINESS_DAY);
        TestClock.set(
                Instant.parse(
                        "2031-02-08T23:00:00Z")); // Sunday 2031-02-09 08:00 JST (still Saturday in
        // UTC)
        assertThat(digest.run()).isEqualTo(Digest.Result.NOT_A_BUSINESS_DAY);
        TestClock.set(
                Instant.parse("2031-02-10T23:00:00Z")); // Tuesday 2031-02-11 08:00 JST, 建国記念の日
        assertThat(digest.run()).isEqualTo(Digest.Result.NOT_A_BUSINESS_DAY);
        assertThat(Mailbox.received(ADMIN1)).isEmpty();
        assertThat(logged()).isEmpty();

        TestClock.set(Instant.parse("2031-02-11T23:00:00Z")); // Wednesday 2031-02-12 08:00 JST
        assertThat(digest.run()).isEqualTo(Digest.Result.SENT);
        assertThat(Mailbox.received(ADMIN1)).hasSize(1);
        assertThat(logged().get(0)[0]).isEqualTo("digest:2031-02-12");
    }

    @Test
    @DisplayName(
            "R-MT-1 SLA breach: mailed at once to the ticket's vendor organisation only, once; an old breach is not mailed")
    void sla_breach_goes_to_its_own_organisation_only_once() throws Exception {
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/tickets"))
                                .atPriority(1)
                                .withQueryParam("breached", equalTo("true"))
                                .willReturn(
                                        paged(
                                                "["
                                                        + ticket(
                                                                601,
                                                                "vendor-a",
                                                                "ACKNOWLEDGED",
                                                                "2031-02-03T00:30:00Z",
                                                                true)
                                                        + ","
                                                        // breached in December: beyond the 7-day
                                                        // look-back, only the digest shows it
                                                        + ticket(
                                                                602,
                                                                "vendor-b",
                                                                "IN_PROGRESS",
                                                                "2030-12-01T00:00:00Z",
                                                                true)
                                                        + "]",
                                                2)));

        assertThat(immediate.run().sent()).isEqualTo(1);
        assertThat(immediate.run().sent()).isZero();

        List<Received> a = Mailbox.received(VENDOR_A);
        assertThat(a).hasSize(1);
        assertThat(Mailbox.received(VENDOR_A_LEAD)).hasSize(1);
        assertThat(a.get(0).to()).containsExactlyInAnyOrder(VENDOR_A, VENDOR_A_LEAD);
        assertThat(a.get(0).subject()).isEqualTo("【Kiban】SLA違反: チケット #601 の応答期限を超過しました");
        assertThat(a.get(0).raw()).containsIgnoringCase("Subject: =?utf-8?");
        assertThat(a.get(0).text())
                .contains(
                        "vendor-a ご担当者 様",
                        "応答期限（2031-02-03 09:30 JST）を超過しました（R-MT-1）",
                        "チケットを開く: " + CONSOLE + "/maintenance/tickets/601");
        // never another organisation's, never JPO's inbox
        assertThat(Mailbox.received(VENDOR_B)).isEmpty();
        assertThat(Mailbox.received(ADMIN1)).isEmpty();
        assertThat(logged()).extracting(r -> r[0]).containsExactly("sla-breach:601:RESPONSE");
    }

    @Test
    @DisplayName(
            "Rejected destruction evidence: the vendor organisation is mailed once per rejection; a resubmission asks "
                    + "jpo-admin for approval; a second rejection is a second mail")
    void rejected_evidence_is_mailed_to_the_vendor_once_per_rejection() throws Exception {
        var stub =
                Stubs.maintenance()
                        .register(
                                get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                        .atPriority(1)
                                        .willReturn(
                                                okJson(
                                                        "["
                                                                + outstanding(
                                                                        77,
                                                                        "vendor-b",
                                                                        "SN-077",
                                                                        "EVIDENCE_REJECTED")
                                                                + "]")));
        assertThat(immediate.run().sent()).isEqualTo(1);
        assertThat(immediate.run().sent()).isZero();
        List<Received> b = Mailbox.received(VENDOR_B);
        assertThat(b).hasSize(1);
        assertThat(b.get(0).subject()).isEqualTo("【Kiban】破壊・消去の証跡が差し戻されました（シリアル SN-077）");
        assertThat(b.get(0).text())
                .contains(
                        "vendor-b ご担当者 様",
                        "JPO により差し戻されました（R-MT-3）",
                        "媒体の記録を開く: " + CONSOLE + "/maintenance/custody/77");
        assertThat(Mailbox.received(VENDOR_A)).isEmpty();

        // the vendor resubmits: jpo-admin is asked to decide
        Stubs.maintenance().removeStubMapping(stub);
        stub =
                Stubs.maintenance()
                        .register(
                                get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                        .atPriority(1)
                                        .willReturn(
                                                okJson(
                                                        "["
                                                                + outstanding(
                                                                        77,
                                                                        "vendor-b",
                                                                        "SN-077",
                                                                        "EVIDENCE_SUBMITTED")
                                                                + "]")));
        assertThat(immediate.run().sent()).isEqualTo(1);
        List<Received> admin = Mailbox.received(ADMIN1);
        assertThat(admin).hasSize(1);
        assertThat(admin.get(0).subject())
                .isEqualTo("【Kiban】承認依頼: 破壊・消去の証跡「HDD シリアル SN-077（vendor-b）」");
        assertThat(admin.get(0).text()).contains("承認待ちを開く: " + CONSOLE + "/inbox");

        // rejected again: a second mail to the vendor
        Stubs.maintenance().removeStubMapping(stub);
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .atPriority(1)
                                .willReturn(
                                        okJson(
                                                "["
                                                        + outstanding(
                                                                77,
                                                                "vendor-b",
                                                                "SN-077",
                                                                "EVIDENCE_REJECTED")
                                                        + "]")));
        assertThat(immediate.run().sent()).isEqualTo(1);
        assertThat(immediate.run().sent()).isZero();
        assertThat(Mailbox.received(VENDOR_B)).hasSize(2);
        assertThat(Mailbox.received(VENDOR_A)).isEmpty();
        assertThat(logged())
                .extracting(r -> r[0])
                .containsExactly(
                        "evidence-rejected:77:1",
                        "approval:destruction-evidence:77:2",
                        "evidence-rejected:77:3");
    }

    @Test
    @DisplayName(
            "Submitted for approval: jpo-admin is mailed once per submission with the inbox link; a proposal older "
                    + "than the look-back is not mailed")
    void submissions_for_approval_are_mailed_to_jpo_admin_once() throws Exception {
        sql(
                "INSERT INTO delivery_extension (environment, baseline_item, cause, explanation, new_date, status, proposed_by, "
                        + "proposed_at, version) VALUES ('PRODUCTION','SRV-02','OTHER','TEST 輸送の遅れ','2031-03-10','PROPOSED',"
                        + "'vendor-a-tanaka','2031-02-03 00:50:00',0),"
                        + "('PRODUCTION','SRV-03','OTHER','TEST 古い提案','2031-03-10','PROPOSED','vendor-a-tanaka','2030-01-01 00:00:00',0)");
        assertThat(immediate.run().sent()).isEqualTo(1);
        assertThat(immediate.run().sent()).isZero();
        List<Received> admin = Mailbox.received(ADMIN2);
        assertThat(admin).hasSize(1);
        assertThat(admin.get(0).subject())
                .isEqualTo("【Kiban】承認依頼: 納入期限の延長「PRODUCTION SRV-02 → 2031-03-10」");
        assertThat(admin.get(0).text())
                .contains("提出: 2031-02-03 09:50 JST", "承認待ちを開く: " + CONSOLE + "/inbox");
        assertThat(Mailbox.received(VENDOR_A)).isEmpty();
    }

    @Test
    @DisplayName(
            "A failed send is retried with the stored mail when due, and sent once; a sent event is never sent again")
    void a_failed_send_is_retried_once_due() throws Exception {
        sql(
                "INSERT INTO notification_sent (event_id, kind, recipients, subject, body, link, status, attempts, claimed_at, "
                        + "next_attempt_at, last_error) VALUES ('approval:handler:999','APPROVAL_REQUESTED','"
                        + ADMIN1
                        + "',"
                        + "'【Kiban】承認依頼: 情報取扱者の追加「再送テスト」','本文 再送テスト','"
                        + CONSOLE
                        + "/inbox','FAILED',1,"
                        + "'2031-02-03 00:40:00','2031-02-03 00:45:00','MailException: connection refused'),"
                        + "('approval:handler:998','APPROVAL_REQUESTED','"
                        + ADMIN1
                        + "','not yet','later','"
                        + CONSOLE
                        + "/inbox',"
                        + "'FAILED',1,'2031-02-03 00:58:00','2031-02-03 01:03:00','MailException: connection refused')");
        assertThat(immediate.run().sent()).isEqualTo(1);
        assertThat(immediate.run().sent()).isZero();
        List<Received> admin = Mailbox.received(ADMIN1);
        assertThat(admin).hasSize(1);
        assertThat(admin.get(0).subject()).isEqualTo("【Kiban】承認依頼: 情報取扱者の追加「再送テスト」");
        assertThat(admin.get(0).text()).contains("本文 再送テスト");
        assertThat(logged())
                .extracting(r -> r[0] + " " + r[1])
                .containsExactly("approval:handler:999 SENT", "approval:handler:998 FAILED");
    }

    @Test
    @DisplayName(
            "SEC: the log of mails is jpo-admin's and the auditor's; a vendor or jpo-staff gets 403")
    void SEC_the_notification_log_is_for_jpo_admin_and_auditors() throws Exception {
        assertThat(digest.run()).isEqualTo(Digest.Result.SENT);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/notifications")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1");
        List<String> events =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/notifications")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("eventId");
        assertThat(events).containsExactly("digest:2031-02-03");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .get("/notifications")
                .then()
                .statusCode(403);
        given().auth().oauth2(Tokens.jpoStaff()).get("/notifications").then().statusCode(403);
        given().get("/notifications").then().statusCode(401);
    }
}
