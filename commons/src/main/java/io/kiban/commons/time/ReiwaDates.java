package io.kiban.commons.time;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;

/**
 * Dates in documents are written in the Japanese era (令和9年3月31日). Spreadsheets keep real date cells
 * and show them with {@link #EXCEL_FORMAT}, so Excel still sorts and filters them.
 */
public final class ReiwaDates {

    /** Excel number format for a Japanese-era date with 元年 for the first year. */
    public static final String EXCEL_FORMAT = "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"";

    private ReiwaDates() {}

    public static String format(LocalDate date) {
        if (date == null) {
            return null;
        }
        JapaneseDate jd = JapaneseDate.from(date);
        JapaneseEra era = jd.getEra();
        int year = jd.get(ChronoField.YEAR_OF_ERA);
        String eraName =
                era == JapaneseEra.REIWA
                        ? "令和"
                        : era == JapaneseEra.HEISEI
                                ? "平成"
                                : era.getDisplayName(
                                        java.time.format.TextStyle.FULL, java.util.Locale.JAPAN);
        return eraName
                + (year == 1 ? "元" : Integer.toString(year))
                + "年"
                + date.getMonthValue()
                + "月"
                + date.getDayOfMonth()
                + "日";
    }
}
