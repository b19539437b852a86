package io.kiban.backup;

import io.kiban.backup.support.MaintenanceStub;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.ServiceSmokeContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * The service starts on its own database with health, metrics, OpenAPI, security and its audit
 * chain.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class ServiceSmokeTest extends ServiceSmokeContract {

    @Override
    protected String service() {
        return "backup-service";
    }
}
