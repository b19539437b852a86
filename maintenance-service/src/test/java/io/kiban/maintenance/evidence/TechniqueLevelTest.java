package io.kiban.maintenance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.maintenance.support.MediumKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R-MT-5: the NIST SP 800-88 category each technique achieves on each kind of medium, written out
 * by hand (never derived from the code): D = DESTROY, P = PURGE, C = CLEAR, - = does not apply to
 * that medium. On flash, overwriting is only CLEAR and PURGE is only the device's sanitize / block
 * erase or a cryptographic erase; degaussing only works on magnetic media.
 */
class TechniqueLevelTest {

    /**
     * Columns: SHRED DISINTEGRATE PULVERIZE INCINERATE MELT CRUSH DEGAUSS CRYPTO_ERASE BLOCK_ERASE
     * SANITIZE_COMMAND OVERWRITE FACTORY_RESET
     */
    private static final String TABLE =
            """
            HDD                   D D D D D D P P - P P -
            SSD                   D D D D D D - P P P C C
            NVME                  D D D D D D - P P P C C
            NVRAM                 D D D D D D - P P P C C
            NVDIMM                D D D D D D - P P P C C
            TAPE                  D D D D D D P P - - C -
            CONTROLLER_WITH_CACHE D D D D D D - P P P C C
            BMC_FLASH             D D D D D D - P P P C C
            USB_FLASH             D D D D D D - P P P C C
            SD_CARD               D D D D D D - P P P C C
            OPTICAL_DISC          D D D D D D - - - - - -
            MOTHERBOARD           D D D D D D - - - - C C
            DIMM                  D D D D D D - - - - C C
            CPU                   D D D D D D - - - - C C
            PSU                   D D D D D D - - - - C C
            FAN                   D D D D D D - - - - C C
            NIC                   D D D D D D - - - - C C
            CABLE                 D D D D D D - - - - C C
            CHASSIS               D D D D D D - - - - C C
            OTHER                 D D D D D D - - - - C C
            """;

    private static final List<Technique> COLUMNS =
            List.of(
                    Technique.SHRED,
                    Technique.DISINTEGRATE,
                    Technique.PULVERIZE,
                    Technique.INCINERATE,
                    Technique.MELT,
                    Technique.CRUSH,
                    Technique.DEGAUSS,
                    Technique.CRYPTO_ERASE,
                    Technique.BLOCK_ERASE,
                    Technique.SANITIZE_COMMAND,
                    Technique.OVERWRITE,
                    Technique.FACTORY_RESET);

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            for (int c = 0; c < COLUMNS.size(); c++) {
                Method expected =
                        switch (cells[c + 1]) {
                            case "D" -> Method.DESTROY;
                            case "P" -> Method.PURGE;
                            case "C" -> Method.CLEAR;
                            default -> null;
                        };
                pairs.add(Arguments.of(MediumKind.valueOf(cells[0]), COLUMNS.get(c), expected));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "R-MT-5 {1} on {0} is {2}")
    @MethodSource("pairs")
    void R_MT_5_each_technique_achieves_its_level_on_each_medium(
            MediumKind kind, Technique technique, Method expected) {
        assertThat(technique.levelOn(kind)).isEqualTo(expected);
    }

    @Test
    @DisplayName("R-MT-5 the table covers every (medium kind x technique) pair")
    void R_MT_5_the_table_covers_every_pair() {
        assertThat(pairs().count()).isEqualTo(20L * 12L);
        assertThat(MediumKind.values()).hasSize(20);
        assertThat(Technique.values()).hasSize(12);
    }

    @Test
    @DisplayName("R-MT-5 overwriting NVMe, SSD, NVRAM and USB flash is CLEAR, never PURGE")
    void R_MT_5_overwrite_on_flash_is_clear_not_purge() {
        for (MediumKind flash :
                List.of(
                        MediumKind.SSD,
                        MediumKind.NVME,
                        MediumKind.NVRAM,
                        MediumKind.NVDIMM,
                        MediumKind.USB_FLASH,
                        MediumKind.SD_CARD,
                        MediumKind.BMC_FLASH,
                        MediumKind.CONTROLLER_WITH_CACHE)) {
            assertThat(Technique.OVERWRITE.levelOn(flash)).as(flash.name()).isEqualTo(Method.CLEAR);
            assertThat(Technique.DEGAUSS.levelOn(flash)).as(flash.name()).isNull();
        }
    }
}
