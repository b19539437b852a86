package io.kiban.commons.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * #16 §3: a timing harness of the write path, run by hand only (its name does not end in Test):
 * {@code ./mvnw -B -ntp -o -pl commons verify -Dkiban.test.db.port=3405 -Dtest=WritePathBench
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.threads=8 -Dbench.seconds=15]}.
 *
 * <p>Two rows, side by side in one run and alternated (post, raw, post, raw), each after a warm-up:
 * {@code post} is {@code POST /widgets} with an Idempotency-Key (claim, business insert, audit
 * append, stored response) over HTTP/1.1, one connection per thread; {@code raw} is the same
 * statements over JDBC in one transaction per request, one connection per thread (the design's
 * physical limit): the claim insert, the name check, the widget insert, the head lock, the entry
 * insert, the head update, the stored response. The figure is the ratio post ÷ raw; absolute rates
 * on a shared two-core machine are not comparable between runs, the ratio is.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class WritePathBench {

    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    static final int WARMUP = Integer.getInteger("bench.warmup", 5);

    @TestHTTPResource("/widgets")
    URL widgets;

    @jakarta.inject.Inject io.kiban.commons.audit.AuditTrail audit;

    /** #16 §3 step 3: 10,000 entries in one transaction through {@code appendAll}, three times. */
    @Test
    void bulk_append_of_ten_thousand_entries() {
        List<io.kiban.commons.audit.AuditTrail.Item> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            items.add(
                    new io.kiban.commons.audit.AuditTrail.Item(
                            "bench-bulk",
                            "bench-item",
                            i,
                            java.util.Map.of("i", i, "serial", "SN-" + i)));
        }
        for (int rep = 1; rep <= 3; rep++) {
            long start = System.nanoTime();
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .run(() -> audit.appendAll(items));
            System.out.printf(
                    "BENCH bulk appendAll 10,000 entries in one transaction: %.0f ms (rep %d)%n",
                    (System.nanoTime() - start) / 1e6, rep);
        }
        assertThat(items).hasSize(10_000);
    }

    @Test
    void post_and_raw_side_by_side() throws Exception {
        String token = Tokens.jpoAdmin();
        List<String> lines = new ArrayList<>();
        double[] post = new double[2];
        double[] raw = new double[2];
        for (int rep = 0; rep < 2; rep++) {
            Result p = run("post", () -> postLoop(token));
            Result r = run("raw", this::rawLoop);
            post[rep] = p.rate;
            raw[rep] = r.rate;
            lines.add(p.toString());
            lines.add(r.toString());
        }
        lines.forEach(l -> System.out.println("BENCH " + l));
        System.out.printf(
                "BENCH ratio post/raw rep1 %.3f rep2 %.3f%n", post[0] / raw[0], post[1] / raw[1]);
        assertThat(post[0]).isPositive();
        assertThat(raw[0]).isPositive();
    }

    interface Loop {
        Worker create() throws Exception;
    }

    interface Worker {
        void once() throws Exception;

        default void close() throws Exception {}
    }

    record Result(
            String row,
            double rate,
            double p50,
            double p99,
            long errors,
            long lockWaits,
            long lockWaitMs,
            long requests) {
        @Override
        public String toString() {
            return String.format(
                    "%-5s %8.1f/s p50 %6.2f ms p99 %6.2f ms errors %d; InnoDB row-lock waits %d"
                            + " (%.3f per request), %d ms waited (%.2f ms per request)",
                    row,
                    rate,
                    p50,
                    p99,
                    errors,
                    lockWaits,
                    lockWaits / (double) Math.max(1, requests),
                    lockWaitMs,
                    lockWaitMs / (double) Math.max(1, requests));
        }
    }

    /**
     * Innodb_row_lock_waits and Innodb_row_lock_time (ms) of the whole (private) MariaDB instance.
     */
    static long[] rowLocks() throws Exception {
        long[] r = new long[2];
        try (Connection c = TestDatabase.connect();
                var s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SHOW GLOBAL STATUS WHERE Variable_name IN"
                                        + " ('Innodb_row_lock_waits', 'Innodb_row_lock_time')")) {
            while (rs.next()) {
                r[rs.getString(1).equalsIgnoreCase("Innodb_row_lock_waits") ? 0 : 1] =
                        rs.getLong(2);
            }
        }
        return r;
    }

    Result run(String row, Loop loop) throws Exception {
        AtomicLong errors = new AtomicLong();
        long[] locksBefore = new long[2];
        Thread sampler =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(WARMUP * 1000L);
                                long[] l = rowLocks();
                                locksBefore[0] = l[0];
                                locksBefore[1] = l[1];
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        sampler.start();
        long warmEnd = System.nanoTime() + WARMUP * 1_000_000_000L;
        long end = warmEnd + SECONDS * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[THREADS];
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int me = t;
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            Thread thread =
                    new Thread(
                            () -> {
                                try {
                                    Worker w = loop.create();
                                    int n = 0;
                                    while (true) {
                                        long start = System.nanoTime();
                                        if (start >= end) {
                                            break;
                                        }
                                        try {
                                            w.once();
                                        } catch (Exception e) {
                                            errors.incrementAndGet();
                                        }
                                        long stop = System.nanoTime();
                                        if (start >= warmEnd && n < mine.length) {
                                            mine[n++] = stop - start;
                                        }
                                    }
                                    counts[me] = n;
                                    w.close();
                                } catch (Exception e) {
                                    e.printStackTrace();
                                } finally {
                                    done.countDown();
                                }
                            });
            thread.start();
        }
        done.await();
        sampler.join();
        long[] locksAfter = rowLocks();
        int total = (int) Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < THREADS; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, (int) counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double p50 = total == 0 ? 0 : all[total / 2] / 1e6;
        double p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))] / 1e6;
        return new Result(
                row,
                total / (double) SECONDS,
                p50,
                p99,
                errors.get(),
                locksAfter[0] - locksBefore[0],
                locksAfter[1] - locksBefore[1],
                total);
    }

    Worker postLoop(String token) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(widgets.toString());
        return () -> {
            String body =
                    "{\"name\":\"b-" + UUID.randomUUID() + "\",\"kind\":\"SMALL\",\"quantity\":1}";
            HttpResponse<String> r =
                    client.send(
                            HttpRequest.newBuilder(uri)
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
        };
    }

    Worker rawLoop() throws Exception {
        Connection c = TestDatabase.connect();
        c.setAutoCommit(false);
        PreparedStatement claim =
                c.prepareStatement(
                        "INSERT IGNORE INTO idempotency_record (caller, idem_key,"
                                + " request_hash, state, claim_token, lease_until, created_at, expires_at)"
                                + " VALUES (?, ?, ?, 'IN_FLIGHT', ?, ?, ?, ?)",
                        PreparedStatement.RETURN_GENERATED_KEYS);
        PreparedStatement byName =
                c.prepareStatement("SELECT id FROM sample_widget WHERE name = ?");
        PreparedStatement insert =
                c.prepareStatement(
                        "INSERT INTO sample_widget (name, organisation, kind, quantity,"
                                + " parent_id, version, approved) VALUES (?, 'jpo', 'SMALL', 1, NULL, 0, 0)",
                        PreparedStatement.RETURN_GENERATED_KEYS);
        PreparedStatement head =
                c.prepareStatement(
                        "SELECT chain_id, seq, mac FROM audit_head WHERE id = 1 FOR UPDATE");
        PreparedStatement entry =
                c.prepareStatement(
                        "INSERT INTO bench_audit_entry (seq, recorded_at, issuer,"
                                + " subject, actor_name, roles, organisation, action, entity_type, entity_id, state_digest, mac)"
                                + " VALUES (?, ?, 'bench', 'bench', 'bench', 'jpo-admin', NULL, 'create', 'widget', ?, ?, ?)");
        PreparedStatement moveHead =
                c.prepareStatement("UPDATE bench_audit_head SET seq = ?, mac = ? WHERE id = 1");
        PreparedStatement complete =
                c.prepareStatement(
                        "UPDATE idempotency_record SET state = 'DONE',"
                                + " response_status = 201, response_type = 'application/json', response_headers = ?,"
                                + " response_body = ? WHERE id = ? AND claim_token = ? AND state = 'IN_FLIGHT'");
        return new Worker() {
            @Override
            public void once() throws Exception {
                Timestamp now = Timestamp.from(Instant.now());
                String name = "r-" + UUID.randomUUID();
                claim.setString(1, "bench");
                claim.setString(2, UUID.randomUUID().toString());
                claim.setString(3, "0".repeat(64));
                claim.setString(4, UUID.randomUUID().toString());
                claim.setTimestamp(5, now);
                claim.setTimestamp(6, now);
                claim.setTimestamp(7, now);
                claim.executeUpdate();
                long claimId;
                try (ResultSet rs = claim.getGeneratedKeys()) {
                    rs.next();
                    claimId = rs.getLong(1);
                }
                byName.setString(1, name);
                try (ResultSet rs = byName.executeQuery()) {
                    rs.next();
                }
                insert.setString(1, name);
                insert.executeUpdate();
                long id;
                try (ResultSet rs = insert.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                // the real head's lock, an entry in a side table (the real chain must stay
                // verifiable)
                long seq;
                try (ResultSet rs = head.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(2);
                }
                long benchSeq = SEQ.incrementAndGet();
                entry.setLong(1, benchSeq);
                entry.setTimestamp(2, now);
                entry.setString(3, String.valueOf(id));
                entry.setString(4, "0".repeat(64));
                entry.setString(5, "1".repeat(64));
                entry.executeUpdate();
                moveHead.setLong(1, benchSeq + seq);
                moveHead.setString(2, "1".repeat(64));
                moveHead.executeUpdate();
                complete.setString(1, "{}");
                complete.setString(2, "{\"id\":" + id + ",\"name\":\"" + name + "\"}");
                complete.setLong(3, claimId);
                complete.setString(4, "x");
                complete.executeUpdate();
                c.commit();
            }

            @Override
            public void close() throws Exception {
                c.close();
            }
        };
    }

    static final AtomicLong SEQ = new AtomicLong();

    @org.junit.jupiter.api.AfterAll
    static void dropSideTables() throws Exception {
        try (Connection c = TestDatabase.connect();
                var s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_audit_entry");
            s.execute("DROP TABLE IF EXISTS bench_audit_head");
        }
    }

    static {
        try (Connection c = TestDatabase.connect();
                var s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_audit_entry");
            s.execute("CREATE TABLE bench_audit_entry LIKE audit_entry");
            s.execute("DROP TABLE IF EXISTS bench_audit_head");
            s.execute(
                    "CREATE TABLE bench_audit_head (id TINYINT PRIMARY KEY, seq BIGINT NOT NULL, mac CHAR(64) NOT NULL)");
            s.execute("INSERT INTO bench_audit_head VALUES (1, 0, '" + "0".repeat(64) + "')");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
