package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.e2e.MatrixHttp.Body;
import io.kiban.e2e.MatrixHttp.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The authorization matrix of issue #8: {@code authorization-matrix.csv} states, for every
 * operation of the four services, what each kind of caller must get; this class checks that the
 * table covers exactly the operations the running services publish (their OpenAPI documents), then
 * sends every cell as a real HTTP request with a real Keycloak token and compares.
 *
 * <p>Bodies: a caller the table expects to be refused (403/404) gets a body that passes bean
 * validation (built from the operation's OpenAPI schema), so that a refusal made in code after
 * validation — the ledger writers, the contracted vendor, the other organisation — is observed as
 * such and not hidden behind a 400; an authorised caller gets a minimal body ({@code {}}) and
 * answers 400/404/409/422/428 without changing anything. Deletes and body-less state changes use a
 * non-existent id (see the bind column).
 */
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixE2E {

    static final String RESOURCE = "authorization-matrix.csv";
    static final List<String> CALLERS =
            List.of(
                    "anonymous",
                    "jpo-admin",
                    "jpo-staff",
                    "auditor",
                    "vendor-same",
                    "vendor-other",
                    "vendor-unapproved",
                    "support-vendor",
                    "service");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    record Row(
            int line,
            String service,
            String method,
            String path,
            String bind,
            List<String> expected) {
        String op() {
            return method + " " + path;
        }
    }

    record Failure(Row row, String caller, String url, String expected, int actual, String body) {}

    private final MatrixHttp http = new MatrixHttp();
    private final Map<String, MatrixOpenApi> apis = new LinkedHashMap<>();
    private List<Row> rows;
    private MatrixFixtures fixtures;

    @BeforeAll
    void setUp() {
        Suite suite = Suite.get();
        rows = readTable();
        for (String svc : Suite.SERVICES) {
            apis.put(svc, MatrixOpenApi.load(http.client(), svc, suite.url(svc)));
        }
        fixtures = new MatrixFixtures(http, apis);
        fixtures.createAll();
        System.out.println("[matrix] fixtures: " + fixtures.ids);
        fixtures.problems.forEach(p -> System.out.println("[matrix] fixture problem: " + p));
    }

    @Test
    @Order(1)
    @DisplayName("the table lists every operation of the four OpenAPI documents, and nothing else")
    void theTableCoversEveryOperation() {
        List<String> problems = new ArrayList<>();
        for (String svc : Suite.SERVICES) {
            Set<String> published = apis.get(svc).operations();
            Set<String> tabled = new LinkedHashSet<>();
            for (Row r : rows) {
                if (r.service().equals(svc) && !tabled.add(r.op())) {
                    problems.add(svc + " " + r.op() + ": listed twice (line " + r.line() + ")");
                }
            }
            for (String op : new TreeSet<>(published)) {
                if (!tabled.contains(op)) {
                    problems.add(
                            svc
                                    + " "
                                    + op
                                    + ": published by the service but missing from "
                                    + RESOURCE);
                }
            }
            for (String op : new TreeSet<>(tabled)) {
                if (!published.contains(op)) {
                    problems.add(
                            svc
                                    + " "
                                    + op
                                    + ": in "
                                    + RESOURCE
                                    + " but the service no longer has it");
                }
            }
            System.out.printf(
                    "[matrix] %-11s %3d operations published, %3d in the table%n",
                    svc, published.size(), tabled.size());
        }
        assertThat(problems).as("authorization matrix vs OpenAPI").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName(
            "R-SEC-1, R-MT-7, R-MT-2: every endpoint × caller answers as the authorization matrix says")
    void everyCellAnswersAsTheTableSays() {
        List<Failure> failures = new ArrayList<>();
        Map<String, int[]> perService = new LinkedHashMap<>();
        long started = System.nanoTime();
        // the nine callers of one row at a time, three requests in flight (the machine has two
        // cores)
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Map.Entry<Long, String>> slowest = new ArrayList<>();
        for (Row row : rows) {
            int[] counts = perService.computeIfAbsent(row.service(), s -> new int[3]);
            counts[0]++;
            String path;
            try {
                path = concretePath(row);
            } catch (IllegalStateException e) {
                for (int i = 0; i < CALLERS.size(); i++) {
                    failures.add(
                            new Failure(
                                    row,
                                    CALLERS.get(i),
                                    row.path(),
                                    row.expected().get(i),
                                    -1,
                                    e.getMessage()));
                }
                counts[1] += CALLERS.size();
                counts[2] += CALLERS.size();
                continue;
            }
            long rowStarted = System.nanoTime();
            List<Future<Failure>> cells = new ArrayList<>();
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                String expected = row.expected().get(i);
                cells.add(pool.submit(() -> cell(row, path, caller, expected)));
            }
            for (Future<Failure> cell : cells) {
                counts[1]++;
                Failure f = join(cell);
                if (f != null) {
                    counts[2]++;
                    failures.add(f);
                }
            }
            slowest.add(
                    Map.entry(
                            (System.nanoTime() - rowStarted) / 1_000_000,
                            row.service() + " " + row.op()));
        }
        pool.shutdown();
        long millis = (System.nanoTime() - started) / 1_000_000;
        StringBuilder summary = new StringBuilder("\n[matrix] authorization matrix: ");
        int cells = perService.values().stream().mapToInt(c -> c[1]).sum();
        summary.append(rows.size())
                .append(" operations, ")
                .append(cells)
                .append(" cells in ")
                .append(millis)
                .append(" ms, ")
                .append(failures.size())
                .append(" failing\n");
        perService.forEach(
                (svc, c) ->
                        summary.append(
                                String.format(
                                        "[matrix]   %-11s %3d operations %5d cells %4d failing%n",
                                        svc, c[0], c[1], c[2])));
        slowest.sort(Map.Entry.<Long, String>comparingByKey().reversed());
        summary.append("[matrix] slowest operations (ms for all callers): ")
                .append(slowest.subList(0, Math.min(5, slowest.size())))
                .append('\n');
        if (!fixtures.problems.isEmpty()) {
            summary.append("[matrix] fixtures that could not be made: ")
                    .append(fixtures.problems)
                    .append('\n');
        }
        StringBuilder failing = new StringBuilder();
        for (Failure f : failures) {
            failing.append(
                    String.format(
                            "[matrix] FAIL %-11s %-6s %-50s %-17s expected %-3s got %3d  %s  %s%n",
                            f.row().service(),
                            f.row().method(),
                            f.row().path(),
                            f.caller(),
                            f.expected(),
                            f.actual(),
                            f.url(),
                            MatrixFixtures.abbreviate(f.body())));
        }
        System.out.println(summary.append(failing));
        if (!failures.isEmpty()) {
            fail(
                    failures.size()
                            + " of "
                            + cells
                            + " cells differ from "
                            + RESOURCE
                            + ":\n"
                            + failing);
        }
    }

    // ---- cells
    // ---------------------------------------------------------------------------------------

    /** Sends one cell; its failure, or null when the answer matches. */
    private Failure cell(Row row, String path, String caller, String expected) {
        boolean refused = expected.equals("403") || expected.equals("404");
        Request req = request(row, path, refused && !caller.equals("anonymous"));
        String url = Suite.get().url(row.service()) + req.pathAndQuery();
        MatrixOpenApi api = apis.get(row.service());
        // a caller to be refused names the version as read, so a refusal made after the version
        // check shows as such
        String ifMatch =
                refused && !caller.equals("anonymous") && api.takesIfMatch(row.method(), row.path())
                        ? currentETag(row, path)
                        : null;
        Response res =
                http.send(
                        row.method(),
                        url,
                        who(caller, row.service()),
                        req.body(),
                        api.honoursIdempotencyKey(row.method(), row.path()),
                        ifMatch);
        return matches(expected, res.status())
                ? null
                : new Failure(row, caller, req.pathAndQuery(), expected, res.status(), res.body());
    }

    /**
     * The ETag of the object the operation acts on, as jpo-admin reads it: the concrete path up to
     * its last path parameter ({@code /tickets/6/transitions} → {@code GET /tickets/6}); null when
     * there is none.
     */
    private String currentETag(Row row, String path) {
        String[] template = row.path().split("/");
        String[] concrete = path.split("/");
        int last = -1;
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                last = i;
            }
        }
        if (last < 0 || concrete.length != template.length) {
            return null;
        }
        String object = String.join("/", java.util.Arrays.copyOfRange(concrete, 0, last + 1));
        Response r =
                http.send("GET", Suite.get().url(row.service()) + object, Tokens.JPO_ADMIN, null);
        return r.status() == 200 ? r.header("ETag") : null;
    }

    private static Failure join(Future<Failure> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Cell vocabulary: see the header of the CSV. */
    static boolean matches(String expected, int status) {
        return switch (expected) {
            case "2xx" -> status >= 200 && status < 300;
            case "ok" -> status > 0 && status < 500 && status != 401 && status != 403;
            default -> status == Integer.parseInt(expected);
        };
    }

    /** The token a caller column stands for (null = none). */
    static String who(String caller, String service) {
        return switch (caller) {
            case "anonymous" -> null;
            case "jpo-admin" -> Tokens.JPO_ADMIN;
            case "jpo-staff" -> Tokens.JPO_STAFF;
            case "auditor" -> Tokens.AUDITOR;
            case "vendor-same" -> Tokens.VENDOR_A;
            case "vendor-other" -> Tokens.VENDOR_B;
            case "vendor-unapproved" -> Tokens.VENDOR_A_NEW;
            case "support-vendor" -> Tokens.SUPPORT;
            // another service's client-credentials token
            case "service" -> "service:" + (service.equals("lifecycle") ? "asset" : "lifecycle");
            default -> throw new IllegalArgumentException(caller);
        };
    }

    record Request(String pathAndQuery, Body body) {}

    /**
     * The request of one cell. {@code valid}: the body must pass validation (the caller is to be
     * refused for who it is); otherwise a minimal one that an authorised caller's request fails on
     * without changing data.
     */
    private Request request(Row row, String path, boolean valid) {
        MatrixOpenApi api = apis.get(row.service());
        Set<String> types = api.bodyTypes(row.method(), row.path());
        if (types.isEmpty()) {
            return new Request(path, null);
        }
        if (types.contains("multipart/form-data")) {
            return new Request(
                    path,
                    valid
                            ? Body.multipart(
                                    "file", "certificate.pdf", "application/pdf", MatrixHttp.PDF)
                            : Body.multipart(
                                    "note",
                                    null,
                                    "text/plain",
                                    "matrix".getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode schema =
                types.contains("application/json")
                        ? MatrixBodies.valid(api, row.method(), row.path())
                        : null;
        if (schema != null && schema.isContainerNode()) {
            return new Request(path, Body.json(valid ? schema : "{}"));
        }
        // a stream (imports, deliverable files): bytes of a small PDF, or a body no parser accepts
        String type =
                types.iterator().next().contains("*") ? "application/pdf" : types.iterator().next();
        if (valid) {
            String query = row.path().endsWith("/file") ? "?fileName=matrix.pdf" : "";
            return new Request(path + query, Body.raw(type, MatrixHttp.PDF));
        }
        return new Request(path, Body.raw(type, "x".getBytes(StandardCharsets.UTF_8)));
    }

    /** The path with its parameters bound: {@code $key} = a fixture, anything else literally. */
    private String concretePath(Row row) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!row.bind().isBlank()) {
            for (String pair : row.bind().split(";")) {
                String[] kv = pair.split("=", 2);
                String v = kv[1].trim();
                if (v.startsWith("$")) {
                    String id = fixtures.get(v.substring(1));
                    if (id == null) {
                        throw new IllegalStateException("fixture " + v + " was not made");
                    }
                    v = id;
                }
                values.put(kv[0].trim(), v);
            }
        }
        Matcher m = PARAM.matcher(row.path());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException(
                        "no binding for {" + m.group(1) + "} (line " + row.line() + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    // ---- the table
    // -------------------------------------------------------------------------------------

    static List<Row> readTable() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in =
                AuthorizationMatrixE2E.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the test class path").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String> header = null;
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                List<String> cols = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
                if (header == null) {
                    header = cols;
                    List<String> want =
                            new ArrayList<>(List.of("service", "method", "path", "bind"));
                    want.addAll(CALLERS);
                    assertThat(header).as(RESOURCE + " header").isEqualTo(want);
                    continue;
                }
                assertThat(cols)
                        .as(RESOURCE + " line " + (n + 1) + " column count")
                        .hasSize(header.size());
                List<String> cells = cols.subList(4, cols.size());
                for (String c : cells) {
                    assertThat(c)
                            .as(RESOURCE + " line " + (n + 1) + " cell")
                            .isIn("401", "403", "404", "ok", "2xx");
                }
                rows.add(
                        new Row(
                                n + 1,
                                cols.get(0),
                                cols.get(1),
                                cols.get(2),
                                cols.get(3),
                                List.copyOf(cells)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
