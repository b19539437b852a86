package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Step 5: the lease ledger with a vendor-caused delay (R-LC-14) and the Excel deliverables read
 * back with POI, among them the destruction register ({@link #checkRegister}, which the removal
 * story reads again). The end of the lease (steps 6 and 7: removal, sanitization, archive, closing)
 * is {@link StoryRemoval}.
 */
final class StoryLease {

    private static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private StoryLease() {}

    // ------------------------------------------------------------------------------------------
    // step 5

    static void step5DelayAndExports() {
        try {
            step5();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void step5() throws IOException {
        var contract =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .get("/contract")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        List<Map<String, Object>> amounts = contract.getList("amounts");
        assertThat(amounts).isNotEmpty();

        // the vendor cannot record a delay; JPO records that production started late through the
        // vendor's fault:
        // from the planned start 2027-04-01 to 2027-07-10, of which 10 days fall in the paid lease
        // (July 2027)
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .body(delay("VENDOR", "2027-04-01", "2027-07-10", "x"))
                .post("/lease/delays")
                .then()
                .statusCode(403);
        var vendorDelay =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .body(
                                delay(
                                        "VENDOR",
                                        "2027-04-01",
                                        "2027-07-10",
                                        "受注者の責: 本番環境のワーカーノード交換部品の納入遅延による本番稼動開始の遅延"))
                        .post("/lease/delays")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                        .extract();
        // April 30 + May 31 + June 30 + July 10
        assertThat(vendorDelay.<Integer>path("days")).isEqualTo(101);
        assertThat(vendorDelay.<String>path("startDateReiwa")).isEqualTo("令和9年4月1日");
        assertThat(vendorDelay.<String>path("endDateReiwa")).isEqualTo("令和9年7月10日");
        approveDelay(vendorDelay);
        // a window starting after the planned production start is an outage, not a start delay
        // (R-LC-14)
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .body(delay("OTHER", "2027-07-08", "2027-07-14", "停電"))
                .post("/lease/delays")
                .then()
                .statusCode(422)
                .body(containsString("R-LC-14"));
        // an overlapping delay not caused by the vendor deducts nothing more
        var otherDelay =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .body(delay("OTHER", "2027-04-01", "2027-07-14", "停電（受注者の責によらない）"))
                        .post("/lease/delays")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                        .extract();
        approveDelay(otherDelay);

        // R-LC-14: July 2027 is paid for 21 of its 31 days — floor(amount × 21 ÷ 31), per category
        var july =
                Api.as(Tokens.VENDOR_A, "lifecycle")
                        .get("/lease/periods/2027-07")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(july.getInt("calendarDays")).isEqualTo(31);
        assertThat(july.getInt("vendorDelayDays")).isEqualTo(10);
        assertThat(july.getString("firstDayReiwa")).isEqualTo("令和9年7月1日");
        List<Map<String, Object>> lines = july.getList("lines");
        assertThat(lines).hasSameSizeAs(amounts);
        long expectedDeduction = 0;
        Map<String, long[]> expectedByCategory = new HashMap<>();
        for (Map<String, Object> amount : amounts) {
            String code = (String) amount.get("categoryCode");
            long lease = ((Number) amount.get("leaseMonthly")).longValue();
            long maintenance = ((Number) amount.get("maintenanceMonthly")).longValue();
            // JPO pays floor(amount × 21 paid days ÷ 31), per line; the deduction is what it does
            // not pay
            long leaseDeduction = lease - proRata(lease, 21, 31);
            long maintenanceDeduction = maintenance - proRata(maintenance, 21, 31);
            expectedByCategory.put(code, new long[] {leaseDeduction, maintenanceDeduction});
            Map<String, Object> line =
                    lines.stream()
                            .filter(l -> code.equals(l.get("categoryCode")))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "no July line for " + code + ": " + lines));
            assertThat(((Number) line.get("lease")).longValue()).isEqualTo(lease);
            assertThat(((Number) line.get("leaseDeduction")).longValue())
                    .as(code + " lease deduction")
                    .isEqualTo(leaseDeduction);
            assertThat(((Number) line.get("maintenanceDeduction")).longValue())
                    .as(code + " maintenance deduction")
                    .isEqualTo(maintenanceDeduction);
            assertThat(((Number) line.get("leaseNet")).longValue())
                    .isEqualTo(lease - leaseDeduction);
            expectedDeduction += leaseDeduction + maintenanceDeduction;
        }
        assertThat(july.getLong("deduction")).isEqualTo(expectedDeduction).isPositive();
        assertThat(july.getLong("net")).isEqualTo(july.getLong("gross") - expectedDeduction);
        var august =
                Api.as(Tokens.JPO_STAFF, "lifecycle")
                        .get("/lease/periods/2027-08")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(august.getInt("vendorDelayDays")).isZero();
        assertThat(august.getLong("deduction")).isZero();
        var ledger =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .get("/lease/ledger")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(ledger.getInt("totals.months")).as("R-LC-7: 2027-07 … 2030-12").isEqualTo(42);
        assertThat(ledger.getLong("totals.deduction")).isEqualTo(expectedDeduction);
        assertThat(ledger.getLong("totals.net"))
                .isEqualTo(ledger.getLong("totals.gross") - expectedDeduction);

        // R-LC-14: JPO records July's payment — the month is closed, its figures stored; a later
        // delay reaching it → 409
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .post("/lease/periods/2027-07/close")
                .then()
                .statusCode(403);
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .post("/lease/periods/2027-07/close")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("closed", org.hamcrest.Matchers.equalTo(true));
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .post("/lease/periods/2027-07/close")
                .then()
                .statusCode(200);
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .body(delay("VENDOR", "2027-04-01", "2027-07-20", "支払済みの月への追加の遅延"))
                .post("/lease/delays")
                .then()
                .statusCode(409)
                .body(containsString("R-LC-14"));
        var closedJuly =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .get("/lease/periods/2027-07")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(closedJuly.getLong("deduction")).as("July as paid").isEqualTo(expectedDeduction);
        assertThat(closedJuly.getInt("vendorDelayDays")).isEqualTo(10);

        // the lease ledger as Excel (賃貸借台帳)
        try (Workbook wb = xlsx("lifecycle", "/lease/ledger.xlsx", Tokens.JPO_ADMIN)) {
            Sheet sheet = wb.getSheet("賃貸借台帳");
            assertThat(sheet).as("sheet 賃貸借台帳").isNotNull();
            assertThat(text(sheet.getRow(0).getCell(0))).isEqualTo("年月");
            int julyRows = 0;
            for (Row row : sheet) {
                if (row.getRowNum() == 0 || !"2027-07".equals(text(row.getCell(0)))) {
                    continue;
                }
                julyRows++;
                assertThat(reiwaDate(row.getCell(1))).isEqualTo(LocalDate.of(2027, 7, 1));
                long[] expected = expectedByCategory.get(text(row.getCell(2)));
                assertThat(expected).as("category " + text(row.getCell(2))).isNotNull();
                assertThat((long) row.getCell(6).getNumericCellValue()).isEqualTo(10);
                assertThat((long) row.getCell(7).getNumericCellValue()).isEqualTo(expected[0]);
                assertThat((long) row.getCell(8).getNumericCellValue()).isEqualTo(expected[1]);
            }
            assertThat(julyRows).isEqualTo(amounts.size());
            Sheet delays = wb.getSheet("稼動遅延");
            assertThat(delays).as("sheet 稼動遅延").isNotNull();
            Set<LocalDate> delayDates = reiwaDates(delays);
            assertThat(delayDates).contains(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 7, 10));
        }

        // the information asset management standard sheet (asset-service): its hardware and media
        List<Map<String, Object>> hardware = new ArrayList<>();
        for (String env : List.of("PRODUCTION", "STAGING")) {
            hardware.addAll(
                    Api.all(Tokens.JPO_ADMIN, "asset", "/hardware", Map.of("environment", env)));
        }
        assertThat(hardware).as("step 1 registered hardware").isNotEmpty();
        try (Workbook wb = xlsx("asset", "/exports/standard-sheet.xlsx", Tokens.AUDITOR)) {
            assertThat(wb.getNumberOfSheets())
                    .as("twelve sheets of the standard")
                    .isGreaterThanOrEqualTo(12);
            Sheet hw = sheetNamed(wb, "ハードウェア");
            Set<String> texts = texts(hw);
            Set<LocalDate> dates = reiwaDates(hw);
            for (Map<String, Object> h : hardware) {
                assertThat(texts)
                        .as("serial of " + h.get("name"))
                        .contains((String) h.get("serialNumber"));
                if (h.get("maintenanceDeadline") != null) {
                    assertThat(dates)
                            .as("保守期限 of " + h.get("serialNumber") + " as a Reiwa date cell")
                            .contains(LocalDate.parse((String) h.get("maintenanceDeadline")));
                }
            }
            Set<LocalDate> all = new TreeSet<>();
            wb.forEach(s -> all.addAll(reiwaDates(s)));
            assertThat(all).as("Reiwa date cells in the standard sheet").isNotEmpty();
        }

        // the destruction register (maintenance-service): one row per accepted certificate
        List<Map<String, Object>> accepted = acceptedEvidence();
        assertThat(accepted).as("accepted destruction evidence (step 4)").isNotEmpty();
        checkRegister(accepted);
    }

    /** 破壊・消去記録簿: every accepted certificate is a row, its dates Reiwa date cells. */
    static void checkRegister(List<Map<String, Object>> accepted) {
        try (Workbook wb =
                xlsx("maintenance", "/reports/destruction-register.xlsx", Tokens.JPO_ADMIN)) {
            Sheet sheet = wb.getSheet("破壊・消去記録簿");
            assertThat(sheet).as("sheet 破壊・消去記録簿").isNotNull();
            List<String> headings = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headings.add(text(c)));
            assertThat(headings).contains("シリアル番号", "実施日", "受理日");
            int serialCol = headings.indexOf("シリアル番号");
            int performedCol = headings.indexOf("実施日");
            Map<String, Row> rows = new HashMap<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(serialCol) != null) {
                    rows.put(text(row.getCell(serialCol)), row);
                }
            }
            for (Map<String, Object> e : accepted) {
                Row row = rows.get((String) e.get("serial"));
                assertThat(row).as("register row of " + e.get("serial")).isNotNull();
                assertThat(reiwaDate(row.getCell(performedCol)))
                        .isEqualTo(LocalDate.parse((String) e.get("performedOn")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every accepted certificate (jpo-admin sees all organisations). */
    static List<Map<String, Object>> acceptedEvidence() {
        List<Map<String, Object>> items =
                Api.all(
                        Tokens.JPO_ADMIN,
                        "maintenance",
                        "/custody-items",
                        Map.of("status", "EVIDENCE_ACCEPTED"));
        List<Map<String, Object>> accepted = new ArrayList<>();
        for (Map<String, Object> item : items) {
            List<Map<String, Object>> evidence =
                    Api.all(
                            Tokens.JPO_ADMIN,
                            "maintenance",
                            "/custody-items/" + item.get("id") + "/evidence",
                            Map.of());
            evidence.stream()
                    .filter(e -> "ACCEPTED".equals(e.get("status")))
                    .forEach(accepted::add);
        }
        return accepted;
    }

    // ------------------------------------------------------------------------------------------
    // helpers

    /**
     * R-SEC-2: JPO both records and approves a delay, so the jpo-admin who recorded it never
     * approves it (403); the approval names the version reviewed (428 without If-Match); a second
     * jpo-admin approves.
     */
    private static void approveDelay(
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> d) {
        String path = "/lease/delays/" + d.<Number>path("id").longValue();
        String etag = d.header("ETag");
        Api.as(Tokens.JPO_ADMIN2, "lifecycle").post(path + "/approval").then().statusCode(428);
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", etag)
                .post(path + "/approval")
                .then()
                .statusCode(403)
                .body(containsString("R-SEC-2"));
        Api.as(Tokens.JPO_ADMIN2, "lifecycle")
                .header("If-Match", etag)
                .post(path + "/approval")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
    }

    private static Map<String, Object> delay(String cause, String from, String to, String note) {
        return Map.of("cause", cause, "startDate", from, "endDate", to, "note", note);
    }

    /** amount × days ÷ month days, rounded down to the yen (円未満切捨て) */
    static long proRata(long amount, int days, int monthDays) {
        return BigDecimal.valueOf(amount)
                .multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(monthDays), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    static Workbook xlsx(String svc, String path, String user) {
        var response =
                Api.as(user, svc)
                        .accept(XLSX + ", application/problem+json")
                        .get(path)
                        .then()
                        .statusCode(200)
                        .contentType(containsString("spreadsheetml"))
                        .extract();
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheetNamed(Workbook wb, String name) {
        for (Sheet s : wb) {
            if (s.getSheetName().contains(name)) {
                return s;
            }
        }
        throw new AssertionError("no sheet " + name + " among " + sheetNames(wb));
    }

    private static List<String> sheetNames(Workbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return cell.getCellType() == CellType.STRING
                ? cell.getStringCellValue()
                : cell.getCellType() == CellType.NUMERIC
                        ? String.valueOf(cell.getNumericCellValue())
                        : cell.toString();
    }

    private static Set<String> texts(Sheet sheet) {
        Set<String> texts = new LinkedHashSet<>();
        sheet.forEach(
                row ->
                        row.forEach(
                                c -> {
                                    if (c.getCellType() == CellType.STRING) {
                                        texts.add(c.getStringCellValue());
                                    }
                                }));
        return texts;
    }

    /** The dates of a sheet's date cells shown in the Japanese era (format ggge…). */
    private static Set<LocalDate> reiwaDates(Sheet sheet) {
        Set<LocalDate> dates = new TreeSet<>();
        sheet.forEach(
                row ->
                        row.forEach(
                                c -> {
                                    if (c.getCellType() == CellType.NUMERIC && isEraFormat(c)) {
                                        dates.add(reiwaDate(c));
                                    }
                                }));
        return dates;
    }

    private static boolean isEraFormat(Cell c) {
        String format = c.getCellStyle().getDataFormatString();
        return format != null && format.contains("ggge") && format.contains("ja-JP");
    }

    /** A real date cell (Excel sorts and filters it) shown as 令和N年M月D日; the date it holds. */
    private static LocalDate reiwaDate(Cell c) {
        assertThat(c).isNotNull();
        assertThat(c.getCellType()).as("a date cell, not text").isEqualTo(CellType.NUMERIC);
        assertThat(isEraFormat(c))
                .as("Japanese-era format, got " + c.getCellStyle().getDataFormatString())
                .isTrue();
        LocalDate date = c.getLocalDateTimeCellValue().toLocalDate();
        JapaneseDate jd = JapaneseDate.from(date);
        assertThat(jd.getEra()).as(date + " is in the Reiwa era").isEqualTo(JapaneseEra.REIWA);
        assertThat(reiwa(date)).startsWith("令和");
        return date;
    }

    /** 令和9年7月1日 — computed here independently of the services' ReiwaDates. */
    static String reiwa(LocalDate date) {
        JapaneseDate jd = JapaneseDate.from(date);
        int year = jd.get(ChronoField.YEAR_OF_ERA);
        return (jd.getEra() == JapaneseEra.REIWA ? "令和" : jd.getEra().toString())
                + (year == 1 ? "元" : year)
                + "年"
                + date.getMonthValue()
                + "月"
                + date.getDayOfMonth()
                + "日";
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
