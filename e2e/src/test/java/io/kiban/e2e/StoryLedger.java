package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Steps 1 and 2 of the story: the procurement baseline filled by real deliveries (R-AS-1, R-LC-2,
 * R-LC-3), then the software ledger from the suite's own SBOMs, end-of-life data (R-AS-4), an
 * advisory with its countermeasure plan (R-AS-5), and the approved list of information handlers
 * (R-SEC-1).
 */
final class StoryLedger {

    static final ZoneId JPO = ZoneId.of("Asia/Tokyo");

    /** the delivery deadline of the whole set (R-LC-2), contract data */
    static final LocalDate DELIVERY_DEADLINE = LocalDate.parse("2027-03-31");

    /** the day the vendor delivered everything that was on time */
    static final LocalDate DELIVERED_ON_TIME = LocalDate.parse("2027-03-15");

    /** the late line's delivery, inside its approved extension (R-LC-3, limit 2027-06-30) */
    static final LocalDate DELIVERED_LATE = LocalDate.parse("2027-05-24");

    static final LocalDate EXTENDED_TO = LocalDate.parse("2027-06-15");

    /** the late line: a disk array held up by the semiconductor shortage */
    static final String LATE_ENVIRONMENT = "PRODUCTION";

    static final String LATE_ITEM_HINT = "ARRAY";

    /**
     * The suite starts in March 2027, before the delivery deadline (deliveries, the extension
     * approved in time, R-LC-3); after step 1 the services restart with their clocks here (the
     * lease's first paid months behind).
     */
    static final String STORY_AUGUST = "2027-08-02T00:00:00Z";

    private StoryLedger() {}

    // ---------------------------------------------------------------------------------------------
    // step 1
    // ---------------------------------------------------------------------------------------------

