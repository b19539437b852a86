package io.kiban.lifecycle.notification;

import java.util.List;

/**
 * One mail for one event: {@code eventId} is the key it is sent under at most once
 * (digest:2031-02-03, sla-breach:42:RESPONSE, …); {@code link} the console page it points at.
 */
public record OutgoingMail(
        String eventId,
        Kind kind,
        List<String> recipients,
        String subject,
        String body,
        String link) {

    public enum Kind {
        DIGEST,
        SLA_BREACH,
        EVIDENCE_REJECTED,
        APPROVAL_REQUESTED
    }
}
