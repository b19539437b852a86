package io.kiban.commons.export;

/**
 * Text from user data written into a CSV or xlsx cell must not be executed by a spreadsheet program
 * (OWASP "CSV injection"): a value that starts with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return is a formula (or becomes one when the cell is edited) in Excel and
 * LibreOffice.
 *
 * <ul>
 *   <li>CSV: write {@link #csv(String)} (a leading apostrophe, then quoted as RFC 4180 wants);
 *   <li>xlsx: write the value unchanged as a string cell and, when {@link #isFormulaLike(String)},
 *       give the cell a style with {@code setQuotePrefixed(true)} — Excel's own "this is text"
 *       flag, so the apostrophe is not part of the value.
 * </ul>
 */
public final class CellText {

    private CellText() {}

    /** true when a spreadsheet would read the value as a formula. */
    public static boolean isFormulaLike(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** The value with a leading apostrophe when it is formula-like; otherwise unchanged. */
    public static String neutralised(String value) {
        if (value == null) {
            return null;
        }
        return isFormulaLike(value) ? "'" + value : value;
    }

    /**
     * One CSV field (RFC 4180): neutralised, then quoted when it holds a comma, quote, CR or LF.
     */
    public static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = neutralised(value);
        if (v.indexOf(',') >= 0
                || v.indexOf('"') >= 0
                || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
