package io.kiban.maintenance.support;

import io.kiban.commons.client.Remote;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The only way into lifecycle-service. R-RM-1 / R-RM-3 (issue 14 item 8): nothing new enters an
 * environment whose lease phase is REMOVED or CLOSED. The phase is read from lifecycle-service and
 * cached for a short time ({@code kiban.maintenance.lifecycle-cache-ttl}, default 10 s); when
 * lifecycle-service cannot tell (unreachable, 5xx, unknown environment) the request is refused with
 * 503 — never a silent accept.
 */
@ApplicationScoped
public class LifecycleGateway {

    private static final Set<String> ENDED = Set.of("REMOVED", "CLOSED");
    private static final String CONTRACT = "\u0000contract";

    private record Cached(String value, Instant until) {}

    private final LifecycleClient client;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public LifecycleGateway(
            @RestClient LifecycleClient client,
            Clock clock,
            @ConfigProperty(name = "kiban.maintenance.lifecycle-cache-ttl", defaultValue = "10s")
                    Duration ttl) {
        this.client = client;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The lease phase of {@code environment} (cached); 503 when lifecycle-service cannot say. */
    public String phase(String environment) {
        if (environment == null || environment.isBlank()) {
            throw unavailable(
                    "GET /phases/?",
                    "cannot place the hardware in an environment (asset-service named none)");
        }
        String env = environment.trim().toUpperCase(Locale.ROOT);
        return cached(
                env,
                () -> {
                    LifecycleClient.PhaseView view =
                            call("GET /phases/" + env, () -> client.phase(env));
                    if (view == null || view.phase() == null) {
                        throw unavailable("GET /phases/" + env, "answered without a phase");
                    }
                    return view.phase();
                });
    }

    /**
     * R-RM-1 / R-RM-3: 422 when {@code environment} is REMOVED or CLOSED ({@code what} says what
     * was refused); 503 when its phase cannot be read.
     */
    public void requireOpen(String environment, String what) {
        String phase = phase(environment);
        if (ENDED.contains(phase)) {
            throw ProblemException.rule(
                    "R-RM-1",
                    "R-RM-1/R-RM-3: environment "
                            + environment
                            + " is "
                            + phase
                            + " in lifecycle-service; no "
                            + what
                            + " is recorded in a removed environment");
        }
    }

    /**
     * The vendor organisation of the contract, which maintains the leased hardware (cached); 503
     * when unknown.
     */
    public String contractedVendor() {
        return cached(
                CONTRACT,
                () -> {
                    LifecycleClient.ContractView view = call("GET /contract", client::contract);
                    if (view == null
                            || view.vendorOrganisation() == null
                            || view.vendorOrganisation().isBlank()) {
                        throw unavailable(
                                "GET /contract", "answered without a vendor organisation");
                    }
                    return view.vendorOrganisation();
                });
    }

    private String cached(String key, Supplier<String> load) {
        Instant now = clock.instant();
        Cached hit = cache.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.value();
        }
        String value = load.get();
        cache.put(key, new Cached(value, now.plus(ttl)));
        return value;
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return Remote.call("lifecycle-service", what, call);
        } catch (Remote.Failure f) {
            throw unavailable(
                    what,
                    f.notFound()
                            ? "does not know it (404)"
                            : f.status() == 0 ? "is unreachable" : "answered " + f.status());
        }
    }

    private static ProblemException unavailable(String what, String how) {
        return ProblemException.of(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                "lifecycle-service "
                        + how
                        + " ("
                        + what
                        + "); the lease phase decides whether anything may be recorded (R-RM-1/R-RM-3): nothing was recorded,"
                        + " retry later");
    }
}
