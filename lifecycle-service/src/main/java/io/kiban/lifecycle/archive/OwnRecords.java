package io.kiban.lifecycle.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.audit.AuditCheckpointStore;
import io.kiban.lifecycle.lease.LeaseService;
import io.kiban.lifecycle.lease.LeaseWorkbook;
import io.kiban.lifecycle.phase.RemovalObligation;
import io.kiban.lifecycle.support.DocumentStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R-RM-4: lifecycle-service's own part of the archive, each read in its own transaction: its tables
 * (its audit trail included) with a checkpoint of its audit head, the R-LC-8 removal breaches, the
 * lease ledger workbook and every stored document file.
 */
@ApplicationScoped
class OwnRecords {

    static final String SOURCE = "lifecycle-service";

    /** This service's tables, exported whole. */
    static final List<String> TABLES =
            List.of(
                    "contract",
                    "contract_amount",
                    "calendar_holiday",
                    "production_delay",
                    "lease_extension",
                    "lease_extension_amount",
                    "document",
                    "deliverable",
                    "deliverable_submission",
                    "compliance_status",
                    "delivery_extension",
                    "approved_handler",
                    "environment_phase",
                    "phase_transition",
                    "restoration_item",
                    "restoration_evidence",
                    "archive",
                    "archive_accepted_medium",
                    "vendor_organisation",
                    "vendor_copy",
                    "vendor_copy_evidence",
                    "contract_amendment",
                    "lease_closed_month",
                    "audit_entry",
                    "audit_head");

    private final EntityManager em;
    private final DocumentStore store;
    private final LeaseService lease;
    private final AuditCheckpointStore checkpoints;
    private final Instance<RemovalObligation> removalObligation;
    private final ObjectMapper mapper;

    OwnRecords(
            EntityManager em,
            DocumentStore store,
            LeaseService lease,
            AuditCheckpointStore checkpoints,
            Instance<RemovalObligation> removalObligation,
            ObjectMapper mapper) {
        this.em = em;
        this.store = store;
        this.lease = lease;
        this.checkpoints = checkpoints;
        this.removalObligation = removalObligation;
        this.mapper = mapper.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes this service's entries into the archive, after a checkpoint of its audit head. */
    void write(ArchiveZip zip) throws IOException {
        checkpoints.checkpoint();
        QuarkusTransaction.requiringNew().run(() -> tables(zip));
        // R-LC-8: the removal deadline's breaches (removed late, or not removed while it has
        // passed), with any late-removal reason beside them; a reason never hides one
        var breaches =
                QuarkusTransaction.requiringNew().call(() -> removalObligation.get().breaches());
        zip.json(
                SOURCE + "/removal-breaches.json",
                SOURCE,
                Map.of("rule", "R-LC-8", "breaches", breaches));
        if (Files.exists(checkpoints.file())) {
            zip.entry(
                    SOURCE + "/audit-checkpoint.json",
                    SOURCE,
                    out -> Files.copy(checkpoints.file(), out));
        }
        var ledger = QuarkusTransaction.requiringNew().call(lease::ledger);
        var delays = QuarkusTransaction.requiringNew().call(lease::delays);
        zip.entry(
                SOURCE + "/lease-ledger.xlsx",
                SOURCE,
                out -> LeaseWorkbook.write(ledger, delays, out));
        List<String> documents =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        em.createQuery(
                                                        "select d.sha256 from StoredDocument d order by d.sha256",
                                                        String.class)
                                                .getResultList());
        for (String sha : documents) {
            zip.entry(
                    SOURCE + "/documents/" + sha,
                    SOURCE,
                    out -> {
                        try (InputStream in = store.open(sha)) {
                            in.transferTo(out);
                        }
                    });
        }
    }

    /** {@code records.json}: every row of every table of {@link #TABLES}. */
    private void tables(ArchiveZip zip) {
        try {
            zip.entry(
                    SOURCE + "/records.json",
                    SOURCE,
                    out -> {
                        Map<String, Object> doc = new LinkedHashMap<>();
                        doc.put("service", SOURCE);
                        for (String table : TABLES) {
                            @SuppressWarnings("unchecked")
                            List<Tuple> rows =
                                    em.createNativeQuery("SELECT * FROM " + table, Tuple.class)
                                            .getResultList();
                            List<Map<String, Object>> list = new ArrayList<>();
                            for (Tuple row : rows) {
                                Map<String, Object> map = new LinkedHashMap<>();
                                for (TupleElement<?> el : row.getElements()) {
                                    Object v = row.get(el);
                                    map.put(
                                            el.getAlias(),
                                            v == null || v instanceof Number || v instanceof Boolean
                                                    ? v
                                                    : v.toString());
                                }
                                list.add(map);
                            }
                            doc.put(table, list);
                        }
                        mapper.writeValue(out, doc);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
