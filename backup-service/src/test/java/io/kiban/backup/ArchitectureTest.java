package io.kiban.backup;

import io.kiban.commons.testing.ArchitectureContract;

/**
 * #19: backup-service keeps the suite's structure (rules in commons' {@link ArchitectureContract}).
 */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String rootPackage() {
        return "io.kiban.backup";
    }
}
