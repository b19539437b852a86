package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, drill "audit tampering": after audited writes through asset-service's API, 1,000 random
 * tamperings of its audit rows straight in MariaDB, as someone with the database's credentials but
 * not the HMAC key would do them: a field edited, a middle row deleted, the tail deleted with the
 * chain head rewound to match, two rows' contents swapped. After each, {@code GET /audit/verify}
 * must answer valid=false naming the first bad entry; then the rows are restored exactly and verify
 * must be valid again.
 *
 * <p>The tail is deleted only up to the last checkpoint (copied outside the database every minute):
 * a tail newer than the checkpoint can be cut off unseen, by design; the drill waits until the
 * checkpoint has caught up with the head first. Seeded: {@code -De2e.drill.seed=} replays a run.
 */
@Order(7)
@DisplayName("Drill: 1,000 tamperings of the audit chain, each detected")
class AuditTamperingDrill {

    private static final String SVC = "asset";
    private static final int TAMPERINGS = 1000;
    private static final int WRITES = 50;
    private static final List<String> COLUMNS =
            List.of(
                    "seq",
                    "recorded_at",
                    "issuer",
                    "subject",
                    "actor_name",
                    "roles",
                    "organisation",
                    "action",
                    "entity_type",
                    "entity_id",
                    "state_digest",
                    "mac");

    /** the columns an edit may change (all of them: a reader of /audit sees every one) */
    private static final List<String> EDITABLE = COLUMNS;

    private enum Kind {
        EDIT,
        DELETE_MIDDLE,
        DELETE_TAIL,
        REORDER
    }

    private record Outcome(boolean detected, boolean rightEntry) {}

    private final Map<Long, Map<String, Object>> rows = new TreeMap<>();
    private Map<String, Object> head;

