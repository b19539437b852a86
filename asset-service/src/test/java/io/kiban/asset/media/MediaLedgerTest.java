package io.kiban.asset.media;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.etag;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 holes 1 and 2, asset side: the ledger says what bears data, and a medium leaves only a
 * recorded way.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class MediaLedgerTest {

    static Map<String, Object> medium(String kind, String serial) {
        return Map.of(
                "kind",
                kind,
                "serial",
                serial,
                "make",
                "Samsung",
                "model",
                "PM9A3",
                "condition",
                "NEW",
                "installedOn",
                "2027-01-10");
    }

    static long install(long hw, String kind, String serial) {
        return admin().body(medium(kind, serial))
                .post("/hardware/" + hw + "/media")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static long auditCount(long mediumId) {
        return Long.parseLong(
                as(Tokens.auditor())
                        .queryParam("entityType", "medium")
                        .queryParam("entityId", String.valueOf(mediumId))
                        .get("/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Total-Count"));
    }

    @Test
    void R_MT_3_media_rows_carry_serial_kind_dataBearing_origin_and_the_list_is_paged() {
        long hw = newHardware("environment", "PRODUCTION");
        String a = unique("SSD");
        String b = unique("HDD");
        String c = unique("DIMM");
        install(hw, "SSD", a);
        install(hw, "HDD", b);
        install(hw, "NVDIMM", c);

        Response first =
                as(Tokens.service("maintenance"))
                        .queryParam("hardwareId", hw)
                        .queryParam("include", "removed")
                        .queryParam("page", 0)
                        .queryParam("size", 2)
                        .get("/media");
        first.then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .header("Link", containsString("rel=\"next\""));
        JsonPath rows = first.jsonPath();
        assertThat(rows.getList("serial", String.class)).containsExactly(a, b);
        assertThat(rows.getList("kind", String.class)).containsExactly("SSD", "HDD");
        assertThat(rows.getList("dataBearing", Boolean.class)).containsExactly(true, true);
        assertThat(rows.getList("origin", String.class)).containsExactly("LEDGER", "LEDGER");
        assertThat(rows.getList("removedWithoutCustodyReference", Boolean.class))
                .containsExactly(false, false);
        as(Tokens.service("maintenance"))
                .queryParam("hardwareId", hw)
                .queryParam("include", "removed")
                .queryParam("page", 1)
                .queryParam("size", 2)
                .get("/media")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .body("serial", equalTo(List.of(c)));

        // no page asked: the first page of 50, never "everything" (issue 15 item 10)
        as(Tokens.auditor())
                .queryParam("hardwareId", hw)
                .get("/media")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .header("Link", containsString("size=50"));
        as(Tokens.auditor()).queryParam("size", 201).get("/media").then().statusCode(400);
        as(Tokens.auditor())
                .queryParam("size", 20)
                .get("/hardware/" + hw + "/media")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3");
    }

    @Test
    void R_MT_3_only_jpo_admin_declares_a_medium_not_data_bearing_with_a_reason_and_if_match() {
        long hw = newHardware();
        String serial = unique("SSD");
        long id = install(hw, "SSD", serial);
        String path = "/media/" + id + "/not-data-bearing";
        Map<String, Object> body =
                Map.of(
                        "reason",
                        "BMC flash holds firmware only (vendor datasheet p.12, checked by JPO)");
        long auditBefore = auditCount(id);

        // the vendor (even the contracted one), staff, the support vendor and the service may not
        // decide it
        for (String token :
                List.of(
                        Tokens.vendor("vendor-a"),
                        Tokens.jpoStaff(),
                        Tokens.supportVendor(),
                        Tokens.service("maintenance"))) {
            as(token)
                    .header("If-Match", etag("/media/" + id))
                    .body(body)
                    .post(path)
                    .then()
                    .statusCode(403);
        }
        admin().body(body).post(path).then().statusCode(428);
        admin().header("If-Match", "\"99\"").body(body).post(path).then().statusCode(412);
        admin().header("If-Match", etag("/media/" + id))
                .body(Map.of("reason", " "))
                .post(path)
                .then()
                .statusCode(400);
        admin().header("If-Match", etag("/media/" + id))
                .body(Map.of())
                .post(path)
                .then()
                .statusCode(400);
        as(Tokens.auditor())
                .get("/media/" + id)
                .then()
                .statusCode(200)
                .body("dataBearing", equalTo(true))
                .body("version", equalTo(0));
        assertThat(auditCount(id)).isEqualTo(auditBefore);

        admin().header("If-Match", etag("/media/" + id))
                .body(body)
                .post(path)
                .then()
                .statusCode(200)
                .body("dataBearing", equalTo(false))
                .body("notDataBearingReason", equalTo(body.get("reason")))
                .body("version", equalTo(1));
        admin().header("If-Match", etag("/media/" + id))
                .body(body)
                .post(path)
                .then()
                .statusCode(409);

        // audited, and in the Envers change history
        assertThat(auditCount(id)).isEqualTo(auditBefore + 1);
        List<String> actions =
                as(Tokens.auditor())
                        .queryParam("entityType", "medium")
                        .queryParam("entityId", String.valueOf(id))
                        .get("/audit")
                        .jsonPath()
                        .getList("action", String.class);
        assertThat(actions).contains("declare-not-data-bearing");
        as(Tokens.auditor())
                .get("/media/" + id + "/history")
                .then()
                .statusCode(200)
                .body("[1].changes.field", hasItem("dataBearing"))
                .body("[1].changes.field", hasItem("notDataBearingReason"));
        as(Tokens.auditor())
                .queryParam("hardwareId", hw)
                .get("/media")
                .then()
                .body("dataBearing", equalTo(List.of(false)));
    }

    @Test
    void R_MT_3_unregistered_part_is_recorded_by_jpo_admin_only_and_the_gap_stays_visible() {
        long hw = newHardware("environment", "PRODUCTION");
        String registered = unique("SSD");
        install(hw, "SSD", registered);
        String found = unique("NVME");
        Map<String, Object> part =
                Map.of(
                        "serial",
                        found,
                        "kind",
                        "NVME",
                        "make",
                        "Kioxia",
                        "model",
                        "CD6",
                        "reason",
                        "found in the node by ticket 42's swap; never registered at delivery");
        String path = "/hardware/" + hw + "/media/unregistered-parts";

        as(Tokens.vendor("vendor-a")).body(part).post(path).then().statusCode(403);
        as(Tokens.service("maintenance")).body(part).post(path).then().statusCode(403);
        as(Tokens.auditor())
                .queryParam("hardwareId", hw)
                .get("/media")
                .then()
                .header("X-Total-Count", "1");
        Map<String, Object> noReason =
                Map.of("serial", found, "kind", "NVME", "make", "Kioxia", "model", "CD6");
        admin().body(noReason).post(path).then().statusCode(400);

        long id =
                admin().body(part)
                        .post(path)
                        .then()
                        .statusCode(201)
                        .header("Location", containsString("/media/"))
                        .body("origin", equalTo("UNREGISTERED_PART"))
                        .body("originReason", equalTo(part.get("reason")))
                        .body("dataBearing", equalTo(true))
                        .body("condition", nullValue())
                        .body("installedOn", nullValue())
                        .body("serial", equalTo(found))
                        .body("kind", equalTo("NVME"))
                        .body("environment", equalTo("PRODUCTION"))
                        .extract()
                        .jsonPath()
                        .getLong("id");
        // a serial already in the ledger (here or anywhere) → 409
        admin().body(Map.of("serial", registered, "kind", "SSD", "reason", "again"))
                .post(path)
                .then()
                .statusCode(409);
        admin().body(Map.of("serial", found, "kind", "NVME", "reason", "twice"))
                .post(path)
                .then()
                .statusCode(409);

        JsonPath list =
                as(Tokens.service("lifecycle"))
                        .queryParam("hardwareId", hw)
                        .queryParam("include", "removed")
                        .get("/media")
                        .then()
                        .statusCode(200)
                        .header("X-Total-Count", "2")
                        .extract()
                        .jsonPath();
        assertThat(list.getList("origin", String.class))
                .containsExactly("LEDGER", "UNREGISTERED_PART");
        // in the change history (CREATED with its origin), the audit trail and the standard sheet
        as(Tokens.auditor())
                .get("/media/" + id + "/history")
                .then()
                .statusCode(200)
                .body("[0].type", equalTo("CREATED"))
                .body("[0].changes.find { it.field == 'origin' }.to", equalTo("UNREGISTERED_PART"));
        assertThat(
                        as(Tokens.auditor())
                                .queryParam("entityType", "medium")
                                .queryParam("entityId", String.valueOf(id))
                                .get("/audit")
                                .jsonPath()
                                .getList("action", String.class))
                .containsExactly("record-unregistered-part");
        String csv =
                new String(
                        as(Tokens.jpoStaff())
                                .get("/exports/hardware.csv")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray(),
                        StandardCharsets.UTF_8);
        assertThat(csv).contains("NVME:" + found + "(台帳未登録部品)");
        String mediaCsv =
                new String(
                        as(Tokens.jpoStaff())
                                .get("/exports/media.csv")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray(),
                        StandardCharsets.UTF_8);
        assertThat(mediaCsv).contains("," + found + ",Kioxia,CD6,,,,,保持,UNREGISTERED_PART");
    }

    @Test
    void SEC_direct_removal_is_service_only_vendor_and_admin_get_403_and_nothing_is_written() {
        long hw = newHardware();
        String serial = unique("SSD");
        long id = install(hw, "SSD", serial);
        String path = "/media/" + id + "/removal";
        Map<String, Object> removal =
                Map.of("removedOn", "2027-01-12", "reference", "maintenance-service:order/7");
        long auditBefore = auditCount(id);

        for (String token :
                List.of(
                        Tokens.vendor("vendor-a"),
                        Tokens.jpoAdmin(),
                        Tokens.vendor("vendor-b"),
                        Tokens.supportVendor())) {
            as(token)
                    .header("If-Match", etag("/media/" + id))
                    .body(removal)
                    .post(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        as(Tokens.auditor())
                .get("/media/" + id)
                .then()
                .statusCode(200)
                .body("installed", equalTo(true))
                .body("removedOn", nullValue())
                .body("version", equalTo(0));
        assertThat(auditCount(id)).isEqualTo(auditBefore);
        assertThat(as(Tokens.auditor()).get("/media/" + id + "/history").jsonPath().getList("$"))
                .hasSize(1);

        // the service removes through a sanitization order, whose reference is required
        as(Tokens.service("maintenance"))
                .header("If-Match", etag("/media/" + id))
                .body(Map.of("removedOn", "2027-01-12"))
                .post(path)
                .then()
                .statusCode(400);
        as(Tokens.service("maintenance")).body(removal).post(path).then().statusCode(428);
        as(Tokens.service("maintenance"))
                .header("If-Match", etag("/media/" + id))
                .body(removal)
                .post(path)
                .then()
                .statusCode(200)
                .body("installed", equalTo(false))
                .body("removalVia", equalTo("SANITIZATION_ORDER"))
                .body("removalReference", equalTo("maintenance-service:order/7"))
                .body("removedWithoutCustodyReference", equalTo(false));
    }

    @Inject EntityManager em;

    @Test
    void R_RM_3_a_medium_removed_without_custody_reference_is_flagged() {
        long hw = newHardware();
        String serial = unique("HDD");
        long id = install(hw, "HDD", serial);
        // a removal recorded before issue 13 (by a vendor, through the old direct endpoint, no
        // reference): the row
        // as it stands after migration V9
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            Medium m = em.find(Medium.class, id);
                            m.removedOn = java.time.LocalDate.of(2027, 1, 12);
                            m.removalReference = null;
                            m.removalVia = null;
                        });
        as(Tokens.service("lifecycle"))
                .queryParam("hardwareId", hw)
                .queryParam("include", "removed")
                .get("/media")
                .then()
                .statusCode(200)
                .body("serial", equalTo(List.of(serial)))
                .body("installed", equalTo(List.of(false)))
                .body("removedWithoutCustodyReference", equalTo(List.of(true)));
        // a medium that already left cannot be declared not data-bearing after the fact
        admin().header("If-Match", etag("/media/" + id))
                .body(Map.of("reason", "late"))
                .post("/media/" + id + "/not-data-bearing")
                .then()
                .statusCode(409);
    }

    @Test
    void SEC_replacement_is_service_only_and_needs_its_reference() {
        long hw = newHardware();
        String old = unique("SSD");
        install(hw, "SSD", old);
        String path = "/hardware/" + hw + "/media/replacements";
        Map<String, Object> swap =
                Map.of(
                        "removedSerial",
                        old,
                        "installed",
                        Map.of(
                                "kind",
                                "SSD",
                                "make",
                                "Samsung",
                                "model",
                                "PM9A3",
                                "serial",
                                unique("SSD"),
                                "condition",
                                "NEW"),
                        "replacedOn",
                        "2027-01-14",
                        "reference",
                        "maintenance-service:ticket/1/replacement/1");
        as(Tokens.jpoAdmin()).body(swap).post(path).then().statusCode(403);
        as(Tokens.vendor("vendor-a")).body(swap).post(path).then().statusCode(403);
        Map<String, Object> noReference = new java.util.HashMap<>(swap);
        noReference.remove("reference");
        as(Tokens.service("maintenance")).body(noReference).post(path).then().statusCode(400);
        as(Tokens.auditor())
                .queryParam("hardwareId", hw)
                .get("/media")
                .then()
                .body("serial", equalTo(List.of(old)));

        as(Tokens.service("maintenance"))
                .body(swap)
                .post(path)
                .then()
                .statusCode(201)
                .body("removed.removalVia", equalTo("REPLACEMENT"))
                .body("removed.removedWithoutCustodyReference", equalTo(false));
    }

    @Test
    void SEC_unregistered_part_honours_idempotency_key() {
        long hw = newHardware();
        String path = "/hardware/" + hw + "/media/unregistered-parts";
        String key = UUID.randomUUID().toString();
        Map<String, Object> part =
                Map.of("serial", unique("SSD"), "kind", "SSD", "reason", "found during swap");
        long id =
                admin().header("Idempotency-Key", key)
                        .body(part)
                        .post(path)
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        admin().header("Idempotency-Key", key)
                .body(part)
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo((int) id));
        admin().header("Idempotency-Key", key)
                .body(Map.of("serial", unique("SSD"), "kind", "SSD", "reason", "other"))
                .post(path)
                .then()
                .statusCode(422);
        as(Tokens.auditor())
                .queryParam("hardwareId", hw)
                .get("/media")
                .then()
                .header("X-Total-Count", "1");
    }
}
