package io.kiban.lifecycle.contract;

import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #18: the Cabinet Office holiday list as it is published
 * (https://www8.cao.go.jp/chosei/shukujitsu/syukujitsu.csv): Shift_JIS (read as its Windows-31J
 * superset), CRLF, the header {@value #HEADER}, one line per holiday {@code yyyy/M/d,name} in date
 * order, each year through 勤労感謝の日 (11/23, or its substitute). Anything else — another encoding
 * (UTF-8 above all), a line cut short, a date that does not exist, a date listed twice, dates out
 * of order, a file that stops before the end of its last year — is refused as a whole with 400
 * naming the line.
 */
final class SyukujitsuCsv {

    public static final String HEADER = "国民の祝日・休日月日,国民の祝日・休日名称";
    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final Pattern LINE =
            Pattern.compile("([0-9]{4})/([0-9]{1,2})/([0-9]{1,2}),(.*)");

    /** The last holiday of every year in the list: 勤労感謝の日. */
    private static final MonthDay LAST_HOLIDAY = MonthDay.of(11, 23);

    private SyukujitsuCsv() {}

    /** One holiday of the file, with its line number (the header is line 1). */
    public record Row(int line, LocalDate date, String name) {}

    public static List<Row> parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw bad(
                    1,
                    "the file is empty; expected the Cabinet Office list (header " + HEADER + ")");
        }
        if (bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            throw bad(
                    1,
                    "the file is UTF-8 (it starts with a byte order mark), not Shift_JIS as the Cabinet Office "
                            + "publishes it; upload syukujitsu.csv unchanged");
        }
        if (bytes[bytes.length - 1] != '\n') {
            throw bad(
                    countLines(bytes),
                    "the file ends inside a line (no line end after the last line): it was "
                            + "truncated; upload the whole syukujitsu.csv");
        }
        List<Row> rows = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        int start = 0;
        int line = 0;
        LocalDate previous = null;
        while (start < bytes.length) {
            int end = start;
            while (bytes[end] != '\n') {
                end++;
            }
            line++;
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            String text = decode(bytes, start, stop, line);
            boolean headerInUtf8 =
                    line == 1
                            && HEADER.equals(
                                    new String(bytes, start, stop - start, StandardCharsets.UTF_8));
            start = end + 1;
            if (line == 1) {
                if (headerInUtf8) {
                    throw bad(
                            1,
                            "the file is UTF-8, not Shift_JIS as the Cabinet Office publishes syukujitsu.csv; "
                                    + "upload the file unchanged");
                }
                if (!HEADER.equals(text)) {
                    throw bad(
                            1,
                            "expected the header "
                                    + HEADER
                                    + " of the Cabinet Office list, found "
                                    + abbreviate(text));
                }
                continue;
            }
            if (text.isEmpty()) {
                if (start >= bytes.length) {
                    break; // a blank last line
                }
                throw bad(line, "the line is empty");
            }
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                throw bad(
                        line, "expected yyyy/M/d,名称 (e.g. 2026/1/1,元日), found " + abbreviate(text));
            }
            LocalDate date;
            try {
                date =
                        LocalDate.of(
                                Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw bad(
                        line, m.group(1) + "/" + m.group(2) + "/" + m.group(3) + " is not a date");
            }
            String name = m.group(4).strip();
            if (name.isEmpty() || name.length() > 100 || name.contains(",")) {
                throw bad(
                        line,
                        "the holiday's name must be 1 to 100 characters without a comma, found "
                                + abbreviate(m.group(4)));
            }
            Integer twice = seen.put(date, line);
            if (twice != null) {
                throw bad(line, date + " is listed twice (also on line " + twice + ")");
            }
            if (previous != null && date.isBefore(previous)) {
                throw bad(
                        line,
                        date
                                + " comes after "
                                + previous
                                + ": the Cabinet Office list is in date order");
            }
            previous = date;
            rows.add(new Row(line, date, name));
        }
        if (rows.isEmpty()) {
            throw bad(2, "the file holds the header but no holiday");
        }
        Row last = rows.get(rows.size() - 1);
        if (MonthDay.from(last.date()).isBefore(LAST_HOLIDAY)) {
            throw bad(
                    last.line(),
                    "the file ends with "
                            + last.date()
                            + " ("
                            + last.name()
                            + "): every year of the "
                            + "Cabinet Office list runs through 勤労感謝の日 (11/23), so the file was cut short; nothing was "
                            + "imported");
        }
        return rows;
    }

    private static String decode(byte[] bytes, int from, int to, int line) {
        try {
            return SHIFT_JIS
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            if (utf8(bytes, from, to)) {
                throw bad(
                        line,
                        "the line is UTF-8, not Shift_JIS as the Cabinet Office publishes syukujitsu.csv; "
                                + "upload the file unchanged");
            }
            throw bad(line, "the line is not Shift_JIS text");
        }
    }

    private static boolean utf8(byte[] bytes, int from, int to) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int countLines(byte[] bytes) {
        int n = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String abbreviate(String text) {
        return "\"" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "\"";
    }

    static ProblemException bad(int line, String message) {
        return new ProblemException(
                ProblemType.VALIDATION,
                "syukujitsu.csv line " + line + ": " + message + "; nothing was imported",
                null,
                List.of(new Problem.FieldError("line " + line, message)),
                null);
    }
}