    @Test
    @DisplayName(
            "edits, middle and tail deletions, reorderings: each detected by /audit/verify, valid again once restored")
    void everyTamperingDetected() throws Exception {
        Suite suite = Suite.get();
        String run = DrillKit.runId();
        for (int i = 0; i < WRITES; i++) {
            DrillKit.createHardware(Tokens.VENDOR_A, "audit-" + run + "-" + i, "OTHER");
        }
        // the checkpoint (every minute) must cover the head, so that a cut-off tail is seen
        JsonNode[] last = new JsonNode[1];
        boolean covered =
                DrillKit.await(
                        Duration.ofSeconds(150),
                        Duration.ofSeconds(2),
                        () -> {
                            last[0] = verify();
                            return last[0].path("valid").asBoolean()
                                    && last[0].path("checkpoint").path("seq").asLong()
                                            == last[0].path("lastSeq").asLong();
                        });
        assertThat(last[0].path("valid").asBoolean())
                .as("the chain verifies before the drill: " + last[0])
                .isTrue();
        assertThat(covered).as("the checkpoint caught up with the head: " + last[0]).isTrue();
        long seed = Long.getLong("e2e.drill.seed", System.nanoTime());
        Random random = new Random(seed);

        String url = "jdbc:mariadb://127.0.0.1:" + suite.dbPort + "/kiban_" + SVC;
        Map<Kind, int[]> counts = new TreeMap<>();
        Map<String, int[]> editsByColumn = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "kiban_" + SVC, "kiban")) {
            snapshot(db);
            long n = rows.size();
            assertThat(rows.keySet())
                    .as("audit rows numbered 1…n")
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, (int) n).mapToObj(Long::valueOf).toList());
            assertThat(((Number) head.get("seq")).longValue()).as("head").isEqualTo(n);
            assertThat(n).as("audit entries").isGreaterThanOrEqualTo(WRITES);
            long checkpointSeq = last[0].path("checkpoint").path("seq").asLong();

            for (int i = 0; i < TAMPERINGS; i++) {
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                long expectedBad;
                String what;
                List<Long> touched = new ArrayList<>();
                db.setAutoCommit(false);
                switch (kind) {
                    case EDIT -> {
                        long k = 1 + random.nextInt((int) n);
                        String column = EDITABLE.get(random.nextInt(EDITABLE.size()));
                        Object value =
                                tampered(column, rows.get(k).get(column), random, n + 1000 + i);
                        update(
                                db,
                                "UPDATE audit_entry SET " + column + " = ? WHERE seq = ?",
                                value,
                                k);
                        touched.add(k);
                        if (column.equals("seq")) {
                            touched.add(((Number) value).longValue());
                        }
                        expectedBad = k;
                        what =
                                "seq "
                                        + k
                                        + " "
                                        + column
                                        + ": "
                                        + rows.get(k).get(column)
                                        + " -> "
                                        + value;
                        editsByColumn.computeIfAbsent(column, c -> new int[2])[0]++;
                    }
                    case DELETE_MIDDLE -> {
                        long k = 1 + random.nextInt((int) n - 1);
                        update(db, "DELETE FROM audit_entry WHERE seq = ?", k);
                        touched.add(k);
                        expectedBad = k;
                        what = "deleted seq " + k;
                    }
                    case DELETE_TAIL -> {
                        long k =
                                Math.max(
                                        1,
                                        Math.min(checkpointSeq, n)
                                                - random.nextInt((int) Math.min(30, n)));
                        update(db, "DELETE FROM audit_entry WHERE seq >= ?", k);
                        String mac = k == 1 ? "0".repeat(64) : (String) rows.get(k - 1).get("mac");
                        update(
                                db,
                                "UPDATE audit_head SET seq = ?, mac = ? WHERE id = 1",
                                k - 1,
                                mac);
                        for (long s = k; s <= n; s++) {
                            touched.add(s);
                        }
                        expectedBad = k;
                        what = "deleted seq " + k + "…" + n + ", head rewound to " + (k - 1);
                    }
                    default -> {
                        long a = 1 + random.nextInt((int) n);
                        long b = 1 + random.nextInt((int) n - 1);
                        b = b >= a ? b + 1 : b;
                        long lo = Math.min(a, b);
                        long hi = Math.max(a, b);
                        update(db, "DELETE FROM audit_entry WHERE seq IN (?, ?)", lo, hi);
                        insert(db, rows.get(hi), lo);
                        insert(db, rows.get(lo), hi);
                        touched.add(lo);
                        touched.add(hi);
                        expectedBad = lo;
                        what = "swapped the contents of seq " + lo + " and " + hi;
                    }
                }
                db.commit();
                JsonNode v = verify();
                boolean detected = !v.path("valid").asBoolean(true);
                boolean rightEntry = detected && v.path("firstBadSeq").asLong(-1) == expectedBad;
                int[] c = counts.computeIfAbsent(kind, x -> new int[3]);
                c[0]++;
                if (rightEntry) {
                    c[1]++;
                } else {
                    c[2]++;
                    failures.add(kind + " " + what + " → " + v);
                    if (kind == Kind.EDIT) {
                        editsByColumn.get(what.split(" ")[2].replace(":", ""))[1]++;
                    }
                }
                restore(db, touched);
                db.commit();
                JsonNode again = verify();
                if (!again.path("valid").asBoolean()) {
                    throw new AssertionError(
                            "the chain does not verify after restoring ("
                                    + kind
                                    + " "
                                    + what
                                    + "): "
                                    + again);
                }
            }
            db.setAutoCommit(true);
            Map<Long, Map<String, Object>> original = new TreeMap<>(rows);
            Map<String, Object> originalHead = head;
            snapshot(db);
            assertThat(rows).as("the audit rows after the drill").isEqualTo(original);
            assertThat(head).as("the chain head after the drill").isEqualTo(originalHead);
        }

        System.out.printf(
                "%n[audit-tampering] %s: %d tamperings of %d entries (seed %d)%n",
                SVC, TAMPERINGS, rows.size(), seed);
        counts.forEach(
                (k, c) ->
                        System.out.printf(
                                "[audit-tampering]   %-14s %4d, detected naming the first bad entry %4d,"
                                        + " NOT %d%n",
                                k, c[0], c[1], c[2]));
        editsByColumn.forEach(
                (k, c) ->
                        System.out.printf(
                                "[audit-tampering]     edit of %-13s %4d, not detected %d%n",
                                k, c[0], c[1]));
        failures.stream()
                .limit(10)
                .forEach(f -> System.out.println("[audit-tampering]   NOT DETECTED: " + f));
        System.out.println();
        assertThat(counts.values().stream().mapToInt(c -> c[0]).sum()).isEqualTo(TAMPERINGS);
        assertThat(failures.size())
                .as(
                        "tamperings that /audit/verify did not report at the first bad entry, e.g. "
                                + failures.stream().limit(3).toList())
                .isZero();
        assertThat(verify().path("valid").asBoolean())
                .as("the chain verifies after the drill")
                .isTrue();
    }

    private static JsonNode verify() {
        DrillKit.Reply r = DrillKit.get(Tokens.AUDITOR, Suite.get().url(SVC), "/audit/verify");
        if (r.status() != 200) {
            throw new AssertionError("GET /audit/verify: " + r);
        }
        return r.json();
    }

    private void snapshot(Connection db) throws SQLException {
        rows.clear();
        try (Statement st = db.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT "
                                        + String.join(", ", COLUMNS)
                                        + " FROM audit_entry ORDER BY seq")) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String c : COLUMNS) {
                    row.put(c, rs.getObject(c));
                }
                rows.put(((Number) row.get("seq")).longValue(), row);
            }
        }
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, chain_id, seq, mac FROM audit_head")) {
            assertThat(rs.next()).as("audit_head").isTrue();
            head = new LinkedHashMap<>();
            for (String c : List.of("id", "chain_id", "seq", "mac")) {
                head.put(c, rs.getObject(c));
            }
        }
    }

    /** Puts the touched rows and the head back exactly as they were. */
    private void restore(Connection db, List<Long> touched) throws SQLException {
        String marks = String.join(", ", touched.stream().map(t -> "?").toList());
        update(db, "DELETE FROM audit_entry WHERE seq IN (" + marks + ")", touched.toArray());
        for (Long seq : touched) {
            if (rows.containsKey(seq)) {
                insert(db, rows.get(seq), seq);
            }
        }
        update(
                db,
                "UPDATE audit_head SET chain_id = ?, seq = ?, mac = ? WHERE id = 1",
                head.get("chain_id"),
                head.get("seq"),
                head.get("mac"));
    }

    private static void insert(Connection db, Map<String, Object> row, long seq)
            throws SQLException {
        Object[] values =
                COLUMNS.stream().map(c -> c.equals("seq") ? (Object) seq : row.get(c)).toArray();
        update(
                db,
                "INSERT INTO audit_entry ("
                        + String.join(", ", COLUMNS)
                        + ") VALUES ("
                        + String.join(", ", COLUMNS.stream().map(c -> "?").toList())
                        + ")",
                values);
    }

    private static int update(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** A different value for the column, as an attacker would write it. */
    private static Object tampered(String column, Object value, Random random, long freeSeq) {
        switch (column) {
            case "seq":
                return freeSeq;
            case "recorded_at":
                {
                    java.time.LocalDateTime t =
                            value instanceof java.sql.Timestamp ts
                                    ? ts.toLocalDateTime()
                                    : (java.time.LocalDateTime) value;
                    long micros =
                            random.nextBoolean()
                                    ? 1 + random.nextInt(1000)
                                    : 1_000_000L * (1 + random.nextInt(86_400));
                    return t.plusNanos((random.nextBoolean() ? micros : -micros) * 1000);
                }
            case "state_digest":
            case "mac":
                {
                    String hex = (String) value;
                    int at = random.nextInt(hex.length());
                    char c = hex.charAt(at);
                    char other =
                            "0123456789abcdef"
                                    .charAt((Character.digit(c, 16) + 1 + random.nextInt(15)) % 16);
                    return hex.substring(0, at) + other + hex.substring(at + 1);
                }
            default:
                {
                    String s = (String) value;
                    if (s == null || s.isEmpty()) {
                        return column.equals("organisation") ? "vendor-b" : "mallory";
                    }
                    int at = random.nextInt(s.length());
                    char c = s.charAt(at);
                    char other =
                            Character.isDigit(c)
                                    ? (char) ('0' + (c - '0' + 1 + random.nextInt(9)) % 10)
                                    : c == 'z'
                                            ? 'q'
                                            : (char)
                                                    (Character.isLetter(c)
                                                            ? (Character.isUpperCase(c) ? 'Z' : 'z')
                                                            : 'x');
                    if (other == c) {
                        other = 'y';
                    }
                    return s.substring(0, at) + other + s.substring(at + 1);
                }
        }
    }
}
