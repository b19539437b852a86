package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, drill "no lost writes": 16 clients file tickets on maintenance-service, each with its
 * own Idempotency-Key, and retry the same request with the same key after a timeout, a broken
 * connection, a 5xx or a 409 (the first request with the key is still in flight); one request in
 * five gets a client timeout shorter than the service needs, so it is retried. Meanwhile
 * maintenance-service is killed with kill -9 and started again every 30 s. Afterwards every
 * acknowledged ticket is there, and no key made two tickets.
 *
 * <p>The killed process is started again with its clock continuing where it was
 * (kiban.clock.start-at = now + the offset measured before): with the suite's fixed start-at a
 * restarted process would start its clock over, and an Idempotency-Key claimed by the killed
 * process would stay "in flight" until the new clock caught up with its lease.
 */
@Order(4)
@DisplayName("Drill: no lost writes and no duplicates under kill -9 of maintenance-service")
class NoLostWritesDrill {

    private static final int CLIENTS = 16;
    private static final String DESCRIPTION = "no-lost-writes drill, Idempotency-Key ";

    /** One key's story: the request, how often it was sent, and its outcome. */
    private static final class Pending {
        final String key;
        final Map<String, Object> body;
        int attempts;
        Instant retryAt = Instant.EPOCH;

        Pending(String key, Map<String, Object> body) {
            this.key = key;
            this.body = body;
        }
    }

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Integer> ackAttempts = new ConcurrentHashMap<>();
    private final Map<String, String> unexpected = new ConcurrentHashMap<>();
    private final List<String> unfinished = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();

