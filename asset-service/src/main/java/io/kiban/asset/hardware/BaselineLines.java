package io.kiban.asset.hardware;

import io.kiban.asset.support.Environment;

/**
 * R-AS-1: whether the delivery baseline has a line for an item code in an environment (or in
 * SHARED). Answered by the baseline feature, which itself reads hardware — so hardware asks through
 * this, never the other way (#19).
 */
public interface BaselineLines {

    boolean has(String itemCode, Environment environment);
}
