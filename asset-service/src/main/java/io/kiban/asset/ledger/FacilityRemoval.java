package io.kiban.asset.ledger;

/**
 * Deletes a facility of sheet 5 only when no rack is left in it (409 naming them). Answered by the
 * rack feature, which depends on the ledger, never the other way (#19).
 */
public interface FacilityRemoval {

    void deleteFacility(long facilityId, String ifMatch);
}
