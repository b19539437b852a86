package io.kiban.backup;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The smoke tests again, against the packaged artifact (the jar here; the native binary on a build
 * host with Mandrel, through native.image.path).
 */
@QuarkusIntegrationTest
class ServiceSmokeIT extends ServiceSmokeTest {}
