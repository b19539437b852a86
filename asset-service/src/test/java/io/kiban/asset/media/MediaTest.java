package io.kiban.asset.media;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.adminIfMatch;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.etag;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class MediaTest {

    static Map<String, Object> medium(String serial, String condition) {
        return Map.of(
                "kind",
                "NVME",
                "serial",
                serial,
                "make",
                "Samsung",
                "model",
                "PM9A3",
                "condition",
                condition,
                "installedOn",
                "2027-01-10");
    }

    static Map<String, Object> replacement(
            String removedSerial, String newSerial, String condition) {
        return Map.of(
                "removedSerial",
                removedSerial,
                "installed",
                Map.of(
                        "kind",
                        "NVME",
                        "make",
                        "Samsung",
                        "model",
                        "PM9A3",
                        "serial",
                        newSerial,
                        "condition",
                        condition),
                "replacedOn",
                "2027-01-14",
                "reference",
                "TICKET-42");
    }

    @Test
    void media_are_listed_per_environment_and_removal_needs_if_match_and_keeps_history() {
        long hw = newHardware("environment", "PRODUCTION");
        String a = unique("DISK");
        String b = unique("DISK");
        long idA =
                as(Tokens.vendor("vendor-a"))
                        .body(medium(a, "NEW"))
                        .post("/hardware/" + hw + "/media")
                        .then()
                        .statusCode(201)
                        .body("installed", equalTo(true))
                        .body("environment", equalTo("PRODUCTION"))
                        .extract()
                        .jsonPath()
                        .getLong("id");
        admin().body(medium(b, "NEW")).post("/hardware/" + hw + "/media").then().statusCode(201);
        admin().body(medium(a, "NEW")).post("/hardware/" + hw + "/media").then().statusCode(409);

        // direct removal is service-only since issue 13 (hole 2): jpo-admin gets 403 as the vendor
        // does
        adminIfMatch("/media/" + idA)
                .body(Map.of("removedOn", "2027-01-12", "reference", "swap"))
                .post("/media/" + idA + "/removal")
                .then()
                .statusCode(403);
        var service = Tokens.service("maintenance");
        as(service)
                .body(Map.of("removedOn", "2027-01-12", "reference", "swap"))
                .post("/media/" + idA + "/removal")
                .then()
                .statusCode(428);
        as(service)
                .header("If-Match", "\"99\"")
                .body(Map.of("removedOn", "2027-01-12", "reference", "swap"))
                .post("/media/" + idA + "/removal")
                .then()
                .statusCode(412);
        as(service)
                .header("If-Match", etag("/media/" + idA))
                .body(Map.of("removedOn", "2027-01-12", "reference", "swap"))
                .post("/media/" + idA + "/removal")
                .then()
                .statusCode(200)
                .body("removedOn", equalTo("2027-01-12"))
                .body("installed", equalTo(false));
        as(service)
                .header("If-Match", etag("/media/" + idA))
                .body(Map.of("removedOn", "2027-01-13", "reference", "again"))
                .post("/media/" + idA + "/removal")
                .then()
                .statusCode(409);

        List<String> current =
                as(Tokens.service("maintenance"))
                        .queryParam("hardwareId", hw)
                        .get("/media")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("serial", String.class);
        assertThat(current).containsExactly(b);
        Response all =
                as(Tokens.service("lifecycle"))
                        .queryParam("environment", "PRODUCTION")
                        .queryParam("include", "removed")
                        .get("/media");
        all.then().statusCode(200);
        assertThat(all.jsonPath().getList("serial", String.class)).contains(a, b);
        assertThat(all.jsonPath().getList("environment", String.class)).containsOnly("PRODUCTION");
        assertThat(Long.parseLong(all.header("X-Total-Count")))
                .isEqualTo(all.jsonPath().getList("id").size());

        as(Tokens.auditor())
                .queryParam("include", "everything")
                .get("/media")
                .then()
                .statusCode(400);
        as(Tokens.vendor("vendor-b"))
                .body(medium(unique("DISK"), "NEW"))
                .post("/hardware/" + hw + "/media")
                .then()
                .statusCode(403);
        as(Tokens.auditor())
                .get("/media/" + idA + "/history")
                .then()
                .statusCode(200)
                .body("[1].changes.field", hasItem("removedOn"));
    }

    @Test
    void R_AS_2_second_hand_medium_is_refused() {
        long hw = newHardware();
        admin().body(medium(unique("DISK"), "USED"))
                .post("/hardware/" + hw + "/media")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-AS-2"));
    }

    @Test
    void replacement_by_maintenance_removes_the_old_and_installs_the_new_in_one_step() {
        long hw = newHardware();
        String old = unique("DISK");
        admin().body(medium(old, "NEW")).post("/hardware/" + hw + "/media").then().statusCode(201);
        String fresh = unique("DISK");
        String key = UUID.randomUUID().toString();
        Response r =
                as(Tokens.service("maintenance"))
                        .header("Idempotency-Key", key)
                        .body(replacement(old, fresh, "NEW"))
                        .post("/hardware/" + hw + "/media/replacements");
        r.then()
                .statusCode(201)
                .body("removed.serial", equalTo(old))
                .body("removed.removedOn", equalTo("2027-01-14"))
                .body("removed.removalReference", equalTo("TICKET-42"))
                .body("installed.serial", equalTo(fresh))
                .body("installed.installedOn", equalTo("2027-01-14"));
        // a retry with the same key replays, it does not swap twice
        as(Tokens.service("maintenance"))
                .header("Idempotency-Key", key)
                .body(replacement(old, fresh, "NEW"))
                .post("/hardware/" + hw + "/media/replacements")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");
        List<String> ever =
                as(Tokens.service("maintenance"))
                        .queryParam("hardwareId", hw)
                        .queryParam("include", "removed")
                        .get("/media")
                        .jsonPath()
                        .getList("serial", String.class);
        assertThat(ever).containsExactlyInAnyOrder(old, fresh);

        // the old one is gone now; an unknown serial is 422; a vendor may not call the service
        // endpoint
        as(Tokens.service("maintenance"))
                .body(replacement(old, unique("DISK"), "NEW"))
                .post("/hardware/" + hw + "/media/replacements")
                .then()
                .statusCode(409);
        as(Tokens.service("maintenance"))
                .body(replacement("NOPE", unique("DISK"), "NEW"))
                .post("/hardware/" + hw + "/media/replacements")
                .then()
                .statusCode(422);
        as(Tokens.vendor("vendor-a"))
                .body(replacement(fresh, unique("DISK"), "NEW"))
                .post("/hardware/" + hw + "/media/replacements")
                .then()
                .statusCode(403);
        as(Tokens.service("maintenance"))
                .body(replacement(fresh, unique("DISK"), "NEW"))
                .post("/hardware/987654321/media/replacements")
                .then()
                .statusCode(404);
    }

    @Test
    void R_AS_2_replacement_part_must_be_new_and_nothing_is_written() {
        long hw = newHardware();
        String old = unique("DISK");
        admin().body(medium(old, "NEW")).post("/hardware/" + hw + "/media").then().statusCode(201);
        as(Tokens.service("maintenance"))
                .body(replacement(old, unique("DISK"), "REFURBISHED"))
                .post("/hardware/" + hw + "/media/replacements")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-AS-2"));
        as(Tokens.auditor())
                .queryParam("hardwareId", hw)
                .get("/media")
                .then()
                .statusCode(200)
                .body("serial", equalTo(List.of(old)));
        as(Tokens.service("maintenance"))
                .body(Map.of("removedSerial", old))
                .post("/hardware/" + hw + "/media/replacements")
                .then()
                .statusCode(400);
    }
}
