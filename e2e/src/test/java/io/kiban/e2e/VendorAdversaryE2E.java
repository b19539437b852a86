package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue #13, the adversarial story: on the packaged services, the real Keycloak and MariaDB,
 * vendor-a1 — an approved handler of the contracted vendor, i.e. the party the destruction rules
 * police — tries every hole over HTTP. Each attempt is refused with its status and rule id, and
 * nothing is written: the row counts of the lists concerned (X-Total-Count) and the size of the
 * audit trail of the services concerned are the same before and after each attempt. The honest
 * set-up around the attempts (a worker node with an SSD and an NVMe disk, a ticket, a sanitization
 * order, a contractor) is done through the same APIs and is not counted.
 */
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName(
        "Issue #13: vendor-a1 tries every hole; each is refused with its rule id and nothing is written")
class VendorAdversaryE2E {

    private static final String VENDOR = Tokens.VENDOR_A;
    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String nodeSerial = "ADV-" + tag + "-NODE";
    private final String ssdSerial = nodeSerial + "-SSD1";
    private final String nvmeSerial = nodeSerial + "-NVME1";
    private long node;
    private long ssdId;
    private long nvmeId;
    private long ticket;
    private LocalDate today;

    /** One figure compared before and after an attempt. */
    record Count(String name, Supplier<Long> value) {}

    @BeforeAll
    void setUp() {
        today =
                LocalDate.ofInstant(
                        java.time.Instant.parse(Suite.get().clockStartAt()), StoryLedger.JPO);
        // a staging worker node of vendor-a with a boot SSD and an NVMe data disk, in service
        Map<String, Object> hw = new LinkedHashMap<>();
        hw.put("name", "adversary worker node");
        hw.put("manufacturer", "Kiban Test Hardware K.K.");
        hw.put("modelNumber", "ADV-M1");
        hw.put("hardwareClass", "SERVER");
        hw.put("contractForm", "lease");
        hw.put("maintenanceDeadline", "2031-03-31");
        hw.put("serialNumber", nodeSerial);
        hw.put("environment", "STAGING");
        hw.put("condition", "NEW");
        node =
                ((Number)
                                Api.as(VENDOR, "asset")
                                        .body(hw)
                                        .post("/hardware")
                                        .then()
                                        .log()
                                        .ifValidationFails()
                                        .statusCode(201)
                                        .extract()
                                        .path("id"))
                        .longValue();
        ssdId = medium("SSD", ssdSerial, "Kioxia", "KCD8XPUG1T92");
        nvmeId = medium("NVME", nvmeSerial, "Samsung", "PM9A3");
        ticket = fileTicket(VENDOR, "S3", "boot SSD " + ssdSerial + " reports media errors");
        String etag =
                Api.as(VENDOR, "maintenance")
                        .get("/tickets/" + ticket)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        etag = move(VENDOR, ticket, etag, "ACKNOWLEDGED");
        move(VENDOR, ticket, etag, "IN_PROGRESS");
    }

    // ------------------------------------------------------------------------------------------
    // holes 1 and 2

    @Test
    @Order(1)
    @DisplayName(
            "R-MT-3: an SSD the ledger holds, swapped out labelled OTHER → 422 naming the ledger kind; nothing written")
    void mislabelledSsdSwap() {
        Map<String, Object> swap =
                swap(
                        Map.of(
                                "kind",
                                "OTHER",
                                "make",
                                "Kioxia",
                                "model",
                                "KCD8XPUG1T92",
                                "serial",
                                ssdSerial),
                        "OTHER",
                        ssdSerial + "-R1");
        var refused =
                refusedWithoutWriting(
                        "mislabelled swap",
                        swapCounts(),
                        () ->
                                Api.as(VENDOR, "maintenance")
                                        .body(swap)
                                        .post("/tickets/" + ticket + "/replacements"),
                        422,
                        "R-MT-3");
        assertThat(refused.asString())
                .as("the refusal names the medium's ledger kind")
                .contains("SSD");
        // a removed serial the ledger does not know, on hardware whose ledger lists media: refused
        // as well
        Map<String, Object> unknown =
                swap(
                        Map.of(
                                "kind",
                                "SSD",
                                "make",
                                "Kioxia",
                                "model",
                                "KCD8XPUG1T92",
                                "serial",
                                nodeSerial + "-NOT-IN-LEDGER"),
                        "SSD",
                        nodeSerial + "-R2");
        refusedWithoutWriting(
                "unknown serial swapped out",
                swapCounts(),
                () ->
                        Api.as(VENDOR, "maintenance")
                                .body(unknown)
                                .post("/tickets/" + ticket + "/replacements"),
                422,
                "R-MT-3");
        Api.as(Tokens.AUDITOR, "asset")
                .get("/media/" + ssdId)
                .then()
                .statusCode(200)
                .body("installed", equalTo(true));
    }

