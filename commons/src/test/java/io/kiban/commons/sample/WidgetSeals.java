package io.kiban.commons.sample;

import io.kiban.commons.audit.SealedState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * #15 item 7 sample: every approved widget must carry the MAC of the audit entry that approved it.
 */
@ApplicationScoped
public class WidgetSeals implements SealedState {

    static final String APPROVE = "approve-widget";

    private final WidgetService.WidgetRepository widgets;

    public WidgetSeals(WidgetService.WidgetRepository widgets) {
        this.widgets = widgets;
    }

    @Override
    public String entityType() {
        return "widget";
    }

    @Override
    public Set<String> actions() {
        return Set.of(APPROVE);
    }

    @Override
    public List<Seal> seals() {
        return widgets.list("approved = true order by id").stream()
                .map(
                        w ->
                                new Seal(
                                        String.valueOf(w.id),
                                        APPROVE,
                                        w.auditMac,
                                        SealedState.digest(w.approvalSeal())))
                .toList();
    }
}
