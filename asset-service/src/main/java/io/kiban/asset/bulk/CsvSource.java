package io.kiban.asset.bulk;

import io.kiban.asset.export.StandardSheetService.SheetDef;
import io.kiban.commons.export.CellText;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One category of the standard sheet as CSV, in the layout of {@code GET /exports/{category}.csv}:
 * UTF-8 (a BOM is skipped), RFC 4180 quoting, the heading row first. Streamed: one record in memory
 * at a time. A file that is not UTF-8 is refused before anything is read (400 naming the byte
 * offset and, when it decodes as Shift_JIS, saying so: save it as 「CSV UTF-8」). Formula-like fields
 * follow commons' {@link CellText}: the export writes them with a leading {@code '}, which is taken
 * off again; an unprefixed field starting with = + - @ is refused as a bad cell.
 */
final class CsvSource implements BulkSource {

    static final int MAX_FIELD = 32767;

    private final File file;
    private final SheetDef def;
    private final int maxRows;

    CsvSource(File file, SheetDef def, int maxRows) {
        this.file = file;
        this.def = def;
        this.maxRows = maxRows;
        if (file.length() == 0) {
            throw Layout.bad(
                    "the file is empty: expected CSV with the headings of sheet "
                            + def.name()
                            + " in row 1");
        }
        checkUtf8();
    }

    @Override
    public String format() {
        return "csv";
    }

    /**
     * The whole file must decode as UTF-8 (strictly); Shift_JIS is named when it is what the file
     * is.
     */
    private void checkUtf8() {
        CharsetDecoder utf8 =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file.toPath())) {
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
            CharBuffer chars = CharBuffer.allocate(64 * 1024);
            long offset = 0;
            int n;
            while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0
                    || bytes.position() > 0) {
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult r = utf8.decode(bytes, chars, n < 0);
                if (r.isError()) {
                    throw notUtf8(offset + bytes.position());
                }
                offset += bytes.position();
                bytes.compact();
                chars.clear();
                if (n < 0) {
                    if (bytes.position() > 0) {
                        throw notUtf8(offset);
                    }
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RuntimeException notUtf8(long offset) {
        String guess = "";
        try {
            byte[] head = readHead(1 << 20);
            Charset sjis = Charset.forName("windows-31j");
            sjis.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head));
            guess =
                    " It decodes as Shift_JIS (Excel's 「CSV (コンマ区切り)」 in Japan), which is not accepted: save it "
                            + "as 「CSV UTF-8 (コンマ区切り)」 and import again.";
        } catch (IOException e) {
            guess = " Save it as 「CSV UTF-8 (コンマ区切り)」.";
        }
        return Layout.bad(
                "the CSV is not UTF-8: invalid byte sequence at byte " + offset + "." + guess);
    }

    private byte[] readHead(int max) throws IOException {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            return in.readNBytes(max);
        }
    }

    @Override
    public boolean read(SheetDef sheet, Consumer<SheetRow> rows) {
        if (!sheet.name().equals(def.name())) {
            return false;
        }
        try (Reader reader =
                new InputStreamReader(
                        new BufferedInputStream(Files.newInputStream(file.toPath())),
                        StandardCharsets.UTF_8)) {
            Records records = new Records(reader);
            List<String> heading = records.next();
            if (heading == null) {
                throw Layout.bad("header row missing: the CSV holds no rows");
            }
            SortedMap<Integer, String> headingCells = new TreeMap<>();
            for (int i = 0; i < heading.size(); i++) {
                headingCells.put(i, heading.get(i));
            }
            Map<String, String> columns = Layout.headings(def, 1, headingCells);
            Map<String, String> letterToHeading = new HashMap<>();
            columns.forEach((h, l) -> letterToHeading.put(l, h));
            int rowNumber = 1;
            int dataRows = 0;
            List<String> record;
            while ((record = records.next()) != null) {
                rowNumber++;
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (++dataRows > maxRows) {
                    throw Layout.bad(
                            "CSV row "
                                    + rowNumber
                                    + ": the file holds more than "
                                    + maxRows
                                    + " data rows (kiban.imports.bulk.max-rows)");
                }
                Map<String, SheetRow.Cell> cells = new HashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    String h = letterToHeading.get(Layout.letter(i));
                    if (h == null) {
                        if (!record.get(i).isBlank()) {
                            cells.put(
                                    "#" + Layout.letter(i),
                                    new SheetRow.Cell(
                                            record.get(i),
                                            null,
                                            "a value in a column without heading"));
                        }
                        continue;
                    }
                    cells.put(h, field(record.get(i)));
                }
                rows.accept(new SheetRow(def.name(), rowNumber, cells, columns));
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * commons' CellText in reverse: {@code '=…} → {@code =…}; an unprefixed formula-like field is a
     * bad cell.
     */
    static SheetRow.Cell field(String raw) {
        if (raw.startsWith("'") && CellText.isFormulaLike(raw.substring(1))) {
            return new SheetRow.Cell(raw.substring(1), null, null);
        }
        if (CellText.isFormulaLike(raw)) {
            return new SheetRow.Cell(
                    raw,
                    null,
                    "formula-like text (starting with =, +, -, @, tab or CR) is refused in "
                            + "CSV (CSV injection, issue 13 hole 8); write it with a leading ' as the export does");
        }
        return new SheetRow.Cell(raw, null, null);
    }

    @Override
    public void close() {
        // nothing held open between reads
    }

    /** RFC 4180 records: quoted fields with "" and line breaks; CRLF or LF. */
    private static final class Records {
        private final Reader in;
        private int peeked = -2;

        Records(Reader in) {
            this.in = in;
        }

        private boolean first = true;

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            int c = in.read();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    c = in.read();
                }
            }
            return c;
        }

        List<String> next() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (c < 0) {
                    if (quoted) {
                        throw Layout.bad("the CSV ends inside a quoted field (a \" is not closed)");
                    }
                    fields.add(f.toString());
                    return fields;
                }
                if (quoted) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            f.append('"');
                        } else {
                            quoted = false;
                            c = d;
                            continue;
                        }
                    } else {
                        f.append((char) c);
                    }
                } else if (c == '"' && f.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int d = read();
                        if (d != '\n') {
                            peeked = d;
                        }
                    }
                    fields.add(f.toString());
                    return fields;
                } else {
                    f.append((char) c);
                }
                if (f.length() > MAX_FIELD) {
                    throw Layout.bad("a CSV field is longer than Excel's 32,767 characters");
                }
                c = read();
            }
        }
    }
}
