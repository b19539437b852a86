package io.kiban.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Japanese bundles cover every problem type and every rule id of DOMAIN.md; Accept-Language
 * parsing.
 */
class ProblemMessagesTest {

    /** The repository root: the directory above commons/ (the test runs in commons/). */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("commons")) && Files.exists(d.resolve("mvnw"))) {
                return d;
            }
        }
        throw new AssertionError("no repository root above " + dir);
    }

    @Test
    @DisplayName("every rule id of ../shared/DOMAIN.md has a Japanese sentence")
    void every_rule_of_the_domain_has_a_japanese_sentence() throws IOException {
        Path domain = repositoryRoot().resolve("../shared/DOMAIN.md").normalize();
        assertThat(domain).as("DOMAIN.md next to the repository").exists();
        Set<String> ids = new TreeSet<>();
        Matcher m =
                ProblemMessages.RULE_ID.matcher(Files.readString(domain, StandardCharsets.UTF_8));
        while (m.find()) {
            ids.add(m.group());
        }
        assertThat(ids)
                .as("rule ids in DOMAIN.md")
                .hasSizeGreaterThanOrEqualTo(38)
                .contains("R-LC-14", "R-SEC-2");
        List<String> missing =
                ids.stream().filter(id -> ProblemMessages.rule(id).isEmpty()).toList();
        assertThat(missing).as("rule ids without a Japanese sentence").isEmpty();
        for (String id : ids) {
            String sentence = ProblemMessages.rule(id).orElseThrow();
            assertThat(sentence).as(id).endsWith("。").doesNotContain("TODO");
            assertThat(
                            sentence.codePoints()
                                    .anyMatch(
                                            c ->
                                                    Character.UnicodeScript.of(c)
                                                            == Character.UnicodeScript.HIRAGANA))
                    .as(id + " is Japanese")
                    .isTrue();
        }
    }

    @Test
    void every_problem_type_has_a_japanese_title() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(ProblemMessages.title(type)).as(type.name()).isPresent();
            assertThat(ProblemMessages.title(type).orElseThrow())
                    .as(type.name())
                    .isNotEqualTo(type.title());
        }
    }

    @Test
    void placeholders_and_nouns() {
        assertThat(ProblemMessages.text(ProblemMessage.of("detail.not-found", "medium", 12)))
                .hasValue("記憶媒体 12 は存在しません");
        assertThat(ProblemMessages.text(ProblemMessage.of("detail.not-found", "gizmo", 3)))
                .hasValue("gizmo 3 は存在しません");
        assertThat(ProblemMessages.text(ProblemMessage.of("no.such.key"))).isEmpty();
    }

    @Test
    void localize_changes_only_title_and_detail() {
        Problem english =
                new Problem(
                        "urn:kiban:problem:rule-violation",
                        "Business rule violated",
                        422,
                        "the contractor was approved after the destruction",
                        "/tickets/3",
                        "R-MT-4",
                        List.of(new Problem.FieldError("certificate", "before approval")),
                        List.of(Problem.Conflict.of("contractor", "9", "approved 2027-05-01")));
        Problem japanese = ProblemMessages.localize(english, null, Locale.JAPANESE);
        assertThat(japanese.title()).isEqualTo("業務規則に違反しています");
        assertThat(japanese.detail())
                .startsWith("R-MT-4: 受注者が選定した産業廃棄物処理業者の証明書は")
                .endsWith("（the contractor was approved after the destruction）");
        assertThat(japanese.type()).isEqualTo(english.type());
        assertThat(japanese.status()).isEqualTo(422);
        assertThat(japanese.instance()).isEqualTo("/tickets/3");
        assertThat(japanese.rule()).isEqualTo("R-MT-4");
        assertThat(japanese.errors()).isEqualTo(english.errors());
        assertThat(japanese.conflicts()).isEqualTo(english.conflicts());
        assertThat(ProblemMessages.localize(english, null, Locale.ENGLISH)).isSameAs(english);
    }

    @Test
    @DisplayName("Accept-Language quality values")
    void accept_language_quality_values() {
        assertThat(ProblemLanguage.preferred("ja")).isEqualTo(Locale.JAPANESE);
        assertThat(ProblemLanguage.preferred("ja-JP")).isEqualTo(Locale.JAPANESE);
        assertThat(ProblemLanguage.preferred("JA-jp")).isEqualTo(Locale.JAPANESE);
        assertThat(ProblemLanguage.preferred("en;q=0.9, ja")).isEqualTo(Locale.JAPANESE);
        assertThat(ProblemLanguage.preferred("en;q=0.9,ja;q=0.95")).isEqualTo(Locale.JAPANESE);
        assertThat(ProblemLanguage.preferred("ja, en")).isEqualTo(Locale.JAPANESE);
        assertThat(ProblemLanguage.preferred("en, ja")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.preferred("ja;q=0.5, en")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.preferred("fr-FR, ja;q=0.2")).isEqualTo(Locale.JAPANESE);
        assertThat(ProblemLanguage.preferred("fr-FR, ja;q=0.2, en;q=0.3"))
                .isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.preferred("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.preferred("ja;q=0")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.preferred("*;q=0.5, ja;q=0")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.preferred("en;q=0.1, *")).isEqualTo(Locale.JAPANESE);
        assertThat(ProblemLanguage.preferred("*")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.preferred("jav, ja-Latn;q=0.1")).isEqualTo(Locale.JAPANESE);
        assertThat(ProblemLanguage.preferred("ja;q=abc")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.preferred("ja;q=1.5")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.preferred("")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.preferred(null)).isEqualTo(Locale.ENGLISH);
    }
}
