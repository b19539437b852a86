package io.kiban.asset.i18n;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.adminIfMatch;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.asset.hardware.HardwareClass;
import io.kiban.asset.hardware.HardwareStatus;
import io.kiban.asset.ledger.ComplianceStatus;
import io.kiban.asset.ledger.WorkKind;
import io.kiban.asset.media.MediumKind;
import io.kiban.asset.media.MediumOrigin;
import io.kiban.asset.media.RemovalVia;
import io.kiban.asset.software.InstalledOn;
import io.kiban.asset.software.SoftwareClass;
import io.kiban.asset.support.Condition;
import io.kiban.asset.support.Environment;
import io.kiban.asset.vulnerability.FindingStatus;
import io.kiban.commons.export.EnumLabels;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the standard sheet (xlsx) writes the Japanese word of every enum value, from
 * asset-service's kiban-enum-labels_ja.properties and commons' bundle; the CSV of the same rows
 * keeps the constants (for machines and for the CSV bulk import).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class JapaneseSheetTest {

    /**
     * Every enum whose values the standard sheet writes (sheets 1, 2, 8, 11), and those the API
     * lists show.
     */
    static final List<Class<? extends Enum<?>>> EXPORTED =
            List.of(
                    Environment.class,
                    HardwareClass.class,
                    HardwareStatus.class,
                    SoftwareClass.class,
                    FindingStatus.class,
                    ComplianceStatus.class,
                    WorkKind.class,
                    InstalledOn.class,
                    MediumKind.class,
                    MediumOrigin.class,
                    RemovalVia.class,
                    Condition.class);

    @Test
    @DisplayName(
            "#17 every value of every enum written to the xlsx has a Japanese label, read back by EnumLabels.parse")
    void issue17_every_exported_enum_value_has_a_label_that_reads_back() {
        for (Class<? extends Enum<?>> type : EXPORTED) {
            Set<String> words = new HashSet<>();
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(EnumLabels.japanese(value))
                        .as("label of %s.%s", type.getSimpleName(), value.name())
                        .isPresent();
                String word = EnumLabels.ja(value);
                assertThat(words.add(word))
                        .as("%s: two values share the word %s", type.getSimpleName(), word)
                        .isTrue();
                assertThat(parse(type, word))
                        .as("EnumLabels.parse(%s, %s)", type.getSimpleName(), word)
                        .isEqualTo(value);
            }
        }
        // the words of the issue and of the procurement specification, written by hand
        assertThat(EnumLabels.ja(Environment.PRODUCTION)).isEqualTo("本番環境");
        assertThat(EnumLabels.ja(Environment.STAGING)).isEqualTo("検証環境");
        assertThat(EnumLabels.ja(HardwareStatus.IN_SERVICE)).isEqualTo("稼働中");
        assertThat(EnumLabels.ja(HardwareStatus.REMOVED)).isEqualTo("撤去済");
        assertThat(EnumLabels.ja(ComplianceStatus.NOT_APPLICABLE)).isEqualTo("該当なし");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<? extends Enum<?>> type, String text) {
        return EnumLabels.parse((Class) type, text).orElse(null);
    }

    @Test
    @DisplayName(
            "#17 the downloaded standard sheet shows 本番環境 / 稼働中 / サーバ; the CSV keeps PRODUCTION / IN_SERVICE")
    void issue17_the_standard_sheet_writes_japanese_words_and_the_csv_the_constants()
            throws Exception {
        String serial = unique("JA");
        long id =
                newHardware(
                        "serialNumber",
                        serial,
                        "environment",
                        "PRODUCTION",
                        "hardwareClass",
                        "SERVER");
        for (String[] step :
                new String[][] {
                    {"DELIVERED", "2026-11-16"},
                    {"INSTALLED", null},
                    {"ACCEPTED", null},
                    {"IN_SERVICE", null}
                }) {
            adminIfMatch("/hardware/" + id)
                    .body(
                            step[1] == null
                                    ? Map.of("status", step[0])
                                    : Map.of("status", step[0], "deliveredOn", step[1]))
                    .post("/hardware/" + id + "/status")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200);
        }
        String host = unique("ai-kiban-stg");
        admin().body(
                        Map.of(
                                "name",
                                "PostgreSQL",
                                "version",
                                "16.4",
                                "softwareClass",
                                "DATABASE",
                                "installedOn",
                                "CLUSTER",
                                "host",
                                host,
                                "environment",
                                "STAGING"))
                .post("/software")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);

        byte[] xlsx =
                as(Tokens.auditor())
                        .get("/exports/standard-sheet.xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row hw = find(wb.getSheet("ハードウェア"), 5, serial, f);
            assertThat(f.formatCellValue(hw.getCell(2))).isEqualTo("サーバ"); // ハードウェア区分
            assertThat(f.formatCellValue(hw.getCell(6))).isEqualTo("本番環境"); // 環境
            assertThat(f.formatCellValue(hw.getCell(9))).isEqualTo("稼働中"); // 状態
            assertThat(EnumLabels.parse(HardwareStatus.class, f.formatCellValue(hw.getCell(9))))
                    .contains(HardwareStatus.IN_SERVICE);

            Row sw = find(wb.getSheet("ソフトウェア"), 7, "CLUSTER " + host, f);
            assertThat(f.formatCellValue(sw.getCell(3))).isEqualTo("データベース"); // ソフトウェア区分
            assertThat(f.formatCellValue(sw.getCell(8))).isEqualTo("検証環境"); // 環境
        }

        String csv =
                new String(
                        as(Tokens.auditor())
                                .get("/exports/hardware.csv")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray(),
                        StandardCharsets.UTF_8);
        String line = csv.lines().filter(l -> l.contains(serial)).findFirst().orElseThrow();
        assertThat(line)
                .contains(",SERVER,")
                .contains(",PRODUCTION,")
                .contains(",IN_SERVICE,")
                .doesNotContain("本番環境")
                .doesNotContain("稼働中");
    }

    private static Row find(Sheet sheet, int column, String value, DataFormatter f) {
        for (Row row : sheet) {
            if (value.equals(f.formatCellValue(row.getCell(column)))) {
                return row;
            }
        }
        throw new AssertionError("no row of sheet " + sheet.getSheetName() + " has " + value);
    }
}
