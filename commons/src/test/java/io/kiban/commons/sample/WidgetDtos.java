package io.kiban.commons.sample;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

public final class WidgetDtos {

    private WidgetDtos() {}

    public record WidgetInput(
            @NotBlank String name,
            @NotNull Widget.Kind kind,
            @NotNull @PositiveOrZero Integer quantity,
            Long parentId,
            String organisation,
            @Max(10_000) Integer holdMillis) {}

    public record WidgetView(
            Long id,
            String name,
            String organisation,
            Widget.Kind kind,
            int quantity,
            Long parentId,
            long version) {

        static WidgetView of(Widget w) {
            return new WidgetView(
                    w.id, w.name, w.organisation, w.kind, w.quantity, w.parentId, w.version);
        }
    }
}
