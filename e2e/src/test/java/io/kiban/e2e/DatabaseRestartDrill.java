package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, drill "database restart": under light load (hardware written and read back through
 * asset-service, tickets through maintenance-service, lists read), MariaDB is stopped for 20 s.
 * Meanwhile the services answer 503 application/problem+json, never 500; readiness goes down (503)
 * and comes back (200); every write acknowledged before, during or after the outage is in the
 * database afterwards.
 */
@Order(6)
@DisplayName("Drill: MariaDB stopped for 20 s under load")
class DatabaseRestartDrill {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final List<String> WATCHED = List.of("asset", "maintenance");

    private enum Phase {
        BEFORE,
        OUTAGE,
        RECOVERY,
        AFTER
    }

    private volatile Phase phase = Phase.BEFORE;
    private final AtomicBoolean running = new AtomicBoolean(true);

    /** "phase service request status content-type" → count */
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

    private final List<String> fiveHundreds = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notProblemJson = Collections.synchronizedList(new ArrayList<>());

    /** errors other than 503: the requests are valid, so an outage must not turn into a 4xx */
    private final List<String> notUnavailable = Collections.synchronizedList(new ArrayList<>());

    /** readiness statuses seen per service and phase */
    private final Map<String, Map<Integer, AtomicInteger>> readiness = new ConcurrentHashMap<>();

    /** acknowledged writes: "asset:<id>" → name or "maintenance:<id>" → description */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    private final Map<Phase, AtomicInteger> acknowledgedByPhase = new ConcurrentHashMap<>();

