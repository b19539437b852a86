package io.kiban.asset.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.asset.AssetApi;
import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 18: a 10,000-row file imports in a few seconds with flat memory. A measurement, not a test
 * of the suite: opt-in ({@code bench/bulk-import.sh}, or {@code -Dkiban.bench=true
 * -Dquarkus.http.test-timeout=600s -Dtest=BulkVolumeBench}); it leaves its rows in the test
 * database. For each file (hardware with one medium per row as xlsx and as hardware.csv, software
 * as xlsx; {@code kiban.bench.rows} rows, 10,000 by default) it prints one {@code BULK-BENCH} line:
 * wall time of the POST, the JDBC statements Hibernate prepared (its statistics), the entities
 * inserted, the peak heap used above the baseline while importing (sampled every 10 ms) and the
 * heap still used after a GC, with {@code -Dkiban.bench.histogram=<ms>} the live set (full-GC class
 * histograms during the POST: its peak above the one taken before, and the classes that grew most;
 * the peak heap above counts garbage not yet collected), the CPU time of this JVM during the POST
 * and the load average (the machine is shared: wall times vary with it; statements do not). Times
 * are printed, never asserted.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
@EnabledIfSystemProperty(named = "kiban.bench", matches = "true")
class BulkVolumeBench {

    static final String[] HARDWARE = {
        "製品名",
        "型番",
        "ハードウェア区分",
        "契約形態",
        "保守期限",
        "製造番号",
        "環境",
        "ラック",
        "搭載位置",
        "状態",
        "納入日",
        "調達基準品目",
        "記憶媒体（種別:製造番号）"
    };
    static final String[] SOFTWARE = {
        "製品名", "エディション", "バージョン", "ソフトウェア区分", "契約形態", "ライセンス形態", "サポート期限", "導入先", "環境", "SBOM対象"
    };

    @Inject SessionFactory sessionFactory;

    @Inject AuditTrail audit;

    @Inject EntityManager em;

    static String[] hardwareRow(String prefix, int r) {
        return new String[] {
            "PRIMERGY RX2540 M7",
            "PYR2547R",
            "SERVER",
            "賃貸借",
            "2031-03-31",
            prefix + "-SN-" + r,
            "STAGING",
            "R" + (r % 40),
            "U" + (r % 42),
            "DELIVERED",
            "2027-01-10",
            "",
            "SSD:" + prefix + "-SSD-" + r
        };
    }

    static String[] softwareRow(String prefix, int r) {
        return new String[] {
            prefix + "-lib-" + r,
            "",
            "1." + (r % 50) + "." + (r % 7),
            "LIBRARY",
            "",
            "Apache-2.0",
            "",
            "CLUSTER " + prefix + "-k8s",
            "STAGING",
            ""
        };
    }

