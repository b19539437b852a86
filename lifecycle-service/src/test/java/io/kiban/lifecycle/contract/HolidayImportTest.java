package io.kiban.lifecycle.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.support.Db;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #18, the calendar as data: the Cabinet Office list (内閣府 syukujitsu.csv, Shift_JIS, as
 * published) imported through POST /calendar/holidays/import (jpo-admin), kept with its source and
 * as-of date; years after the list's last year stay computed in every answer that depends on them.
 * The real file is ../shared/data/holidays/syukujitsu.csv (see its README: 1067 rows, 1955-01-01 …
 * 2027-11-23; 2026 has 18 rows, 2027 has 17); without it these tests fail.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class HolidayImportTest {

    static final Path FILE =
            Path.of(
                    System.getProperty("kiban.shared.data", "../../shared/data"),
                    "holidays/syukujitsu.csv");

    /** sha256sum of the shared file, the Cabinet Office list of February 2026. */
    static final String SHA256 = "cec37a743c96995cdb9cb52b685c9003634682a9b0e1a640a6b9b96881fe964a";

    @BeforeEach
    @AfterEach
    void reset() {
        Fixtures.reset();
    }

    static byte[] official() throws Exception {
        assertThat(FILE)
                .as("the Cabinet Office list in ../shared/data/holidays (see its README)")
                .exists();
        return Files.readAllBytes(FILE);
    }

    static Response upload(String token, byte[] body) {
        return given().auth()
                .oauth2(token)
                .contentType("text/csv")
                .queryParam("fileName", "syukujitsu.csv")
                .queryParam("asOf", "2026-02-02")
                .body(body)
                .post("/calendar/holidays/import");
    }

    static JsonPath holidays(int year) {
        return given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/calendar/holidays?size=200&year=" + year)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static String nameOn(int year, String date) {
        return holidays(year).getString("find { it.date == '" + date + "' }.name");
    }

    @Test
    void ISSUE_18_the_cabinet_office_list_is_imported_with_its_source_and_as_of_date()
            throws Exception {
        byte[] file = official();
        // V3: holiday_jp's name for the substitute holiday
        assertThat(nameOn(2026, "2026-05-06")).isEqualTo("こどもの日 振替休日");
        long audits = Db.audit("import", "calendar");

        JsonPath imported =
                upload(Tokens.jpoAdmin(), file).then().statusCode(201).extract().jsonPath();
        assertThat(imported.getString("sha256")).isEqualTo(SHA256);
        assertThat(imported.getString("fileName")).isEqualTo("syukujitsu.csv");
        assertThat(imported.getString("asOf")).isEqualTo("2026-02-02");
        assertThat(imported.getString("firstDate")).isEqualTo("1955-01-01");
        assertThat(imported.getString("lastDate")).isEqualTo("2027-11-23");
        assertThat(imported.getInt("officialThrough")).isEqualTo(2027);
        assertThat(imported.getInt("rowsInFile")).isEqualTo(1067);
        assertThat(imported.getInt("rowsStored")).isEqualTo(35); // 2026: 18, 2027: 17
        assertThat(imported.getString("importedBy")).isEqualTo("jpo-admin1");
        assertThat(Db.audit("import", "calendar") - audits).isEqualTo(1);

        // the official name, with its source; 18 holidays + 5 year-end closure days in 2026
        JsonPath y2026 = holidays(2026);
        assertThat(y2026.getString("find { it.date == '2026-05-06' }.name")).isEqualTo("休日");
        assertThat(y2026.getString("find { it.date == '2026-05-06' }.source"))
                .contains(SHA256)
                .contains("as of 2026-02-02")
                .contains("syukujitsu.csv");
        assertThat(y2026.getString("find { it.date == '2026-09-22' }.name")).isEqualTo("休日");
        assertThat(y2026.getList("findAll { it.kind == 'NATIONAL' }")).hasSize(18);
        assertThat(y2026.getList("findAll { it.kind == 'YEAR_END_CLOSURE' }.date"))
                .containsExactly(
                        "2026-01-02", "2026-01-03", "2026-12-29", "2026-12-30", "2026-12-31");
        assertThat(y2026.getList("computed")).containsOnly(false);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/calendar/holidays?year=2026")
                .then()
                .header("X-Total-Count", "23");
        assertThat(holidays(2027).getList("findAll { it.kind == 'NATIONAL' }")).hasSize(17);

        // the import is listed after V3's initial state
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/calendar/imports")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "2")
                .body("[0].fileName", equalTo("V3__business_calendar.sql"))
                .body("[1].sha256", equalTo(SHA256));

        // the same file again changes nothing
        upload(Tokens.jpoAdmin(), file)
                .then()
                .statusCode(200)
                .body("id", equalTo(imported.getInt("id")));
        assertThat(Db.count("SELECT COUNT(*) FROM calendar_import")).isEqualTo(2);
        assertThat(Db.count("SELECT COUNT(*) FROM calendar_holiday WHERE import_id IS NOT NULL"))
                .isEqualTo(35);
        assertThat(Db.audit("import", "calendar") - audits).isEqualTo(1);
    }

    @Test
    void ISSUE_18_years_after_the_official_list_are_answered_as_computed() throws Exception {
        upload(Tokens.jpoAdmin(), official()).then().statusCode(201);
        // 2028–2031: V3's computed holidays stay, marked computed; the year-end closure is law, not
        // computed
        JsonPath y2028 = holidays(2028);
        assertThat(y2028.getString("find { it.date == '2028-01-10' }.name")).isEqualTo("成人の日");
        assertThat(y2028.getList("findAll { it.kind == 'NATIONAL' }.computed"))
                .hasSize(16)
                .containsOnly(true);
        assertThat(y2028.getList("findAll { it.kind == 'YEAR_END_CLOSURE' }.computed"))
                .containsOnly(false);

        // 2027-03-21 is a Sunday, 03-22 the official substitute holiday, 03-20 a Saturday → Friday
        // 03-19
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .get("/calendar/2027-03-21")
                .then()
                .statusCode(200)
                .body("businessDay", equalTo(false))
                .body("practicalDueDate", equalTo("2027-03-19"))
                .body("computed", equalTo(false))
                .body("officialThrough", equalTo(2027));
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .get("/calendar/2028-03-20")
                .then()
                .statusCode(200)
                .body("computed", equalTo(true));

        JsonPath deadlines =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/contract/deadlines")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(deadlines.getBoolean("find { it.id == 'delivery' }.computed"))
                .isFalse(); // 2027-03-31
        assertThat(deadlines.getBoolean("find { it.id == 'removal' }.computed"))
                .isTrue(); // 2031-03-31
        JsonPath reports =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/deliverables?kind=SECURITY_COMPLIANCE&size=50")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(reports.getBoolean("find { it.dueDate == '2027-12-30' }.computed")).isFalse();
        assertThat(reports.getBoolean("find { it.dueDate == '2028-06-30' }.computed")).isTrue();
    }

    private static void refused(byte[] body, String... detail) {
        long imports = Db.count("SELECT COUNT(*) FROM calendar_import");
        long rows = Db.count("SELECT COUNT(*) FROM calendar_holiday WHERE name = 'こどもの日 振替休日'");
        var then =
                upload(Tokens.jpoAdmin(), body)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json");
        for (String d : detail) {
            then.body("detail", containsString(d));
        }
        assertThat(Db.count("SELECT COUNT(*) FROM calendar_import")).isEqualTo(imports);
        assertThat(Db.count("SELECT COUNT(*) FROM calendar_holiday WHERE name = 'こどもの日 振替休日'"))
                .isEqualTo(rows);
        assertThat(nameOn(2026, "2026-05-06")).isEqualTo("こどもの日 振替休日");
    }

    static String text(byte[] file) {
        return new String(file, Charset.forName("windows-31j"));
    }

    static byte[] sjis(String text) {
        return text.getBytes(Charset.forName("windows-31j"));
    }

    @Test
    void ISSUE_18_hostile_files_are_refused_naming_the_line_and_nothing_is_written()
            throws Exception {
        byte[] file = official();
        String csv = text(file);
        // UTF-8 instead of Shift_JIS (the same list re-encoded), with and without a byte order mark
        refused(csv.getBytes(StandardCharsets.UTF_8), "line 1", "UTF-8");
        byte[] bom = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        refused(bom, "line 1", "UTF-8");
        // truncated inside a line, and cut at a line end in the middle of 2027
        refused(Arrays.copyOf(file, 10000), "truncated");
        refused(
                sjis(
                        csv.substring(
                                0,
                                csv.indexOf("2027/5/5,こどもの日\r\n") + "2027/5/5,こどもの日\r\n".length())),
                "line 1061",
                "2027-05-05",
                "cut short");
        // a date that does not exist (line 1055 is 2027/2/23,天皇誕生日)
        refused(
                sjis(csv.replace("2027/2/23,", "2027/2/30,")),
                "line 1055",
                "2027/2/30 is not a date");
        refused(sjis(csv.replace("2027/2/23,", "2027-02-23,")), "line 1055", "yyyy/M/d");
        // a date listed twice
        refused(
                sjis(csv.replace("2027/2/23,天皇誕生日\r\n", "2027/2/23,天皇誕生日\r\n2027/2/23,天皇誕生日\r\n")),
                "line 1056",
                "listed twice (also on line 1055)");
        // another header, an empty file
        refused(sjis(csv.replace("国民の祝日・休日月日,国民の祝日・休日名称", "date,name")), "line 1", "header");
        refused(new byte[0], "line 1", "empty");
    }

    @Test
    void ISSUE_18_a_50_mb_body_is_413_and_only_jpo_admin_imports() throws Exception {
        byte[] huge = new byte[50 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        upload(Tokens.jpoAdmin(), huge)
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        assertThat(Db.count("SELECT COUNT(*) FROM calendar_import")).isEqualTo(1);
        upload(Tokens.vendor("vendor-a"), official()).then().statusCode(403);
        upload(Tokens.jpoStaff(), official()).then().statusCode(403);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType("text/csv")
                .queryParam("fileName", "syukujitsu.csv")
                .queryParam("asOf", "2099-01-01")
                .body(official())
                .post("/calendar/holidays/import")
                .then()
                .statusCode(400)
                .body("detail", containsString("asOf"));
        assertThat(Db.count("SELECT COUNT(*) FROM calendar_import")).isEqualTo(1);
    }
}
