import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput and latency of the same work done raw over JDBC and through a service endpoint.
 *
 *   java -cp mariadb-java-client.jar Bench.java raw  <jdbcUrl> <user> <password> <threads> <seconds>
 *   java Bench.java http <baseUrl> <token> <threads> <seconds> <collectionPath> <bodyTemplate>
 *
 * Prints one line per operation: "op rate=<ops/s> p50=<ms> p99=<ms> n=<count> errors=<count>".
 * bodyTemplate may contain {uuid}; the created ids (from "id" in the answer) feed the GET phase.
 */
public class Bench {

    record Result(String op, double rate, double p50, double p99, long n, long errors) {
        void print() {
            System.out.printf("%s rate=%.1f p50=%.2f p99=%.2f n=%d errors=%d%n", op, rate, p50, p99, n, errors);
        }
    }

    interface Op {
        void run(int thread) throws Exception;
    }

    static Result measure(String name, int threads, int seconds, Op op) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            op.run(thread);
                            latencies.add(System.nanoTime() - t0);
                        } catch (Exception e) {
                            if (errors.incrementAndGet() < 3) {
                                System.err.println(name + ": " + e);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            th.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(name, sorted.size() / elapsed, pct(sorted, 0.50), pct(sorted, 0.99), sorted.size(),
                errors.get());
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1e6;
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "raw" -> raw(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "http" -> http(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5],
                    args[6]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Single-row insert (autocommit) and select by primary key, one connection per thread. */
    static void raw(String url, String user, String password, int threads, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw");
            s.execute("CREATE TABLE bench_raw (id BIGINT AUTO_INCREMENT PRIMARY KEY, serial VARCHAR(64) NOT NULL UNIQUE,"
                    + " payload VARCHAR(255) NOT NULL, version BIGINT NOT NULL) ENGINE=InnoDB");
        }
        Connection[] connections = new Connection[threads];
        for (int i = 0; i < threads; i++) {
            connections[i] = DriverManager.getConnection(url, user, password);
        }
        Result insert = measure("raw-insert", threads, seconds, t -> {
            try (PreparedStatement ps = connections[t].prepareStatement(
                    "INSERT INTO bench_raw (serial, payload, version) VALUES (?, ?, 0)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, "server rack position 12 serial payload");
                ps.executeUpdate();
            }
        });
        long max;
        try (Statement s = connections[0].createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM bench_raw")) {
            rs.next();
            max = rs.getLong(1);
        }
        Result select = measure("raw-select", threads, seconds, t -> {
            try (PreparedStatement ps = connections[t].prepareStatement(
                    "SELECT id, serial, payload, version FROM bench_raw WHERE id = ?")) {
                ps.setLong(1, 1 + ThreadLocalRandom.current().nextLong(max));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("row missing");
                    }
                }
            }
        });
        insert.print();
        select.print();
        for (Connection c : connections) {
            c.close();
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_raw");
        }
    }

    /** POST create (with an Idempotency-Key) then GET by id, through the service with a real token. */
    static void http(String base, String token, int threads, int seconds, String path, String template)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        Result post = measure("service-post", threads, seconds, t -> {
            String uuid = UUID.randomUUID().toString();
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", uuid)
                    .POST(HttpRequest.BodyPublishers.ofString(template.replace("{uuid}", uuid)))
                    .build();
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("POST " + r.statusCode() + " " + r.body());
            }
            ids.add(r.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"?([0-9a-zA-Z-]+)\"?.*", "$1"));
        });
        List<String> created = new ArrayList<>(ids);
        Result get = measure("service-get", threads, seconds, t -> {
            String id = created.get(ThreadLocalRandom.current().nextInt(created.size()));
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + path + "/" + id))
                    .header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + r.statusCode());
            }
        });
        post.print();
        get.print();
    }
}