    static void step1BaselineAndDeliveries() {
        // jpo-admin: nothing registered yet, every line of both environments missing (R-AS-1)
        Map<String, Map<String, Object>> lines = new LinkedHashMap<>();
        for (String env : List.of("PRODUCTION", "STAGING")) {
            var c = conformance(env);
            assertThat(c.<Boolean>path("complete")).as(env + " complete before delivery").isFalse();
            List<Map<String, Object>> ls = c.path("lines");
            assertThat(ls).as(env + " baseline lines").isNotEmpty();
            for (Map<String, Object> l : ls) {
                int required = (Integer) l.get("required");
                assertThat(required).as(l.get("itemCode") + " required").isPositive();
                assertThat(l.get("registered"))
                        .as(env + " " + l.get("itemCode") + " registered")
                        .isEqualTo(0);
                assertThat(l.get("missing"))
                        .as(env + " " + l.get("itemCode") + " missing")
                        .isEqualTo(required);
                assertThat(l.get("conforms")).isEqualTo(false);
                // the SHARED distribution board appears in both answers: register it once
                lines.putIfAbsent(l.get("environment") + "/" + l.get("itemCode"), l);
            }
            assertThat(c.<Integer>path("totals.missing"))
                    .isEqualTo(c.<Integer>path("totals.required"));
            assertThat(c.<Integer>path("totals.registered")).isZero();
        }
        assertThat(lines.keySet())
                .as("both environments and the shared line")
                .anyMatch(k -> k.startsWith("SHARED/"))
                .anyMatch(k -> k.startsWith("PRODUCTION/"))
                .anyMatch(k -> k.startsWith("STAGING/"));

        // the late line: the production disk array (fallback: any production line)
        String lateKey =
                lines.keySet().stream()
                        .filter(
                                k ->
                                        k.startsWith(LATE_ENVIRONMENT + "/")
                                                && k.contains(LATE_ITEM_HINT))
                        .findFirst()
                        .orElseGet(
                                () ->
                                        lines.keySet().stream()
                                                .filter(k -> k.startsWith(LATE_ENVIRONMENT + "/"))
                                                .findFirst()
                                                .orElseThrow());
        String lateItem = lateKey.substring(lateKey.indexOf('/') + 1);

        // the vendor registers what the baseline requires, each item ORDERED, with its data-bearing
        // media
        String vendor = Tokens.VENDOR_A;
        List<Long> lateIds = new ArrayList<>();
        List<Long> onTimeIds = new ArrayList<>();
        boolean replayChecked = false;
        for (var e : lines.entrySet()) {
            Map<String, Object> l = e.getValue();
            String env = (String) l.get("environment");
            String item = (String) l.get("itemCode");
            String hwClass = (String) l.get("hardwareClass");
            int required = (Integer) l.get("required");
            for (int n = 1; n <= required; n++) {
                String serial = "E2E-" + env.substring(0, 3) + "-" + item + "-" + n;
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", l.get("name"));
                body.put("manufacturer", "Kiban Test Hardware K.K.");
                body.put("modelNumber", item + "-M1");
                body.put("hardwareClass", hwClass);
                body.put("contractForm", "lease");
                body.put("maintenanceDeadline", "2031-03-31");
                body.put("serialNumber", serial);
                body.put("environment", env);
                body.put("rack", env.substring(0, 3) + "-R" + ((n - 1) % 2 + 1));
                body.put("rackPosition", "U" + (2 * n));
                body.put("condition", "NEW");
                body.put("baselineItem", item);
                String key = "story-hw-" + serial;
                var created =
                        Api.as(vendor, "asset")
                                .header("Idempotency-Key", key)
                                .body(body)
                                .post("/hardware")
                                .then()
                                .statusCode(201)
                                .body("status", equalTo("ORDERED"))
                                .body("condition", equalTo("NEW"))
                                .extract();
                long id = ((Number) created.path("id")).longValue();
                if (!replayChecked) {
                    // a retried registration (same Idempotency-Key) answers the first result, no
                    // second item
                    Api.as(vendor, "asset")
                            .header("Idempotency-Key", key)
                            .body(body)
                            .post("/hardware")
                            .then()
                            .statusCode(201)
                            .body("id", equalTo((int) id));
                    replayChecked = true;
                }
                StoryState.HARDWARE.put(serial, id);
                (e.getKey().equals(lateKey) ? lateIds : onTimeIds).add(id);
                for (Map<String, Object> medium : mediaOf(hwClass, item, serial)) {
                    Api.as(vendor, "asset")
                            .body(medium)
                            .post("/hardware/" + id + "/media")
                            .then()
                            .statusCode(201)
                            .body("installed", equalTo(true))
                            .body("hardwareId", equalTo((int) id));
                }
                if (StoryState.workerNodeId == null
                        && "STAGING".equals(env)
                        && item.contains("WORKER")) {
                    StoryState.workerNodeId = id;
                }
            }
        }
        if (StoryState.workerNodeId == null) {
            // the baseline has no line named WORKER: any staging server will do
            StoryState.workerNodeId =
                    StoryState.HARDWARE.entrySet().stream()
                            .filter(
                                    x ->
                                            x.getKey().startsWith("E2E-STA-")
                                                    && x.getKey().contains("K8S"))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElseThrow();
        }

        // registered but not delivered: nothing missing, everything undelivered
        for (String env : List.of("PRODUCTION", "STAGING")) {
            var c = conformance(env);
            assertThat(c.<Integer>path("totals.missing"))
                    .as(env + " missing after registration")
                    .isZero();
            assertThat(c.<Integer>path("totals.undelivered"))
                    .as(env + " undelivered")
                    .isEqualTo(c.<Integer>path("totals.required"));
            assertThat(c.<Boolean>path("complete")).isFalse();
        }

        // deliveries: everything on time but one line, late for a semiconductor shortage
        for (long id : onTimeIds) {
            deliverAndPutInService(vendor, id, DELIVERED_ON_TIME);
        }
        // the vendor asks for the extension, jpo-admin approves it (R-LC-3)
        Map<String, Object> ext =
                Map.of(
                        "environment",
                        LATE_ENVIRONMENT,
                        "baselineItem",
                        lateItem,
                        "cause",
                        "SEMICONDUCTOR_SHORTAGE",
                        "explanation",
                        "controller ASICs on allocation (semiconductor shortage); the maker confirmed shipment for May",
                        "newDate",
                        EXTENDED_TO.toString());
        var proposed =
                Api.as(vendor, "lifecycle")
                        .body(ext)
                        .post("/deliveries/extensions")
                        .then()
                        .statusCode(201)
                        .body("status", equalTo("PROPOSED"))
                        .extract();
        long extId = ((Number) proposed.path("id")).longValue();
        String extTag = proposed.header("ETag");
        assertThat(today())
                .as("R-LC-3: the approval is recorded before the line's original deadline")
                .isBefore(DELIVERY_DEADLINE.plusDays(1));
        // not the vendor's decision
        Api.as(vendor, "lifecycle")
                .header("If-Match", extTag)
                .post("/deliveries/extensions/" + extId + "/approval")
                .then()
                .statusCode(403);
        // R-SEC-2: the approval names the version reviewed
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .post("/deliveries/extensions/" + extId + "/approval")
                .then()
                .statusCode(428);
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", extTag)
                .post("/deliveries/extensions/" + extId + "/approval")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", org.hamcrest.Matchers.notNullValue());

        // the months pass: the services restart with their clocks in the story's August 2027
        Suite.get().restartWithClock(STORY_AUGUST);
        assertThat(today()).isEqualTo(LocalDate.parse("2027-08-02"));
        StoryState.onTimeLine =
                lines.keySet().stream().filter(k -> !k.equals(lateKey)).findFirst().orElseThrow();
        for (long id : lateIds) {
            deliverAndPutInService(vendor, id, DELIVERED_LATE);
        }

        // conformance is complete for both environments: no missing, no surplus, nothing
        // undelivered
        for (String env : List.of("PRODUCTION", "STAGING")) {
            var c = conformance(env);
            List<Map<String, Object>> ls = c.path("lines");
            for (Map<String, Object> l : ls) {
                assertThat(l.get("missing"))
                        .as(env + " " + l.get("itemCode") + " missing")
                        .isEqualTo(0);
                assertThat(l.get("surplus"))
                        .as(env + " " + l.get("itemCode") + " surplus")
                        .isEqualTo(0);
                assertThat(l.get("undelivered"))
                        .as(env + " " + l.get("itemCode") + " undelivered")
                        .isEqualTo(0);
                assertThat(l.get("delivered")).isEqualTo(l.get("required"));
                assertThat(l.get("conforms"))
                        .as(env + " " + l.get("itemCode") + " conforms")
                        .isEqualTo(true);
            }
            assertThat(c.<List<String>>path("unlistedSerials"))
                    .as(env + " unlisted serials")
                    .isEmpty();
            assertThat(c.<Boolean>path("complete")).as(env + " complete: " + c.asString()).isTrue();
        }

        // lifecycle-service derives the delivery status from asset-service's facts (R-LC-2, R-LC-3)
        var status =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .get("/deliveries/status")
                        .then()
                        .statusCode(200)
                        .extract();
        List<Map<String, Object>> dl = status.path("lines");
        for (var e : lines.entrySet()) {
            String env = (String) e.getValue().get("environment");
            String item = (String) e.getValue().get("itemCode");
            Map<String, Object> line =
                    dl.stream()
                            .filter(
                                    x ->
                                            env.equals(x.get("environment"))
                                                    && item.equals(x.get("baselineItem")))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "no delivery line "
                                                            + e.getKey()
                                                            + " in "
                                                            + status.asString()));
            if (e.getKey().equals(lateKey)) {
                assertThat(line.get("status"))
                        .as("late line " + e.getKey())
                        .isEqualTo("EXTENDED_ON_TIME");
                assertThat(line.get("deliveredOn")).isEqualTo(DELIVERED_LATE.toString());
                assertThat(line.get("deadline")).isEqualTo(EXTENDED_TO.toString());
                assertThat(((Number) line.get("approvedExtensionId")).longValue()).isEqualTo(extId);
            } else {
                assertThat(line.get("status")).as("line " + e.getKey()).isEqualTo("ON_TIME");
                assertThat(line.get("deliveredOn")).isEqualTo(DELIVERED_ON_TIME.toString());
            }
        }
        assertThat(status.<Boolean>path("metR_LC_2")).as("R-LC-2 met without extensions").isFalse();
        assertThat(status.<String>path("deliveryDeadline")).isEqualTo(DELIVERY_DEADLINE.toString());
        // one delivery line per baseline line: the SHARED board is not a PRODUCTION or STAGING line
        // as well
        assertThat(dl)
                .extracting(x -> x.get("environment") + "/" + x.get("baselineItem"))
                .as("delivery lines = baseline lines")
                .containsExactlyInAnyOrderElementsOf(lines.keySet());
        assertThat(status.<Boolean>path("metWithExtensions"))
                .as("R-LC-2 met with the approved extension (R-LC-3)")
                .isTrue();
    }

    /**
     * R-LC-3: an extension approved after the line's original deadline (2027-03-31; the story's
     * clock is in August 2027 now) does not permit the late delivery — the approval is refused (422
     * naming R-LC-3), the extension stays proposed and the line's delivery status does not change.
     * The approval time is the server's, never typed.
     */
    static void lateExtensionRefused() {
        String vendor = Tokens.VENDOR_A;
        String lineKey = StoryState.onTimeLine;
        assertThat(lineKey).as("step 1's on-time line").isNotNull();
        assertThat(today()).as("after the original deadline").isAfter(DELIVERY_DEADLINE);
        String env = lineKey.substring(0, lineKey.indexOf('/'));
        String item = lineKey.substring(lineKey.indexOf('/') + 1);
        Map<String, Object> before = deliveryLine(env, item);
        var proposed =
                Api.as(vendor, "lifecycle")
                        .body(
                                Map.of(
                                        "environment",
                                        env,
                                        "baselineItem",
                                        item,
                                        "cause",
                                        "OTHER_UNAVOIDABLE",
                                        "explanation",
                                        "asked for after the deadline",
                                        "newDate",
                                        "2027-06-30"))
                        .post("/deliveries/extensions")
                        .then()
                        .extract();
        if (proposed.statusCode() == 422) {
            assertThat(proposed.asString())
                    .as("a late proposal is refused naming R-LC-3")
                    .contains("R-LC-3");
            return;
        }
        assertThat(proposed.statusCode()).as(proposed.asString()).isEqualTo(201);
        long id = ((Number) proposed.path("id")).longValue();
        // a decision typed with an earlier date is not a thing: the body is ignored, the server's
        // clock decides
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", proposed.header("ETag"))
                .body(Map.of("decidedAt", "2027-03-30T10:00:00+09:00", "approvedOn", "2027-03-30"))
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-3"));
        Api.as(Tokens.AUDITOR, "lifecycle")
                .get("/deliveries/extensions/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"));
        assertThat(deliveryLine(env, item))
                .as("the line's delivery status unchanged")
                .isEqualTo(before);
    }

    private static Map<String, Object> deliveryLine(String env, String item) {
        List<Map<String, Object>> lines =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .get("/deliveries/status")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("lines");
        return lines.stream()
                .filter(x -> env.equals(x.get("environment")) && item.equals(x.get("baselineItem")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no delivery line " + env + "/" + item));
    }

    /**
     * Data-bearing media by hardware class: servers boot from an SSD, worker nodes add an NVMe data
     * disk, arrays hold HDDs.
     */
    private static List<Map<String, Object>> mediaOf(String hwClass, String item, String serial) {
        List<Map<String, Object>> media = new ArrayList<>();
        switch (hwClass) {
            case "SERVER" -> {
                media.add(medium("SSD", serial + "-SSD1", "Kioxia", "KCD8XPUG1T92"));
                if (item.contains("WORKER")) {
                    media.add(medium("NVME", serial + "-NVME1", "Samsung", "PM9A3"));
                }
            }
            case "DISK_ARRAY" -> {
                media.add(medium("HDD", serial + "-HDD1", "Seagate", "ST16000NM004J"));
                media.add(medium("HDD", serial + "-HDD2", "Seagate", "ST16000NM004J"));
            }
            default -> {}
        }
        return media;
    }

    private static Map<String, Object> medium(
            String kind, String serial, String make, String model) {
        return Map.of(
                "kind", kind, "serial", serial, "make", make, "model", model, "condition", "NEW");
    }

    /**
     * ORDERED → DELIVERED (deliveredOn) → INSTALLED → ACCEPTED → IN_SERVICE, each with If-Match.
     */
    private static void deliverAndPutInService(String user, long id, LocalDate deliveredOn) {
        String etag =
                Api.as(user, "asset")
                        .get("/hardware/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        var r =
                Api.as(user, "asset")
                        .header("If-Match", etag)
                        .body(
                                Map.of(
                                        "status",
                                        "DELIVERED",
                                        "deliveredOn",
                                        deliveredOn.toString(),
                                        "note",
                                        "delivery note E2E-" + id))
                        .post("/hardware/" + id + "/status")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("DELIVERED"))
                        .body("deliveredOn", equalTo(deliveredOn.toString()))
                        .extract();
        etag = r.header("ETag");
        for (String next : List.of("INSTALLED", "ACCEPTED", "IN_SERVICE")) {
            etag =
                    Api.as(user, "asset")
                            .header("If-Match", etag)
                            .body(Map.of("status", next))
                            .post("/hardware/" + id + "/status")
                            .then()
                            .statusCode(200)
                            .body("status", equalTo(next))
                            .extract()
                            .header("ETag");
        }
    }

    private static ExtractableResponse<Response> conformance(String env) {
        return Api.as(Tokens.JPO_ADMIN, "asset")
                .queryParam("environment", env)
                .get("/baseline/conformance")
                .then()
                .statusCode(200)
                .body("environment", equalTo(env))
                .extract();
    }

    // ---------------------------------------------------------------------------------------------
    // step 2
    // ---------------------------------------------------------------------------------------------

    static final String ADVISORY = "KIBAN-E2E-2027-0001";

    /** how the SBOM importer names a Maven component: group:name */
    static final String QUARKUS_CORE = "io.quarkus:quarkus-core";

    static void step2SoftwareAndHandlers() {
        softwareLedger();
        handlers();
    }

    private static void softwareLedger() {
        String vendor = Tokens.VENDOR_A;
        // the suite's own CycloneDX SBOMs (written by the cyclonedx-maven-plugin at package time)
        List<Path> boms = suiteBoms();
        for (Path bom : boms) {
            String subject = "kiban/" + bom.getParent().getParent().getFileName();
            var report =
                    Api.as(vendor, "asset")
                            .contentType("application/vnd.cyclonedx+json")
                            .queryParam("subject", subject)
                            .queryParam("environment", "PRODUCTION")
                            .queryParam("installedOn", "CLUSTER")
                            .body(read(bom))
                            .post("/imports/sbom")
                            .then()
                            .statusCode(200)
                            .body("subject", equalTo(subject))
                            .extract();
            assertThat(report.<String>path("specVersion")).startsWith("1.");
            assertThat(report.<Integer>path("components"))
                    .as(bom + " components")
                    .isGreaterThan(50);
            assertThat(report.<Integer>path("added"))
                    .as(bom + " added")
                    .isEqualTo(report.<Integer>path("distinct"));
        }
        // what the SBOM says about Quarkus: the version the suite is built on
        List<Map<String, Object>> core =
                Api.as(Tokens.JPO_ADMIN, "asset")
                        .queryParam("environment", "PRODUCTION")
                        .queryParam("name", QUARKUS_CORE)
                        .get("/software")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("$");
        core = core.stream().filter(s -> QUARKUS_CORE.equals(s.get("name"))).toList();
        assertThat(core).as("quarkus-core from the SBOMs").hasSize(boms.size());
        String quarkusVersion = (String) core.get(0).get("version");
        assertThat(quarkusVersion).as("Quarkus version of the suite").startsWith("3.33.");

        // jpo-admin maps quarkus-core to the endoflife.date product and imports the shipped release
        // file
        Api.as(vendor, "asset").body(quarkusMapping()).post("/eol-mappings").then().statusCode(403);
        Api.as(Tokens.JPO_ADMIN, "asset")
                .body(quarkusMapping())
                .post("/eol-mappings")
                .then()
                .statusCode(201)
                .body("product", equalTo("quarkus-framework"));
        var eol =
                Api.as(Tokens.JPO_ADMIN, "asset")
                        .queryParam("product", "quarkus-framework")
                        .queryParam("asOf", "2026-08-22")
                        .queryParam(
                                "source", "endoflife.date/api/quarkus-framework.json @ a70eca33")
                        .body(resource("story/endoflife/quarkus-framework.json"))
                        .post("/imports/endoflife")
                        .then()
                        .statusCode(200)
                        .extract();
        assertThat(eol.<Integer>path("cycles")).isGreaterThan(10);
        assertThat(eol.<Integer>path("updated"))
                .as("quarkus-core entries given a deadline")
                .isEqualTo(boms.size());

        // R-AS-4: Quarkus 3.33 (LTS, eol 2027-03-25) has ended by the story's August 2027
        List<Map<String, Object>> risks =
                Api.all(
                        Tokens.JPO_ADMIN,
                        "asset",
                        "/software/support-risks",
                        Map.of("environment", "PRODUCTION"));
        List<Map<String, Object>> quarkus =
                risks.stream().filter(r -> QUARKUS_CORE.equals(r.get("name"))).toList();
        assertThat(quarkus).as("Quarkus in the support risks: " + risks).hasSize(boms.size());
        for (Map<String, Object> r : quarkus) {
            assertThat(r.get("supportDeadline")).isEqualTo("2027-03-25");
            assertThat(r.get("level")).isEqualTo("ENDED");
            assertThat(((Number) r.get("daysLeft")).longValue()).isNegative();
            assertThat((String) r.get("supportSource")).contains("3.33");
        }

        // an OSV advisory (shipped with the story) against a component of the SBOM yields findings
        var osv =
                Api.as(vendor, "asset")
                        .queryParam("source", "story/osv/" + ADVISORY + ".json")
                        .body(resource("story/osv/" + ADVISORY + ".json"))
                        .post("/imports/osv")
                        .then()
                        .statusCode(200)
                        .extract();
        assertThat(osv.<Integer>path("advisories")).isEqualTo(1);
        assertThat(osv.<Integer>path("newFindings"))
                .as("findings: " + osv.asString())
                .isEqualTo(boms.size());
        List<Map<String, Object>> findings =
                Api.as(Tokens.JPO_ADMIN, "asset")
                        .queryParam("advisory", ADVISORY)
                        .get("/findings")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("$");
        assertThat(findings)
                .hasSize(boms.size())
                .allSatisfy(
                        f -> {
                            assertThat(f.get("status")).isEqualTo("OPEN");
                            assertThat((String) f.get("purl"))
                                    .startsWith("pkg:maven/io.netty/netty-handler@");
                        });
        long findingId = ((Number) findings.get(0).get("id")).longValue();
        String path = "/findings/" + findingId;

        // R-AS-5: the vendor plans, JPO confirms, then (only then) the vendor applies
        LocalDate today = today();
        String etag =
                Api.as(vendor, "asset").get(path).then().statusCode(200).extract().header("ETag");
        etag =
                Api.as(vendor, "asset")
                        .header("If-Match", etag)
                        .body(
                                Map.of(
                                        "action",
                                        "upgrade netty-handler with the next Quarkus LTS image; restart the pods",
                                        "targetDate",
                                        today.plusDays(14).toString()))
                        .put(path + "/plan")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("PLANNED"))
                        .extract()
                        .header("ETag");
        Api.as(vendor, "asset")
                .header("If-Match", etag)
                .body(Map.of("appliedOn", today.toString()))
                .post(path + "/plan/application")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-AS-5"));
        Api.as(vendor, "asset")
                .header("If-Match", etag)
                .post(path + "/plan/confirmation")
                .then()
                .statusCode(403);
        etag =
                Api.as(Tokens.JPO_ADMIN, "asset")
                        .header("If-Match", etag)
                        .post(path + "/plan/confirmation")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("CONFIRMED"))
                        .body("confirmedBy", org.hamcrest.Matchers.notNullValue())
                        .extract()
                        .header("ETag");
        Api.as(vendor, "asset")
                .header("If-Match", etag)
                .body(Map.of("appliedOn", today.toString()))
                .post(path + "/plan/application")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("appliedOn", equalTo(today.toString()));
    }

    private static Map<String, Object> quarkusMapping() {
        return Map.of(
                "product",
                "quarkus-framework",
                "matchKind",
                "PURL_PREFIX",
                "pattern",
                "pkg:maven/io.quarkus/quarkus-core@",
                "cycleFormat",
                "MAJOR_MINOR");
    }

    /**
     * R-SEC-1: a vendor engineer works only while on the JPO-approved list of information handlers.
     */
    private static void handlers() {
        String engineer = Tokens.VENDOR_A_NEW;
        // not on the list: the account gets nothing
        Api.withToken(Tokens.fresh(engineer), "maintenance").get("/tickets").then().statusCode(403);

        Map<String, Object> proposal = new LinkedHashMap<>(DemoHandlers.proposal(engineer));
        proposal.put("name", "Vendor A Engineer Two");
        proposal.put("organisation", "vendor-a");
        proposal.put("affiliation", "vendor-a, infrastructure services division");
        var proposed =
                Api.as(Tokens.VENDOR_A, "lifecycle")
                        .body(proposal)
                        .post("/handlers")
                        .then()
                        .statusCode(201)
                        .body("status", equalTo("PROPOSED"))
                        .extract();
        long id = ((Number) proposed.path("id")).longValue();
        String proposedTag = proposed.header("ETag");
        // proposed is not approved: still nothing
        Api.withToken(Tokens.fresh(engineer), "maintenance").get("/tickets").then().statusCode(403);
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .header("If-Match", proposedTag)
                .post("/handlers/" + id + "/approval")
                .then()
                .statusCode(403);
        // R-SEC-2: an approval names the version reviewed — none is 428
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .post("/handlers/" + id + "/approval")
                .then()
                .statusCode(428);
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", proposedTag)
                .post("/handlers/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("roleSynced", equalTo(true));
        // the engineer's next token carries approved-handler: a vendor endpoint answers
        Api.withToken(Tokens.fresh(engineer), "maintenance").get("/tickets").then().statusCode(200);
        Api.withToken(Tokens.fresh(engineer), "asset")
                .get("/hardware/" + StoryState.workerNodeId)
                .then()
                .statusCode(200);

        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .body(Map.of("reason", "left the project (R-SEC-1 list updated)"))
                .post("/handlers/" + id + "/removal")
                .then()
                .statusCode(200)
                .body("status", equalTo("REMOVED"))
                .body("roleSynced", equalTo(true));
        // removed from the list: the next token gets 403 again (R-SEC-1)
        String after = Tokens.fresh(engineer);
        Api.withToken(after, "maintenance").get("/tickets").then().statusCode(403);
        Api.withToken(after, "asset")
                .get("/hardware/" + StoryState.workerNodeId)
                .then()
                .statusCode(403);
        // still listed, as removed, for the record
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .get("/handlers/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("REMOVED"))
                .body("removedBy", org.hamcrest.Matchers.notNullValue());
    }

    // ---------------------------------------------------------------------------------------------
    // helpers shared with StoryTickets
    // ---------------------------------------------------------------------------------------------

    /**
     * The services' day in JPO time (their clocks started at the suite's start instant and tick
     * on).
     */
    static LocalDate today() {
        return LocalDate.ofInstant(Instant.parse(Suite.get().clockStartAt()), JPO);
    }

    /**
     * The suite's own SBOMs: an aggregate {@code target/bom.json} at the repository root if the
     * build wrote one, else each service's {@code target/bom.json} (the cyclonedx-maven-plugin runs
     * at package time).
     */
    static List<Path> suiteBoms() {
        Path repo = Suite.get().repo;
        Path root = repo.resolve("target/bom.json");
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        List<Path> boms = new ArrayList<>();
        for (String svc : Suite.SERVICES) {
            Path bom = repo.resolve(svc + "-service/target/bom.json");
            if (Files.isRegularFile(bom)) {
                boms.add(bom);
            }
        }
        assertThat(boms)
                .as("CycloneDX SBOMs under " + repo + " (package the services first)")
                .isNotEmpty();
        return boms;
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = StoryLedger.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String key(String what) {
        return "story-" + what + "-" + UUID.randomUUID();
    }
}
