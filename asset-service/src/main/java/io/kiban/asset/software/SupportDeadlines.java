package io.kiban.asset.software;

import java.util.Collection;

/**
 * R-AS-4: applies the stored end-of-life cycles to software whenever it is created, changed or
 * imported. Answered by the end-of-life feature, which reads software — so software asks through
 * this, never the other way (#19).
 */
public interface SupportDeadlines {

    void applyStoredCycles(Collection<Software> software);

    /**
     * The stored cycles read once, for many pieces of software in one transaction (a bulk import,
     * issue 18).
     */
    Batch storedCycles();

    /** See {@link #storedCycles()}. */
    interface Batch {
        /**
         * Sets the software's deadline from the first mapping that selects it and has a stored
         * cycle.
         */
        void applyTo(Software software);
    }
}
