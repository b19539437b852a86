package io.kiban.maintenance.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.export.EnumLabels;
import io.kiban.maintenance.contractor.Contractor;
import io.kiban.maintenance.custody.CustodyStatus;
import io.kiban.maintenance.custody.ItemSource;
import io.kiban.maintenance.evidence.Evidence;
import io.kiban.maintenance.evidence.Issuer;
import io.kiban.maintenance.evidence.Method;
import io.kiban.maintenance.evidence.Technique;
import io.kiban.maintenance.replacement.PartCondition;
import io.kiban.maintenance.support.Environment;
import io.kiban.maintenance.support.MediumKind;
import io.kiban.maintenance.ticket.FaultClass;
import io.kiban.maintenance.ticket.Severity;
import io.kiban.maintenance.ticket.TicketStatus;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #17: every enum value the xlsx exports write has a Japanese word, one word per value, read back
 * as the value.
 */
class EnumLabelsTest {

    /** The enums the destruction register writes (媒体種別, 区分, 消去・破壊方法, 証明書発行者, 環境). */
    static final List<Class<? extends Enum<?>>> EXPORTED =
            List.of(
                    MediumKind.class,
                    Method.class,
                    Technique.class,
                    Issuer.class,
                    Environment.class);

    /**
     * Every enum of the service with labels in kiban-enum-labels_ja.properties (the exported ones
     * and the states).
     */
    static final List<Class<? extends Enum<?>>> LABELLED =
            List.of(
                    MediumKind.class,
                    Method.class,
                    Technique.class,
                    Issuer.class,
                    Environment.class,
                    Evidence.Status.class,
                    CustodyStatus.class,
                    ItemSource.class,
                    TicketStatus.class,
                    Severity.class,
                    FaultClass.class,
                    PartCondition.class,
                    Contractor.Status.class);

    @Test
    @DisplayName(
            "#17 every value of every enum the destruction register writes has a Japanese label")
    void every_exported_enum_value_has_a_japanese_label() {
        for (Class<? extends Enum<?>> type : EXPORTED) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(EnumLabels.japanese(value)).as(EnumLabels.key(value)).isPresent();
            }
        }
    }

    @Test
    @DisplayName(
            "#17 each labelled enum: a label for every value, no two values share one, and each reads back")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void labels_are_complete_distinct_and_read_back() {
        for (Class<? extends Enum<?>> type : LABELLED) {
            Set<String> seen = new HashSet<>();
            for (Enum<?> value : type.getEnumConstants()) {
                String label =
                        EnumLabels.japanese(value)
                                .orElseThrow(
                                        () ->
                                                new AssertionError(
                                                        "no label for " + EnumLabels.key(value)));
                assertThat(label)
                        .as(EnumLabels.key(value))
                        .containsPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[A-Za-z]");
                assertThat(seen.add(label))
                        .as(type.getSimpleName() + " has two values labelled " + label)
                        .isTrue();
                java.util.Optional<?> back = EnumLabels.parse((Class) type, label);
                assertThat(back).as("reads back " + label).isEqualTo(java.util.Optional.of(value));
            }
        }
        assertThat(EnumLabels.ja(Environment.PRODUCTION)).isEqualTo("本番環境");
        assertThat(EnumLabels.ja(MediumKind.HDD)).isEqualTo("ハードディスク（HDD）");
        assertThat(EnumLabels.ja(Technique.DEGAUSS)).isEqualTo("磁気的破壊（消磁）");
        assertThat(EnumLabels.ja(Issuer.CONTRACTOR)).isEqualTo("産業廃棄物処理業者");
    }

    @Test
    @DisplayName(
            "#17 every key of the service's bundle names an existing enum value (no stale or misspelt key)")
    void every_key_of_the_bundle_names_a_value() throws Exception {
        Properties bundle = new Properties();
        try (Reader in =
                new InputStreamReader(
                        EnumLabelsTest.class
                                .getClassLoader()
                                .getResourceAsStream(EnumLabels.SERVICE_BUNDLE),
                        StandardCharsets.UTF_8)) {
            bundle.load(in);
        }
        Set<String> known =
                LABELLED.stream()
                        .flatMap(t -> java.util.Arrays.stream(t.getEnumConstants()))
                        .map(v -> EnumLabels.key((Enum<?>) v))
                        .collect(Collectors.toSet());
        assertThat(bundle.stringPropertyNames())
                .isNotEmpty()
                .allSatisfy(key -> assertThat(known).contains(key));
        Map<String, String> byKey =
                bundle.stringPropertyNames().stream()
                        .collect(Collectors.toMap(Function.identity(), bundle::getProperty));
        assertThat(byKey)
                .containsEntry("Method.DESTROY", "破壊 (DESTROY)")
                .containsEntry("Issuer.VENDOR", "ベンダ");
    }
}
