package io.kiban.lifecycle.phase;

import io.kiban.lifecycle.support.Environment;
import java.util.List;

/**
 * R-RM-1..R-RM-4: what still stands in the way of an environment's removal. Asked by the phase
 * machine before REMOVED; answered by the removal feature's gate, which itself reads phases — so
 * phases ask through this, never the other way (#19).
 */
public interface RemovalBlockers {

    List<Blocker> blockers(Environment env);
}
