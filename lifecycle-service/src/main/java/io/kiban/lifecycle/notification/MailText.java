package io.kiban.lifecycle.notification;

import io.kiban.commons.time.ClockProducer;
import io.kiban.commons.time.ReiwaDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Japanese wording shared by the mails: dates as 令和 with the weekday, times in JST, console links.
 */
final class MailText {

    static final String PREFIX = "【Kiban】";
    static final String FOOTER =
            "\n--\nこのメールは基盤システム Kiban（lifecycle-service）からの自動送信です。返信はできません。\n"
                    + "配信先の変更はシステム管理者に依頼してください。\n";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockProducer.JPO_ZONE);

    private MailText() {}

    /** 令和13年2月3日（月）. */
    static String day(LocalDate date) {
        return ReiwaDates.format(date)
                + "（"
                + date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE)
                + "）";
    }

    /** 令和13年2月18日（火）（2031-02-18）. */
    static String dayWithIso(LocalDate date) {
        return day(date) + "（" + date + "）";
    }

    /** 2031-02-03 10:00 JST, or 不明. */
    static String time(Instant instant) {
        return instant == null ? "不明" : TIME.format(instant) + " JST";
    }

    static String link(String consoleUrl, String path) {
        String base =
                consoleUrl.endsWith("/")
                        ? consoleUrl.substring(0, consoleUrl.length() - 1)
                        : consoleUrl;
        return base + path;
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
