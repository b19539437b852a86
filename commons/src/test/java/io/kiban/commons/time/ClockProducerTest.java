package io.kiban.commons.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

    private static ClockConfig config(Instant fixed, Instant startAt) {
        return new ClockConfig() {
            @Override
            public Optional<Instant> fixed() {
                return Optional.ofNullable(fixed);
            }

            @Override
            public Optional<Instant> startAt() {
                return Optional.ofNullable(startAt);
            }
        };
    }

    private final Clock system = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void without_settings_the_system_clock_is_used() {
        assertThat(ClockProducer.create(config(null, null), List.of("prod"), system))
                .isSameAs(system);
    }

    @Test
    void a_fixed_clock_is_honoured_in_test_and_dev() {
        Instant inLease = Instant.parse("2027-07-15T01:00:00Z");
        assertThat(ClockProducer.create(config(inLease, null), List.of("test"), system).instant())
                .isEqualTo(inLease);
        assertThat(ClockProducer.create(config(inLease, null), List.of("dev"), system).instant())
                .isEqualTo(inLease);
    }

    @Test
    void a_start_at_clock_is_offset_from_the_system_clock() {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        Clock c = ClockProducer.create(config(null, start), List.of("e2e"), system);
        assertThat(c.instant()).isEqualTo(start);
    }

    @Test
    void production_refuses_a_test_clock() {
        assertThatThrownBy(
                        () ->
                                ClockProducer.create(
                                        config(Instant.EPOCH, null), List.of("prod"), system))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kiban.clock");
    }

    @Test
    void documents_show_reiwa_dates() {
        assertThat(ReiwaDates.format(LocalDate.of(2027, 3, 31))).isEqualTo("令和9年3月31日");
        assertThat(ReiwaDates.format(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(ReiwaDates.format(LocalDate.of(2031, 3, 31))).isEqualTo("令和13年3月31日");
    }
}
