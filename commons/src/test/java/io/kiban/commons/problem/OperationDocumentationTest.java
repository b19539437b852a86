package io.kiban.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.ApiContract;
import io.kiban.commons.testing.OidcTestServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #17: the check every service's {@code ServiceSmokeTest} runs on its own OpenAPI document fails on
 * an operation that lacks a 日本語 / English summary, a two-language description, an example body or
 * an enum type — shown here on the commons sample app, whose widget create/read are documented and
 * whose probes deliberately are not.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class OperationDocumentationTest {

    @Test
    @DisplayName(
            "#17 the documentation contract names each undocumented operation and what it lacks")
    void the_contract_names_what_an_operation_lacks() {
        List<String> missing = ApiContract.operationsMissingDocumentation();

        assertThat(missing)
                .contains(
                        "GET /probes/bug: summary is not \"日本語 / English\": Bug",
                        "GET /probes/bug: description is not a Japanese paragraph, a blank line, then an English one",
                        "GET /probes/status-text: query parameter status is a free string, not an enum",
                        "POST /widgets/{id}/copies: no example request body for application/json");
    }

    @Test
    @DisplayName(
            "#17 a documented operation passes: commons' audit operations and the sample's widget create/read")
    void documented_operations_pass() {
        List<String> missing = ApiContract.operationsMissingDocumentation();

        assertThat(missing).noneMatch(line -> line.startsWith("GET /audit"));
        assertThat(missing).noneMatch(line -> line.startsWith("POST /widgets: "));
        assertThat(missing).noneMatch(line -> line.startsWith("GET /widgets/{id}: "));
        // an enum typed as an enum is not named, though its parameter has an enum name
        assertThat(missing)
                .noneMatch(line -> line.startsWith("GET /probes/colours: query parameter"));
    }
}
