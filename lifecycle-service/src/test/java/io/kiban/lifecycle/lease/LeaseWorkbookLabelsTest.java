package io.kiban.lifecycle.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.export.EnumLabels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #17: the lease ledger workbook writes every enum value it holds as a Japanese word
 * (EnumLabels.ja).
 */
class LeaseWorkbookLabelsTest {

    @Test
    @DisplayName(
            "R-LC-7 #17: every value of every enum the ledger workbook writes has a Japanese label, distinct within its enum, read back by EnumLabels.parse")
    void R_LC_7_every_enum_value_written_to_the_ledger_workbook_has_a_japanese_label() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : LeaseWorkbook.ENUMS_WRITTEN) {
            Set<String> seen = new HashSet<>();
            for (Enum<?> value : type.getEnumConstants()) {
                String label = EnumLabels.japanese(value).orElse(null);
                if (label == null || label.isBlank() || label.equals(value.name())) {
                    missing.add(EnumLabels.key(value));
                    continue;
                }
                assertThat(seen.add(label))
                        .as(
                                "%s: %s is the label of another value too",
                                EnumLabels.key(value), label)
                        .isTrue();
                assertThat(parse(type, label))
                        .as("EnumLabels.parse reads %s back", label)
                        .isSameAs(value);
            }
        }
        assertThat(missing)
                .as("values without a Japanese label in kiban-enum-labels_ja.properties")
                .isEmpty();
    }

    @Test
    @DisplayName("R-LC-14 #17: the workbook's words are those a JPO official reads in the ledger")
    void R_LC_14_the_workbook_labels_are_the_ledger_words() {
        assertThat(EnumLabels.ja(ProductionDelay.Cause.VENDOR)).isEqualTo("受注者の責");
        assertThat(EnumLabels.ja(ProductionDelay.Cause.OTHER)).isEqualTo("その他");
        assertThat(EnumLabels.ja(ProductionDelay.Status.PROPOSED)).isEqualTo("承認待ち");
        assertThat(EnumLabels.ja(ProductionDelay.Status.APPROVED)).isEqualTo("承認済み");
        assertThat(EnumLabels.ja(ProductionDelay.Status.REJECTED)).isEqualTo("却下");
        assertThat(EnumLabels.ja(LeaseWorkbook.Terms.CONTRACT)).isEqualTo("契約");
        assertThat(EnumLabels.ja(LeaseWorkbook.Terms.EXTENSION)).isEqualTo("協議による延長");
        // the ledger names an extension's months EXTENSION-<id>
        assertThat(LeaseWorkbook.Terms.of("EXTENSION-12")).isEqualTo(LeaseWorkbook.Terms.EXTENSION);
        assertThat(LeaseWorkbook.Terms.of("CONTRACT")).isEqualTo(LeaseWorkbook.Terms.CONTRACT);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Enum<?> parse(Class<? extends Enum<?>> type, String text) {
        return (Enum<?>) EnumLabels.parse((Class) type, text).orElse(null);
    }
}