    @Test
    @DisplayName(
            "16 clients with Idempotency-Keys, maintenance-service killed every 30 s: 0 lost, 0 duplicates")
    void noLostWrites() throws Exception {
        Suite suite = Suite.get();
        int seconds = DrillKit.seconds();
        String run = DrillKit.runId();
        String maintenance = suite.url("maintenance");
        String hardwareId =
                DrillKit.createHardware(Tokens.VENDOR_A, "nlw-" + run, "SERVER")
                        .path("id")
                        .asText();

        // a first ticket: proves the path works and tells the service's clock (offset from ours)
        Pending probe = newTicket(hardwareId, run + "-probe", null);
        DrillKit.Reply first =
                DrillKit.call(
                        "POST",
                        maintenance,
                        "/tickets",
                        Tokens.of(Tokens.VENDOR_A),
                        probe.body,
                        Map.of("Idempotency-Key", probe.key),
                        Duration.ofSeconds(30));
        assertThat(first.ok()).as("first ticket: " + first).isTrue();
        Instant serviceNow = Instant.parse(first.json().path("reportedAt").asText());
        Duration clockOffset = Duration.between(Instant.now(), serviceNow);
        String occurredAt = serviceNow.minus(Duration.ofHours(1)).toString();
        acknowledged.put(probe.key, first.json().path("id").asLong());
        ackAttempts.put(probe.key, 1);

        Instant start = Instant.now();
        Instant loadEnd = start.plusSeconds(seconds);
        Instant hardStop = loadEnd.plusSeconds(180);
        List<String> kills = Collections.synchronizedList(new ArrayList<>());

        Thread killer =
                new Thread(
                        () -> {
                            for (int i = 0; 15 + 30L * i < seconds; i++) {
                                Instant at = start.plusSeconds(15 + 30L * i);
                                sleepUntil(at);
                                Instant killedAt = Instant.now();
                                suite.kill9("maintenance");
                                String clock = Instant.now().plus(clockOffset).toString();
                                suite.start(
                                        "maintenance",
                                        "maintenance",
                                        suite.port("maintenance"),
                                        Map.of("kiban.clock.start-at", clock));
                                suite.awaitReady("maintenance", Duration.ofSeconds(300));
                                kills.add(
                                        String.format(
                                                "kill -9 at +%ds, ready again after %d ms",
                                                Duration.between(start, killedAt).toSeconds(),
                                                Duration.between(killedAt, Instant.now())
                                                        .toMillis()));
                            }
                        },
                        "nlw-killer");
        killer.start();

        CountDownLatch done = new CountDownLatch(CLIENTS);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    client(
                                            client,
                                            run,
                                            hardwareId,
                                            occurredAt,
                                            maintenance,
                                            loadEnd,
                                            hardStop);
                                } finally {
                                    done.countDown();
                                }
                            },
                            "nlw-client-" + c);
            clients.add(t);
            t.start();
        }
        killer.join();
        done.await();
        suite.awaitReady("maintenance", Duration.ofSeconds(300));

        // every ticket of the drill's hardware, as jpo-admin, page by page
        List<JsonNode> tickets =
                DrillKit.listAll(
                        Tokens.JPO_ADMIN, maintenance, "/tickets?hardwareId=" + hardwareId);
        Map<String, List<Long>> byKey = new HashMap<>();
        for (JsonNode t : tickets) {
            String description = t.path("description").asText();
            if (description.startsWith(DESCRIPTION)) {
                byKey.computeIfAbsent(
                                description.substring(DESCRIPTION.length()), k -> new ArrayList<>())
                        .add(t.path("id").asLong());
            }
        }
        Map<String, List<Long>> duplicates = new TreeMap<>();
        byKey.forEach(
                (k, ids) -> {
                    if (ids.size() > 1) {
                        duplicates.put(k, ids);
                    }
                });
        Map<String, String> missing = new TreeMap<>();
        acknowledged.forEach(
                (k, id) -> {
                    List<Long> ids = byKey.get(k);
                    if (ids == null || !ids.contains(id)) {
                        missing.put(k, "acknowledged as ticket " + id + ", listed: " + ids);
                    }
                });
        // GET by id: a sample of the acknowledgements that needed a retry, and of the others (the
        // list above
        // covers them all)
        List<String> retried = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        ackAttempts.forEach((k, n) -> (n > 1 ? retried : plain).add(k));
        Collections.shuffle(retried);
        Collections.shuffle(plain);
        List<String> toRead = new ArrayList<>(retried.subList(0, Math.min(800, retried.size())));
        toRead.addAll(plain.subList(0, Math.min(200, plain.size())));
        for (String k : toRead) {
            DrillKit.Reply r =
                    DrillKit.get(Tokens.VENDOR_A, maintenance, "/tickets/" + acknowledged.get(k));
            if (r.status() != 200
                    || !(DESCRIPTION + k)
                            .equals(r.json().path("ticket").path("description").asText())) {
                missing.put(k, "GET /tickets/" + acknowledged.get(k) + ": " + r);
            }
        }
        long committedUnacknowledged = unfinished.stream().filter(byKey::containsKey).count();

        Map<String, Integer> statuses = new TreeMap<>();
        outcomes.forEach((k, v) -> statuses.put(k, v.get()));
        System.out.printf(
                "%n[no-lost-writes] %d s, %d clients, hardware %s%n", seconds, CLIENTS, hardwareId);
        kills.forEach(k -> System.out.println("[no-lost-writes]   " + k));
        System.out.printf(
                "[no-lost-writes] requests sent %d, outcomes %s, replayed answers %d%n",
                sent.get(), statuses, replayed.get());
        System.out.printf(
                "[no-lost-writes] keys acknowledged %d (after a retry: %d), unacknowledged at the end %d"
                        + " (of which committed %d), refused %d%n",
                acknowledged.size(),
                ackAttempts.values().stream().filter(n -> n > 1).count(),
                unfinished.size(),
                committedUnacknowledged,
                unexpected.size());
        System.out.printf(
                "[no-lost-writes] tickets listed %d, read back by id %d; MISSING %d, DUPLICATED keys %d%n%n",
                tickets.size(), toRead.size(), missing.size(), duplicates.size());

        assertThat(kills)
                .as("maintenance-service was killed and restarted")
                .hasSize(Math.max(0, (seconds + 15) / 30));
        assertThat(missing).as("acknowledged tickets missing").isEmpty();
        assertThat(duplicates).as("Idempotency-Keys that made more than one ticket").isEmpty();
        assertThat(unexpected).as("requests refused (not retryable)").isEmpty();
        assertThat(acknowledged.size()).as("acknowledged tickets").isGreaterThan(CLIENTS);
        assertThat(ackAttempts.values().stream().filter(n -> n > 1).count())
                .as("acknowledged after a retry")
                .isPositive();
    }

    private static Pending newTicket(String hardwareId, String key, String occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hardwareId", hardwareId);
        body.put("severity", "S4");
        body.put("faultClass", "OTHER");
        body.put("description", DESCRIPTION + "nlw-" + key);
        body.put("occurredAt", occurredAt == null ? "2027-01-04T00:00:00Z" : occurredAt);
        return new Pending("nlw-" + key, body);
    }

    /**
     * One client: new tickets until {@code loadEnd}; a request without an answer waits (a short
     * back-off; a second for "still in flight") and is sent again with its key, meanwhile the
     * client goes on with new keys. After {@code loadEnd} only the keys still waiting are retried,
     * until {@code hardStop}.
     */
    private void client(
            int client,
            String run,
            String hardwareId,
            String occurredAt,
            String url,
            Instant loadEnd,
            Instant hardStop) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        PriorityQueue<Pending> waiting =
                new PriorityQueue<>((a, b) -> a.retryAt.compareTo(b.retryAt));
        int n = 0;
        while (true) {
            Instant now = Instant.now();
            Pending p = null;
            if (!waiting.isEmpty() && !waiting.peek().retryAt.isAfter(now)) {
                p = waiting.poll();
            } else if (now.isBefore(loadEnd)) {
                p = newTicket(hardwareId, run + "-" + client + "-" + n++, occurredAt);
            } else if (waiting.isEmpty() || now.isAfter(hardStop)) {
                waiting.forEach(w -> unfinished.add(w.key));
                return;
            } else {
                Suite.sleep(Math.max(1, Duration.between(now, waiting.peek().retryAt).toMillis()));
                continue;
            }
            p.attempts++;
            boolean impatient = random.nextInt(5) == 0;
            Duration timeout =
                    impatient ? Duration.ofMillis(15 + random.nextInt(60)) : Duration.ofSeconds(15);
            DrillKit.Reply r =
                    DrillKit.call(
                            "POST",
                            url,
                            "/tickets",
                            Tokens.of(Tokens.VENDOR_A),
                            p.body,
                            Map.of("Idempotency-Key", p.key),
                            timeout);
            sent.incrementAndGet();
            String outcome =
                    r.answered()
                            ? String.valueOf(r.status())
                            : impatient && r.error().contains("Timeout")
                                    ? "client-timeout"
                                    : "no-answer";
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
            if (r.ok()) {
                acknowledged.put(p.key, r.json().path("id").asLong());
                ackAttempts.put(p.key, p.attempts);
                if ("true".equals(r.header("Idempotent-Replayed"))) {
                    replayed.incrementAndGet();
                }
            } else if (!r.answered() || r.status() >= 500 || r.status() == 409) {
                // the key waits for its retry; the client itself pauses too when the service did
                // not answer
                // (it is down: new keys would only pile up)
                p.retryAt =
                        Instant.now()
                                .plusMillis(r.status() == 409 ? 1000 : 100 + random.nextInt(400));
                waiting.add(p);
                if (!r.answered() && !impatient) {
                    Suite.sleep(100 + random.nextInt(400));
                }
            } else {
                unexpected.put(p.key, r.toString());
            }
        }
    }

    private static void sleepUntil(Instant at) {
        long ms = Duration.between(Instant.now(), at).toMillis();
        if (ms > 0) {
            Suite.sleep(ms);
        }
    }
}
