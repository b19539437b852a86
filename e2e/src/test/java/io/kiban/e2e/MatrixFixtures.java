package io.kiban.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kiban.e2e.MatrixHttp.Body;
import io.kiban.e2e.MatrixHttp.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The objects the matrix's id-bearing paths point at, created through the APIs before the cells
 * run: the data-bearing ones owned by organisation vendor-a (made by vendor-a1), so that
 * vendor-b1's cells test the other-organisation rule, and one of each ledger record (made by
 * jpo-admin). Each is named by the key the CSV's bind column uses ({@code id=$ticket}). A fixture
 * that cannot be made is listed in {@link #problems} and its key left unbound (the cells that need
 * it then fail, visibly).
 */
final class MatrixFixtures {

    static final String NONE = "999999";

    final Map<String, String> ids = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    private final MatrixHttp http;
    private final Map<String, MatrixOpenApi> apis;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    MatrixFixtures(MatrixHttp http, Map<String, MatrixOpenApi> apis) {
        this.http = http;
        this.apis = apis;
    }

    String get(String key) {
        return ids.get(key);
    }

    void createAll() {
        asset();
        maintenance();
        backup();
        lifecycle();
    }

    private void asset() {
        MatrixOpenApi api = apis.get("asset");
        ObjectNode hw = api.sampleOf("HardwareInput");
        hw.put("name", "matrix worker node")
                .put("hardwareClass", "SERVER")
                .put("serialNumber", "MATRIX-HW-" + tag)
                .put("environment", "STAGING")
                .put("condition", "NEW");
        String hwId = create("hardware", "asset", "/hardware", Tokens.VENDOR_A, hw);
        if (hwId != null) {
            ObjectNode medium = api.sampleOf("MediumInput");
            String serial = "MATRIX-SSD-" + tag;
            medium.put("kind", "SSD").put("serial", serial).put("condition", "NEW");
            if (create("medium", "asset", "/hardware/" + hwId + "/media", Tokens.VENDOR_A, medium)
                    != null) {
                ids.put("mediumSerial", serial);
            }
        }
        // one of each ledger sheet, by jpo-admin, from the schema's required fields
        for (String sheet :
                List.of(
                        "lines",
                        "external-services",
                        "facilities",
                        "handled-information",
                        "public-domains",
                        "schedule",
                        "security-requirements",
                        "work-records",
                        "software",
                        "kpis")) {
            JsonNode body = MatrixBodies.valid(api, "POST", "/" + sheet);
            if (body instanceof ObjectNode o) {
                uniquify(o);
            }
            create(sheet, "asset", "/" + sheet, Tokens.JPO_ADMIN, body);
        }
        firstId("baseline", "asset", "/baseline", Tokens.JPO_ADMIN, null);
    }

    private void maintenance() {
        MatrixOpenApi api = apis.get("maintenance");
        if (get("hardware") == null) {
            problems.add("maintenance fixtures need the hardware fixture");
            return;
        }
        ObjectNode ticket = api.sampleOf("TicketInput");
        ticket.put("hardwareId", get("hardware"))
                .put("severity", "S3")
                .put("faultClass", "MEDIA_FAILURE")
                .put("description", "authorization matrix fixture")
                .put("occurredAt", Suite.get().clockStartAt());
        String ticketId = create("ticket", "maintenance", "/tickets", Tokens.VENDOR_A, ticket);
        if (ticketId != null) {
            ObjectNode log = api.sampleOf("LogMediumInput");
            log.put("kind", "USB_FLASH")
                    .put("serial", "MATRIX-USB-" + tag)
                    .put("contents", "failure logs")
                    .put("holder", "vendor-a field engineer");
            String custody =
                    create(
                            "custody",
                            "maintenance",
                            "/tickets/" + ticketId + "/log-media",
                            Tokens.VENDOR_A,
                            log);
            if (custody != null) {
                ObjectNode ev = api.sampleOf("EvidenceInput");
                ev.put("serial", "MATRIX-USB-" + tag)
                        .put("method", "DESTROY")
                        .put("technique", "SHRED")
                        .put("verification", "visual inspection of the shreds")
                        .put("performedOn", StoryLedger.today().toString())
                        .put("place", "JPO data centre")
                        .put("performedBy", "vendor-a field engineer")
                        .put("destination", "vendor-a recycling")
                        .put("issuer", "VENDOR");
                String evidence =
                        create(
                                "evidence",
                                "maintenance",
                                "/custody-items/" + custody + "/evidence",
                                Tokens.VENDOR_A,
                                ev);
                if (evidence != null) {
                    Response r =
                            http.send(
                                    "POST",
                                    url("maintenance", "/evidence/" + evidence + "/files"),
                                    Tokens.VENDOR_A,
                                    Body.multipart(
                                            "file",
                                            "certificate.pdf",
                                            "application/pdf",
                                            MatrixHttp.PDF));
                    record("file", "POST /evidence/{id}/files", r);
                }
            }
        }
        ObjectNode order = JsonNodeObjects.object();
        order.putArray("hardwareIds").add(get("hardware"));
        order.put("reason", "authorization matrix fixture");
        create("order", "maintenance", "/sanitization-orders", Tokens.VENDOR_A, order);
        ObjectNode contractor = api.sampleOf("ContractorInput");
        contractor.put("name", "matrix shredding " + tag).put("scope", "physical destruction");
        contractor.remove("approvedOn");
        create("contractor", "maintenance", "/contractors", Tokens.JPO_ADMIN, contractor);
    }

