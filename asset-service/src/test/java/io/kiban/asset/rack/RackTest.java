package io.kiban.asset.rack;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.adminIfMatch;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Sheet 5 (施設): racks of a facility and the rack positions of hardware items. */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class RackTest {

    static long facility(String name) {
        return admin().body(Map.of("name", name, "form", "庁舎内", "rackCount", 2))
                .post("/facilities")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static long rack(long facility, String name, int units) {
        return as(Tokens.vendor("vendor-a"))
                .body(Map.of("name", name, "heightUnits", units))
                .post("/facilities/" + facility + "/racks")
                .then()
                .statusCode(201)
                .header("Location", containsString("/facilities/" + facility + "/racks/"))
                .header("ETag", "\"0\"")
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void racks_belong_to_a_facility_with_unique_names_etags_and_history() {
        long f = facility(unique("本館サーバ室"));
        long other = facility(unique("別館"));
        long r = rack(f, "R01", 42);
        String racks = "/facilities/" + f + "/racks";
        admin().body(Map.of("name", "R01", "heightUnits", 42)).post(racks).then().statusCode(409);
        admin().body(Map.of("name", "R02", "heightUnits", 0))
                .post(racks)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("heightUnits"));
        admin().body(Map.of("name", "R02", "heightUnits", 42))
                .post("/facilities/999999999/racks")
                .then()
                .statusCode(404);
        as(Tokens.vendor("vendor-b"))
                .body(Map.of("name", "R09", "heightUnits", 42))
                .post(racks)
                .then()
                .statusCode(403);
        as(Tokens.jpoStaff())
                .body(Map.of("name", "R09", "heightUnits", 42))
                .post(racks)
                .then()
                .statusCode(403);
        as(Tokens.auditor())
                .get(racks)
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("R01")));
        as(Tokens.vendor("vendor-b"))
                .get(racks + "/" + r)
                .then()
                .statusCode(200)
                .body("heightUnits", equalTo(42));
        as(Tokens.auditor()).get("/facilities/" + other + "/racks/" + r).then().statusCode(404);

        Map<String, Object> taller = Map.of("name", "R01", "heightUnits", 48, "note", "48U");
        admin().body(taller).put(racks + "/" + r).then().statusCode(428);
        admin().header("If-Match", "\"7\"")
                .body(taller)
                .put(racks + "/" + r)
                .then()
                .statusCode(412);
        adminIfMatch(racks + "/" + r)
                .body(taller)
                .put(racks + "/" + r)
                .then()
                .statusCode(200)
                .body("heightUnits", equalTo(48))
                .header("ETag", "\"1\"");
        as(Tokens.auditor())
                .get(racks + "/" + r + "/history")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body(
                        "[1].changes",
                        hasItem(Map.of("field", "heightUnits", "from", "42", "to", "48")));

        admin().delete(racks + "/" + r).then().statusCode(428);
        adminIfMatch(racks + "/" + r).delete(racks + "/" + r).then().statusCode(204);
        admin().get(racks + "/" + r).then().statusCode(404);
    }

    @Test
    void a_rack_position_holds_one_item_and_a_collision_is_409() {
        long f = facility(unique("サーバ室"));
        long r = rack(f, "R01", 42);
        String positions = "/facilities/" + f + "/racks/" + r + "/positions";
        long a = newHardware();
        long b = newHardware();
        long c = newHardware();
        long pa =
                as(Tokens.vendor("vendor-a"))
                        .body(Map.of("hardwareId", a, "bottomUnit", 10, "heightUnits", 2))
                        .post(positions)
                        .then()
                        .statusCode(201)
                        .body("units", equalTo("U10-U11"))
                        .body("topUnit", equalTo(11))
                        .body("rackName", equalTo("R01"))
                        .extract()
                        .jsonPath()
                        .getLong("id");
        // overlapping the upper unit of a → 409 naming a
        admin().body(Map.of("hardwareId", b, "bottomUnit", 11))
                .post(positions)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("conflicts.id", hasItem(String.valueOf(a)));
        // overlapping from below
        admin().body(Map.of("hardwareId", b, "bottomUnit", 9, "heightUnits", 2))
                .post(positions)
                .then()
                .statusCode(409);
        admin().body(Map.of("hardwareId", b, "bottomUnit", 12))
                .post(positions)
                .then()
                .statusCode(201)
                .body("units", equalTo("U12"));
        // one place per item
        admin().body(Map.of("hardwareId", a, "bottomUnit", 20))
                .post(positions)
                .then()
                .statusCode(409)
                .body("detail", containsString("already mounted"));
        long r2 = rack(f, "R02", 42);
        admin().body(Map.of("hardwareId", a, "bottomUnit", 1))
                .post("/facilities/" + f + "/racks/" + r2 + "/positions")
                .then()
                .statusCode(409);
        // does not fit, unknown item, readers and other vendors cannot mount
        admin().body(Map.of("hardwareId", c, "bottomUnit", 42, "heightUnits", 2))
                .post(positions)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("heightUnits"));
        admin().body(Map.of("hardwareId", 999999999, "bottomUnit", 30))
                .post(positions)
                .then()
                .statusCode(404);
        as(Tokens.vendor("vendor-b"))
                .body(Map.of("hardwareId", c, "bottomUnit", 30))
                .post(positions)
                .then()
                .statusCode(403);
        as(Tokens.auditor())
                .body(Map.of("hardwareId", c, "bottomUnit", 30))
                .post(positions)
                .then()
                .statusCode(403);
        as(Tokens.auditor())
                .get(positions)
                .then()
                .statusCode(200)
                .body("units", equalTo(List.of("U10-U11", "U12")));

        // a rack is not lowered below what it holds, not deleted while it holds anything; nor is
        // the item
        String rackPath = "/facilities/" + f + "/racks/" + r;
        adminIfMatch(rackPath)
                .body(Map.of("name", "R01", "heightUnits", 11))
                .put(rackPath)
                .then()
                .statusCode(409);
        adminIfMatch(rackPath).delete(rackPath).then().statusCode(409);
        adminIfMatch("/hardware/" + a)
                .delete("/hardware/" + a)
                .then()
                .statusCode(409)
                .body("conflicts.kind", hasItem("rack-position"));
        adminIfMatch("/facilities/" + f)
                .delete("/facilities/" + f)
                .then()
                .statusCode(409)
                .body("conflicts.kind", hasItem("rack"));

        // unmount with If-Match: the units become free
        admin().delete(positions + "/" + pa).then().statusCode(428);
        admin().header("If-Match", "\"3\"").delete(positions + "/" + pa).then().statusCode(412);
        admin().header("If-Match", "\"0\"").delete(positions + "/" + pa).then().statusCode(204);
        admin().header("If-Match", "\"0\"").delete(positions + "/" + pa).then().statusCode(404);
        admin().body(Map.of("hardwareId", c, "bottomUnit", 10, "heightUnits", 2))
                .post(positions)
                .then()
                .statusCode(201);
    }

    @Test
    void the_facilities_sheet_csv_and_records_show_racks_and_positions() throws Exception {
        String name = unique("データセンタ");
        long f = facility(name);
        long r = rack(f, "R07", 42);
        String serial = unique("SN");
        long hw = newHardware("serialNumber", serial);
        admin().body(Map.of("hardwareId", hw, "bottomUnit", 20, "heightUnits", 2))
                .post("/facilities/" + f + "/racks/" + r + "/positions")
                .then()
                .statusCode(201);

        Response x = as(Tokens.auditor()).get("/exports/standard-sheet.xlsx");
        x.then().statusCode(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.asByteArray()))) {
            Sheet sheet = wb.getSheet("施設");
            DataFormatter fmt = new DataFormatter();
            assertThat(fmt.formatCellValue(sheet.getRow(0).getCell(6))).isEqualTo("ラック・搭載位置");
            String racks = null;
            for (Row row : sheet) {
                if (name.equals(fmt.formatCellValue(row.getCell(0)))) {
                    racks = fmt.formatCellValue(row.getCell(6));
                }
            }
            assertThat(racks).isEqualTo("R07(42U): U20-U21 " + serial);
            boolean audited = false;
            for (Row row : wb.getSheet("変更管理")) {
                audited |= "搭載位置".equals(fmt.formatCellValue(row.getCell(2)));
            }
            assertThat(audited).isTrue();
        }
        String csv =
                as(Tokens.jpoStaff())
                        .get("/exports/facilities.csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(csv).contains(f + "," + name + ",庁舎内,,,2,,R07(42U): U20-U21 " + serial + "\r\n");
        JsonPath records =
                as(Tokens.service("lifecycle"))
                        .get("/exports/records.json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(records.getMap("racks.find { it.id == " + r + " }"))
                .containsEntry("facilityId", (int) f)
                .containsEntry("name", "R07");
        assertThat(records.getMap("rackPositions.find { it.hardwareId == " + hw + " }"))
                .containsEntry("serialNumber", serial)
                .containsEntry("units", "U20-U21");
    }
}
