package io.kiban.commons.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #17: spreadsheets write Japanese words for enum values and read both the words and the constants
 * back.
 */
class EnumLabelsTest {

    enum Environment {
        PRODUCTION,
        STAGING,
        SHARED
    }

    static final class Ticket {
        enum Status {
            OPEN,
            UNLABELLED
        }
    }

    @Test
    @DisplayName(
            "#17 a bare value takes commons' label; a nested enum's key names its outer class; an unknown one stays as it is")
    void labels() {
        assertThat(EnumLabels.ja(Environment.PRODUCTION)).isEqualTo("本番環境");
        assertThat(EnumLabels.ja(Environment.STAGING)).isEqualTo("検証環境");
        assertThat(EnumLabels.key(Ticket.Status.OPEN))
                .isEqualTo("EnumLabelsTest.Ticket.Status.OPEN");
        // the test classpath's kiban-enum-labels_ja.properties names the nested key
        assertThat(EnumLabels.ja(Ticket.Status.OPEN)).isEqualTo("受付中");
        assertThat(EnumLabels.ja(Ticket.Status.UNLABELLED)).isEqualTo("UNLABELLED");
        assertThat(EnumLabels.ja(null)).isEmpty();
        assertThat(EnumLabels.label(Environment.SHARED, Locale.ENGLISH)).isEqualTo("SHARED");
        assertThat(EnumLabels.label(Environment.SHARED, Locale.JAPANESE)).isEqualTo("共用環境");
    }

    @Test
    @DisplayName(
            "#17 a sheet edited by hand imports again: the Japanese word, the constant in any case, blanks ignored")
    void parse_reads_both_back() {
        assertThat(EnumLabels.parse(Environment.class, "本番環境")).contains(Environment.PRODUCTION);
        assertThat(EnumLabels.parse(Environment.class, " staging ")).contains(Environment.STAGING);
        assertThat(EnumLabels.parse(Ticket.Status.class, "受付中")).contains(Ticket.Status.OPEN);
        assertThat(EnumLabels.parse(Environment.class, "本番")).isEmpty();
        assertThat(EnumLabels.parse(Environment.class, "")).isEmpty();
    }
}
