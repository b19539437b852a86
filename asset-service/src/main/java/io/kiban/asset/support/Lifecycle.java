package io.kiban.asset.support;

import io.kiban.commons.client.Remote;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * What asset-service takes from lifecycle-service, the owner of the contract and of the phases:
 *
 * <ul>
 *   <li>R-RM-1/R-RM-3: nothing new enters an environment whose phase is REMOVED or CLOSED
 *       (hardware, media, unregistered parts, media replacements) — the phase is cached for a short
 *       time ({@code kiban.asset.lifecycle.phase-ttl}, 10 s); when it is not known (lifecycle
 *       unreachable) the write is refused with 503, never accepted silently;
 *   <li>R-AS-4/R-AS-6 and the contracted vendor: the contract as amended (lease end, contract end,
 *       vendor organisation), cached ({@code kiban.asset.lifecycle.contract-ttl}); when lifecycle
 *       is down the last copy is used and marked stale, and with no copy at all the answer is 503.
 * </ul>
 */
@ApplicationScoped
public class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class);
    private static final String LIFECYCLE = "lifecycle-service";
    private static final Set<String> CLOSED_PHASES = Set.of("REMOVED", "CLOSED");

    /**
     * The contract facts asset-service checks against, with when they were read and whether
     * lifecycle was down.
     */
    public record Contract(
            LocalDate leaseEnd,
            LocalDate contractEnd,
            String vendorOrganisation,
            Instant asOf,
            boolean stale) {}

    private record Cached<T>(T value, long fetchedNanos, Instant asOf) {}

    private final LifecycleClient client;
    private final AssetConfig config;
    private final Map<Environment, Cached<String>> phases = new ConcurrentHashMap<>();
    private volatile Cached<Contract> contract;

    public Lifecycle(@RestClient LifecycleClient client, AssetConfig config) {
        this.client = client;
        this.config = config;
    }

    /**
     * 422 naming R-RM-1/R-RM-3 when the environment's phase is REMOVED or CLOSED; 503 when
     * lifecycle-service cannot say. {@code what} names the refused write ("new hardware", "a media
     * replacement"…).
     */
    public void requireOpen(Environment environment, String what) {
        String phase = phase(environment);
        if (CLOSED_PHASES.contains(phase)) {
            throw ProblemException.rule(
                    "R-RM-1",
                    "environment "
                            + environment
                            + " is "
                            + phase
                            + " (R-RM-1/R-RM-3): nothing new enters a removed environment — "
                            + what
                            + " is refused");
        }
    }

    /**
     * The environment's phase, from the cache when younger than the TTL, else from
     * lifecycle-service.
     */
    public String phase(Environment environment) {
        Cached<String> cached = phases.get(environment);
        if (cached != null && fresh(cached, config.lifecycle().phaseTtl().toNanos())) {
            return cached.value();
        }
        LifecycleClient.PhaseFact fact =
                call("GET /phases/" + environment, () -> client.phase(environment.name()));
        if (fact == null || fact.phase() == null) {
            throw unavailable("GET /phases/" + environment, "gave no phase");
        }
        phases.put(environment, new Cached<>(fact.phase(), System.nanoTime(), Instant.now()));
        return fact.phase();
    }

    /**
     * The contract; from the cache when younger than the TTL, else read again. Lifecycle down: the
     * last copy, marked {@code stale}; no copy at all: 503.
     */
    public Contract contract() {
        Cached<Contract> cached = contract;
        if (cached != null && fresh(cached, config.lifecycle().contractTtl().toNanos())) {
            return cached.value();
        }
        try {
            LifecycleClient.ContractFact fact = call("GET /contract", client::contract);
            if (fact == null
                    || fact.leaseEnd() == null
                    || fact.contractEnd() == null
                    || fact.vendorOrganisation() == null) {
                throw unavailable("GET /contract", "gave an incomplete contract");
            }
            Instant now = Instant.now();
            Contract c =
                    new Contract(
                            fact.leaseEnd(),
                            fact.contractEnd(),
                            fact.vendorOrganisation(),
                            now,
                            false);
            contract = new Cached<>(c, System.nanoTime(), now);
            return c;
        } catch (ProblemException e) {
            if (cached == null) {
                throw e;
            }
            Contract c = cached.value();
            LOG.warnf("lifecycle-service is down; using the contract as read at %s", c.asOf());
            return new Contract(
                    c.leaseEnd(), c.contractEnd(), c.vendorOrganisation(), c.asOf(), true);
        }
    }

    /** Forgets the cached phases and contract (operations, and tests that start from no copy). */
    public void forgetCachedCopies() {
        phases.clear();
        contract = null;
    }

    private static boolean fresh(Cached<?> cached, long ttlNanos) {
        return System.nanoTime() - cached.fetchedNanos() < ttlNanos;
    }

    /** The remote read; any failure is a 503 naming lifecycle-service (commons' {@link Remote}). */
    private static <T> T call(String what, Supplier<T> call) {
        return Remote.orUnavailable(LIFECYCLE, what, call);
    }

    /** lifecycle-service answered, but not with what asset-service needs. */
    private static ProblemException unavailable(String what, String how) {
        return ProblemException.of(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                LIFECYCLE + " " + how + " (" + what + "); nothing was recorded, retry later");
    }
}
