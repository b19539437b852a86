package io.kiban.asset.export;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 hole 8: cells written from user data are never executed by Excel (OWASP CSV injection).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class CsvInjectionTest {

    @Test
    void SEC_formula_in_an_sbom_component_name_is_neutralised_in_csv_and_xlsx() throws Exception {
        String subject = unique("inject");
        String sbom =
                """
                {"bomFormat":"CycloneDX","specVersion":"1.5","components":[
                  {"type":"library","name":"=HYPERLINK(\\"http://x\\",\\"y\\")","version":"1.0"},
                  {"type":"library","name":"plain-lib","version":"-2"}]}""";
        admin().queryParam("subject", subject)
                .queryParam("environment", "STAGING")
                .body(sbom)
                .post("/imports/sbom")
                .then()
                .statusCode(200);

        String csv =
                new String(
                        as(Tokens.jpoStaff())
                                .get("/exports/software.csv")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray(),
                        StandardCharsets.UTF_8);
        String formulaLine =
                csv.lines()
                        .filter(l -> l.endsWith("," + subject) && l.contains("HYPERLINK"))
                        .findFirst()
                        .orElseThrow();
        // the field is the value with a leading apostrophe, quoted because it holds quotes and a
        // comma (RFC 4180)
        assertThat(formulaLine.substring(formulaLine.indexOf(',')))
                .isEqualTo(
                        ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,1.0,LIBRARY,,,,CLUSTER "
                                + subject
                                + ",STAGING,"
                                + subject);
        String plainLine =
                csv.lines()
                        .filter(l -> l.endsWith("," + subject) && l.contains("plain-lib"))
                        .findFirst()
                        .orElseThrow();
        assertThat(plainLine.substring(plainLine.indexOf(',')))
                .isEqualTo(",plain-lib,,'-2,LIBRARY,,,,CLUSTER " + subject + ",STAGING," + subject);

        byte[] xlsx =
                as(Tokens.jpoStaff())
                        .get("/exports/standard-sheet.xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet software = wb.getSheet("ソフトウェア");
            Row formula = null;
            Row plain = null;
            for (Row row : software) {
                Cell sbomSubject = row.getCell(9);
                if (sbomSubject != null && subject.equals(sbomSubject.getStringCellValue())) {
                    if (row.getCell(0).getStringCellValue().startsWith("=")) {
                        formula = row;
                    } else {
                        plain = row;
                    }
                }
            }
            assertThat(formula).isNotNull();
            Cell name = formula.getCell(0);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(formula.getCell(2).getStringCellValue()).isEqualTo("1.0");
            assertThat(formula.getCell(2).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(plain).isNotNull();
            assertThat(plain.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(plain.getCell(2).getStringCellValue()).isEqualTo("-2");
            assertThat(plain.getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(plain.getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }
}
