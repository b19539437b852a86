package io.kiban.console;

import io.kiban.commons.testing.ArchitectureContract;

/**
 * #19: the console keeps the suite's structure as the services do (rules in commons' {@link
 * ArchitectureContract}): no package cycles, no service's packages imported (it calls them over
 * HTTP), no repository in a resource.
 */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String rootPackage() {
        return "io.kiban.console";
    }
}
