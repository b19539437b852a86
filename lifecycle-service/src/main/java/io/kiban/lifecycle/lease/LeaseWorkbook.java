package io.kiban.lifecycle.lease;

import io.kiban.commons.export.CellText;
import io.kiban.commons.export.EnumLabels;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.lifecycle.lease.LeaseDtos.DelayView;
import io.kiban.lifecycle.lease.LeaseDtos.Ledger;
import io.kiban.lifecycle.lease.LeaseDtos.Line;
import io.kiban.lifecycle.lease.LeaseDtos.Month;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 賃貸借台帳: the lease ledger as an Excel workbook, Japanese headings, enum values as Japanese words
 * ({@link EnumLabels#ja}, from {@code kiban-enum-labels_ja.properties}), dates shown in Reiwa form.
 */
public final class LeaseWorkbook {

    /**
     * The terms a ledger month is paid on: the contract (R-LC-7) or a negotiated extension
     * (R-LC-9).
     */
    public enum Terms {
        CONTRACT,
        EXTENSION;

        /** {@code CONTRACT}, or {@code EXTENSION-<id>} as the ledger names the extension. */
        static Terms of(String terms) {
            return "CONTRACT".equals(terms) ? CONTRACT : EXTENSION;
        }
    }

    /** Every enum whose values the workbook writes (each value needs a Japanese label). */
    static final List<Class<? extends Enum<?>>> ENUMS_WRITTEN =
            List.of(Terms.class, ProductionDelay.Cause.class, ProductionDelay.Status.class);

    static final String LEDGER_SHEET = "賃貸借台帳";
    static final String DELAY_SHEET = "稼動遅延";
    static final List<String> LEDGER_HEADINGS =
            List.of(
                    "年月",
                    "月初日",
                    "経費区分コード",
                    "経費区分",
                    "月額賃借料（円）",
                    "月額保守料（円）",
                    "遅延日数（受注者の責）",
                    "賃借料減額（円）",
                    "保守料減額（円）",
                    "支払額（円）",
                    "適用条件");
    static final List<String> DELAY_HEADINGS = List.of("原因", "開始日", "終了日", "日数", "備考", "状態");

    private LeaseWorkbook() {}

    public static void write(Ledger ledger, List<DelayView> delays, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat(ReiwaDates.EXCEL_FORMAT));
            // text from user data (category names, notes) that a spreadsheet would read as a
            // formula is marked as text
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            CellStyle yen = wb.createCellStyle();
            yen.setDataFormat(wb.createDataFormat().getFormat("#,##0"));

            Sheet sheet = wb.createSheet(LEDGER_SHEET);
            heading(sheet, LEDGER_HEADINGS);
            int r = 1;
            for (Month m : ledger.months()) {
                for (Line l : m.lines()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(m.month());
                    dateCell(row, 1, m.firstDay(), date);
                    text(row, 2, l.categoryCode(), quoted);
                    text(row, 3, l.categoryName(), quoted);
                    number(row, 4, l.lease(), yen);
                    number(row, 5, l.maintenance(), yen);
                    row.createCell(6).setCellValue(m.vendorDelayDays());
                    number(row, 7, l.leaseDeduction(), yen);
                    number(row, 8, l.maintenanceDeduction(), yen);
                    number(row, 9, l.leaseNet() + l.maintenanceNet(), yen);
                    row.createCell(10).setCellValue(EnumLabels.ja(Terms.of(m.terms())));
                }
            }
            Row total = sheet.createRow(r + 1);
            total.createCell(0).setCellValue("合計");
            number(total, 4, ledger.totals().leaseGross(), yen);
            number(total, 5, ledger.totals().maintenanceGross(), yen);
            number(total, 9, ledger.totals().net(), yen);
            Row deduction = sheet.createRow(r + 2);
            deduction.createCell(0).setCellValue("減額合計");
            number(deduction, 9, ledger.totals().deduction(), yen);
            Row rule = sheet.createRow(r + 4);
            rule.createCell(0)
                    .setCellValue("減額規則: 受注者の責による本番稼動遅延日のうち賃貸借期間内の日数分、当該月の月額を日割り（円未満切捨て）で減額");

            Sheet ds = wb.createSheet(DELAY_SHEET);
            heading(ds, DELAY_HEADINGS);
            int d = 1;
            for (DelayView v : delays) {
                Row row = ds.createRow(d++);
                row.createCell(0).setCellValue(EnumLabels.ja(v.cause()));
                dateCell(row, 1, v.startDate(), date);
                dateCell(row, 2, v.endDate(), date);
                row.createCell(3).setCellValue(v.days());
                text(row, 4, v.note() == null ? "" : v.note(), quoted);
                row.createCell(5).setCellValue(EnumLabels.ja(v.status()));
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static void heading(Sheet sheet, List<String> headings) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < headings.size(); i++) {
            row.createCell(i).setCellValue(headings.get(i));
        }
    }

    /**
     * A string cell from user data: unchanged, quote-prefixed when formula-like (OWASP CSV
     * injection, CellText).
     */
    static void text(Row row, int col, String value, CellStyle quoted) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        if (CellText.isFormulaLike(value)) {
            cell.setCellStyle(quoted);
        }
    }

    private static void dateCell(Row row, int col, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int col, long value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
