import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request-path bench of issue #16 §1: every row measured in one process, side by side, on the running suite.
 *
 * <pre>
 *   java -cp mariadb-java-client.jar bench/Bench.java        (bench/run.sh sets the environment)
 * </pre>
 *
 * Load: BENCH_THREADS closed-loop client threads, each with its own keep-alive HTTP/1.1 connection (the JDK
 * client's default, HTTP/2 over h2c, multiplexed every thread on one connection) and its own JDBC connection. The
 * HTTP client is a plain blocking HTTP/1.1 client on a socket ({@link PlainClient}, about 35 µs of CPU per request
 * against about 330 µs for the JDK {@link HttpClient}, which BENCH_CLIENT=jdk selects): on two cores the load
 * generator's CPU is taken from the service. Every row is first
 * warmed up at load for BENCH_WARMUP seconds, then measured BENCH_REPS times for BENCH_MEASURE seconds; the
 * repetitions go round the rows (rep 1 of every row, then rep 2 …) so that a ratio's two sides are measured
 * minutes apart at most. The open-loop row (POST at half of the measured POST rate, latency from each request's
 * intended start, so a stalled server is not hidden by a waiting client) runs last.
 *
 * Rows (asset-service, as vendor-a1 — a writer of the ledger):
 *   floor       GET /q/health/live                          HTTP floor, no token
 *   token       GET BENCH_TOKEN_PATH (expect BENCH_TOKEN_STATUS) the cheapest authenticated GET, no database
 *   get         GET /hardware/{id}                           one row by primary key
 *   raw-select  the service's own SELECT by primary key over JDBC, autocommit, same rows, same connections
 *   post        POST /hardware with an Idempotency-Key       audit chain, idempotency, Envers history
 *   raw-insert  one INSERT, autocommit                       the old baseline
 *   raw-tx      the statements the service issues per POST, in one transaction, over JDBC (see RawTx)
 *   post-half   POST at 50 % of the median post rate, open loop: p99
 *
 * Output (stdout), one line per measurement, read by bench/table.py:
 *   RESULT row=… rep=… rate=… p50=… p99=… n=… errors=… secs=…
 *   CPU row=… rep=… secs=… loadgen=… asset=… … others=… busy_pct=…   (CPU seconds in the window, from /proc)
 *   RSS rep=… asset=… … total=…                                     (MiB, VmRSS of each process tree)
 *
 * Environment: BENCH_THREADS (8), BENCH_WARMUP (30), BENCH_MEASURE (30), BENCH_REPS (3), BENCH_BASE
 * (http://127.0.0.1:8081), BENCH_KC (http://127.0.0.1:8180), BENCH_USER (vendor-a1), BENCH_JDBC, BENCH_DB_USER,
 * BENCH_DB_PASSWORD, BENCH_PIDS ("name=pid …": roots of the process trees whose CPU and RSS are recorded),
 * BENCH_ROWS (the rows to run, default all), BENCH_CLK_TCK (100), BENCH_CLIENT (plain | jdk).
 */
public class Bench {

    static final int THREADS = intEnv("BENCH_THREADS", 8);
    static final int WARMUP = intEnv("BENCH_WARMUP", 30);
    static final int MEASURE = intEnv("BENCH_MEASURE", 30);
    static final int REPS = intEnv("BENCH_REPS", 3);
    static final String BASE = env("BENCH_BASE", "http://127.0.0.1:8081");
    static final String KC = env("BENCH_KC", "http://127.0.0.1:8180");
    static final String USER = env("BENCH_USER", "vendor-a1");
    static final String JDBC = env("BENCH_JDBC", "jdbc:mariadb://127.0.0.1:3306/kiban_asset");
    static final String DB_USER = env("BENCH_DB_USER", "kiban_asset");
    static final String DB_PASSWORD = env("BENCH_DB_PASSWORD", "kiban");
    static final String TOKEN_PATH = env("BENCH_TOKEN_PATH", "/hardware?environment=BENCH_TOKEN_COST");
    static final int TOKEN_STATUS = intEnv("BENCH_TOKEN_STATUS", 400);
    static final List<String> ROWS = List.of(
            env("BENCH_ROWS", "floor token get raw-select post raw-insert raw-tx post-half").trim().split("\\s+"));
    static final long CLK_TCK = intEnv("BENCH_CLK_TCK", 100);
    static final String CLIENT = env("BENCH_CLIENT", "plain");
    /** Set by the shutdown hook: the load threads stop before the bench_* tables are dropped under them. */
    static volatile boolean stopping;

    static final String HW_BODY = "{\"name\":\"bench node\",\"hardwareClass\":\"SERVER\",\"serialNumber\":\"BENCH-%s\","
            + "\"environment\":\"STAGING\",\"condition\":\"NEW\",\"status\":\"ORDERED\"}";

    public static void main(String[] args) throws Exception {
        Tokens tokens = new Tokens();
        Procs procs = new Procs(env("BENCH_PIDS", ""));
        Client[] http = new Client[2 * THREADS];
        for (int i = 0; i < http.length; i++) {
            http[i] = newClient();
        }
        log("HTTP client: " + (CLIENT.equals("jdk") ? "JDK HttpClient, HTTP/1.1" : "plain HTTP/1.1 on a socket")
                + ", one keep-alive connection per thread");
        Service service = new Service(http, tokens);
        Raw raw = ROWS.stream().anyMatch(r -> r.startsWith("raw-")) ? new Raw(THREADS) : null;
        if (raw != null) {
            raw.service = service;
        }
        if (raw != null) { // Ctrl-C or kill: drop the bench_* tables all the same
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (raw.dropped) {
                    return;
                }
                stopping = true;
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                raw.dropQuietly();
            }, "bench-cleanup"));
        }
        List<String> closed = ROWS.stream().filter(r -> !r.equals("post-half")).toList();
        Map<String, Op> ops = new LinkedHashMap<>();
        for (String row : closed) {
            ops.put(row, switch (row) {
                case "floor" -> service::floor;
                case "token" -> service::token;
                case "get" -> service::get;
                case "post" -> service::post;
                case "raw-select" -> raw::select;
                case "raw-insert" -> raw::insert;
                case "raw-tx" -> raw::tx;
                default -> throw new IllegalArgumentException("unknown row " + row);
            });
        }
        try {
            if ((ops.containsKey("get") || ops.containsKey("raw-select")) && !ops.containsKey("post")) {
                service.seed(THREADS * 10);
            }
            // the POST warm-up first: it creates the rows GET reads (and raw-insert the rows raw-select reads)
            List<String> warmOrder = new ArrayList<>(ops.keySet());
            warmOrder.sort((a, b) -> Boolean.compare(!a.startsWith("post") && !a.equals("raw-insert"),
                    !b.startsWith("post") && !b.equals("raw-insert")));
            for (String row : warmOrder) {
                if (stopping) {
                    return;
                }
                log("warm-up " + row + ": " + WARMUP + " s at " + THREADS + " threads");
                closedLoop(row, ops.get(row), WARMUP);
            }
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (int rep = 1; rep <= REPS; rep++) {
                for (Map.Entry<String, Op> e : ops.entrySet()) {
                    if (stopping) {
                        return;
                    }
                    log("rep " + rep + "/" + REPS + " " + e.getKey() + ": " + MEASURE + " s");
                    Procs.Sample before = procs.sample();
                    Result r = closedLoop(e.getKey(), e.getValue(), MEASURE);
                    Procs.Sample after = procs.sample();
                    r.print(rep);
                    procs.printCpu(e.getKey(), rep, before, after);
                    rates.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(r.rate);
                }
                procs.printRss(rep);
            }
            if (ROWS.contains("post-half")) {
                List<Double> postRates = rates.get("post");
                if (postRates == null || postRates.isEmpty()) {
                    throw new IllegalStateException("post-half needs the post row");
                }
                double rate = median(postRates) / 2;
                log("post-half: open loop at " + String.format(Locale.ROOT, "%.1f", rate) + " POST/s (half of "
                        + "the median saturated rate), warm-up " + WARMUP + " s");
                openLoop(service, rate, WARMUP);
                for (int rep = 1; rep <= REPS && !stopping; rep++) {
                    log("rep " + rep + "/" + REPS + " post-half: " + MEASURE + " s");
                    Procs.Sample before = procs.sample();
                    Result r = openLoop(service, rate, MEASURE);
                    Procs.Sample after = procs.sample();
                    r.print(rep);
                    procs.printCpu("post-half", rep, before, after);
                }
            }
        } finally {
            if (raw != null) {
                raw.close();
            }
            tokens.stop();
        }
    }

    // --- measurement ------------------------------------------------------------------------------------------

    interface Op {
        void run(int thread) throws Exception;
    }

    record Result(String row, double rate, double p50, double p99, long n, long errors, double secs, double target) {
        Result(String row, double rate, double p50, double p99, long n, long errors, double secs) {
            this(row, rate, p50, p99, n, errors, secs, Double.NaN);
        }

        void print(int rep) {
            System.out.printf(Locale.ROOT, "RESULT row=%s rep=%d rate=%.1f p50=%.2f p99=%.2f n=%d errors=%d secs=%.1f%s%n",
                    row, rep, rate, p50, p99, n, errors, secs,
                    Double.isNaN(target) ? "" : String.format(Locale.ROOT, " target=%.1f", target));
            System.out.flush();
        }
    }

    /** Per-thread latency buffer, merged after the run (no contention while measuring). */
    static final class Latencies {
        long[] values = new long[4096];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        static long[] merge(List<Latencies> all) {
            long[] out = new long[all.stream().mapToInt(l -> l.size).sum()];
            int at = 0;
            for (Latencies l : all) {
                System.arraycopy(l.values, 0, out, at, l.size);
                at += l.size;
            }
            Arrays.sort(out);
            return out;
        }
    }

    static Result closedLoop(String name, Op op, int seconds) throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        List<Latencies> all = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(THREADS);
        long[] window = new long[2];
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                Latencies mine = new Latencies();
                all.add(mine);
                ready.countDown();
                try {
                    go.await();
                    long deadline = window[1];
                    while (System.nanoTime() < deadline && !stopping) {
                        long t0 = System.nanoTime();
                        try {
                            op.run(thread);
                            mine.add(System.nanoTime() - t0);
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) {
                                log(name + ": " + e);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-" + name + "-" + t);
            th.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        done.await();
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        long[] sorted = Latencies.merge(all);
        return new Result(name, sorted.length / elapsed, pct(sorted, 0.50), pct(sorted, 0.99), sorted.length,
                errors.get(), elapsed);
    }

    /**
     * Fixed-rate (open-loop) POSTs: request k is due at start + k / rate; a pool of workers, each with its own
     * connection, takes the next due request; its latency counts from when it was due, so time spent waiting
     * for a free worker (the server being slow) is part of it.
     */
    static Result openLoop(Service service, double rate, int seconds) throws InterruptedException {
        int workers = 2 * THREADS;
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Latencies> all = new CopyOnWriteArrayList<>();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + 50_000_000L;
        long end = start + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread th = new Thread(() -> {
                Latencies mine = new Latencies();
                all.add(mine);
                try {
                    while (true) {
                        long due = start + next.getAndIncrement() * intervalNanos;
                        if (due >= end || stopping) {
                            return;
                        }
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        try {
                            service.postOn(worker);
                            mine.add(System.nanoTime() - due);
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) {
                                log("post-half: " + e);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-open-" + w);
            th.start();
        }
        done.await();
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        long[] sorted = Latencies.merge(all);
        return new Result("post-half", sorted.length / elapsed, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted.length, errors.get(), elapsed, rate);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)] / 1e6;
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    // --- the service, over HTTP/1.1 ---------------------------------------------------------------------------

    /** The answer of one request: status and body. */
    record Reply(int status, String body) {
    }

    /** One client connection (one per thread): HTTP/1.1, keep-alive. */
    interface Client {
        Reply send(String method, String path, String token, String idempotencyKey, String json) throws Exception;
    }

    static Client newClient() {
        return CLIENT.equals("jdk") ? new JdkClient() : new PlainClient();
    }

    /** The JDK {@link HttpClient} forced to HTTP/1.1, one instance (so one pooled connection) per thread. */
    static final class JdkClient implements Client {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public Reply send(String method, String path, String token, String idempotencyKey, String json)
                throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (idempotencyKey != null) {
                b.header("Idempotency-Key", idempotencyKey);
            }
            if (json != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        }
    }

    /**
     * A blocking HTTP/1.1 client on one keep-alive socket, as lean as the JDBC driver on the raw side (the JDK
     * client costs the load generator several times the CPU per request, taken from the same two cores as the
     * service). Content-Length and chunked bodies; reconnects once when a kept-alive connection was closed.
     */
    static final class PlainClient implements Client {
        final String host;
        final int port;
        final String hostHeader;
        java.net.Socket socket;
        java.io.InputStream in;
        java.io.OutputStream out;

        PlainClient() {
            URI base = URI.create(BASE);
            host = base.getHost();
            port = base.getPort() < 0 ? 80 : base.getPort();
            hostHeader = host + ":" + port;
        }

        @Override
        public Reply send(String method, String path, String token, String idempotencyKey, String json)
                throws Exception {
            StringBuilder req = new StringBuilder(512).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\nAccept: application/json\r\n");
            if (token != null) {
                req.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (idempotencyKey != null) {
                req.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
            }
            byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                req.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            req.append("\r\n");
            byte[] head = req.toString().getBytes(StandardCharsets.UTF_8);
            boolean reused = socket != null;
            try {
                return exchange(head, body);
            } catch (IOException e) {
                close();
                if (!reused) {
                    throw e;
                }
                return exchange(head, body); // the server closed the idle connection: once more on a new one
            }
        }

        private Reply exchange(byte[] head, byte[] body) throws IOException {
            if (socket == null) {
                socket = new java.net.Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new java.net.InetSocketAddress(host, port), 5000);
                socket.setSoTimeout(60_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8192);
            }
            out.write(head);
            if (body != null) {
                out.write(body);
            }
            out.flush();
            String status = line();
            if (status == null || !status.startsWith("HTTP/1.")) {
                throw new IOException("no HTTP answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = status.startsWith("HTTP/1.0");
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(1024);
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(size, buf);
                    line();
                }
                for (String t = line(); t != null && !t.isEmpty(); t = line()) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(length, buf);
            } else {
                in.transferTo(buf); // no length: the body ends with the connection
                close = true;
            }
            if (close) {
                close();
            }
            return new Reply(code, buf.toString(StandardCharsets.UTF_8));
        }

        private long chunkSize() throws IOException {
            String l = line();
            if (l == null) {
                throw new IOException("connection closed in a chunked body");
            }
            int semi = l.indexOf(';');
            return Long.parseLong((semi < 0 ? l : l.substring(0, semi)).trim(), 16);
        }

        private void copy(long n, java.io.ByteArrayOutputStream buf) throws IOException {
            byte[] chunk = new byte[8192];
            while (n > 0) {
                int r = in.read(chunk, 0, (int) Math.min(chunk.length, n));
                if (r < 0) {
                    throw new IOException("connection closed in a body");
                }
                buf.write(chunk, 0, r);
                n -= r;
            }
        }

        /** One header line without its CRLF; null at the end of the stream. */
        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }

    static final class Service {
        final Client[] http;
        final Tokens tokens;
        /** The ids created so far (the last 100,000), read at random by get. */
        final long[] ids = new long[100_000];
        final AtomicLong created = new AtomicLong();
        static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

        Service(Client[] http, Tokens tokens) {
            this.http = http;
            this.tokens = tokens;
        }

        void expect(Reply r, int status, String what) {
            if (r.status() != status) {
                throw new IllegalStateException(what + " answered " + r.status() + " (expected " + status + "): "
                        + r.body().substring(0, Math.min(300, r.body().length())));
            }
        }

        void floor(int t) throws Exception {
            expect(http[t].send("GET", "/q/health/live", null, null, null), 200, "GET /q/health/live");
        }

        void token(int t) throws Exception {
            expect(http[t].send("GET", TOKEN_PATH, tokens.get(), null, null), TOKEN_STATUS, "GET " + TOKEN_PATH);
        }

        void get(int t) throws Exception {
            long id = pickId();
            if (id == 0) {
                throw new IllegalStateException("no hardware created yet to read");
            }
            expect(http[t].send("GET", "/hardware/" + id, tokens.get(), null, null), 200, "GET /hardware/{id}");
        }

        /** One of the ids created so far, at random; 0 when there is none. */
        long pickId() {
            long n = Math.min(created.get(), ids.length);
            long id = 0;
            for (int tries = 0; id == 0 && n > 0 && tries < 10; tries++) { // a slot being written reads 0
                id = ids[ThreadLocalRandom.current().nextInt((int) n)];
            }
            return id;
        }

        void post(int t) throws Exception {
            postOn(t);
        }

        void postOn(int t) throws Exception {
            String key = UUID.randomUUID().toString();
            Reply r = http[t].send("POST", "/hardware", tokens.get(), key, String.format(HW_BODY, key));
            expect(r, 201, "POST /hardware");
            Matcher m = ID.matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("POST /hardware answered without an id: " + r.body());
            }
            ids[(int) (created.getAndIncrement() % ids.length)] = Long.parseLong(m.group(1));
        }

        void seed(int n) throws Exception {
            for (int i = 0; i < n; i++) {
                postOn(0);
            }
        }
    }

    /** Access tokens for BENCH_USER (password grant, client kiban-cli), renewed in the background. */
    static final class Tokens {
        private volatile String token;
        private final Thread renewer;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Tokens() throws Exception {
            token = fetch();
            renewer = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(60_000);
                        token = fetch();
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        log("token renewal failed (retrying in 60 s): " + e);
                    }
                }
            }, "bench-token");
            renewer.setDaemon(true);
            renewer.start();
        }

        String get() {
            return token;
        }

        void stop() {
            renewer.interrupt();
        }

        private String fetch() throws Exception {
            String form = "grant_type=password&client_id=kiban-cli&scope=openid&username="
                    + URLEncoder.encode(USER, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(env("BENCH_PASSWORD", USER), StandardCharsets.UTF_8);
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create(KC + "/realms/kiban/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + USER + ": " + r.statusCode() + " " + r.body());
            }
            return m.group(1);
        }
    }

    // --- raw JDBC ---------------------------------------------------------------------------------------------

    static final class Raw {
        final Connection[] connections;
        final RawTx tx;

        Raw(int threads) throws SQLException {
            connections = new Connection[threads];
            for (int i = 0; i < threads; i++) {
                connections[i] = DriverManager.getConnection(JDBC, DB_USER, DB_PASSWORD);
            }
            try (Statement s = connections[0].createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_raw");
                s.execute("CREATE TABLE bench_raw (id BIGINT AUTO_INCREMENT PRIMARY KEY, serial VARCHAR(64) NOT NULL "
                        + "UNIQUE, payload VARCHAR(255) NOT NULL, version BIGINT NOT NULL) ENGINE=InnoDB");
            }
            tx = ROWS.contains("raw-tx") ? new RawTx(connections[0]) : null;
        }

        void insert(int t) throws SQLException {
            try (PreparedStatement ps = connections[t].prepareStatement(
                    "INSERT INTO bench_raw (serial, payload, version) VALUES (?, ?, 0)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, "server rack position 12 serial payload");
                ps.executeUpdate();
            }
        }

        Service service;

        /**
         * The statement the service issues for GET /hardware/{id} (general log), on the real table, autocommit, one
         * of the ids the bench created (the rows GET reads).
         */
        void select(int t) throws SQLException {
            long id = service.pickId();
            if (id == 0) {
                throw new IllegalStateException("no hardware created yet to read");
            }
            try (PreparedStatement ps = connections[t].prepareStatement(
                    "select " + RawTx.HARDWARE_COLUMNS + " from hardware h1_0 where h1_0.id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("hardware " + id + " missing");
                    }
                }
            }
        }

        void tx(int t) throws Exception {
            tx.run(connections[t]);
        }

        private volatile boolean dropped;

        void close() throws SQLException {
            try (Statement s = connections[0].createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_raw");
            }
            if (tx != null) {
                tx.drop(connections[0]);
            }
            dropped = true;
            for (Connection c : connections) {
                c.close();
            }
        }

        /** From the shutdown hook: on its own connection, the others may be in use. */
        void dropQuietly() {
            if (dropped) {
                return;
            }
            try (Connection c = DriverManager.getConnection(JDBC, DB_USER, DB_PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_raw");
                if (tx != null) {
                    tx.drop(c);
                }
                log("dropped the bench_* tables");
            } catch (SQLException e) {
                log("could not drop the bench_* tables: " + e);
            }
        }
    }

    /**
     * The statements asset-service issues for one {@code POST /hardware} (read from the MariaDB general log of a
     * running suite, issue #16), replayed over raw JDBC in ONE transaction per request with fresh keys, on copies
     * of the service's tables ({@code CREATE TABLE bench_x LIKE x}, the same indexes, the two foreign keys added,
     * the chain head row copied) so the real audit chain is not touched. The service today runs them in two
     * transactions (the idempotency claim commits on its own); the pool's {@code set autocommit} around each
     * transaction is kept. Per request:
     * <pre>
     *   set autocommit=0
     *   INSERT IGNORE INTO idempotency_record (…) VALUES (…)                      idempotency claim
     *   select … from idempotency_record where caller=? and idem_key=? for update
     *   select … from hardware where serial_number=? limit 1                       serial unique (R-AS)
     *   insert into hardware (…) values (…)                                        the entity, generated id
     *   select … from audit_head where id=1 for update                             the chain head lock
     *   update idempotency_record set state='DONE', response_… where id=? and claim_token=? and state='IN_FLIGHT'
     *   insert into audit_entry (…) values (…)                                     the audit entry (HMAC)
     *   update audit_head set mac=?, seq=? where id=1
     *   insert into revinfo (actor_name, subject, revtstmp) values (…)             Envers revision, generated rev
     *   insert into hardware_aud (…, id, rev) values (…)                           Envers history row
     *   COMMIT
     *   set autocommit=1
     * </pre>
     */
    static final class RawTx {
        static final String[] TABLES = { "hardware_aud", "revinfo", "hardware", "audit_entry", "audit_head",
                "idempotency_record" };
        static final String CALLER = "http://127.0.0.1:8180/realms/kiban#26153690-08de-4016-8e9c-64091e35d3f0";
        static final String SUBJECT = "26153690-08de-4016-8e9c-64091e35d3f0";
        static final String ROLES = "approved-handler,default-roles-kiban,offline_access,uma_authorization,vendor";
        static final String RESPONSE_BODY = "{\"id\":%d,\"name\":\"bench node\",\"modelNumber\":null,"
                + "\"manufacturer\":null,\"hardwareClass\":\"SERVER\",\"contractForm\":null,"
                + "\"maintenanceDeadline\":null,\"serialNumber\":\"%s\",\"environment\":\"STAGING\","
                + "\"rack\":null,\"rackPosition\":null,\"status\":\"ORDERED\",\"deliveredOn\":null,"
                + "\"condition\":\"NEW\",\"baselineItem\":null,\"discontinued\":false,\"substituteForId\":null,"
                + "\"allowedTransitions\":[\"DELIVERED\"],\"version\":0}";
        static final String HARDWARE_COLUMNS = "h1_0.id,h1_0.baseline_item,h1_0.item_condition,h1_0.contract_form,"
                + "h1_0.delivered_on,h1_0.discontinued,h1_0.environment,h1_0.hardware_class,h1_0.maintenance_deadline,"
                + "h1_0.manufacturer,h1_0.model_number,h1_0.name,h1_0.rack,h1_0.rack_position,h1_0.serial_number,"
                + "h1_0.status,h1_0.substitute_for_id,h1_0.version";

        RawTx(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                drop(c);
                for (String t : TABLES) {
                    s.execute("CREATE TABLE bench_" + t + " LIKE " + t);
                }
                s.execute("ALTER TABLE bench_hardware ADD CONSTRAINT bench_hardware_substitute FOREIGN KEY "
                        + "(substitute_for_id) REFERENCES bench_hardware (id)");
                s.execute("ALTER TABLE bench_hardware_aud ADD CONSTRAINT bench_hardware_aud_rev FOREIGN KEY (rev) "
                        + "REFERENCES bench_revinfo (rev)");
                s.execute("INSERT INTO bench_audit_head SELECT * FROM audit_head");
            }
        }

        void drop(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                for (String t : TABLES) {
                    s.execute("DROP TABLE IF EXISTS bench_" + t);
                }
            }
        }

        void run(Connection c) throws Exception {
            String key = UUID.randomUUID().toString();
            String serial = "BENCH-" + key;
            java.time.LocalDateTime now = java.time.LocalDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            String claimToken = UUID.randomUUID().toString();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO bench_idempotency_record (caller, "
                        + "idem_key, request_hash, state, claim_token, lease_until, created_at, expires_at) VALUES "
                        + "(?, ?, ?, 'IN_FLIGHT', ?, ?, ?, ?)")) {
                    ps.setString(1, CALLER);
                    ps.setString(2, key);
                    ps.setString(3, sha256(key));
                    ps.setString(4, claimToken);
                    ps.setObject(5, now.plusMinutes(1));
                    ps.setObject(6, now);
                    ps.setObject(7, now.plusDays(1));
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("idempotency claim not inserted");
                    }
                }
                long recordId;
                try (PreparedStatement ps = c.prepareStatement("select ir1_0.id,ir1_0.caller,ir1_0.claim_token,"
                        + "ir1_0.created_at,ir1_0.expires_at,ir1_0.idem_key,ir1_0.lease_until,ir1_0.request_hash,"
                        + "ir1_0.response_body,ir1_0.response_headers,ir1_0.response_status,ir1_0.response_type,"
                        + "ir1_0.state from bench_idempotency_record ir1_0 where ir1_0.caller=? and ir1_0.idem_key=? "
                        + "for update")) {
                    ps.setString(1, CALLER);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        recordId = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("select " + HARDWARE_COLUMNS
                        + " from bench_hardware h1_0 where h1_0.serial_number=? limit 1")) {
                    ps.setString(1, serial);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            throw new IllegalStateException("serial taken");
                        }
                    }
                }
                long id;
                try (PreparedStatement ps = c.prepareStatement("insert into bench_hardware (baseline_item,"
                        + "item_condition,contract_form,delivered_on,discontinued,environment,hardware_class,"
                        + "maintenance_deadline,manufacturer,model_number,name,rack,rack_position,serial_number,status,"
                        + "substitute_for_id,version) values (null,?,null,null,?,?,?,null,null,null,?,null,null,?,?,"
                        + "null,?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, "NEW");
                    ps.setBoolean(2, false);
                    ps.setString(3, "STAGING");
                    ps.setString(4, "SERVER");
                    ps.setString(5, "bench node");
                    ps.setString(6, serial);
                    ps.setString(7, "ORDERED");
                    ps.setLong(8, 0);
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                String chainId;
                String previousMac;
                long seq;
                try (PreparedStatement ps = c.prepareStatement("select ah1_0.id,ah1_0.chain_id,ah1_0.mac,ah1_0.seq "
                        + "from bench_audit_head ah1_0 where ah1_0.id=? for update")) {
                    ps.setInt(1, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        chainId = rs.getString(2);
                        previousMac = rs.getString(3);
                        seq = rs.getLong(4);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("update bench_idempotency_record ir1_0 set state=?,"
                        + "response_status=?,response_type=?,response_headers=?,response_body=? where ir1_0.id=? and "
                        + "ir1_0.claim_token=? and ir1_0.state=?")) {
                    ps.setString(1, "DONE");
                    ps.setInt(2, 201);
                    ps.setString(3, "application/json");
                    ps.setString(4, "{\"Location\":\"http://127.0.0.1:8081/hardware/" + id + "\",\"ETag\":\"\\\"0\\\"\"}");
                    ps.setString(5, String.format(RESPONSE_BODY, id, serial));
                    ps.setLong(6, recordId);
                    ps.setString(7, claimToken);
                    ps.setString(8, "IN_FLIGHT");
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("idempotency record not completed");
                    }
                }
                String mac = sha256(chainId + previousMac + id + now);
                try (PreparedStatement ps = c.prepareStatement("insert into bench_audit_entry (action,actor_name,"
                        + "entity_id,entity_type,issuer,mac,organisation,recorded_at,roles,state_digest,subject,seq) "
                        + "values (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, "create");
                    ps.setString(2, USER);
                    ps.setString(3, String.valueOf(id));
                    ps.setString(4, "hardware");
                    ps.setString(5, "http://127.0.0.1:8180/realms/kiban");
                    ps.setString(6, mac);
                    ps.setString(7, "vendor-a");
                    ps.setObject(8, now);
                    ps.setString(9, ROLES);
                    ps.setString(10, sha256(serial));
                    ps.setString(11, SUBJECT);
                    ps.setLong(12, seq + 1);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("update bench_audit_head set mac=?,seq=? where id=?")) {
                    ps.setString(1, mac);
                    ps.setLong(2, seq + 1);
                    ps.setInt(3, 1);
                    ps.executeUpdate();
                }
                long rev;
                try (PreparedStatement ps = c.prepareStatement("insert into bench_revinfo (actor_name,subject,revtstmp) "
                        + "values (?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, USER);
                    ps.setString(2, SUBJECT);
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        rev = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("insert into bench_hardware_aud (baseline_item,"
                        + "item_condition,contract_form,delivered_on,discontinued,environment,hardware_class,"
                        + "maintenance_deadline,manufacturer,model_number,name,rack,rack_position,revtype,serial_number,"
                        + "status,substitute_for_id,id,rev) values (null,?,null,null,?,?,?,null,null,null,?,null,null,?,?,"
                        + "?,null,?,?)")) {
                    ps.setString(1, "NEW");
                    ps.setBoolean(2, false);
                    ps.setString(3, "STAGING");
                    ps.setString(4, "SERVER");
                    ps.setString(5, "bench node");
                    ps.setInt(6, 0);
                    ps.setString(7, serial);
                    ps.setString(8, "ORDERED");
                    ps.setLong(9, id);
                    ps.setLong(10, rev);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }

        static String sha256(String s) throws java.security.NoSuchAlgorithmException {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        }
    }

    // --- /proc ------------------------------------------------------------------------------------------------

    /** CPU time and RSS of named process trees (a root pid and its descendants), and of the whole machine. */
    static final class Procs {
        final Map<String, Long> roots = new LinkedHashMap<>();

        Procs(String spec) {
            roots.put("loadgen", ProcessHandle.current().pid());
            for (String part : spec.trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                String[] kv = part.split("=", 2);
                roots.put(kv[0], Long.parseLong(kv[1]));
            }
        }

        record Sample(Map<String, Long> ticks, long busy, long total, long nanos) {
        }

        static List<Long> tree(long root) {
            List<Long> pids = new ArrayList<>();
            ProcessHandle.of(root).ifPresent(h -> {
                pids.add(h.pid());
                h.descendants().forEach(d -> pids.add(d.pid()));
            });
            return pids;
        }

        static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static long rssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone
            }
            return 0;
        }

        Sample sample() {
            Map<String, Long> ticks = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : roots.entrySet()) {
                ticks.put(e.getKey(), tree(e.getValue()).stream().mapToLong(Procs::ticks).sum());
            }
            long busy = 0;
            long total = 0;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < f.length && i <= 8; i++) {
                    long v = Long.parseLong(f[i]);
                    total += v;
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += v;
                    }
                }
            } catch (IOException e) {
                // no machine figure
            }
            return new Sample(ticks, busy, total, System.nanoTime());
        }

        void printCpu(String row, int rep, Sample a, Sample b) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CPU row=%s rep=%d secs=%.1f", row, rep,
                    (b.nanos - a.nanos) / 1e9));
            long named = 0;
            for (String name : roots.keySet()) {
                long d = b.ticks.get(name) - a.ticks.get(name);
                named += d;
                sb.append(String.format(Locale.ROOT, " %s=%.2f", name, d / (double) CLK_TCK));
            }
            long busy = b.busy - a.busy;
            long total = b.total - a.total;
            sb.append(String.format(Locale.ROOT, " others=%.2f busy_pct=%.0f", Math.max(0, busy - named) / (double) CLK_TCK,
                    total == 0 ? Double.NaN : 100.0 * busy / total));
            System.out.println(sb);
            System.out.flush();
        }

        void printRss(int rep) {
            StringBuilder sb = new StringBuilder("RSS rep=" + rep);
            long totalKb = 0;
            for (Map.Entry<String, Long> e : roots.entrySet()) {
                if (e.getKey().equals("loadgen")) {
                    continue;
                }
                long kb = tree(e.getValue()).stream().mapToLong(Procs::rssKb).sum();
                totalKb += kb;
                sb.append(' ').append(e.getKey()).append('=').append(kb / 1024);
            }
            sb.append(" total=").append(totalKb / 1024);
            System.out.println(sb);
            System.out.flush();
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }

    static int intEnv(String name, int def) {
        return Integer.parseInt(env(name, String.valueOf(def)));
    }

    static void log(String msg) {
        System.err.println("[bench] " + msg);
    }
}
