package io.kiban.commons.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellTextTest {

    @Test
    void formula_like_values_are_neutralised() {
        assertThat(CellText.csv("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CellText.csv("+1")).isEqualTo("'+1");
        assertThat(CellText.csv("-2")).isEqualTo("'-2");
        assertThat(CellText.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CellText.csv("\tx")).isEqualTo("'\tx");
        assertThat(CellText.csv("\rx")).isEqualTo("\"'\rx\"");
    }

    @Test
    void plain_values_are_unchanged() {
        assertThat(CellText.csv("Quarkus 3.33")).isEqualTo("Quarkus 3.33");
        assertThat(CellText.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(CellText.csv(null)).isEmpty();
        assertThat(CellText.isFormulaLike("")).isFalse();
        assertThat(CellText.isFormulaLike("1-2")).isFalse();
    }
}