    @Test
    @DisplayName(
            "503 problem+json (never 500) while MariaDB is down, readiness down and up, no acknowledged write lost")
    void databaseRestart() throws Exception {
        Suite suite = Suite.get();
        int seconds = DrillKit.seconds();
        String run = DrillKit.runId();
        JsonNode hardware = DrillKit.createHardware(Tokens.VENDOR_A, "dbr-" + run, "SERVER");
        String hardwareId = hardware.path("id").asText();
        String environment = hardware.path("environment").asText();
        long before = Math.max(10, (seconds - OUTAGE.toSeconds()) / 2);
        long after = Math.max(10, seconds - before - OUTAGE.toSeconds());

        List<Thread> threads =
                List.of(
                        new Thread(() -> hardwareWriter(run, environment), "dbr-hardware"),
                        new Thread(() -> ticketWriter(run, hardwareId), "dbr-tickets"),
                        new Thread(this::reader, "dbr-reader"),
                        new Thread(this::readinessWatcher, "dbr-ready"));
        threads.forEach(Thread::start);
        String timeline;
        try {
            Suite.sleep(before * 1000);
            phase = Phase.OUTAGE;
            Instant stopping = Instant.now();
            assertThat(suite.script("mariadb.sh", "stop")).as("mariadb.sh stop").isZero();
            Instant stopped = Instant.now();
            Suite.sleep(
                    Math.max(
                            0, OUTAGE.minus(Duration.between(stopping, Instant.now())).toMillis()));
            phase = Phase.RECOVERY;
            Instant starting = Instant.now();
            assertThat(suite.script("mariadb.sh", "start")).as("mariadb.sh start").isZero();
            Instant started = Instant.now();
            for (String svc : Suite.SERVICES) {
                suite.awaitReady(svc, Duration.ofSeconds(300));
            }
            Instant ready = Instant.now();
            phase = Phase.AFTER;
            timeline =
                    String.format(
                            "stop took %d ms, down %d s, start took %d ms, all four ready %d ms later",
                            Duration.between(stopping, stopped).toMillis(),
                            Duration.between(stopping, starting).toSeconds(),
                            Duration.between(starting, started).toMillis(),
                            Duration.between(started, ready).toMillis());
            Suite.sleep(after * 1000);
        } finally {
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
            // the suite stays usable whatever happened
            suite.script("mariadb.sh", "start");
            for (String svc : Suite.SERVICES) {
                suite.awaitReady(svc, Duration.ofSeconds(300));
            }
        }

        // every acknowledged write, read back
        Map<String, String> lost = new TreeMap<>();
        acknowledged.forEach(
                (ref, expected) -> {
                    String svc = ref.substring(0, ref.indexOf(':'));
                    String id = ref.substring(ref.indexOf(':') + 1);
                    if (svc.equals("asset")) {
                        DrillKit.Reply r =
                                DrillKit.get(
                                        Tokens.VENDOR_A, suite.url("asset"), "/hardware/" + id);
                        if (r.status() != 200 || !expected.equals(r.json().path("name").asText())) {
                            lost.put(ref, r.toString());
                        }
                    } else {
                        DrillKit.Reply r =
                                DrillKit.get(
                                        Tokens.VENDOR_A,
                                        suite.url("maintenance"),
                                        "/tickets/" + id);
                        if (r.status() != 200
                                || !expected.equals(
                                        r.json().path("ticket").path("description").asText())) {
                            lost.put(ref, r.toString());
                        }
                    }
                });

        System.out.printf("%n[database-restart] %d s: %s%n", seconds, timeline);
        new TreeMap<>(answers)
                .forEach(
                        (k, v) -> System.out.printf("[database-restart]   %-60s %d%n", k, v.get()));
        new TreeMap<>(readiness)
                .forEach(
                        (k, v) -> System.out.printf("[database-restart]   ready %-30s %s%n", k, v));
        notUnavailable.forEach(a -> System.out.println("[database-restart]   NOT 503: " + a));
        System.out.printf(
                "[database-restart] acknowledged writes %s, read back %d, LOST %d, 500s %d%n%n",
                acknowledgedByPhase,
                acknowledged.size() - lost.size(),
                lost.size(),
                fiveHundreds.size());

        assertThat(fiveHundreds).as("500 answers").isEmpty();
        assertThat(notProblemJson)
                .as("error answers that are not application/problem+json")
                .isEmpty();
        assertThat(notUnavailable)
                .as("valid requests refused with something else than 503 during the drill")
                .isEmpty();
        assertThat(lost).as("acknowledged writes missing afterwards").isEmpty();
        for (String svc : WATCHED) {
            assertThat(readiness.get(svc + " OUTAGE"))
                    .as(svc + " readiness during the outage")
                    .isNotNull()
                    .containsKey(503);
            assertThat(readiness.get(svc + " AFTER"))
                    .as(svc + " readiness after the outage")
                    .isNotNull()
                    .containsKey(200);
            assertThat(
                            answers.keySet().stream()
                                    .filter(
                                            k ->
                                                    k.startsWith("OUTAGE " + svc + " ")
                                                            && k.contains(" 503 ")))
                    .as(svc + " answered 503 while the database was down")
                    .isNotEmpty();
        }
        for (Phase p : List.of(Phase.BEFORE, Phase.AFTER)) {
            assertThat(acknowledgedByPhase.getOrDefault(p, new AtomicInteger()).get())
                    .as("writes acknowledged " + p)
                    .isPositive();
        }
    }

    private void hardwareWriter(String run, String environment) {
        String asset = Suite.get().url("asset");
        for (int n = 0; running.get(); n++) {
            Map<String, Object> body = new LinkedHashMap<>();
            String name = "dbr-" + run + "-" + n;
            body.put("name", name);
            body.put("hardwareClass", "OTHER");
            body.put("serialNumber", "SN-" + name);
            body.put("environment", environment);
            body.put("condition", "NEW");
            Phase p = phase;
            DrillKit.Reply r =
                    record(
                            p,
                            "asset",
                            "POST /hardware",
                            DrillKit.call(
                                    "POST",
                                    asset,
                                    "/hardware",
                                    Tokens.of(Tokens.VENDOR_A),
                                    body,
                                    Map.of(),
                                    Duration.ofSeconds(20)));
            if (r.ok()) {
                acknowledge(p, "asset:" + r.json().path("id").asText(), name);
                record(
                        phase,
                        "asset",
                        "GET /hardware/{id}",
                        DrillKit.call(
                                "GET",
                                asset,
                                "/hardware/" + r.json().path("id").asText(),
                                Tokens.of(Tokens.VENDOR_A),
                                null,
                                Map.of(),
                                Duration.ofSeconds(20)));
            }
            Suite.sleep(100);
        }
    }

