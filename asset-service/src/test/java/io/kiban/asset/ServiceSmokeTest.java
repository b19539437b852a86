package io.kiban.asset;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.ServiceSmokeContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service starts on its own database with health, metrics, OpenAPI, security and its audit
 * chain.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class ServiceSmokeTest extends ServiceSmokeContract {

    @Override
    protected String service() {
        return "asset-service";
    }
}
