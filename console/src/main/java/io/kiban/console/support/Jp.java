package io.kiban.console.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/** Dates as 令和 and ISO, times in JST, and the Japanese words for the services' enum values. */
public final class Jp {

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Map<String, String> LABELS =
            Map.ofEntries(
                    // environments
                    Map.entry("PRODUCTION", "本番環境"),
                    Map.entry("STAGING", "検証環境"),
                    Map.entry("SHARED", "共用環境"),
                    // phases
                    Map.entry("CONTRACTED", "契約済"),
                    Map.entry("BUILDING", "構築中"),
                    Map.entry("IN_SERVICE", "稼働中"),
                    Map.entry("END_OF_USE", "利用終了"),
                    Map.entry("REMOVING", "撤去中"),
                    Map.entry("REMOVED", "撤去済"),
                    Map.entry("CLOSED", "完了"),
                    // approvals
                    Map.entry("PROPOSED", "提案中"),
                    Map.entry("APPROVED", "承認済"),
                    Map.entry("REJECTED", "差戻し"),
                    Map.entry("RETURNED", "差戻し"),
                    Map.entry("SUBMITTED", "提出済"),
                    Map.entry("PENDING", "未提出"),
                    Map.entry("ACCEPTED", "受理済"),
                    Map.entry("REVOKED", "取消"),
                    // tickets
                    Map.entry("REPORTED", "受付"),
                    Map.entry("ACKNOWLEDGED", "応答済"),
                    Map.entry("IN_PROGRESS", "対応中"),
                    Map.entry("PARTS_REPLACED", "部品交換済"),
                    Map.entry("RESOLVED", "復旧"),
                    Map.entry("CANCELLED", "取消"),
                    // custody
                    Map.entry("REMOVED_ON_SITE", "取り外し（現地）"),
                    Map.entry("IN_CUSTODY", "保管中"),
                    Map.entry("EVIDENCE_SUBMITTED", "証跡提出済"),
                    Map.entry("EVIDENCE_ACCEPTED", "証跡受理済"),
                    Map.entry("EVIDENCE_REJECTED", "証跡差戻し"),
                    // findings
                    Map.entry("OPEN", "未対応"),
                    Map.entry("PLANNED", "計画提出済"),
                    Map.entry("CONFIRMED", "確認済"),
                    Map.entry("APPLIED", "適用済"),
                    // backup runs
                    Map.entry("SCHEDULED", "予定"),
                    Map.entry("RUNNING", "実行中"),
                    Map.entry("SUCCEEDED", "成功"),
                    Map.entry("PARTIALLY_FAILED", "一部失敗"),
                    Map.entry("FAILED", "失敗"),
                    Map.entry("MISSED", "未実行"),
                    Map.entry("SKIPPED_OVERLAP", "重複のため省略"),
                    Map.entry("SKIPPED_BLACKOUT", "停止時間帯のため省略"),
                    Map.entry("SKIPPED_HOLD", "保守のため保留"),
                    Map.entry("PRUNED", "世代削除済"),
                    // hardware
                    Map.entry("IN_STOCK", "在庫"),
                    Map.entry("INSTALLED", "設置済"),
                    Map.entry("DECOMMISSIONED", "廃止"));

    private Jp() {}

    /** The Japanese word for an enum value; the value itself when the console has none. */
    public static String label(String value) {
        if (value == null) {
            return "—";
        }
        return LABELS.getOrDefault(value, value);
    }

    /** 令和9年3月31日 (2027-03-31); the text as given when it is not an ISO date. */
    public static String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return "—";
        }
        try {
            LocalDate d = LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso);
            return reiwa(d) + " (" + d + ")";
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    public static String reiwa(LocalDate d) {
        JapaneseDate jd = JapaneseDate.from(d);
        JapaneseEra era = jd.getEra();
        int year = jd.get(ChronoField.YEAR_OF_ERA);
        String eraName = era.getDisplayName(java.time.format.TextStyle.FULL, Locale.JAPAN);
        return eraName
                + (year == 1 ? "元" : String.valueOf(year))
                + "年"
                + d.getMonthValue()
                + "月"
                + d.getDayOfMonth()
                + "日";
    }

    /** An instant as JST wall time: 2027-01-15 12:00 JST (令和9年1月15日). */
    public static String time(String iso) {
        if (iso == null || iso.isBlank()) {
            return "—";
        }
        try {
            Instant i =
                    iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")
                            ? OffsetDateTime.parse(iso).toInstant()
                            : Instant.parse(iso);
            var local = i.atZone(JST);
            return TIME.format(local) + " JST (" + reiwa(local.toLocalDate()) + ")";
        } catch (DateTimeParseException e) {
            return date(iso);
        }
    }

    /** Today in Tokyo. */
    public static LocalDate today() {
        return LocalDate.now(JST);
    }

    static {
        // fail at class load, not on a page, if the chronology is not there
        JapaneseChronology.INSTANCE.dateNow();
    }
}
