package io.kiban.lifecycle;

import io.kiban.commons.testing.ArchitectureContract;

/**
 * #19: lifecycle-service keeps the suite's structure (rules in commons' {@link
 * ArchitectureContract}).
 */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String rootPackage() {
        return "io.kiban.lifecycle";
    }
}
