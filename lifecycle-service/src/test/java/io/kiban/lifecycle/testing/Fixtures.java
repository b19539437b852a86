package io.kiban.lifecycle.testing;

import io.kiban.commons.testing.TestDatabase;
import io.kiban.lifecycle.deliverable.DeliverableSchedule;
import io.kiban.lifecycle.support.DocumentStore;
import io.quarkus.arc.Arc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts this service's test database back to its seeded state (tests share one database across
 * runs), the scheduled reports included.
 */
public final class Fixtures {

    private Fixtures() {}

    public static void reset() {
        TestClock.reset();
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM production_delay");
            s.execute("DELETE FROM lease_closed_month");
            s.execute("DELETE FROM contract_amendment");
            s.execute("DELETE FROM lease_extension_amount");
            s.execute("DELETE FROM lease_extension");
            s.execute("DELETE FROM compliance_status");
            s.execute("DELETE FROM deliverable_submission");
            s.execute("DELETE FROM deliverable WHERE title LIKE 'TEST %'");
            s.execute(
                    "UPDATE deliverable SET status='PENDING', submitted_on=NULL, submitted_by=NULL, file_sha256=NULL, "
                            + "file_name=NULL, reviewed_by=NULL, reviewed_at=NULL, return_reason=NULL, submitted_by_id=NULL, reviewed_by_id=NULL, "
                            + "compliance_by=NULL, compliance_by_id=NULL, audit_mac=NULL");
            s.execute("DELETE FROM delivery_extension");
            s.execute("DELETE FROM approved_handler");
            s.execute("DELETE FROM phase_transition");
            s.execute(
                    "UPDATE environment_phase SET phase='CONTRACTED', removing_entered_at=NULL, late_removal_reason=NULL");
            s.execute("DELETE FROM restoration_evidence");
            s.execute(
                    "UPDATE restoration_item SET vendor_note=NULL, vendor_note_by=NULL, vendor_note_by_id=NULL, signed_by=NULL, signed_at=NULL");
            s.execute("DELETE FROM archive_accepted_medium");
            s.execute("DELETE FROM archive");
            s.execute("DELETE FROM vendor_copy_evidence");
            s.execute("DELETE FROM vendor_copy");
            s.execute("DELETE FROM vendor_organisation");
            // the stored files (deliverable files, restoration and vendor-copy evidence): nothing
            // refers to them any more; a row left behind by another checkout sharing this database
            // names a file this checkout never stored, and the archive (every document) would fail
            deleteDocuments(s);
            s.execute(
                    "UPDATE contract SET signing_date='2026-06-30', delivery_deadline='2027-03-31', "
                            + "extension_limit='2027-06-30', production_start='2027-04-01', lease_start='2027-07-01', "
                            + "lease_end='2030-12-31', removal_deadline='2031-03-31', contract_end='2031-03-31', "
                            + "vendor_organisation='vendor-a'");
            s.execute(
                    "DELETE FROM contract_amount WHERE category_code NOT IN ('SERVERS','STORAGE','NETWORK','FACILITY','SOFTWARE')");
            s.execute(
                    "UPDATE contract_amount SET lease_monthly=4200000, maintenance_monthly=610000, category_name='サーバ機器' WHERE category_code='SERVERS'");
            s.execute(
                    "UPDATE contract_amount SET lease_monthly=1850000, maintenance_monthly=270000, category_name='ディスクアレイ' WHERE category_code='STORAGE'");
            s.execute(
                    "UPDATE contract_amount SET lease_monthly=720000, maintenance_monthly=110000, category_name='ネットワーク機器' WHERE category_code='NETWORK'");
            s.execute(
                    "UPDATE contract_amount SET lease_monthly=230000, maintenance_monthly=40000, category_name='ラック・コンソール・分電盤' WHERE category_code='FACILITY'");
            s.execute(
                    "UPDATE contract_amount SET lease_monthly=960000, maintenance_monthly=380000, category_name='ソフトウェア' WHERE category_code='SOFTWARE'");
            resetCalendar(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // the scheduled reports follow the seeded contract dates again (a test may have amended
        // them)
        Arc.container().instance(DeliverableSchedule.class).get().regenerate("test-reset");
    }

    /** Every {@code document} row and this checkout's stored file of each. */
    static void deleteDocuments(Statement s) throws SQLException {
        List<String> shas = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT sha256 FROM document")) {
            while (r.next()) {
                shas.add(r.getString(1));
            }
        }
        s.execute("DELETE FROM document");
        DocumentStore store = Arc.container().instance(DocumentStore.class).get();
        for (String sha : shas) {
            try {
                Files.deleteIfExists(store.path(sha));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Issue #18: the calendar back to V3's rows, no list imported (V23's initial import row stays).
     */
    static void resetCalendar(Statement s) throws SQLException {
        String v3;
        try {
            v3 =
                    java.nio.file.Files.readString(
                            java.nio.file.Path.of(
                                    "src/main/resources/db/migration/V3__business_calendar.sql"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String insert =
                v3.lines()
                        .filter(l -> !l.startsWith("--"))
                        .collect(java.util.stream.Collectors.joining("\n"))
                        .trim();
        s.execute("DELETE FROM calendar_holiday");
        s.execute("DELETE FROM calendar_import WHERE sha256 IS NOT NULL");
        s.execute(insert.endsWith(";") ? insert.substring(0, insert.length() - 1) : insert);
    }
}
