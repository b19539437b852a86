package io.kiban.maintenance.ticket;

import io.kiban.commons.problem.Problem;
import java.util.List;

/**
 * R-MT-6: what stops a ticket from closing — its data-bearing removed parts and failure-log media
 * without accepted destruction evidence, one conflict each (kind, serial, state, link to the item).
 * Answered by the custody feature, so tickets do not depend on how custody stores its items (#19).
 */
public interface OutstandingMedia {

    List<Problem.Conflict> withoutAcceptedEvidence(long ticketId);
}