    @Test
    @Order(2)
    @DisplayName(
            "#13 holes 1-2: a vendor (or jpo-admin) marking a medium removed directly, a vendor declaring it not data-bearing → 403; the medium stays installed and data-bearing")
    void directMediaRemoval() {
        for (String who : List.of(VENDOR, Tokens.JPO_ADMIN)) {
            String etag =
                    Api.as(who, "asset")
                            .get("/media/" + ssdId)
                            .then()
                            .statusCode(200)
                            .extract()
                            .header("ETag");
            refusedWithoutWriting(
                    who + " removes the SSD from the ledger",
                    mediaCounts(),
                    () ->
                            Api.as(who, "asset")
                                    .header("If-Match", etag)
                                    .body(
                                            Map.of(
                                                    "removedOn",
                                                    today.toString(),
                                                    "reference",
                                                    "taken out, trust me"))
                                    .post("/media/" + ssdId + "/removal"),
                    403,
                    null);
        }
        // nor may the vendor declare the SSD not data-bearing (only jpo-admin, with a reason:
        // R-MT-3)
        String etag =
                Api.as(VENDOR, "asset")
                        .get("/media/" + ssdId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        refusedWithoutWriting(
                "vendor-a1 declares the SSD not data-bearing",
                mediaCounts(),
                () ->
                        Api.as(VENDOR, "asset")
                                .header("If-Match", etag)
                                .body(Map.of("reason", "just a cache, nothing on it"))
                                .post("/media/" + ssdId + "/not-data-bearing"),
                403,
                null);
        Api.as(Tokens.AUDITOR, "asset")
                .get("/media/" + ssdId)
                .then()
                .statusCode(200)
                .body("installed", equalTo(true))
                .body("dataBearing", equalTo(true));
    }

    // ------------------------------------------------------------------------------------------
    // holes 3 and 4

    @Test
    @Order(3)
    @DisplayName("R-MT-5: overwriting an NVMe disk offered as PURGE → 422; no evidence recorded")
    void overwriteAsPurgeOnNvme() {
        long item = custodyItem(nvmeSerial);
        Map<String, Object> ev = evidence(nvmeSerial, "PURGE", "OVERWRITE", "VENDOR", today, null);
        refusedWithoutWriting(
                "overwrite as PURGE on NVMe",
                evidenceCounts(item),
                () ->
                        Api.as(VENDOR, "maintenance")
                                .body(ev)
                                .post("/custody-items/" + item + "/evidence"),
                422,
                "R-MT-5");
    }

    @Test
    @Order(4)
    @DisplayName(
            "R-MT-4: a contractor certificate dated before JPO recorded the approval → 422; no evidence recorded")
    void backDatedContractorCertificate() {
        long contractor = approvedContractor();
        long item = custodyItem(ssdSerial);
        Map<String, Object> ev =
                evidence(
                        ssdSerial,
                        "DESTROY",
                        "SHRED",
                        "CONTRACTOR",
                        today.minusDays(1),
                        contractor);
        refusedWithoutWriting(
                "back-dated contractor certificate",
                evidenceCounts(item),
                () ->
                        Api.as(VENDOR, "maintenance")
                                .body(ev)
                                .post("/custody-items/" + item + "/evidence"),
                422,
                "R-MT-4");
    }

    // ------------------------------------------------------------------------------------------
    // hole 5

    @Test
    @Order(5)
    @DisplayName(
            "R-SEC-2: the vendor, the account that recorded the evidence and the one that uploaded its file cannot accept it (403)")
    void selfAcceptance() {
        // the SSD: vendor-a1 records DESTROY evidence and its certificate; jpo-admin1 adds a photo
        long ssdItem = custodyItem(ssdSerial);
        long ssdEvidence =
                submit(
                        VENDOR,
                        ssdItem,
                        evidence(ssdSerial, "DESTROY", "SHRED", "VENDOR", today, null));
        upload(VENDOR, ssdEvidence, "certificate-" + ssdSerial + ".pdf");
        String tag1 = evidenceTag(ssdEvidence);
        // the vendor accepting its own evidence: not its role
        refusedWithoutWriting(
                "vendor-a1 accepts its evidence",
                decisionCounts(ssdEvidence),
                () ->
                        Api.as(VENDOR, "maintenance")
                                .header("If-Match", tag1)
                                .body(Map.of("reason", "looks fine to me"))
                                .post("/evidence/" + ssdEvidence + "/acceptance"),
                403,
                null);
        upload(Tokens.JPO_ADMIN, ssdEvidence, "photo-" + ssdSerial + ".pdf");
        String tag2 = evidenceTag(ssdEvidence);
        refusedWithoutWriting(
                "jpo-admin1 accepts evidence it uploaded a file to",
                decisionCounts(ssdEvidence),
                () ->
                        Api.as(Tokens.JPO_ADMIN, "maintenance")
                                .header("If-Match", tag2)
                                .body(Map.of("reason", "checked"))
                                .post("/evidence/" + ssdEvidence + "/acceptance"),
                403,
                "R-SEC-2");

        // the NVMe: jpo-admin1 records the evidence itself (on the vendor's word), vendor-a1
        // uploads the certificate
        long nvmeItem = custodyItem(nvmeSerial);
        long nvmeEvidence =
                submit(
                        Tokens.JPO_ADMIN,
                        nvmeItem,
                        evidence(nvmeSerial, "DESTROY", "SHRED", "VENDOR", today, null));
        upload(VENDOR, nvmeEvidence, "certificate-" + nvmeSerial + ".pdf");
        String tag3 = evidenceTag(nvmeEvidence);
        refusedWithoutWriting(
                "jpo-admin1 accepts evidence it recorded",
                decisionCounts(nvmeEvidence),
                () ->
                        Api.as(Tokens.JPO_ADMIN, "maintenance")
                                .header("If-Match", tag3)
                                .body(Map.of("reason", "checked"))
                                .post("/evidence/" + nvmeEvidence + "/acceptance"),
                403,
                "R-SEC-2");

        // four eyes: the second jpo-admin, who neither recorded nor uploaded, accepts both
        for (long e : List.of(ssdEvidence, nvmeEvidence)) {
            Api.as(Tokens.JPO_ADMIN2, "maintenance")
                    .header("If-Match", evidenceTag(e))
                    .body(
                            Map.of(
                                    "reason",
                                    "certificate checked against the serial (second reviewer)"))
                    .post("/evidence/" + e + "/acceptance")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200)
                    .body("status", equalTo("ACCEPTED"));
        }
    }

