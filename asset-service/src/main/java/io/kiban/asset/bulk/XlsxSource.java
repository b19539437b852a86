package io.kiban.asset.bulk;

import io.kiban.asset.export.StandardSheetService.SheetDef;
import io.kiban.commons.problem.ProblemException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An xlsx read with POI's event API ({@link XSSFReader}, SAX over the sheet XML; never {@code
 * XSSFWorkbook}): one row in memory at a time. Shared strings are read by a SAX handler of our own
 * with a cap on their count and length; every part is read through a cap on its decompressed size
 * (POI's zip-bomb ratio check stays on); formula cells give their cached value and are never
 * evaluated; a secure XML reader (no DTD, no external entities).
 */
final class XlsxSource implements BulkSource {

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final List<String> sharedStrings;
    private final long maxPartBytes;
    private final int maxRows;
    private int rowsRead;

    XlsxSource(File file, long maxPartBytes, int maxRows) {
        this.maxPartBytes = maxPartBytes;
        this.maxRows = maxRows;
        if (file.length() == 0) {
            throw Layout.bad(
                    "the file is empty: expected an xlsx workbook in the layout of the standard sheet");
        }
        // POI falls back to reading a zip without its central directory entry by entry, so a cut
        // file would be read
        // as far as it goes: the central directory must be there and whole first
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file)) {
            if (zip.size() == 0) {
                throw Layout.bad("not a readable xlsx workbook: the zip archive holds no entries");
            }
        } catch (IOException e) {
            throw Layout.bad(
                    "not a readable xlsx workbook: the zip archive is truncated or damaged ("
                            + e.getMessage()
                            + ")");
        }
        OPCPackage opened = null;
        try {
            opened = OPCPackage.open(file, PackageAccess.READ);
            reader = new XSSFReader(opened);
            sharedStrings = readSharedStrings(reader);
        } catch (InvalidFormatException
                | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                | org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            revert(opened);
            throw Layout.bad(
                    "not a readable xlsx workbook (the zip archive is truncated, damaged or not Office Open "
                            + "XML): "
                            + e.getMessage());
        } catch (IOException
                | OpenXML4JException
                | SAXException
                | ParserConfigurationException
                | RuntimeException e) {
            revert(opened);
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw Layout.bad("not a readable xlsx workbook: " + reason(e));
        }
        pkg = opened;
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public boolean read(SheetDef def, Consumer<SheetRow> rows) {
        try {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream raw = it.next()) {
                    if (!def.name().equals(it.getSheetName())) {
                        continue;
                    }
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new SheetHandler(def, rows));
                    xml.parse(
                            new InputSource(
                                    new CappedInputStream(
                                            raw, maxPartBytes, "sheet " + def.name())));
                    return true;
                }
            }
            return false;
        } catch (ProblemException | BulkRejected e) {
            throw e;
        } catch (IOException | SAXException | ParserConfigurationException | OpenXML4JException e) {
            throw Layout.bad("sheet " + def.name() + " cannot be read: " + reason(e));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ProblemException p) {
                throw p;
            }
            throw Layout.bad("sheet " + def.name() + " cannot be read: " + reason(e));
        }
    }

    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (m.contains("Zip bomb") || t instanceof CappedInputStream.CapExceeded) {
            return "zip bomb refused: " + m.lines().findFirst().orElse(m);
        }
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        revert(pkg);
    }

    private static void revert(OPCPackage p) {
        if (p != null) {
            p.revert();
        }
    }

    /**
     * The shared-string table, at most {@code maxRows × 64} strings and {@code maxPartBytes} of
     * XML.
     */
    private List<String> readSharedStrings(XSSFReader r)
            throws IOException, SAXException, ParserConfigurationException, InvalidFormatException {
        List<String> strings = new ArrayList<>();
        InputStream in;
        try {
            in = r.getSharedStringsData();
        } catch (InvalidFormatException | IOException e) {
            return strings;
        }
        if (in == null) {
            return strings;
        }
        long maxStrings = (long) maxRows * 64;
        try (InputStream capped = new CappedInputStream(in, maxPartBytes, "the shared strings")) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(
                    new DefaultHandler() {
                        private final StringBuilder text = new StringBuilder();
                        private boolean inT;
                        private int phonetic;

                        @Override
                        public void startElement(
                                String uri, String local, String qName, Attributes atts) {
                            switch (local) {
                                case "si" -> text.setLength(0);
                                case "t" -> inT = phonetic == 0;
                                case "rPh" -> phonetic++;
                                default -> {}
                            }
                        }

                        @Override
                        public void endElement(String uri, String local, String qName) {
                            switch (local) {
                                case "si" -> {
                                    if (strings.size() >= maxStrings) {
                                        throw new IllegalStateException(
                                                "zip bomb refused: more than "
                                                        + maxStrings
                                                        + " shared strings");
                                    }
                                    strings.add(text.toString());
                                }
                                case "t" -> inT = false;
                                case "rPh" -> phonetic--;
                                default -> {}
                            }
                        }

                        @Override
                        public void characters(char[] ch, int start, int length) {
                            if (inT) {
                                if (text.length() + length > 32767) {
                                    throw new IllegalStateException(
                                            "a shared string is longer than Excel's 32,767 characters");
                                }
                                text.append(ch, start, length);
                            }
                        }
                    });
            xml.parse(new InputSource(capped));
        }
        return strings;
    }

    /**
     * SAX over one sheet: cells by column, the cached value of formula cells, one row at a time.
     */
    private final class SheetHandler extends DefaultHandler {
        private final SheetDef def;
        private final Consumer<SheetRow> rows;
        private Map<String, String> columns;
        private int rowNumber;
        private int column;
        private String type;
        private final StringBuilder value = new StringBuilder();
        private boolean inValue;
        private boolean inInline;
        private SortedMap<Integer, SheetRow.Cell> cells = new TreeMap<>();

        SheetHandler(SheetDef def, Consumer<SheetRow> rows) {
            this.def = def;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new TreeMap<>();
                    column = -1;
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    column = ref == null ? column + 1 : columnOf(ref);
                    type = atts.getValue("t");
                    value.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    value.setLength(0);
                }
                case "is" -> {
                    inInline = true;
                    value.setLength(0);
                }
                case "t" -> inValue = inInline;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                if (value.length() + length > 32767) {
                    throw new IllegalStateException(
                            "sheet "
                                    + def.name()
                                    + ", row "
                                    + rowNumber
                                    + ": a cell is longer than Excel's 32,767 characters");
                }
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v", "t" -> inValue = false;
                case "is" -> inInline = false;
                case "c" -> cell();
                case "row" -> row();
                default -> {}
            }
        }

        @Override
        public void endDocument() {
            if (columns == null) {
                throw Layout.bad(
                        "header row missing: sheet "
                                + def.name()
                                + " is empty; row 1 must hold the headings "
                                + String.join(", ", def.headings()));
            }
        }

        private void cell() {
            String v = value.toString();
            value.setLength(0);
            if (v.isEmpty() && !"inlineStr".equals(type)) {
                return;
            }
            SheetRow.Cell c;
            if ("s".equals(type)) {
                int index;
                try {
                    index = Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    index = -1;
                }
                if (index < 0 || index >= sharedStrings.size()) {
                    throw new IllegalStateException(
                            "sheet "
                                    + def.name()
                                    + ", row "
                                    + rowNumber
                                    + ", column "
                                    + Layout.letter(column)
                                    + ": shared string "
                                    + v
                                    + " does not exist");
                }
                c = new SheetRow.Cell(sharedStrings.get(index), null, null);
            } else if ("inlineStr".equals(type) || "str".equals(type)) {
                c = new SheetRow.Cell(v, null, null);
            } else if ("b".equals(type)) {
                c = new SheetRow.Cell("1".equals(v.trim()) ? "TRUE" : "FALSE", null, null);
            } else if ("e".equals(type)) {
                c = new SheetRow.Cell(v, null, v);
            } else {
                double d;
                try {
                    d = Double.parseDouble(v.trim());
                } catch (NumberFormatException e) {
                    c = new SheetRow.Cell(v, null, "not a number");
                    cells.put(column, c);
                    return;
                }
                String plain =
                        Double.isFinite(d)
                                ? new BigDecimal(v.trim()).stripTrailingZeros().toPlainString()
                                : v;
                c = new SheetRow.Cell(plain, d, null);
            }
            cells.put(column, c);
        }

        private void row() {
            if (columns == null) {
                SortedMap<Integer, String> headingCells = new TreeMap<>();
                cells.forEach((k, c) -> headingCells.put(k, c.text()));
                columns = Layout.headings(def, rowNumber, headingCells);
                return;
            }
            if (cells.values().stream().allMatch(c -> c.text() == null || c.text().isBlank())) {
                return;
            }
            if (++rowsRead > maxRows) {
                throw Layout.bad(
                        "sheet "
                                + def.name()
                                + ", row "
                                + rowNumber
                                + ": the file holds more than "
                                + maxRows
                                + " data rows (kiban.imports.bulk.max-rows)");
            }
            Map<String, SheetRow.Cell> byHeading = new HashMap<>();
            Map<String, String> letterToHeading = new HashMap<>();
            columns.forEach((h, l) -> letterToHeading.put(l, h));
            cells.forEach(
                    (k, c) -> {
                        String h = letterToHeading.get(Layout.letter(k));
                        if (h != null) {
                            byHeading.put(h, c);
                        }
                    });
            rows.accept(new SheetRow(def.name(), rowNumber, byHeading, columns));
        }
    }

    private static int columnOf(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return col - 1;
    }
}