    static byte[] workbook(
            String sheetName,
            String[] headings,
            int rows,
            java.util.function.IntFunction<String[]> row)
            throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = wb.createSheet(sheetName);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headings.length; i++) {
                head.createCell(i).setCellValue(headings[i]);
            }
            for (int r = 1; r <= rows; r++) {
                Row x = sheet.createRow(r);
                String[] values = row.apply(r);
                for (int i = 0; i < values.length; i++) {
                    if (!values[i].isEmpty()) {
                        x.createCell(i).setCellValue(values[i]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    static byte[] csv(String[] headings, int rows, java.util.function.IntFunction<String[]> row) {
        StringBuilder b = new StringBuilder(String.join(",", headings)).append("\r\n");
        for (int r = 1; r <= rows; r++) {
            b.append(String.join(",", row.apply(r))).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The live objects of this JVM by class (jcmd GC.class_histogram: a full GC first, so only
     * reachable objects count): class name → bytes, and "Total".
     */
    /**
     * With {@code -Dkiban.bench.heapdump=<file>}: a heap dump of the live objects at the live set's
     * peak so far (overwritten at each new peak), to see what holds it.
     */
    static void heapDump(String file) {
        try {
            java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(file));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot replace " + file, e);
        }
        jcmd("GC.heap_dump", file);
    }

    /** What {@code jcmd <this JVM> command…} prints. */
    static String jcmd(String... command) {
        List<String> line = new java.util.ArrayList<>();
        line.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(ProcessHandle.current().pid()));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed", e);
        }
    }

    static Map<String, Long> liveHistogram() {
        Map<String, Long> bytes = new LinkedHashMap<>();
        try {
            for (String line : jcmd("GC.class_histogram").lines().toList()) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
                } else if (f.length == 3 && f[0].equals("Total")) {
                    bytes.put("Total", Long.parseLong(f[2]));
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalStateException("jcmd GC.class_histogram: unexpected output", e);
        }
        return bytes;
    }

    void measure(String what, byte[] body, String contentType, String path, int rows)
            throws Exception {
        Statistics stats = sessionFactory.getStatistics();
        stats.setStatisticsEnabled(true);
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long base = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(base);
        Thread sampler =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                peak.accumulateAndGet(
                                        memory.getHeapMemoryUsage().getUsed(), Math::max);
                                try {
                                    Thread.sleep(10);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        });
        stats.clear();
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        // the live set: with -Dkiban.bench.histogram=<ms>, a full-GC class histogram every that
        // many ms of the POST (each stops the JVM for a while: the wall time of such a run is not
        // the import's). Heap in use right after a young GC is no live set: it still counts the old
        // generation's garbage (the 32 KiB a row reported at 11:29 was that).
        long every = Long.getLong("kiban.bench.histogram", 0);
        Map<String, Long> liveBase = every > 0 ? liveHistogram() : Map.of();
        java.util.concurrent.atomic.AtomicReference<Map<String, Long>> livePeak =
                new java.util.concurrent.atomic.AtomicReference<>(liveBase);
        Thread liveSampler =
                new Thread(
                        () -> {
                            while (every > 0 && !Thread.currentThread().isInterrupted()) {
                                try {
                                    Thread.sleep(every);
                                } catch (InterruptedException e) {
                                    return;
                                }
                                Map<String, Long> h = liveHistogram();
                                String dump = System.getProperty("kiban.bench.heapdump");
                                if (dump != null
                                        && h.getOrDefault("Total", 0L)
                                                > livePeak.get().getOrDefault("Total", 0L)) {
                                    heapDump(dump);
                                }
                                livePeak.accumulateAndGet(
                                        h,
                                        (x, y) ->
                                                y.getOrDefault("Total", 0L)
                                                                > x.getOrDefault("Total", 0L)
                                                        ? y
                                                        : x);
                            }
                        });
        // a plain HTTP client, not RestAssured: the samplers stop when the answer's headers arrive
        // (the import and its commit are over), so that the client's own copies of the answer (and
        // RestAssured's log buffer of the request) are not counted as the import's memory
        String token = Tokens.jpoAdmin();
        java.net.http.HttpRequest request =
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(
                                        io.restassured.RestAssured.baseURI
                                                + ":"
                                                + io.restassured.RestAssured.port
                                                + path
                                                + "?dryRun=false"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .timeout(java.time.Duration.ofMinutes(10))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        liveSampler.start();
        sampler.start();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        java.net.http.HttpResponse<java.io.InputStream> response =
                java.net.http.HttpClient.newHttpClient()
                        .send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        liveSampler.interrupt();
        liveSampler.join();
        String answer;
        try (java.io.InputStream in = response.body()) {
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(response.statusCode()).as(answer).isEqualTo(200);
        JsonPath p = new JsonPath(answer);
        long statements = stats.getPrepareStatementCount();
        long inserts = stats.getEntityInsertCount();
        long queries = stats.getQueryExecutionCount();
        stats.setStatisticsEnabled(false);
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        assertThat(p.getInt("created")).isEqualTo(rows);
        System.out.printf(
                "BULK-BENCH %s rows=%d file=%d KiB wall=%d ms jvmCpu=%d ms statements=%d queries=%d "
                        + "entityInserts=%d peakHeapAboveBaseline=%d MiB peakLiveAboveBaseline=%s retainedAfterGc=%d MiB "
                        + "(baseline %d MiB, max %d MiB) load=%.1f%n",
                what,
                rows,
                body.length / 1024,
                ms,
                cpuMs,
                statements,
                queries,
                inserts,
                (peak.get() - base) >> 20,
                every == 0
                        ? "not sampled (-Dkiban.bench.histogram=<ms>)"
                        : ((livePeak.get().get("Total") - liveBase.get("Total")) >> 10)
                                + " KiB (full-GC histograms every "
                                + every
                                + " ms)",
                (after - base) >> 20,
                base >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20,
                load);
        if (every > 0) {
            Map<String, Long> top = livePeak.get();
            top.entrySet().stream()
                    .filter(e -> !e.getKey().equals("Total"))
                    .map(
                            e ->
                                    Map.entry(
                                            e.getKey(),
                                            e.getValue() - liveBase.getOrDefault(e.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(15)
                    .forEach(
                            e ->
                                    System.out.printf(
                                            "BULK-BENCH live %s +%d KiB %s%n",
                                            what, e.getValue() >> 10, e.getKey()));
        }
    }

    /**
     * The cost of commons' {@code AuditTrail.append} alone: {@code n} appends of a state the size
     * of a hardware view in one transaction (flushed and cleared every 500, as the import does),
     * rolled back.
     */
    void auditShare(int n) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String f :
                List.of(
                        "id",
                        "name",
                        "modelNumber",
                        "manufacturer",
                        "hardwareClass",
                        "contractForm",
                        "maintenanceDeadline",
                        "serialNumber",
                        "environment",
                        "rack",
                        "rackPosition",
                        "status",
                        "deliveredOn",
                        "condition",
                        "baselineItem",
                        "discontinued",
                        "substituteForId",
                        "version")) {
            state.put(f, "PRIMERGY RX2540 M7 " + f);
        }
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long[] appended = new long[2];
        try {
            QuarkusTransaction.requiringNew()
                    .run(
                            () -> {
                                for (int i = 1; i <= n; i++) {
                                    state.put("id", i);
                                    audit.append("bench", "bench", i, state);
                                    if (i % 500 == 0) {
                                        em.flush();
                                        em.clear();
                                    }
                                }
                                em.flush();
                                appended[0] = System.nanoTime();
                                appended[1] = os.getProcessCpuTime();
                                QuarkusTransaction.setRollbackOnly();
                            });
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException expected) {
            // rolled back on purpose: the bench leaves no entry in the chain
        }
        long ms = (appended[0] - t0) / 1_000_000;
        long cpuMs = (appended[1] - cpu0) / 1_000_000;
        System.out.printf(
                "BULK-BENCH audit-only appends=%d wall=%d ms jvmCpu=%d ms (%.1f µs wall per append, "
                        + "rolled back) load=%.1f%n",
                n, ms, cpuMs, ms * 1000.0 / n, os.getSystemLoadAverage());
    }

    @Test
    void ten_thousand_rows() throws Exception {
        int rows = Integer.getInteger("kiban.bench.rows", 10_000);
        String files = System.getProperty("kiban.bench.files", "xlsx,csv,software,audit");
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        // warm-up: the first import of the JVM loads classes and POI
        String w = AssetApi.unique("warm");
        measure(
                "warm-up hardware+media xlsx",
                workbook("ハードウェア", HARDWARE, 200, r -> hardwareRow(w, r)),
                xlsx,
                "/imports/standard-sheet",
                200);
        if (files.contains("xlsx")) {
            String a = AssetApi.unique("vol");
            measure(
                    "hardware+media xlsx",
                    workbook("ハードウェア", HARDWARE, rows, r -> hardwareRow(a, r)),
                    xlsx,
                    "/imports/standard-sheet",
                    rows);
        }
        if (files.contains("csv")) {
            String b = AssetApi.unique("vol");
            measure(
                    "hardware+media csv",
                    csv(HARDWARE, rows, r -> hardwareRow(b, r)),
                    "text/csv",
                    "/imports/standard-sheet/hardware.csv",
                    rows);
        }
        if (files.contains("software")) {
            String c = AssetApi.unique("vol");
            measure(
                    "software xlsx",
                    workbook("ソフトウェア", SOFTWARE, rows, r -> softwareRow(c, r)),
                    xlsx,
                    "/imports/standard-sheet",
                    rows);
        }
        if (files.contains("audit")) {
            auditShare(2 * rows);
        }
    }
}