    private void backup() {
        MatrixOpenApi api = apis.get("backup");
        ObjectNode target = api.sampleOf("TargetInput");
        target.put("array", "K8S_ARRAY")
                .put("arrayHardwareId", get("hardware") == null ? "1" : get("hardware"))
                .put("environment", "STAGING")
                .put("kind", "NAMESPACE")
                .put("name", "matrix-" + tag);
        String targetId = create("target", "backup", "/targets", Tokens.SUPPORT, target);
        ObjectNode policy = api.sampleOf("PolicyInput");
        policy.put("name", "matrix-" + tag)
                .put("cron", "0 0 3 * * ?")
                .put("paused", true)
                .put("driver", "velero");
        if (targetId != null) {
            policy.putArray("targetIds").add(Long.parseLong(targetId));
        }
        create("policy", "backup", "/policies", Tokens.SUPPORT, policy);
    }

    private void lifecycle() {
        MatrixOpenApi api = apis.get("lifecycle");
        ObjectNode handler = api.sampleOf("HandlerInput");
        handler.put("name", "Matrix Engineer " + tag)
                .put("role", "field engineer")
                .put("affiliation", "vendor-a")
                .put("expertise", "storage")
                .put("nationality", "JP")
                .put("accountId", "matrix-no-such-account-" + tag)
                .put("address", "東京都千代田区霞が関3-4-3")
                .put("dateOfBirth", "1985-04-01")
                .put("department", "infra")
                .put("position", "engineer")
                .put("trackRecord", "matrix fixture");
        create("handler", "lifecycle", "/handlers", Tokens.VENDOR_A, handler);
        firstId(
                "deliverable",
                "lifecycle",
                "/deliverables",
                Tokens.JPO_ADMIN,
                "SECURITY_COMPLIANCE");
    }

    private String create(String key, String svc, String path, String who, JsonNode body) {
        Response r = http.send("POST", url(svc, path), who, body == null ? null : Body.json(body));
        return record(key, "POST " + path, r);
    }

    private String record(String key, String what, Response r) {
        if (r.status() / 100 != 2) {
            problems.add(
                    key + ": " + what + " answered " + r.status() + " " + abbreviate(r.body()));
            return null;
        }
        String id = r.json().path("id").asText(null);
        if (id == null) {
            problems.add(key + ": " + what + " answered without an id: " + abbreviate(r.body()));
            return null;
        }
        ids.put(key, id);
        return id;
    }

    /** The id of the first element of a list (preferring one whose kind is {@code kind}). */
    private void firstId(String key, String svc, String path, String who, String kind) {
        Response r = http.send("GET", url(svc, path + "?size=100"), who, null);
        if (r.status() != 200 || !r.json().isArray() || r.json().isEmpty()) {
            problems.add(
                    key + ": GET " + path + " answered " + r.status() + " " + abbreviate(r.body()));
            return;
        }
        JsonNode pick = r.json().get(0);
        for (JsonNode n : r.json()) {
            if (kind != null && kind.equals(n.path("kind").asText())) {
                pick = n;
                break;
            }
        }
        ids.put(key, pick.path("id").asText());
    }

    private void uniquify(ObjectNode o) {
        o.fieldNames()
                .forEachRemaining(
                        f -> {
                            if (o.get(f).isTextual() && o.get(f).asText().equals("x")) {
                                o.put(f, "matrix-" + tag);
                            }
                        });
    }

    private static String url(String svc, String path) {
        return Suite.get().url(svc) + path;
    }

    static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    /** Small helper so the fixtures read as data. */
    static final class JsonNodeObjects {
        static ObjectNode object() {
            return MatrixHttp.JSON.createObjectNode();
        }
    }
}
