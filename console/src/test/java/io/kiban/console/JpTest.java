package io.kiban.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.console.support.Jp;
import io.kiban.console.support.Problems;
import io.kiban.console.support.Svc;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JpTest {

    @Test
    @DisplayName("Dates are 令和 with the ISO date; the first year is 元年")
    void reiwa_dates() {
        assertThat(Jp.reiwa(LocalDate.of(2027, 3, 31))).isEqualTo("令和9年3月31日");
        assertThat(Jp.reiwa(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(Jp.reiwa(LocalDate.of(2031, 3, 31))).isEqualTo("令和13年3月31日");
        assertThat(Jp.date("2027-03-31")).isEqualTo("令和9年3月31日 (2027-03-31)");
        assertThat(Jp.date(null)).isEqualTo("—");
    }

    @Test
    @DisplayName("Times are shown in JST: 15:30 UTC on 31 March is 00:30 on 1 April in Tokyo")
    void jst_times() {
        assertThat(Jp.time("2027-03-31T15:30:00Z")).isEqualTo("2027-04-01 00:30 JST (令和9年4月1日)");
        assertThat(Jp.time("2027-01-15T03:00:00+09:00"))
                .isEqualTo("2027-01-15 03:00 JST (令和9年1月15日)");
    }

    @Test
    @DisplayName("Enum values get Japanese words; an unknown one is shown as it is")
    void labels() {
        assertThat(Jp.label("PRODUCTION")).isEqualTo("本番環境");
        assertThat(Jp.label("IN_SERVICE")).isEqualTo("稼働中");
        assertThat(Jp.label("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
    }

    @Test
    @DisplayName("Problem answers become Japanese sentences naming the rule id")
    void problems() {
        var body =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .put("status", 422)
                        .put("rule", "R-LC-3")
                        .put("detail", "approved after the deadline");
        assertThat(Problems.message(Svc.LIFECYCLE, 422, body))
                .isEqualTo(
                        "業務ルールに反するため受け付けられませんでした。 納入期限の延長は、元の期限より前に特許庁が承認したものだけが有効です。"
                                + "（規則 R-LC-3） 詳細: approved after the deadline");
        assertThat(Problems.status(Svc.BACKUP, 503))
                .isEqualTo("バックアップサービス (backup-service)は一時的に利用できません（503）。");
        assertThat(Problems.status(Svc.ASSET, 428))
                .isEqualTo("版（If-Match）が指定されていないため受け付けられませんでした。");
    }
}