    // ------------------------------------------------------------------------------------------
    // hole 6

    @Test
    @Order(6)
    @DisplayName(
            "DOMAIN §8 / #13 hole 6: vendor-a1 cannot cancel a ticket JPO filed, jpo-staff cannot cancel it (403); the ticket is unchanged")
    void cancellingJposTicket() {
        long jpoTicket =
                fileTicket(
                        Tokens.JPO_STAFF, "S4", "fan noise in the staging rack, reported by JPO");
        String t = "/tickets/" + jpoTicket;
        for (String who : List.of(VENDOR, Tokens.JPO_STAFF)) {
            String etag =
                    Api.as(who, "maintenance")
                            .get(t)
                            .then()
                            .statusCode(200)
                            .extract()
                            .header("ETag");
            refusedWithoutWriting(
                    who + " cancels JPO's ticket",
                    ticketCounts(jpoTicket),
                    () ->
                            Api.as(who, "maintenance")
                                    .header("If-Match", etag)
                                    .body(Map.of("to", "CANCELLED", "note", "not our problem"))
                                    .post(t + "/transitions"),
                    403,
                    null);
        }
        Api.as(Tokens.AUDITOR, "maintenance")
                .get(t)
                .then()
                .statusCode(200)
                .body("ticket.status", equalTo("REPORTED"));
    }

