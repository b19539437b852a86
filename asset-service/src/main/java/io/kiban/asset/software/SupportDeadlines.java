package io.kiban.asset.software;

import java.util.Collection;

/**
 * R-AS-4: applies the stored end-of-life cycles to software whenever it is created, changed or imported. Answered
 * by the end-of-life feature, which reads software — so software asks through this, never the other way (#19).
 */
public interface SupportDeadlines {

    void applyStoredCycles(Collection<Software> software);
}