    private void ticketWriter(String run, String hardwareId) {
        String maintenance = Suite.get().url("maintenance");
        for (int n = 0; running.get(); n++) {
            Map<String, Object> body = new LinkedHashMap<>();
            String description = "database-restart drill " + run + " ticket " + n;
            body.put("hardwareId", hardwareId);
            body.put("severity", "S4");
            body.put("faultClass", "OTHER");
            body.put("description", description);
            body.put("occurredAt", "2027-01-04T00:00:00Z");
            Phase p = phase;
            DrillKit.Reply r =
                    record(
                            p,
                            "maintenance",
                            "POST /tickets",
                            DrillKit.call(
                                    "POST",
                                    maintenance,
                                    "/tickets",
                                    Tokens.of(Tokens.VENDOR_A),
                                    body,
                                    Map.of(),
                                    Duration.ofSeconds(20)));
            if (r.ok()) {
                acknowledge(p, "maintenance:" + r.json().path("id").asText(), description);
                record(
                        phase,
                        "maintenance",
                        "GET /tickets/{id}",
                        DrillKit.call(
                                "GET",
                                maintenance,
                                "/tickets/" + r.json().path("id").asText(),
                                Tokens.of(Tokens.VENDOR_A),
                                null,
                                Map.of(),
                                Duration.ofSeconds(20)));
            }
            Suite.sleep(100);
        }
    }

    private void reader() {
        while (running.get()) {
            record(
                    phase,
                    "asset",
                    "GET /hardware",
                    DrillKit.call(
                            "GET",
                            Suite.get().url("asset"),
                            "/hardware?size=5",
                            Tokens.of(Tokens.JPO_ADMIN),
                            null,
                            Map.of(),
                            Duration.ofSeconds(20)));
            record(
                    phase,
                    "maintenance",
                    "GET /tickets",
                    DrillKit.call(
                            "GET",
                            Suite.get().url("maintenance"),
                            "/tickets?size=5",
                            Tokens.of(Tokens.JPO_ADMIN),
                            null,
                            Map.of(),
                            Duration.ofSeconds(20)));
            Suite.sleep(200);
        }
    }

    private void readinessWatcher() {
        while (running.get()) {
            Phase p = phase;
            for (String svc : WATCHED) {
                int status = Suite.get().readyStatus(Suite.get().port(svc));
                readiness
                        .computeIfAbsent(svc + " " + p, k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(status, k -> new AtomicInteger())
                        .incrementAndGet();
            }
            Suite.sleep(250);
        }
    }

    private DrillKit.Reply record(Phase p, String svc, String request, DrillKit.Reply r) {
        String type = r.contentType() == null ? "-" : r.contentType().replaceAll(";.*", "");
        String outcome = r.answered() ? r.status() + " " + type : "no-answer";
        answers.computeIfAbsent(
                        p + " " + svc + " " + request + " " + outcome, k -> new AtomicInteger())
                .incrementAndGet();
        if (r.status() == 500) {
            fiveHundreds.add(p + " " + svc + " " + request + ": " + r);
        }
        if (r.answered() && !r.ok() && r.status() != 503) {
            notUnavailable.add(p + " " + svc + " " + request + ": " + r);
        }
        if (r.answered() && r.status() >= 400 && !r.problemJson()) {
            notProblemJson.add(p + " " + svc + " " + request + ": " + r.contentType() + " " + r);
        }
        return r;
    }

    private void acknowledge(Phase p, String ref, String expected) {
        acknowledged.put(ref, expected);
        acknowledgedByPhase.computeIfAbsent(p, k -> new AtomicInteger()).incrementAndGet();
    }
}
