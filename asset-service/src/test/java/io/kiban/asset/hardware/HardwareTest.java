package io.kiban.asset.hardware;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.adminIfMatch;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.createHardware;
import static io.kiban.asset.AssetApi.hardware;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class HardwareTest {

    @Test
    void register_read_update_with_etag_and_audit() throws Exception {
        String serial = unique("SN");
        Response created = createHardware(hardware(serial, "baselineItem", "K8S-WORKER"));
        created.then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", containsString("/hardware/"))
                .body("status", equalTo("ORDERED"))
                .body("condition", equalTo("NEW"))
                .body("baselineItem", equalTo("K8S-WORKER"));
        long id = created.jsonPath().getLong("id");

        as(Tokens.auditor())
                .get("/hardware/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("serialNumber", equalTo(serial));

        Map<String, Object> changed =
                hardware(serial, "rackPosition", "U20", "baselineItem", "K8S-WORKER");
        admin().body(changed).put("/hardware/" + id).then().statusCode(428);
        admin().header("If-Match", "\"7\"")
                .body(changed)
                .put("/hardware/" + id)
                .then()
                .statusCode(412);
        admin().header("If-Match", "\"0\"")
                .body(changed)
                .put("/hardware/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("rackPosition", equalTo("U20"));

        try (Connection c = TestDatabase.connect();
                ResultSet rs =
                        c.createStatement()
                                .executeQuery(
                                        "select count(*) from audit_entry where entity_type = 'hardware' and entity_id = '"
                                                + id
                                                + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void duplicate_serial_is_409() {
        String serial = unique("SN");
        createHardware(hardware(serial)).then().statusCode(201);
        createHardware(hardware(serial))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:conflict"));
    }

    @Test
    void R_AS_2_second_hand_hardware_is_refused() {
        createHardware(hardware(unique("SN"), "condition", "USED"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-AS-2"));
        createHardware(hardware(unique("SN"), "condition", "REFURBISHED"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-AS-2"));
    }

    @Test
    void R_AS_3_substitute_links_to_a_discontinued_item_of_at_least_its_class() {
        long plain = newHardware();
        createHardware(hardware(unique("SN"), "substituteForId", plain))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-AS-3"));

        long discontinued = newHardware("discontinued", true, "baselineItem", "VIRT-HOST");
        createHardware(
                        hardware(
                                unique("SN"),
                                "substituteForId",
                                discontinued,
                                "hardwareClass",
                                "NETWORK"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-AS-3"));
        createHardware(hardware(unique("SN"), "substituteForId", 999_999_999L))
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:kiban:problem:unknown-reference"));

        long substitute =
                createHardware(
                                hardware(
                                        unique("SN"),
                                        "substituteForId",
                                        discontinued,
                                        "baselineItem",
                                        "VIRT-HOST"))
                        .then()
                        .statusCode(201)
                        .body("substituteForId", equalTo((int) discontinued))
                        .extract()
                        .jsonPath()
                        .getLong("id");
        // the link is kept: the replaced item cannot be deleted while a substitute points at it
        String etag = admin().get("/hardware/" + discontinued).header("ETag");
        admin().header("If-Match", etag).delete("/hardware/" + discontinued).then().statusCode(409);
        assertThat(substitute).isPositive();
    }

    @Test
    void unknown_baseline_item_is_422() {
        createHardware(hardware(unique("SN"), "baselineItem", "NO-SUCH-ITEM"))
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:kiban:problem:unknown-reference"));
    }

    @Test
    void status_lifecycle_needs_if_match_and_allows_only_its_transitions_and_the_R_RM_2_fallback() {
        long id = newHardware();
        String path = "/hardware/" + id + "/status";
        admin().body(Map.of("status", "DELIVERED", "deliveredOn", "2027-01-10"))
                .post(path)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "INSTALLED"))
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("ORDERED → INSTALLED"));
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "DELIVERED"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("deliveredOn"));
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "DELIVERED", "deliveredOn", "2099-01-01"))
                .post(path)
                .then()
                .statusCode(400);
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "DELIVERED", "deliveredOn", "2027-01-10"))
                .post(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("deliveredOn", equalTo("2027-01-10"));
        for (String s : List.of("INSTALLED", "ACCEPTED", "IN_SERVICE", "END_OF_USE")) {
            adminIfMatch("/hardware/" + id)
                    .body(Map.of("status", s))
                    .post(path)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(s));
        }
        // R-RM-2 fallback: end of use back into service
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "IN_SERVICE"))
                .post(path)
                .then()
                .statusCode(200);
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "END_OF_USE"))
                .post(path)
                .then()
                .statusCode(200);
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "REMOVED"))
                .post(path)
                .then()
                .statusCode(200)
                .body("allowedTransitions.size()", equalTo(0));
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "IN_SERVICE"))
                .post(path)
                .then()
                .statusCode(422)
                .body("detail", containsString("REMOVED → IN_SERVICE"));
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "BROKEN"))
                .post(path)
                .then()
                .statusCode(400);
        String etag = admin().get("/hardware/" + id).header("ETag");
        admin().header("If-Match", "\"0\"")
                .body(Map.of("status", "IN_SERVICE"))
                .post(path)
                .then()
                .statusCode(412);
        assertThat(etag).isNotEqualTo("\"0\"");
    }

    @Test
    void list_filters_and_pages() {
        String tag = "FILTER-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            newHardware("environment", "PRODUCTION", "hardwareClass", "NETWORK", "name", tag);
        }
        Response r =
                as(Tokens.jpoStaff())
                        .queryParam("environment", "PRODUCTION")
                        .queryParam("class", "NETWORK")
                        .queryParam("status", "ORDERED")
                        .queryParam("size", 2)
                        .get("/hardware");
        r.then().statusCode(200).header("Link", containsString("rel=\"next\""));
        assertThat(Long.parseLong(r.header("X-Total-Count"))).isGreaterThanOrEqualTo(3);
        assertThat(r.jsonPath().getList("environment", String.class)).containsOnly("PRODUCTION");
        as(Tokens.jpoStaff())
                .queryParam("environment", "MOON")
                .get("/hardware")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("environment"));
        as(Tokens.jpoStaff()).queryParam("size", 500).get("/hardware").then().statusCode(400);
    }

    @Test
    void writers_are_jpo_admin_and_the_contracted_vendor_only() {
        as(Tokens.vendor("vendor-a"))
                .body(hardware(unique("SN")))
                .post("/hardware")
                .then()
                .statusCode(201);
        for (String token :
                List.of(
                        Tokens.vendor("vendor-b"),
                        Tokens.supportVendor(),
                        Tokens.jpoStaff(),
                        Tokens.auditor(),
                        Tokens.unapprovedVendor("vendor-a"))) {
            as(token)
                    .body(hardware(unique("SN")))
                    .post("/hardware")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String token :
                List.of(
                        Tokens.vendor("vendor-b"),
                        Tokens.supportVendor(),
                        Tokens.jpoStaff(),
                        Tokens.auditor(),
                        Tokens.service("maintenance"))) {
            as(token).get("/hardware").then().statusCode(200);
        }
        given().get("/hardware").then().statusCode(401);
    }

    @Test
    void create_is_idempotent() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = hardware(unique("SN"));
        Response first = admin().header("Idempotency-Key", key).body(body).post("/hardware");
        first.then().statusCode(201);
        admin().header("Idempotency-Key", key)
                .body(body)
                .post("/hardware")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.jsonPath().getInt("id")));
    }

    @Test
    void bad_input_is_400_naming_the_fields() {
        admin().body(Map.of("name", "x"))
                .post("/hardware")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("serialNumber")));
        admin().body("{\"name\":").post("/hardware").then().statusCode(400);
        admin().body(hardware(unique("SN"), "maintenanceDeadline", "31/03/2031"))
                .post("/hardware")
                .then()
                .statusCode(400);
        admin().get("/hardware/987654321").then().statusCode(404);
    }

    @Test
    void R_AS_6_maintenance_deadline_before_lease_end_is_flagged() {
        long shortOne = newHardware("maintenanceDeadline", "2029-12-31");
        long covered = newHardware("maintenanceDeadline", "2030-12-31");
        long unknown = newHardware("maintenanceDeadline", null);
        Response r = as(Tokens.auditor()).get("/hardware/maintenance-risks");
        r.then().statusCode(200);
        List<Integer> ids = r.jsonPath().getList("id", Integer.class);
        assertThat(ids).contains((int) shortOne, (int) unknown).doesNotContain((int) covered);
        Map<String, Object> risk = r.jsonPath().getMap("find { it.id == " + shortOne + " }");
        assertThat(risk).containsEntry("leaseEnd", "2030-12-31").containsEntry("daysShort", 365);
    }

    @Test
    void history_lists_who_changed_which_field_from_what_to_what() {
        long id = newHardware("rackPosition", "U01");
        String etag = admin().get("/hardware/" + id).header("ETag");
        as(Tokens.vendor("vendor-a"))
                .header("If-Match", etag)
                .body(
                        hardware(
                                admin().get("/hardware/" + id).jsonPath().getString("serialNumber"),
                                "rackPosition",
                                "U02"))
                .put("/hardware/" + id)
                .then()
                .statusCode(200);
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "DELIVERED", "deliveredOn", "2027-01-05"))
                .post("/hardware/" + id + "/status")
                .then()
                .statusCode(200);
        Response h = as(Tokens.auditor()).get("/hardware/" + id + "/history");
        h.then()
                .statusCode(200)
                .body("size()", equalTo(3))
                .body("[0].type", equalTo("CREATED"))
                .body("[0].name", equalTo("jpo-admin1"))
                .body("[1].name", equalTo("vendor-a-engineer"))
                .body(
                        "[1].changes",
                        hasItem(Map.of("field", "rackPosition", "from", "U01", "to", "U02")))
                .body("[1].changes.field", not(hasItem("version")))
                .body("[2].changes.field", hasItem("status"));
        as(Tokens.auditor()).get("/hardware/987654321/history").then().statusCode(404);
    }
}
