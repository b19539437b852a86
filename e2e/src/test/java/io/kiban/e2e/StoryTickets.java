package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4 of the story: a vendor fault ticket on a staging worker node, an SSD swapped for a new one
 * (R-AS-2; the swap lands in asset-service's media history), the close gate (R-MT-6) until DESTROY
 * evidence with a PDF is accepted by JPO, and another vendor organisation seeing none of it
 * (R-MT-7).
 */
final class StoryTickets {

    private StoryTickets() {}

    static void step4TicketAndDestruction() {
        Long node = StoryState.workerNodeId;
        assertThat(node).as("the worker node of step 1").isNotNull();
        String vendor = Tokens.VENDOR_A;
        String other = Tokens.VENDOR_B;
        LocalDate today = StoryLedger.today();

        // the SSD that fails: the node's installed SSD, as asset-service knows it
        List<Map<String, Object>> before =
                Api.as(vendor, "asset")
                        .get("/hardware/" + node + "/media")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("$");
        Map<String, Object> oldSsd =
                before.stream()
                        .filter(m -> "SSD".equals(m.get("kind")))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no SSD in worker node " + node + ": " + before));
        String oldSerial = (String) oldSsd.get("serial");
        long oldId = ((Number) oldSsd.get("id")).longValue();
        String newSerial = oldSerial + "-R1";

        // the vendor files an S2 ticket (Idempotency-Key: a retry gets the same ticket, not a
        // second one)
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("hardwareId", String.valueOf(node));
        ticket.put("severity", "S2");
        ticket.put("faultClass", "MEDIA_FAILURE");
        ticket.put(
                "description",
                "worker node boot SSD "
                        + oldSerial
                        + " reports media errors (SMART: reallocated sectors)");
        ticket.put("occurredAt", Suite.get().clockStartAt());
        String ticketKey = StoryLedger.key("ticket");
        var filed =
                Api.as(vendor, "maintenance")
                        .header("Idempotency-Key", ticketKey)
                        .body(ticket)
                        .post("/tickets")
                        .then()
                        .statusCode(201)
                        .body("status", equalTo("REPORTED"))
                        .body("organisation", equalTo("vendor-a"))
                        .body("severity", equalTo("S2"))
                        .body("hardwareId", equalTo(String.valueOf(node)))
                        .extract();
        long id = ((Number) filed.path("id")).longValue();
        StoryState.ticketId = id;
        Api.as(vendor, "maintenance")
                .header("Idempotency-Key", ticketKey)
                .body(ticket)
                .post("/tickets")
                .then()
                .statusCode(201)
                .body("id", equalTo((int) id));
        List<Map<String, Object>> onNode =
                Api.as(Tokens.JPO_ADMIN, "maintenance")
                        .queryParam("hardwareId", String.valueOf(node))
                        .get("/tickets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("$");
        assertThat(onNode).as("one ticket despite the retry").hasSize(1);

        String t = "/tickets/" + id;
        String etag = filed.header("ETag");
        etag = move(vendor, t, etag, "ACKNOWLEDGED");
        move(vendor, t, etag, "IN_PROGRESS");

        // the swap: the removed SSD bears data (its custody starts), the installed one is NEW
        // (R-AS-2)
        Map<String, Object> swap = new LinkedHashMap<>();
        swap.put(
                "removed",
                Map.of(
                        "kind",
                        "SSD",
                        "make",
                        oldSsd.get("make"),
                        "model",
                        oldSsd.get("model"),
                        "serial",
                        oldSerial));
        swap.put(
                "installed",
                Map.of(
                        "kind",
                        "SSD",
                        "make",
                        "Kioxia",
                        "model",
                        "KCD8XPUG1T92",
                        "serial",
                        newSerial,
                        "condition",
                        "NEW"));
        swap.put("replacedOn", today.toString());
        swap.put("holder", "vendor-a field engineer (vendor-a1)");
        swap.put("location", "JPO data centre, staging rack");
        var replaced =
                Api.as(vendor, "maintenance")
                        .header("Idempotency-Key", StoryLedger.key("swap"))
                        .body(swap)
                        .post(t + "/replacements")
                        .then()
                        .statusCode(201)
                        .body("ticketId", equalTo((int) id))
                        .body("removed.serial", equalTo(oldSerial))
                        .body("installed.serial", equalTo(newSerial))
                        .body("dataBearing", equalTo(true))
                        .extract();
        assertThat(replaced.<String>path("id")).isNotBlank();
        var afterSwap =
                Api.as(vendor, "maintenance")
                        .get(t)
                        .then()
                        .statusCode(200)
                        .body("ticket.status", equalTo("PARTS_REPLACED"))
                        .extract();

        // asset-service: the node's media history shows the swap
        List<Map<String, Object>> history =
                Api.as(Tokens.JPO_ADMIN, "asset")
                        .queryParam("include", "removed")
                        .get("/hardware/" + node + "/media")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("$");
        Map<String, Object> removed = bySerial(history, oldSerial);
        Map<String, Object> installed = bySerial(history, newSerial);
        assertThat(removed.get("installed")).as("old SSD no longer installed").isEqualTo(false);
        assertThat(removed.get("removedOn")).isEqualTo(today.toString());
        assertThat(((Number) removed.get("id")).longValue()).isEqualTo(oldId);
        assertThat(installed.get("installed")).isEqualTo(true);
        assertThat(installed.get("condition")).isEqualTo("NEW");
        assertThat(installed.get("kind")).isEqualTo("SSD");
        long newId = ((Number) installed.get("id")).longValue();
        assertThat(((Number) removed.get("replacedById")).longValue())
                .as("old SSD replaced by the new one")
                .isEqualTo(newId);
        assertThat((String) removed.get("removalReference")).contains("ticket/" + id);
        List<Map<String, Object>> current =
                Api.as(Tokens.JPO_ADMIN, "asset")
                        .get("/hardware/" + node + "/media")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("$");
        assertThat(current)
                .extracting(m -> m.get("serial"))
                .contains(newSerial)
                .doesNotContain(oldSerial);
        StoryState.swappedOutMediumId = oldId;
        StoryState.swappedInMediumId = newId;

        // work done; JPO cannot close while the removed SSD has no accepted destruction evidence
        // (R-MT-6)
        move(vendor, t, afterSwap.header("ETag"), "RESOLVED");
        refusedToClose(t, oldSerial);

        // custody: the SSD leaves the site with the vendor's destruction team
        List<Map<String, Object>> items =
                Api.as(vendor, "maintenance")
                        .queryParam("ticketId", id)
                        .get("/custody-items")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("$");
        assertThat(items).as("custody items of ticket " + id).hasSize(1);
        long itemId = ((Number) items.get(0).get("id")).longValue();
        assertThat(items.get(0).get("serial")).isEqualTo(oldSerial);
        assertThat(items.get(0).get("source")).isEqualTo("PART");
        String item = "/custody-items/" + itemId;
        Api.as(vendor, "maintenance")
                .body(
                        Map.of(
                                "holder",
                                "vendor-a destruction team",
                                "location",
                                "vendor-a secure destruction facility",
                                "note",
                                "sealed bag 27-0802-01"))
                .post(item + "/handovers")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_CUSTODY"));

        // DESTROY evidence (NIST SP 800-88 App. G) with the certificate as a PDF
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("serial", oldSerial);
        ev.put("method", "DESTROY");
        ev.put("technique", "SHRED");
        ev.put("tool", "industrial shredder, 2 mm particle size");
        ev.put("verification", "shredded particles inspected; no intact chip larger than 2 mm");
        ev.put("performedOn", today.toString());
        ev.put("place", "vendor-a secure destruction facility");
        ev.put("performedBy", "vendor-a destruction team");
        ev.put("destination", "industrial waste (recycling of shredded material)");
        ev.put("issuer", "VENDOR");
        var evidence =
                Api.as(vendor, "maintenance")
                        .body(ev)
                        .post(item + "/evidence")
                        .then()
                        .statusCode(201)
                        .body("status", equalTo("SUBMITTED"))
                        .body("method", equalTo("DESTROY"))
                        .body("serial", equalTo(oldSerial))
                        .extract();
        long evidenceId = ((Number) evidence.path("id")).longValue();
        String e = "/evidence/" + evidenceId;
        // acceptance needs a file first (a decision carries If-Match: the ETag of the evidence as
        // read)
        String submittedTag = evidence.header("ETag");
        int noFile =
                Api.as(Tokens.JPO_ADMIN, "maintenance")
                        .header("If-Match", submittedTag)
                        .body(Map.of())
                        .post(e + "/acceptance")
                        .then()
                        .extract()
                        .statusCode();
        assertThat(noFile).as("acceptance without a file").isBetween(400, 499);

        byte[] pdf = certificatePdf(oldSerial, today);
        var file =
                Api.as(vendor, "maintenance")
                        .contentType("multipart/form-data")
                        .multiPart(
                                "file",
                                "certificate-of-sanitization-" + oldSerial + ".pdf",
                                pdf,
                                "application/pdf")
                        .post(e + "/files")
                        .then()
                        .statusCode(201)
                        .body("contentType", equalTo("application/pdf"))
                        .body("sizeBytes", equalTo(pdf.length))
                        .extract();
        long fileId = ((Number) file.path("id")).longValue();
        assertThat(file.<String>path("sha256")).isEqualTo(sha256(pdf));

        // submitted is not accepted: still refused
        refusedToClose(t, oldSerial);
        // only JPO accepts
        Api.as(vendor, "maintenance").body(Map.of()).post(e + "/acceptance").then().statusCode(403);
        // a decision without If-Match is 428; on the record as read before the file was added, 412
        Api.as(Tokens.JPO_ADMIN, "maintenance")
                .body(Map.of())
                .post(e + "/acceptance")
                .then()
                .statusCode(428);
        Api.as(Tokens.JPO_ADMIN, "maintenance")
                .header("If-Match", submittedTag)
                .body(Map.of())
                .post(e + "/acceptance")
                .then()
                .statusCode(412);
        String readTag =
                Api.as(Tokens.JPO_ADMIN, "maintenance")
                        .get(e)
                        .then()
                        .statusCode(200)
                        .body("files.size()", equalTo(1))
                        .extract()
                        .header("ETag");
        assertThat(readTag)
                .as("the upload answers the evidence's new ETag")
                .isEqualTo(file.header("ETag"));
        Api.as(Tokens.JPO_ADMIN, "maintenance")
                .header("If-Match", readTag)
                .body(Map.of("reason", "certificate of sanitization checked against the serial"))
                .post(e + "/acceptance")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        Api.as(vendor, "maintenance")
                .get(item)
                .then()
                .statusCode(200)
                .body("item.status", equalTo("EVIDENCE_ACCEPTED"));
        byte[] downloaded =
                Api.as(Tokens.AUDITOR, "maintenance")
                        .accept("*/*")
                        .get(e + "/files/" + fileId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(downloaded).as("the certificate as uploaded").isEqualTo(pdf);
        Api.as(Tokens.JPO_ADMIN, "maintenance")
                .get("/media/" + oldSerial + "/evidence-status")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(true));

        // now it closes
        String closeTag =
                Api.as(Tokens.JPO_ADMIN, "maintenance")
                        .get(t)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        Api.as(Tokens.JPO_ADMIN, "maintenance")
                .header("If-Match", closeTag)
                .body(Map.of("to", "CLOSED", "note", "SSD destroyed, certificate accepted"))
                .post(t + "/transitions")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));

        // another vendor organisation sees none of it (R-MT-7): 404, as if it did not exist
        for (String path :
                List.of(
                        t,
                        t + "/replacements",
                        t + "/log-media",
                        item,
                        item + "/evidence",
                        e,
                        e + "/files/" + fileId)) {
            Api.as(other, "maintenance").accept("*/*").get(path).then().statusCode(404);
        }
        Api.as(other, "maintenance")
                .body(Map.of("holder", "x", "location", "y"))
                .post(item + "/handovers")
                .then()
                .statusCode(404);
        Api.as(other, "maintenance")
                .get("/tickets")
                .then()
                .statusCode(200)
                .body("id", not(hasItem((int) id)));
        List<Map<String, Object>> otherItems =
                Api.as(other, "maintenance")
                        .queryParam("ticketId", id)
                        .get("/custody-items")
                        .then()
                        .extract()
                        .path("$");
        assertThat(otherItems == null ? List.of() : otherItems)
                .as("vendor-b's custody items of the ticket")
                .isEmpty();
    }

    private static String move(String user, String ticket, String etag, String to) {
        return Api.as(user, "maintenance")
                .header("If-Match", etag)
                .body(Map.of("to", to))
                .post(ticket + "/transitions")
                .then()
                .statusCode(200)
                .body("status", equalTo(to))
                .extract()
                .header("ETag");
    }

    /**
     * R-MT-6: JPO's CLOSED is refused, naming the rule and the medium without accepted evidence.
     */
    private static void refusedToClose(String ticket, String serial) {
        String etag =
                Api.as(Tokens.JPO_ADMIN, "maintenance")
                        .get(ticket)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        var refused =
                Api.as(Tokens.JPO_ADMIN, "maintenance")
                        .header("If-Match", etag)
                        .body(Map.of("to", "CLOSED"))
                        .post(ticket + "/transitions")
                        .then()
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("rule", equalTo("R-MT-6"))
                        .extract();
        assertThat(refused.<List<String>>path("conflicts.id"))
                .as(refused.asString())
                .containsExactly(serial);
        Api.as(Tokens.JPO_ADMIN, "maintenance")
                .get(ticket)
                .then()
                .body("ticket.status", equalTo("RESOLVED"));
    }

    private static Map<String, Object> bySerial(List<Map<String, Object>> media, String serial) {
        return media.stream()
                .filter(m -> serial.equals(m.get("serial")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("medium " + serial + " not in " + media));
    }

    /** A one-page PDF 1.4 certificate, with a correct cross-reference table. */
    static byte[] certificatePdf(String serial, LocalDate on) {
        String text = "Certificate of Sanitization - SSD " + serial + " - DESTROY (SHRED) on " + on;
        String content = "BT /F1 11 Tf 50 780 Td (" + text + ") Tj ET";
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder sb =
                new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int off : offsets) {
            sb.append(String.format("%010d 00000 n \n", off));
        }
        sb.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        write(out, sb.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
