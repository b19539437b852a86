package io.kiban.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same pages against the packaged jar (run by {@code ./mvnw verify -DskipITs=false}, as ./kiban
 * test does).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ConsoleMocks.class, restrictToAnnotatedClass = true)
class ConsolePagesIT extends ConsolePagesTest {}