    // ------------------------------------------------------------------------------------------
    // hole 7

    @Test
    @Order(7)
    @DisplayName(
            "#13 hole 7: an Idempotency-Key replayed with another body → 422; sent to a POST that does not honour it → 400")
    void replayedKeyWithAnotherBody() {
        String key = "adversary-" + tag;
        Map<String, Object> first = ticketBody("S4", "cable tidy in the staging rack");
        Api.as(VENDOR, "maintenance")
                .header("Idempotency-Key", key)
                .body(first)
                .post("/tickets")
                .then()
                .statusCode(201);
        Map<String, Object> other = ticketBody("S1", "the same key, another ticket");
        refusedWithoutWriting(
                "Idempotency-Key replayed with another body",
                List.of(
                        total(
                                "tickets on the node",
                                Tokens.JPO_ADMIN,
                                "maintenance",
                                "/tickets?hardwareId=" + node),
                        audit("maintenance")),
                () ->
                        Api.as(VENDOR, "maintenance")
                                .header("Idempotency-Key", key)
                                .body(other)
                                .post("/tickets"),
                422,
                null);
        // the same key and the same body: the first answer again, no second ticket
        Api.as(VENDOR, "maintenance")
                .header("Idempotency-Key", key)
                .body(first)
                .post("/tickets")
                .then()
                .statusCode(201);
        // a key on a POST that does not replay answers (a decision: it takes If-Match instead):
        // 400, nothing moves
        String etag =
                Api.as(VENDOR, "maintenance")
                        .get("/tickets/" + ticket)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        refusedWithoutWriting(
                "Idempotency-Key on a POST that does not honour it",
                ticketCounts(ticket),
                () ->
                        Api.as(VENDOR, "maintenance")
                                .header("Idempotency-Key", key + "-transition")
                                .header("If-Match", etag)
                                .body(Map.of("to", "RESOLVED", "note", "done, honestly"))
                                .post("/tickets/" + ticket + "/transitions"),
                400,
                null);
        Api.as(Tokens.AUDITOR, "maintenance")
                .get("/tickets/" + ticket)
                .then()
                .statusCode(200)
                .body("ticket.status", equalTo("IN_PROGRESS"));
    }

    // ------------------------------------------------------------------------------------------
    // hole 8

    @Test
    @Order(8)
    @DisplayName(
            "#13 hole 8 (OWASP CSV injection): a component named =HYPERLINK(…) is text in the CSV ('=) and a quote-prefixed xlsx cell")
    void formulaInAnExport() {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        String bom =
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"components\":[{\"type\":"
                        + "\"library\",\"name\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\",\"version\":\"1.0."
                        + tag.hashCode() % 100
                        + "\"}]}";
        Api.as(VENDOR, "asset")
                .contentType("application/vnd.cyclonedx+json")
                .queryParam("subject", "adversary/" + tag)
                .queryParam("environment", "STAGING")
                .queryParam("installedOn", "CLUSTER")
                .body(bom.getBytes(StandardCharsets.UTF_8))
                .post("/imports/sbom")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);

