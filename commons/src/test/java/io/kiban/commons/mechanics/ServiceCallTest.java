package io.kiban.commons.mechanics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.kiban.commons.client.CircuitOpenException;
import io.kiban.commons.client.Remote;
import io.kiban.commons.client.ServiceCallInterceptor;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.sample.UnstableDownstreamClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #19: the one pattern of a call between services ({@code @ServiceCall}): a GET that could not be
 * answered (502/503/504, no connection) is asked once more, a write never; a client whose calls
 * fail in a row is not called for a while (circuit breaker: 5 failures, open 1 s in this profile),
 * then one trial call decides. The downstream service is ServiceTokenTest's WireMock (same profile,
 * same application).
 */
@QuarkusTest
@TestProfile(ServiceTokenTest.ShortLivedTokens.class)
class ServiceCallTest {

    @Inject @RestClient UnstableDownstreamClient client;

    @Inject ServiceCallInterceptor.Breakers breakers;

    @BeforeEach
    void closeTheBreaker() {
        breakers.reset();
        ServiceTokenTest.World.server.resetRequests();
        ServiceTokenTest.World.server.resetScenarios();
    }

    private static long requests(String method, String path) {
        return ServiceTokenTest.World.server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().equals(path))
                .count();
    }

    @Test
    @DisplayName("SEC_service_call: a GET answered 503 is asked once more, and the answer is used")
    void SEC_service_call_a_get_answered_503_is_asked_once_more() {
        ServiceTokenTest.World.server.stubFor(
                get(urlPathEqualTo("/downstream/unstable"))
                        .inScenario("restarting")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("up"));
        ServiceTokenTest.World.server.stubFor(
                get(urlPathEqualTo("/downstream/unstable"))
                        .inScenario("restarting")
                        .whenScenarioStateIs("up")
                        .willReturn(aResponse().withStatus(200).withBody("ok")));

        assertThat(client.read()).isEqualTo("ok");
        assertThat(requests("GET", "/downstream/unstable")).isEqualTo(2);
    }

    @Test
    @DisplayName("SEC_service_call: a GET answered 502 twice reaches the caller after one retry")
    void SEC_service_call_only_one_retry_of_a_get() {
        ServiceTokenTest.World.server.stubFor(
                get(urlPathEqualTo("/downstream/unstable"))
                        .willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(client::read)
                .isInstanceOf(WebApplicationException.class)
                .satisfies(
                        e ->
                                assertThat(((WebApplicationException) e).getResponse().getStatus())
                                        .isEqualTo(502));
        assertThat(requests("GET", "/downstream/unstable")).isEqualTo(2);
    }

    @Test
    @DisplayName("SEC_service_call: a write answered 503 is never made twice")
    void SEC_service_call_a_write_is_never_retried() {
        ServiceTokenTest.World.server.stubFor(
                post(urlPathEqualTo("/downstream/unstable"))
                        .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.write("x")).isInstanceOf(WebApplicationException.class);
        assertThat(requests("POST", "/downstream/unstable")).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "SEC_service_call: after 5 failed calls in a row the client is not called for 1 s, then"
                    + " one trial call: failed, open again; answered, closed")
    void SEC_service_call_circuit_breaker_opens_after_five_failures_and_one_trial_decides()
            throws Exception {
        ServiceTokenTest.World.server.stubFor(
                get(urlPathEqualTo("/downstream/down")).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(client::down).isInstanceOf(WebApplicationException.class);
        }
        assertThat(requests("GET", "/downstream/down")).as("500 is not retried").isEqualTo(5);

        assertThatThrownBy(client::down)
                .isInstanceOf(CircuitOpenException.class)
                .isInstanceOf(ProcessingException.class)
                .hasMessageContaining("UnstableDownstreamClient")
                .hasMessageContaining("circuit breaker open");
        assertThat(requests("GET", "/downstream/down"))
                .as("the open breaker sent nothing")
                .isEqualTo(5);

        Thread.sleep(1_100);
        // the trial call still fails: open again at once
        assertThatThrownBy(client::down).isInstanceOf(WebApplicationException.class);
        assertThat(requests("GET", "/downstream/down")).isEqualTo(6);
        assertThatThrownBy(client::down).isInstanceOf(CircuitOpenException.class);
        assertThat(requests("GET", "/downstream/down")).isEqualTo(6);

        Thread.sleep(1_100);
        ServiceTokenTest.World.server.stubFor(
                get(urlPathEqualTo("/downstream/down"))
                        .willReturn(aResponse().withStatus(200).withBody("back")));
        assertThat(client.down()).as("the trial call").isEqualTo("back");
        assertThat(client.down()).as("closed again").isEqualTo("back");
        assertThat(requests("GET", "/downstream/down")).isEqualTo(8);
    }

    @Test
    @DisplayName(
            "SEC_service_call: broken connections count as failures; answers the caller got wrong"
                    + " (404) do not open the breaker")
    void SEC_service_call_what_the_breaker_counts() {
        ServiceTokenTest.World.server.stubFor(
                get(urlPathEqualTo("/downstream/missing")).willReturn(aResponse().withStatus(404)));
        for (int i = 0; i < 7; i++) {
            assertThatThrownBy(client::missing).isInstanceOf(WebApplicationException.class);
        }
        assertThat(requests("GET", "/downstream/missing")).isEqualTo(7);

        ServiceTokenTest.World.server.stubFor(
                get(urlPathEqualTo("/downstream/down"))
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(client::down).isInstanceOf(ProcessingException.class);
        }
        assertThatThrownBy(client::down).isInstanceOf(CircuitOpenException.class);
        assertThat(requests("GET", "/downstream/down")).isEqualTo(5);
    }

    @Test
    @DisplayName(
            "#19 Remote.call: a refusal carries the other service's detail (422 of the caller), a"
                    + " 404 is told apart, no answer is 503 naming the service; the caller's own"
                    + " problem passes through")
    void remote_call_translates_every_failure_one_way() {
        ServiceTokenTest.World.server.stubFor(
                get(urlPathEqualTo("/downstream/refused"))
                        .willReturn(
                                aResponse()
                                        .withStatus(422)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"type\":\"about:blank\",\"status\":422,"
                                                        + "\"detail\":\"R-AS-2: serial SN-1 is"
                                                        + " registered already\"}")));
        Remote.Failure refused =
                catchThrowableOfType(
                        Remote.Failure.class,
                        () -> Remote.call("asset-service", "the replacement", client::refused));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.detail()).isEqualTo("R-AS-2: serial SN-1 is registered already");
        ProblemException problem = refused.toProblem();
        assertThat(problem.type()).isEqualTo(ProblemType.RULE_VIOLATION);
        assertThat(problem.getMessage())
                .isEqualTo(
                        "asset-service refused the replacement (422): R-AS-2: serial SN-1 is"
                                + " registered already");

        ServiceTokenTest.World.server.stubFor(
                get(urlPathEqualTo("/downstream/missing")).willReturn(aResponse().withStatus(404)));
        Remote.Failure missing =
                catchThrowableOfType(
                        Remote.Failure.class,
                        () -> Remote.call("asset-service", "hardware 7", client::missing));
        assertThat(missing.notFound()).isTrue();
        assertThat(missing.toProblem().type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE);

        ServiceTokenTest.World.server.stubFor(
                get(urlPathEqualTo("/downstream/down"))
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ProblemException unreachable =
                catchThrowableOfType(
                        ProblemException.class,
                        () -> Remote.orUnavailable("lifecycle-service", "the phase", client::down));
        assertThat(unreachable.type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE);
        assertThat(unreachable.getMessage())
                .isEqualTo(
                        "lifecycle-service is unreachable (the phase); nothing was recorded, retry"
                                + " later");

        ProblemException own = ProblemException.rule("R-RM-1", "the phase is closed");
        assertThat(
                        catchThrowableOfType(
                                ProblemException.class,
                                () ->
                                        Remote.call(
                                                "lifecycle-service",
                                                "the phase",
                                                () -> {
                                                    throw own;
                                                })))
                .isSameAs(own);
    }
}
