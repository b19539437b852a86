package io.kiban.commons.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At start-up, marks a chain recorded in MAC format 1 so that it continues in format 2 (#15 item
 * 7).
 */
@ApplicationScoped
public class AuditFormatUpgrade {

    private static final Logger LOG = Logger.getLogger(AuditFormatUpgrade.class);

    private final AuditTrail trail;

    public AuditFormatUpgrade(AuditTrail trail) {
        this.trail = trail;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            trail.upgradeLegacyChain();
        } catch (RuntimeException e) {
            LOG.errorf(
                    "the audit chain could not be upgraded to MAC format 2 at start-up: %s",
                    e.getMessage());
        }
    }
}
