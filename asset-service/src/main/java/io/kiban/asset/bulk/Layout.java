package io.kiban.asset.bulk;

import io.kiban.asset.export.StandardSheetService.SheetDef;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The heading row of a sheet, matched by heading name against the standard sheet's own headings
 * ({@link io.kiban.asset.export.StandardSheetService#SHEETS}): columns may come in any order; every
 * heading of the sheet must be there exactly once; {@code id} (the CSV export's first column) and
 * {@code ETag} (optimistic version) are optional; any other heading is refused (a misspelt heading
 * would silently drop a column).
 */
final class Layout {

    static final String ID = "id";
    static final String ETAG = "ETag";

    private Layout() {}

    /** 400 problem naming the place when the file cannot be read as the standard sheet at all. */
    static ProblemException bad(String detail) {
        return ProblemException.of(ProblemType.BAD_REQUEST, detail);
    }

    /**
     * The heading → column letter map of {@code sheet}, from the cells of its first row ({@code
     * headingRow} is its row number as Excel shows it; it must be 1).
     */
    static Map<String, String> headings(
            SheetDef def, int headingRow, SortedMap<Integer, String> cells) {
        String place = "sheet " + def.name() + ", row " + headingRow;
        boolean any =
                cells.values().stream()
                        .anyMatch(v -> def.headings().contains(v.trim()) || ID.equals(v.trim()));
        if (headingRow != 1 || !any) {
            throw bad(
                    "header row missing: "
                            + place
                            + " is not the heading row of the standard sheet ("
                            + String.join(", ", def.headings())
                            + "); the headings belong in row 1");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (var e : cells.entrySet()) {
            String h = e.getValue().trim();
            if (h.isEmpty()) {
                continue;
            }
            String letter = letter(e.getKey());
            if (!def.headings().contains(h) && !ID.equals(h) && !ETAG.equals(h)) {
                unknown.add(letter + " 「" + h + "」");
            } else if (columns.putIfAbsent(h, letter) != null) {
                throw bad(
                        place
                                + ": heading 「"
                                + h
                                + "」 appears twice (columns "
                                + columns.get(h)
                                + " and "
                                + letter
                                + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw bad(
                    place
                            + ": unknown heading(s) "
                            + String.join(", ", unknown)
                            + "; the sheet's headings are "
                            + String.join(", ", def.headings())
                            + " (plus optional id and ETag)");
        }
        List<String> missing =
                def.headings().stream().filter(h -> !columns.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            throw bad(
                    place
                            + ": heading(s) missing: "
                            + String.join(", ", missing)
                            + " (columns are matched by heading, in any order)");
        }
        return columns;
    }

    /** Column letter of a 0-based index: 0 → A, 26 → AA. */
    static String letter(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }
}
