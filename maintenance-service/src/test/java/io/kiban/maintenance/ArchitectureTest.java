package io.kiban.maintenance;

import io.kiban.commons.testing.ArchitectureContract;

/**
 * #19: maintenance-service keeps the suite's structure (rules in commons' {@link
 * ArchitectureContract}).
 */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String rootPackage() {
        return "io.kiban.maintenance";
    }
}
