package io.kiban.lifecycle.support;

import io.kiban.commons.audit.LegacySealing;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

/**
 * #15 item 7: at start-up, once per database and kind (replicas serialise on the audit chain head),
 * the rows decided before V22 are sealed as they are now (see {@link
 * DecisionSeals#sealLegacy(LegacySealing)}).
 */
@ApplicationScoped
public class LegacySeals {

    private final LegacySealing sealing;
    private final Instance<DecisionSeals<?>> kinds;

    public LegacySeals(LegacySealing sealing, Instance<DecisionSeals<?>> kinds) {
        this.sealing = sealing;
        this.kinds = kinds;
    }

    @Transactional
    public void sealLegacyDecisions(@Observes StartupEvent start) {
        kinds.forEach(k -> k.sealLegacy(sealing));
    }
}