        String csv =
                Api.as(Tokens.AUDITOR, "asset")
                        .accept("text/csv, application/problem+json")
                        .get("/exports/software.csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        List<String> fields = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            for (String field : csvFields(line)) {
                if (field.contains("HYPERLINK")) {
                    fields.add(field);
                }
            }
        }
        assertThat(fields)
                .as("the component's name in software.csv")
                .isNotEmpty()
                .allSatisfy(
                        f ->
                                assertThat(f)
                                        .as("a CSV field Excel reads as text")
                                        .isEqualTo("'" + formula));

        byte[] xlsx =
                Api.as(Tokens.AUDITOR, "asset")
                        .accept(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json")
                        .get("/exports/standard-sheet.xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        List<Cell> cells = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                sheet.forEach(
                        row ->
                                row.forEach(
                                        c -> {
                                            if (c.getCellType() == CellType.FORMULA
                                                            && c.getCellFormula()
                                                                    .contains("HYPERLINK")
                                                    || c.getCellType() == CellType.STRING
                                                            && c.getStringCellValue()
                                                                    .contains("HYPERLINK")) {
                                                cells.add(c);
                                            }
                                        }));
            }
            assertThat(cells)
                    .as("the component's name in the standard sheet")
                    .isNotEmpty()
                    .allSatisfy(
                            c -> {
                                assertThat(c.getCellType())
                                        .as("a text cell, never a formula")
                                        .isEqualTo(CellType.STRING);
                                assertThat(c.getStringCellValue()).isEqualTo(formula);
                                assertThat(c.getCellStyle().getQuotePrefixed())
                                        .as("quote-prefixed (Excel's 'this is text')")
                                        .isTrue();
                            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // the check

    /**
     * Sends the attempt, checks its status (and rule id, when given, in the problem document) and
     * that none of the counts changed.
     */
    private static ExtractableResponse<Response> refusedWithoutWriting(
            String attempt, List<Count> counts, Supplier<Response> call, int status, String rule) {
        Map<String, Long> before = snapshot(counts);
        ExtractableResponse<Response> answer = call.get().then().extract();
        Map<String, Long> after = snapshot(counts);
        System.out.printf(
                "[adversary] %-55s → %d %s; counts %s%n",
                attempt, answer.statusCode(), rule == null ? "" : rule, after);
        assertThat(answer.statusCode()).as(attempt + ": " + answer.asString()).isEqualTo(status);
        assertThat(answer.contentType())
                .as(attempt + ": a problem document")
                .contains("application/problem+json");
        if (rule != null) {
            assertThat(answer.asString()).as(attempt + " names " + rule).contains(rule);
        }
        assertThat(after).as(attempt + ": nothing written").isEqualTo(before);
        return answer;
    }

    private static Map<String, Long> snapshot(List<Count> counts) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Count c : counts) {
            values.put(c.name(), c.value().get());
        }
        return values;
    }

    /** X-Total-Count of a paged list (the list's length where a list is not paged). */
    static Count total(String name, String user, String svc, String pathAndQuery) {
        return new Count(
                name,
                () -> {
                    var r = Api.as(user, svc).get(pathAndQuery).then().statusCode(200).extract();
                    String header = r.header("X-Total-Count");
                    if (header != null) {
                        return Long.parseLong(header);
                    }
                    List<Object> list = r.jsonPath().getList("$");
                    return (long) list.size();
                });
    }

    /** The size of a service's audit trail, as the auditor reads it. */
    static Count audit(String svc) {
        return new Count(
                svc + " audit trail",
                () ->
                        Long.parseLong(
                                Api.as(Tokens.AUDITOR, svc)
                                        .queryParam("size", 1)
                                        .get("/audit")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .header("X-Total-Count")));
    }

    private Count ledgerMedia() {
        return total(
                "media of the node (with removed)",
                Tokens.JPO_ADMIN,
                "asset",
                "/hardware/" + node + "/media?include=removed");
    }

    private Count installedMedia() {
        return total(
                "installed media of the node",
                Tokens.JPO_ADMIN,
                "asset",
                "/hardware/" + node + "/media");
    }

    private List<Count> swapCounts() {
        return List.of(
                total(
                        "replacements of the ticket",
                        Tokens.JPO_ADMIN,
                        "maintenance",
                        "/tickets/" + ticket + "/replacements"),
                total(
                        "custody items of the ticket",
                        Tokens.JPO_ADMIN,
                        "maintenance",
                        "/custody-items?ticketId=" + ticket),
                ledgerMedia(),
                installedMedia(),
                audit("maintenance"),
                audit("asset"));
    }

    private List<Count> mediaCounts() {
        return List.of(ledgerMedia(), installedMedia(), audit("asset"));
    }

    private static List<Count> evidenceCounts(long item) {
        return List.of(
                total(
                        "evidence of custody item " + item,
                        Tokens.JPO_ADMIN,
                        "maintenance",
                        "/custody-items/" + item + "/evidence"),
                audit("maintenance"));
    }

    private static List<Count> decisionCounts(long evidence) {
        return List.of(etag("evidence " + evidence, "/evidence/" + evidence), audit("maintenance"));
    }

    private static List<Count> ticketCounts(long id) {
        return List.of(etag("ticket " + id, "/tickets/" + id), audit("maintenance"));
    }

    /**
     * The version of a maintenance-service object (its ETag, as a number of characters' hash: equal
     * or not).
     */
    private static Count etag(String what, String path) {
        return new Count(
                "ETag of " + what,
                () ->
                        (long)
                                Api.as(Tokens.AUDITOR, "maintenance")
                                        .get(path)
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .header("ETag")
                                        .hashCode());
    }

    // ------------------------------------------------------------------------------------------
    // set-up helpers

    private long medium(String kind, String serial, String make, String model) {
        return ((Number)
                        Api.as(VENDOR, "asset")
                                .body(
                                        Map.of(
                                                "kind",
                                                kind,
                                                "serial",
                                                serial,
                                                "make",
                                                make,
                                                "model",
                                                model,
                                                "condition",
                                                "NEW"))
                                .post("/hardware/" + node + "/media")
                                .then()
                                .log()
                                .ifValidationFails()
                                .statusCode(201)
                                .extract()
                                .path("id"))
                .longValue();
    }

    private Map<String, Object> ticketBody(String severity, String description) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("hardwareId", String.valueOf(node));
        t.put("severity", severity);
        t.put("faultClass", "MEDIA_FAILURE");
        t.put("description", description);
        t.put("occurredAt", Suite.get().clockStartAt());
        return t;
    }

    private long fileTicket(String user, String severity, String description) {
        Map<String, Object> body = ticketBody(severity, description);
        if (!VENDOR.equals(user)) {
            // JPO files for the maintaining organisation
            body.put("organisation", "vendor-a");
        }
        return ((Number)
                        Api.as(user, "maintenance")
                                .body(body)
                                .post("/tickets")
                                .then()
                                .log()
                                .ifValidationFails()
                                .statusCode(201)
                                .extract()
                                .path("id"))
                .longValue();
    }

    private static String move(String user, long ticket, String etag, String to) {
        return Api.as(user, "maintenance")
                .header("If-Match", etag)
                .body(Map.of("to", to))
                .post("/tickets/" + ticket + "/transitions")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private Map<String, Object> swap(
            Map<String, Object> removed, String installedKind, String installedSerial) {
        Map<String, Object> swap = new LinkedHashMap<>();
        swap.put("removed", removed);
        swap.put(
                "installed",
                Map.of(
                        "kind",
                        installedKind,
                        "make",
                        "Kioxia",
                        "model",
                        "KCD8XPUG1T92",
                        "serial",
                        installedSerial,
                        "condition",
                        "NEW"));
        swap.put("replacedOn", today.toString());
        swap.put("holder", "vendor-a field engineer (vendor-a1)");
        swap.put("location", "JPO data centre, staging rack");
        return swap;
    }

    /**
     * The custody item of a serial of the node: made once by the vendor's sanitization order for
     * the node (the honest way media leave the ledger with custody), then looked up.
     */
    private long custodyItem(String serial) {
        Long id = findCustody(serial);
        if (id == null) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("hardwareIds", List.of(String.valueOf(node)));
            order.put(
                    "reason",
                    "the adversary's node is taken out of service for destruction of its media");
            Api.as(VENDOR, "maintenance")
                    .body(order)
                    .post("/sanitization-orders")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            id = findCustody(serial);
        }
        assertThat(id).as("custody item of " + serial).isNotNull();
        String status =
                Api.as(VENDOR, "maintenance")
                        .get("/custody-items/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("item.status");
        if ("REMOVED_ON_SITE".equals(status)) {
            // the chain of custody: the vendor's engineer takes the medium to the destruction site
            Api.as(VENDOR, "maintenance")
                    .body(
                            Map.of(
                                    "holder",
                                    "vendor-a destruction team",
                                    "location",
                                    "vendor-a secure destruction facility"))
                    .post("/custody-items/" + id + "/handovers")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
        return id;
    }

    private static Long findCustody(String serial) {
        List<Map<String, Object>> items =
                Api.all(VENDOR, "maintenance", "/custody-items", Map.of());
        return items.stream()
                .filter(i -> serial.equals(i.get("serial")))
                .map(i -> ((Number) i.get("id")).longValue())
                .findFirst()
                .orElse(null);
    }

    /**
     * A contractor vendor-a proposes and jpo-admin1 approves now (R-MT-4: the approval is the
     * moment recorded).
     */
    private long approvedContractor() {
        var proposed =
                Api.as(VENDOR, "maintenance")
                        .body(
                                Map.of(
                                        "name",
                                        "adversary shredding " + tag,
                                        "scope",
                                        "physical destruction of storage media"))
                        .post("/contractors")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(201)
                        .extract();
        long id = ((Number) proposed.path("id")).longValue();
        Api.as(Tokens.JPO_ADMIN, "maintenance")
                .header("If-Match", proposed.header("ETag"))
                .body(Map.of("note", "certificates of the contractor checked"))
                .post("/contractors/" + id + "/approval")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        return id;
    }

    private static Map<String, Object> evidence(
            String serial,
            String method,
            String technique,
            String issuer,
            LocalDate performedOn,
            Long contractorId) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("serial", serial);
        ev.put("method", method);
        ev.put("technique", technique);
        ev.put(
                "tool",
                "OVERWRITE".equals(technique)
                        ? "nwipe 0.36, one pass of zeros"
                        : "industrial shredder, 2 mm");
        ev.put(
                "verification",
                "OVERWRITE".equals(technique) ? "read-back of sampled blocks" : "shreds inspected");
        ev.put("performedOn", performedOn.toString());
        ev.put("place", "vendor-a secure destruction facility");
        ev.put("performedBy", "vendor-a destruction team");
        ev.put("destination", "industrial waste (recycling of shredded material)");
        ev.put("issuer", issuer);
        if (contractorId != null) {
            ev.put("contractorId", contractorId);
        }
        return ev;
    }

    private static long submit(String user, long item, Map<String, Object> ev) {
        return ((Number)
                        Api.as(user, "maintenance")
                                .body(ev)
                                .post("/custody-items/" + item + "/evidence")
                                .then()
                                .log()
                                .ifValidationFails()
                                .statusCode(201)
                                .extract()
                                .path("id"))
                .longValue();
    }

    private static void upload(String user, long evidence, String name) {
        byte[] pdf = StoryTickets.certificatePdf(name, LocalDate.of(2027, 8, 2));
        Api.as(user, "maintenance")
                .contentType("multipart/form-data")
                .multiPart("file", name, pdf, "application/pdf")
                .post("/evidence/" + evidence + "/files")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
    }

    private static String evidenceTag(long evidence) {
        return Api.as(Tokens.JPO_ADMIN, "maintenance")
                .get("/evidence/" + evidence)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** The fields of one CSV line (RFC 4180 quoting). */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
