package io.kiban.e2e;

import static io.kiban.e2e.StoryLease.acceptedEvidence;
import static io.kiban.e2e.StoryLease.checkRegister;
import static io.kiban.e2e.StoryLease.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The end of the lease, run by {@link StoryRemovalE2E} after every other class: step 6, the end of
 * use, the fallback (R-RM-2), the removal gate with every blocker (R-RM-1, R-RM-3, R-BK-5), the
 * sanitization order at removal and the archive handed over before production goes (R-RM-4); the
 * distribution board removed after the removal deadline (R-LC-8); step 7, every environment CLOSED
 * and nothing entering it afterwards (R-RM-1, R-RM-3). It continues from what the lease story
 * ({@link StoryE2E}) left in {@link StoryState}, and reads the destruction register with {@link
 * StoryLease}'s helpers.
 */
final class StoryRemoval {

    /** a minimal PDF: maintenance-service checks the content, not the name */
    static final byte[] CERTIFICATE_PDF =
            ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII);

    private StoryRemoval() {}

    // ------------------------------------------------------------------------------------------
    // step 6

    static void step6Removal() {
        for (String env : List.of("STAGING", "PRODUCTION", "SHARED")) {
            bringInService(env);
        }

        // R-RM-1: JPO ends use of STAGING (the next set replaces it); R-RM-2: it falls back once
        transition("STAGING", "END_OF_USE", "次期基盤の総合試験環境へ移行", null).statusCode(200);
        // a fallback that gives rise to new cost records a note of it, to agree separately (R-RM-2)
        transition("STAGING", "IN_SERVICE", "次期基盤で障害", null, true)
                .statusCode(422)
                .body(containsString("R-RM-2"));
        transition(
                        "STAGING",
                        "IN_SERVICE",
                        "次期基盤の総合試験で重大障害、現行環境で試験を再開",
                        "再開作業の費用は別途協議（見積: 検証環境再構築 2人日）")
                .statusCode(200);
        transition("STAGING", "END_OF_USE", "次期基盤の障害解消、総合試験環境を移行", null).statusCode(200);
        List<Map<String, Object>> history =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .get("/phases/STAGING/transitions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        List<Map<String, Object>> fallbacks =
                history.stream()
                        .filter(
                                t ->
                                        "IN_SERVICE".equals(t.get("to"))
                                                && "END_OF_USE".equals(t.get("from")))
                        .toList();
        assertThat(fallbacks).hasSize(1);
        assertThat((String) fallbacks.get(0).get("costNote")).contains("別途協議");
        transition("STAGING", "REMOVING", "撤去作業開始", null).statusCode(200);

        // the removal gate lists every blocker: media never evidenced, backup copies, the checklist
        Set<String> pendingMedia = mediaWithoutAcceptedEvidence("STAGING");
        List<Map<String, Object>> mediaEver = media("STAGING");
        assertThat(mediaEver.stream().filter(m -> Boolean.TRUE.equals(m.get("installed"))))
                .as("installed STAGING media (step 1)")
                .isNotEmpty();
        Map<String, List<String>> blockers = blockersByKind("STAGING");
        assertThat(
                        new TreeSet<>(
                                blockers.getOrDefault(
                                        "MEDIUM_WITHOUT_ACCEPTED_EVIDENCE", List.of())))
                .as("a blocker for each medium ever in STAGING without accepted evidence")
                .isEqualTo(
                        pendingMedia.stream()
                                .map(s -> "medium:" + s)
                                .collect(Collectors.toCollection(TreeSet::new)));
        swappedMediaInGate("STAGING", blockers);
        List<Map<String, Object>> copies = backupCopies("STAGING");
        Set<String> heldCopies =
                copies.stream()
                        .filter(c -> !Boolean.TRUE.equals(c.get("accountedFor")))
                        .map(c -> "backup-copy:" + c.get("runId"))
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(heldCopies).as("step 3's STAGING copies").hasSizeGreaterThanOrEqualTo(2);
        assertThat(new TreeSet<>(blockers.getOrDefault("BACKUP_COPY_NOT_ACCOUNTED_FOR", List.of())))
                .as("R-BK-5: a blocker naming each copy still held")
                .isEqualTo(heldCopies);
        List<Map<String, Object>> checklist =
                Api.as(Tokens.VENDOR_A, "lifecycle")
                        .get("/removal/STAGING/checklist")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        assertThat(checklist).isNotEmpty();
        assertThat(new TreeSet<>(blockers.getOrDefault("RESTORATION_NOT_SIGNED", List.of())))
                .isEqualTo(
                        checklist.stream()
                                .map(i -> "checklist:" + i.get("item"))
                                .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(blockers)
                .as("STAGING needs no archive")
                .doesNotContainKey("ARCHIVE_NOT_HANDED_OVER");
        // the vendor's copies of the work's information block PRODUCTION, not STAGING (R-RM-4,
        // security 8))
        assertThat(blockers).doesNotContainKey("VENDOR_COPY_NOT_CONFIRMED");
        var refused = transition("STAGING", "REMOVED", "撤去完了", null).statusCode(409).extract();
        assertThat(refused.asString())
                .contains("R-RM-1")
                .contains(pendingMedia.iterator().next())
                .contains("RESTORATION_NOT_SIGNED")
                .contains("BACKUP_COPY_NOT_ACCOUNTED_FOR");

        // a sanitization order takes every medium still untracked into custody; each gets accepted
        // evidence
        sanitize("STAGING");
        blockers = blockersByKind("STAGING");
        assertThat(blockers)
                .as("media evidenced, copies destroyed with them")
                .doesNotContainKeys(
                        "MEDIUM_WITHOUT_ACCEPTED_EVIDENCE",
                        "BACKUP_COPY_NOT_ACCOUNTED_FOR",
                        "SERVICE_UNAVAILABLE");
        assertThat(backupCopies("STAGING"))
                .allSatisfy(c -> assertThat(c.get("accountedFor")).isEqualTo(true));
        // the swapped-in SSD of step 4 (if in STAGING) was evidenced by the order: the register
        // lists it
        checkRegister(acceptedEvidence());

        // the site restored (原状復帰): the vendor notes each item, JPO signs it
        restore("STAGING");
        var ready = readiness("STAGING");
        assertThat(ready.getBoolean("ready")).as("STAGING ready: " + ready.prettify()).isTrue();
        assertThat(ready.getList("blockers")).isEmpty();
        transition("STAGING", "REMOVED", "撤去完了、原状復帰確認済み", null).statusCode(200);
        assertThat(
                        Api.as(Tokens.JPO_STAFF, "lifecycle")
                                .get("/phases/STAGING")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("phase"))
                .isEqualTo("REMOVED");
        transition("STAGING", "IN_SERVICE", "再利用", "費用協議")
                .statusCode(422)
                .body(containsString("R-RM-2"));

        // PRODUCTION: everything cleared but the archive — removal is refused until it is handed
        // over (R-RM-4)
        transition("PRODUCTION", "END_OF_USE", "次期基盤へ本番移行完了", null).statusCode(200);
        transition("PRODUCTION", "REMOVING", "撤去作業開始", null).statusCode(200);
        // an archive built (and received) before the last destruction evidence was accepted does
        // not hold the proof
        Api.as(Tokens.VENDOR_A, "lifecycle").post("/archive").then().statusCode(403);
        var early = buildArchive();
        receipt(early.<Number>path("id").longValue(), early.path("sha256"), 200);
        sanitize("PRODUCTION");
        restore("PRODUCTION");
        blockers = blockersByKind("PRODUCTION");
        // R-RM-4, security 8): the copies the vendor held and the story left open (R_RM_4 step)
        // block PRODUCTION
        List<String> openCopies = blockers.getOrDefault("VENDOR_COPY_NOT_CONFIRMED", List.of());
        assertThat(openCopies)
                .as("the vendor copies left open")
                .containsAll(
                        StoryState.OPEN_VENDOR_COPIES.stream()
                                .map(id -> "vendor-copy:" + id)
                                .toList());
        if (!openCopies.isEmpty()) {
            assertThat(blockers.keySet())
                    .as("PRODUCTION blockers " + blockers)
                    .containsExactlyInAnyOrder(
                            "ARCHIVE_OLDER_THAN_EVIDENCE", "VENDOR_COPY_NOT_CONFIRMED");
            var copiesOpen =
                    transition("PRODUCTION", "REMOVED", "撤去完了", null).statusCode(409).extract();
            assertThat(copiesOpen.asString())
                    .contains("VENDOR_COPY_NOT_CONFIRMED")
                    .contains(openCopies.get(0));
            // the vendor returns the lent document and destroys its copy, with evidence; JPO
            // confirms each
            StorySecurity.settleOpenCopies();
            blockers = blockersByKind("PRODUCTION");
        }
        assertThat(blockers.keySet())
                .as("PRODUCTION blockers " + blockers)
                .containsExactly("ARCHIVE_OLDER_THAN_EVIDENCE");
        assertThat(blockers.get("ARCHIVE_OLDER_THAN_EVIDENCE"))
                .containsExactly("archive:" + early.<Number>path("id"));
        var noArchive = transition("PRODUCTION", "REMOVED", "撤去完了", null).statusCode(409).extract();
        assertThat(noArchive.asString()).contains("ARCHIVE_OLDER_THAN_EVIDENCE").contains("R-RM-4");

        // the services' test clocks start with each process, a few hundred ms apart: the archive is
        // built clearly
        // after the last acceptance on maintenance-service's clock as well (R-RM-4 compares the
        // two)
        Suite.sleep(5000);
        var archive = buildArchive();
        long archiveId = archive.<Number>path("id").longValue();
        String sha = archive.path("sha256");
        byte[] zip = checkArchive(archiveId, sha, archive.<Number>path("entries").intValue());
        // built after the last accepted evidence, but JPO has not recorded its receipt yet
        assertThat(blockersByKind("PRODUCTION"))
                .as("no receipt yet")
                .containsOnlyKeys("ARCHIVE_RECEIPT_NOT_RECORDED")
                .containsValue(List.of("archive:" + archiveId));
        // the receipt names the SHA-256 JPO computed from the file it downloaded: another one is
        // 409
        receipt(
                archiveId,
                sha256(("not the archive " + archiveId).getBytes(StandardCharsets.UTF_8)),
                409);
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .body(Map.of("sha256", sha256(zip)))
                .post("/archive/" + archiveId + "/receipt")
                .then()
                .statusCode(403);
        receipt(archiveId, sha256(zip), 200);

        var productionReady = readiness("PRODUCTION");
        assertThat(productionReady.getBoolean("ready"))
                .as("PRODUCTION ready: " + productionReady.prettify())
                .isTrue();
        transition("PRODUCTION", "REMOVED", "撤去完了、記録一式を引渡し済み", null).statusCode(200);
        assertThat(
                        Api.as(Tokens.AUDITOR, "lifecycle")
                                .get("/phases/PRODUCTION")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("phase"))
                .isEqualTo("REMOVED");
    }

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response>
            buildArchive() {
        return Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .post("/archive")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract();
    }

    /**
     * R-RM-4: jpo-admin records the receipt of an archive with the SHA-256 it computed from the
     * downloaded file.
     */
    private static void receipt(long archiveId, String sha256, int status) {
        var r =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .body(Map.of("sha256", sha256))
                        .post("/archive/" + archiveId + "/receipt")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(status);
        if (status == 409) {
            r.body(containsString("R-RM-4"));
        }
    }

    // ------------------------------------------------------------------------------------------
    // step 7

    /**
     * The distribution board (SHARED) is removed after both environments (R-RM-1: its gate asks
     * nothing of backup-service, it holds no backups); then every environment is CLOSED, which
     * needs an empty readiness; and nothing new enters a removed or closed environment (R-RM-1,
     * R-RM-3).
     */
    static void step7SharedAndClosed() {
        if (!"REMOVED".equals(phase("SHARED"))) {
            // the R-LC-8 step did not run (or failed): SHARED removed here, on the story's clock
            bringInService("SHARED");
            if (!"REMOVING".equals(phase("SHARED"))) {
                transition("SHARED", "END_OF_USE", "両環境の撤去に伴い分電盤の使用終了", null).statusCode(200);
                transition("SHARED", "REMOVING", "分電盤撤去作業開始", null).statusCode(200);
            }
            restore("SHARED");
            transition("SHARED", "REMOVED", "分電盤撤去完了", null).statusCode(200);
        }

        for (String env : List.of("STAGING", "PRODUCTION", "SHARED")) {
            assertThat(readiness(env).getList("blockers"))
                    .as(env + " readiness before CLOSED")
                    .isEmpty();
            transition(env, "CLOSED", "撤去・記録引渡し完了、契約上の義務履行確認", null).statusCode(200);
            assertThat(
                            Api.as(Tokens.AUDITOR, "lifecycle")
                                    .get("/phases/" + env)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .<String>path("phase"))
                    .isEqualTo("CLOSED");
        }

        // R-LC-8: closing changes nothing of a late removal
        if (LocalDate.parse(Suite.get().clockStartAt().substring(0, 10))
                .isAfter(LocalDate.parse("2031-03-31"))) {
            assertThat(removalBreaches())
                    .as("the late removal after CLOSED")
                    .singleElement()
                    .satisfies(b -> assertThat(b.get("kind")).isEqualTo("REMOVED_LATE"));
        }

        // nothing enters a closed environment: new hardware, a medium, a ticket, each refused
        // (R-RM-1/R-RM-3)
        Map<String, Object> hw = new LinkedHashMap<>();
        hw.put("name", "late arrival");
        hw.put("hardwareClass", "SERVER");
        hw.put("serialNumber", "E2E-AFTER-CLOSE-1");
        hw.put("environment", "STAGING");
        hw.put("condition", "NEW");
        refusedInClosed(
                Api.as(Tokens.VENDOR_A, "asset").body(hw).post("/hardware").then().extract());
        refusedInClosed(
                Api.as(Tokens.VENDOR_A, "asset")
                        .body(
                                Map.of(
                                        "kind",
                                        "SSD",
                                        "serial",
                                        "E2E-AFTER-CLOSE-SSD",
                                        "make",
                                        "Kioxia",
                                        "model",
                                        "KCD8XPUG1T92",
                                        "condition",
                                        "NEW"))
                        .post("/hardware/" + StoryState.workerNodeId + "/media")
                        .then()
                        .extract());
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("hardwareId", String.valueOf(StoryState.workerNodeId));
        ticket.put("severity", "S3");
        ticket.put("faultClass", "MEDIA_FAILURE");
        ticket.put("description", "a fault reported after the environment was closed");
        ticket.put("occurredAt", Suite.get().clockStartAt());
        refusedInClosed(
                Api.as(Tokens.VENDOR_A, "maintenance")
                        .body(ticket)
                        .post("/tickets")
                        .then()
                        .extract());
    }

    /**
     * R-LC-8: the removal deadline (2031-03-31) is an obligation. STAGING and PRODUCTION were
     * removed in time (step 6); the distribution board enters REMOVING now, but its removal
     * completes only on 2031-04-14 (the services restart with their clocks there): until then it is
     * a NOT_REMOVED breach, then a REMOVED_LATE one, 14 days late — shown by the overview, the
     * deadlines, the readiness and the archive's removal-breaches.json; a late-removal reason is
     * shown beside it and never makes it disappear, and the deadline never blocks the removal
     * itself.
     */
    static void sharedRemovedAfterTheDeadline() {
        assertThat(removalBreaches()).as("nothing removed late in 2027").isEmpty();
        bringInService("SHARED");
        // SHARED follows both environments (R-RM-1)
        transition("SHARED", "END_OF_USE", "両環境の撤去に伴い分電盤の使用終了", null).statusCode(200);
        transition("SHARED", "REMOVING", "分電盤撤去作業開始", null).statusCode(200);
        restore("SHARED");

        // the board's removal slips past the deadline: the services' clocks move to 2031-04-14
        // (09:00 in Tokyo)
        Suite.get().restartWithClock("2031-04-14T00:00:00Z");
        var overview =
                Api.as(Tokens.JPO_STAFF, "lifecycle")
                        .get("/overview")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(overview.getString("today")).isEqualTo("2031-04-14");
        List<Map<String, Object>> breaches = removalBreaches();
        assertThat(breaches)
                .as("R-LC-8: SHARED not removed by 2031-03-31")
                .singleElement()
                .satisfies(
                        b -> {
                            assertThat(b.get("rule")).isEqualTo("R-LC-8");
                            assertThat(b.get("environment")).isEqualTo("SHARED");
                            assertThat(b.get("kind")).isEqualTo("NOT_REMOVED");
                            assertThat(b.get("removalDeadline")).isEqualTo("2031-03-31");
                            // 2031-03-31 → 2031-04-14
                            assertThat(((Number) b.get("daysLate")).longValue()).isEqualTo(14);
                        });
        assertThat(deadlineBreaches()).as("GET /contract/deadlines, removal").isEqualTo(breaches);
        var ready = readiness("SHARED");
        assertThat(ready.getList("blockers"))
                .as("the passed deadline blocks nothing: " + ready.prettify())
                .isEmpty();
        assertThat(ready.getBoolean("ready")).isTrue();
        assertThat(ready.<Map<String, Object>>getList("removalBreaches"))
                .extracting(b -> b.get("kind"))
                .containsExactly("NOT_REMOVED");

        // a late-removal reason (jpo-admin) is shown beside the breach; it does not clear it
        String reason = "分電盤の撤去に伴う停電作業日程の調整（ビル管理者）により撤去が遅延";
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .body(Map.of("reason", reason))
                .post("/removal/SHARED/late-reason")
                .then()
                .statusCode(403);
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .body(Map.of("reason", reason))
                .post("/removal/SHARED/late-reason")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        assertThat(removalBreaches())
                .singleElement()
                .satisfies(
                        b -> {
                            assertThat(b.get("kind")).isEqualTo("NOT_REMOVED");
                            assertThat(b.get("lateRemovalReason")).isEqualTo(reason);
                        });

        // removal stays possible, and is recorded as a breach
        transition("SHARED", "REMOVED", "分電盤撤去完了（撤去期限後）", null).statusCode(200);
        breaches = removalBreaches();
        assertThat(breaches)
                .singleElement()
                .satisfies(
                        b -> {
                            assertThat(b.get("environment")).isEqualTo("SHARED");
                            assertThat(b.get("kind")).isEqualTo("REMOVED_LATE");
                            assertThat(b.get("removedOn")).isEqualTo("2031-04-14");
                            assertThat(((Number) b.get("daysLate")).longValue()).isEqualTo(14);
                            assertThat(b.get("lateRemovalReason")).isEqualTo(reason);
                        });
        assertThat(deadlineBreaches()).isEqualTo(breaches);

        // the final archive carries it (removal-breaches.json), and JPO records receiving that
        // archive (R-RM-4)
        var archive = buildArchive();
        long id = archive.<Number>path("id").longValue();
        byte[] zip =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .accept("application/zip")
                        .get("/archive/" + id + "/file")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(sha256(zip)).isEqualTo(archive.<String>path("sha256"));
        Map<String, byte[]> files = unzip(zip);
        byte[] json = files.get("lifecycle-service/removal-breaches.json");
        assertThat(json).as("lifecycle-service/removal-breaches.json in the archive").isNotNull();
        var inArchive =
                new io.restassured.path.json.JsonPath(new String(json, StandardCharsets.UTF_8));
        assertThat(inArchive.getString("rule")).isEqualTo("R-LC-8");
        assertThat(inArchive.<Map<String, Object>>getList("breaches"))
                .singleElement()
                .satisfies(
                        b -> {
                            assertThat(b.get("environment")).isEqualTo("SHARED");
                            assertThat(b.get("kind")).isEqualTo("REMOVED_LATE");
                            assertThat(b.get("removedOn")).isEqualTo("2031-04-14");
                            assertThat(((Number) b.get("daysLate")).longValue()).isEqualTo(14);
                            assertThat(b.get("lateRemovalReason")).isEqualTo(reason);
                        });
        var manifest =
                new io.restassured.path.json.JsonPath(
                        new String(files.get("manifest.json"), StandardCharsets.UTF_8));
        assertThat(
                        manifest.getString(
                                "entries.find { it.path == 'lifecycle-service/removal-breaches.json' }.sha256"))
                .isEqualTo(sha256(json));
        receipt(id, sha256(zip), 200);
    }

    /** GET /overview's removalBreaches (R-LC-8). */
    static List<Map<String, Object>> removalBreaches() {
        return Api.as(Tokens.AUDITOR, "lifecycle")
                .get("/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("removalBreaches");
    }

    /** GET /contract/deadlines: the breaches of the removal deadline. */
    private static List<Map<String, Object>> deadlineBreaches() {
        var deadlines =
                Api.as(Tokens.VENDOR_A, "lifecycle")
                        .get("/contract/deadlines")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(deadlines.getString("find { it.id == 'removal' }.date")).isEqualTo("2031-03-31");
        return deadlines.getList("find { it.id == 'removal' }.breaches");
    }

    private static String phase(String env) {
        return Api.as(Tokens.JPO_STAFF, "lifecycle")
                .get("/phases/" + env)
                .then()
                .statusCode(200)
                .extract()
                .path("phase");
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void refusedInClosed(
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(422);
        assertThat(r.asString()).as("names R-RM-1 or R-RM-3").containsAnyOf("R-RM-1", "R-RM-3");
    }

    /**
     * Phases start at CONTRACTED: the lease's earlier years bring each environment into service.
     */
    private static void bringInService(String env) {
        List<String> order = List.of("CONTRACTED", "BUILDING", "IN_SERVICE");
        String phase =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .get("/phases/" + env)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("phase");
        int at = order.indexOf(phase);
        assertThat(at).as(env + " is " + phase + " before step 6").isNotNegative();
        for (int i = at + 1; i < order.size(); i++) {
            transition(env, order.get(i), "e2e: " + order.get(i), null).statusCode(200);
        }
    }

    private static io.restassured.response.ValidatableResponse transition(
            String env, String to, String reason, String costNote) {
        return transition(env, to, reason, costNote, costNote != null ? Boolean.TRUE : null);
    }

    /**
     * {@code newCost}: whether the change (a fallback, R-RM-2) gives rise to new cost; null: not
     * said.
     */
    private static io.restassured.response.ValidatableResponse transition(
            String env, String to, String reason, String costNote, Boolean newCost) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("reason", reason);
        if (costNote != null) {
            body.put("costNote", costNote);
        }
        if (newCost != null) {
            body.put("newCost", newCost);
        }
        // R-SEC-2: the decision names the phase as reviewed (required for a fallback, checked on
        // any transition)
        String etag =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .get("/phases/" + env)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        var req = Api.as(Tokens.JPO_ADMIN, "lifecycle").body(body);
        if (etag != null) {
            req.header("If-Match", etag);
        }
        return req.post("/phases/" + env + "/transitions").then().log().ifValidationFails();
    }

    private static io.restassured.path.json.JsonPath readiness(String env) {
        return Api.as(Tokens.JPO_STAFF, "lifecycle")
                .get("/removal/" + env + "/readiness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, List<String>> blockersByKind(String env) {
        List<Map<String, Object>> blockers = readiness(env).getList("blockers");
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (Map<String, Object> b : blockers) {
            byKind.computeIfAbsent((String) b.get("kind"), k -> new ArrayList<>())
                    .add((String) b.get("id"));
        }
        return byKind;
    }

    /** Every medium ever installed in the environment (asset-service, the gate's source). */
    private static List<Map<String, Object>> media(String env) {
        return Api.all(
                Tokens.JPO_ADMIN,
                "asset",
                "/media",
                Map.of("environment", env, "include", "removed"));
    }

    private static Set<String> mediaWithoutAcceptedEvidence(String env) {
        Set<String> pending = new LinkedHashSet<>();
        for (Map<String, Object> m : media(env)) {
            String serial = (String) m.get("serial");
            if (!evidenceAccepted(serial)) {
                pending.add(serial);
            }
        }
        return pending;
    }

    private static boolean evidenceAccepted(String serial) {
        var status =
                Api.as(Tokens.JPO_ADMIN, "maintenance")
                        .get("/media/" + serial + "/evidence-status")
                        .then()
                        .statusCode(200)
                        .extract();
        return Boolean.TRUE.equals(status.path("accepted"));
    }

    /**
     * Step 4's swap in this environment: the old SSD blocks unless its evidence was accepted; the
     * new one does.
     */
    private static void swappedMediaInGate(String env, Map<String, List<String>> blockers) {
        List<String> medium = blockers.getOrDefault("MEDIUM_WITHOUT_ACCEPTED_EVIDENCE", List.of());
        for (Long id : new Long[] {StoryState.swappedOutMediumId, StoryState.swappedInMediumId}) {
            if (id == null) {
                continue;
            }
            var m =
                    Api.as(Tokens.JPO_ADMIN, "asset")
                            .get("/media/" + id)
                            .then()
                            .statusCode(200)
                            .extract();
            if (!env.equals(m.path("environment"))) {
                continue;
            }
            String serial = m.path("serial");
            assertThat(medium.contains("medium:" + serial))
                    .as("medium " + serial + " in the gate")
                    .isEqualTo(!evidenceAccepted(serial));
            if (id.equals(StoryState.swappedInMediumId)) {
                assertThat(medium)
                        .as("the SSD installed in step 4 was never evidenced")
                        .contains("medium:" + serial);
            }
        }
    }

    private static List<Map<String, Object>> backupCopies(String env) {
        return Api.all(
                Tokens.JPO_ADMIN, "backup", "/reports/backup-copies", Map.of("environment", env));
    }

    /**
     * The vendor's sanitization order for the environment, then DESTROY evidence with a certificate
     * PDF for every medium of the environment still without accepted evidence (the order's and any
     * tracked earlier), each accepted by JPO.
     */
    private static void sanitize(String env) {
        Set<String> pending = mediaWithoutAcceptedEvidence(env);
        var order =
                Api.as(Tokens.VENDOR_A, "maintenance")
                        .body(Map.of("environment", env, "reason", "撤去に伴う記憶媒体の破壊（" + env + "）"))
                        .post("/sanitization-orders")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                        .extract()
                        .jsonPath();
        List<Map<String, Object>> items = order.getList("items");
        Set<String> ordered =
                items.stream().map(i -> (String) i.get("serial")).collect(Collectors.toSet());
        Set<String> alreadyTracked =
                new LinkedHashSet<>(order.getList("alreadyTracked", String.class));
        Set<String> everSerials =
                media(env).stream().map(m -> (String) m.get("serial")).collect(Collectors.toSet());
        Set<String> covered = new LinkedHashSet<>(ordered);
        covered.addAll(alreadyTracked);
        assertThat(covered)
                .as("the order covers every medium ever in " + env)
                .isEqualTo(everSerials);
        if (StoryState.swappedOutMediumId != null) {
            String old =
                    Api.as(Tokens.JPO_ADMIN, "asset")
                            .get("/media/" + StoryState.swappedOutMediumId)
                            .then()
                            .extract()
                            .path("serial");
            if (everSerials.contains(old)) {
                assertThat(alreadyTracked)
                        .as("step 4's removed SSD keeps its own custody chain")
                        .contains(old);
            }
        }
        // every custody item of a pending serial (the order's, or one tracked before) gets accepted
        // evidence
        List<Map<String, Object>> tracked =
                Api.all(Tokens.VENDOR_A, "maintenance", "/custody-items", Map.of());
        for (String serial : pending) {
            Map<String, Object> item =
                    tracked.stream()
                            .filter(i -> serial.equals(i.get("serial")))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "no custody item for "
                                                            + serial
                                                            + " after the order"));
            evidence(((Number) item.get("id")).longValue(), serial);
        }
        assertThat(mediaWithoutAcceptedEvidence(env))
                .as(env + " media without accepted evidence")
                .isEmpty();
        // what else maintenance-service still holds for the environment (failure-analysis log media
        // of the
        // suite's other classes, R-MT-3): each gets its accepted evidence too
        List<Map<String, Object>> outstanding =
                Api.all(
                        Tokens.JPO_ADMIN,
                        "maintenance",
                        "/reports/outstanding-sanitization",
                        Map.of("environment", env));
        for (Map<String, Object> o : outstanding) {
            assertThat(o.get("custodyItemId")).as("outstanding without custody: " + o).isNotNull();
            evidence(((Number) o.get("custodyItemId")).longValue(), (String) o.get("serial"));
        }
        assertThat(
                        Api.all(
                                Tokens.JPO_ADMIN,
                                "maintenance",
                                "/reports/outstanding-sanitization",
                                Map.of("environment", env)))
                .as(env + " outstanding sanitization")
                .isEmpty();
    }

    /**
     * DESTROY evidence (NIST SP 800-88 App. G) by the vendor with a certificate PDF, accepted by
     * jpo-admin.
     */
    static long evidence(long custodyItemId, String serial) {
        List<Map<String, Object>> existing =
                Api.all(
                        Tokens.JPO_ADMIN,
                        "maintenance",
                        "/custody-items/" + custodyItemId + "/evidence",
                        Map.of());
        Long evidenceId =
                existing.stream()
                        .filter(e -> "SUBMITTED".equals(e.get("status")))
                        .map(e -> ((Number) e.get("id")).longValue())
                        .findFirst()
                        .orElse(null);
        if (evidenceId == null) {
            String status =
                    Api.as(Tokens.VENDOR_A, "maintenance")
                            .get("/custody-items/" + custodyItemId)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("item.status");
            if ("REMOVED_ON_SITE".equals(status)) {
                // the chain of custody: the vendor's engineer takes the medium to the destruction
                // site
                Api.as(Tokens.VENDOR_A, "maintenance")
                        .body(Map.of("holder", "vendor-a 保守担当", "location", "特許庁 サーバ室 施錠保管庫"))
                        .post("/custody-items/" + custodyItemId + "/handovers")
                        .then()
                        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("serial", serial);
            body.put("method", "DESTROY");
            body.put("technique", "SHRED");
            body.put("tool", "破砕機 HSM Powerline HDS 230");
            body.put("verification", "破砕片の目視確認（最大片 10mm 以下）、写真記録");
            body.put(
                    "performedOn",
                    LocalDate.parse(Suite.get().clockStartAt().substring(0, 10)).toString());
            body.put("place", "特許庁 サーバ室（立会い: 情報技術統括室）");
            body.put("performedBy", "vendor-a 保守担当");
            body.put("destination", "産業廃棄物として処分（マニフェスト交付）");
            body.put("issuer", "VENDOR");
            evidenceId =
                    ((Number)
                                    Api.as(Tokens.VENDOR_A, "maintenance")
                                            .body(body)
                                            .post("/custody-items/" + custodyItemId + "/evidence")
                                            .then()
                                            .log()
                                            .ifValidationFails()
                                            .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                                            .extract()
                                            .path("id"))
                            .longValue();
        }
        Api.as(Tokens.VENDOR_A, "maintenance")
                .contentType("multipart/form-data")
                .multiPart(
                        "file",
                        "certificate-" + serial + ".pdf",
                        CERTIFICATE_PDF,
                        "application/pdf")
                .post("/evidence/" + evidenceId + "/files")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        // JPO decides on the evidence as read, with its file (If-Match: its ETag)
        String etag =
                Api.as(Tokens.JPO_ADMIN, "maintenance")
                        .get("/evidence/" + evidenceId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        Api.as(Tokens.JPO_ADMIN, "maintenance")
                .header("If-Match", etag)
                .body(Map.of("reason", "証明書確認済み"))
                .post("/evidence/" + evidenceId + "/acceptance")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        return evidenceId;
    }

    /**
     * 原状復帰: per checklist item a vendor note, the vendor's photo as evidence (no sign-off without
     * one) and a JPO signature (R-RM-1).
     */
    private static void restore(String env) {
        List<Map<String, Object>> checklist =
                Api.as(Tokens.VENDOR_A, "lifecycle")
                        .get("/removal/" + env + "/checklist")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        boolean first = true;
        for (Map<String, Object> item : checklist) {
            String code = (String) item.get("item");
            String base = "/removal/" + env + "/checklist/" + code;
            Api.as(Tokens.VENDOR_A, "lifecycle")
                    .body(Map.of("note", item.get("label") + ": 完了（写真添付）"))
                    .put(base + "/note")
                    .then()
                    .statusCode(200);
            if (first) {
                // no evidence yet: JPO cannot sign it off
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .header("If-Match", itemTag(base))
                        .post(base + "/signature")
                        .then()
                        .statusCode(422)
                        .body(containsString("R-RM-1"));
                first = false;
            }
            byte[] photo = restorationPhoto(env + "/" + code + " " + item.get("label"));
            // only the contracted vendor's evidence
            Api.as(Tokens.VENDOR_B, "lifecycle")
                    .contentType("image/png")
                    .queryParam("fileName", code + ".png")
                    .body(photo)
                    .post(base + "/evidence")
                    .then()
                    .statusCode(403);
            Api.as(Tokens.VENDOR_A, "lifecycle")
                    .contentType("image/png")
                    .queryParam("fileName", code + ".png")
                    .body(photo)
                    .post(base + "/evidence")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                    .body("evidence.sha256", org.hamcrest.Matchers.hasItem(sha256(photo)));
            byte[] served =
                    Api.as(Tokens.AUDITOR, "lifecycle")
                            .accept("application/octet-stream, application/problem+json")
                            .get(base + "/evidence/" + sha256(photo))
                            .then()
                            .statusCode(200)
                            .extract()
                            .asByteArray();
            assertThat(served)
                    .as("the restoration photo of " + code + " as uploaded")
                    .isEqualTo(photo);
            String reviewed = itemTag(base);
            Api.as(Tokens.VENDOR_A, "lifecycle")
                    .header("If-Match", reviewed)
                    .post(base + "/signature")
                    .then()
                    .statusCode(403);
            // R-SEC-2: JPO signs the version it reviewed (with the evidence): none is 428
            Api.as(Tokens.JPO_ADMIN, "lifecycle").post(base + "/signature").then().statusCode(428);
            Api.as(Tokens.JPO_ADMIN, "lifecycle")
                    .header("If-Match", reviewed)
                    .post(base + "/signature")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200);
        }
    }

    /** The ETag of a checklist item as read (its note and evidence). */
    private static String itemTag(String base) {
        return Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .get(base)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /**
     * A small file that starts like a PNG (the service recognises photos by content), unique to its
     * subject.
     */
    private static byte[] restorationPhoto(String subject) {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] text = ("restoration photo: " + subject).getBytes(StandardCharsets.UTF_8);
        byte[] photo = new byte[head.length + text.length];
        System.arraycopy(head, 0, photo, 0, head.length);
        System.arraycopy(text, 0, photo, head.length, text.length);
        return photo;
    }

    /**
     * R-RM-4: download the archive, check its own SHA-256, then recompute the SHA-256 and size of
     * every file inside it against manifest.json — and that nothing in it is missing from the
     * manifest.
     */
    private static byte[] checkArchive(long id, String sha256, int entries) {
        byte[] zip =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .accept("application/zip")
                        .get("/archive/" + id + "/file")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(sha256(zip)).as("the archive's recorded SHA-256").isEqualTo(sha256);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    assertThat(files.put(e.getName(), in.readAllBytes()))
                            .as("entry " + e.getName() + " once")
                            .isNull();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files).containsKey("manifest.json");
        assertThat(files).hasSize(entries);
        var manifest =
                new io.restassured.path.json.JsonPath(
                        new String(files.get("manifest.json"), StandardCharsets.UTF_8));
        List<Map<String, Object>> listed = manifest.getList("entries");
        assertThat(listed).hasSize(files.size() - 1);
        for (Map<String, Object> entry : listed) {
            String path = (String) entry.get("path");
            byte[] content = files.get(path);
            assertThat(content).as("manifest entry " + path + " is in the archive").isNotNull();
            assertThat(sha256(content)).as("SHA-256 of " + path).isEqualTo(entry.get("sha256"));
            assertThat((long) content.length)
                    .as("size of " + path)
                    .isEqualTo(((Number) entry.get("size")).longValue());
        }
        assertThat(listed.stream().map(e -> (String) e.get("path")).toList())
                .containsAll(Suite.SERVICES.stream().map(s -> s + "-service/records.json").toList())
                .contains(
                        "lifecycle-service/lease-ledger.xlsx",
                        "asset-service/standard-sheet.xlsx",
                        "maintenance-service/destruction-register.xlsx");
        // the other services' audit trails, each with a checkpoint of its head that an entry of the
        // trail matches
        for (String service :
                Suite.SERVICES.stream().filter(s -> !s.equals("lifecycle")).toList()) {
            var trail =
                    new io.restassured.path.json.JsonPath(
                            new String(
                                    files.get(service + "-service/audit-trail.json"),
                                    StandardCharsets.UTF_8));
            assertThat(trail.getString("chain")).isEqualTo(service + "-service");
            long seq = trail.getLong("checkpoint.seq");
            assertThat(trail.getString("entries.find { it.seq == " + seq + " }.mac"))
                    .as(service + " checkpoint")
                    .isEqualTo(trail.getString("checkpoint.mac"));
        }
        // every evidence file maintenance-service lists is in the archive under its SHA-256
        List<String> evidenceFiles =
                new io.restassured.path.json.JsonPath(
                                new String(
                                        files.get("maintenance-service/records.json"),
                                        StandardCharsets.UTF_8))
                        .getList("evidence.files.flatten().sha256", String.class);
        assertThat(evidenceFiles)
                .as("the sanitization evidence of steps 4–6 has files")
                .isNotEmpty();
        for (String sha : evidenceFiles) {
            assertThat(files)
                    .as("evidence file " + sha)
                    .containsKey("maintenance-service/evidence/" + sha);
        }
        for (String report :
                List.of(
                        "asset-service/standard-sheet.xlsx",
                        "maintenance-service/destruction-register.xlsx")) {
            try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.get(report)))) {
                assertThat(wb.getNumberOfSheets()).as(report).isPositive();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // the records are the suite's: step 3's policies and the failed run are in backup-service's
        // ledger
        String backupRecords =
                new String(files.get("backup-service/records.json"), StandardCharsets.UTF_8);
        var records = new io.restassured.path.json.JsonPath(backupRecords);
        List<Object> policyIds = records.getList("policies.id");
        for (Long p : StoryState.BACKUP_POLICIES) {
            assertThat(policyIds.stream().map(o -> ((Number) o).longValue()).toList()).contains(p);
        }
        assertThat(records.getList("runs.state", String.class)).contains("SUCCEEDED", "FAILED");
        String maintenanceRecords =
                new String(files.get("maintenance-service/records.json"), StandardCharsets.UTF_8);
        for (Map<String, Object> m : media("STAGING")) {
            assertThat(maintenanceRecords)
                    .as("evidence of " + m.get("serial"))
                    .contains((String) m.get("serial"));
        }
        try (Workbook wb =
                new XSSFWorkbook(
                        new ByteArrayInputStream(
                                files.get("lifecycle-service/lease-ledger.xlsx")))) {
            assertThat(wb.getSheet("賃貸借台帳")).isNotNull();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }
}
