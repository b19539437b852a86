package io.kiban.asset.bulk;

import java.util.Map;

/**
 * One data row of a sheet as read from the file: its row number as Excel shows it and its cells by
 * heading. {@code columns} maps each heading of the file to its column letter (files may order
 * columns freely).
 */
record SheetRow(String sheet, int row, Map<String, Cell> cells, Map<String, String> columns) {

    /**
     * A cell: the text as read (a number cell's plain decimal form), the number when the cell is
     * numeric (dates are Excel serial numbers), and the Excel error code when the cell holds one
     * (#N/A…).
     */
    record Cell(String text, Double number, String error) {}

    Cell cell(String heading) {
        return cells.get(heading);
    }

    String text(String heading) {
        Cell c = cells.get(heading);
        return c == null ? null : c.text();
    }
}
