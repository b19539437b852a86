package io.kiban.lifecycle.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.json.Hashes;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Caller;
import io.kiban.lifecycle.archive.ArchiveDtos.ArchiveView;
import io.kiban.lifecycle.support.DocumentStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * R-RM-4: builds the archive — one zip of the suite's records — and records it. Each service's
 * {@code GET /exports/records.json}, its audit trail with a checkpoint of its head ({@code GET
 * /audit/export}) and its xlsx reports (asset-service's standard sheet, maintenance-service's
 * destruction register), every evidence file listed in maintenance-service's records (fetched by
 * SHA-256 and checked against it), all with the service token ({@link ServiceExports}); this
 * service's own records ({@link OwnRecords}) — with {@code manifest.json} listing each entry's
 * SHA-256 ({@link ArchiveZip}). Streamed to a file, entry by entry (nothing is held whole in
 * memory); its own SHA-256 and time are recorded, with the media whose destruction evidence
 * maintenance-service had accepted ({@link MaintenanceRecords}). A service that cannot export fails
 * the whole archive (503): an archive is complete or not made.
 */
@ApplicationScoped
class ArchiveBuilder {

    private static final Logger LOG = Logger.getLogger(ArchiveBuilder.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ServiceExports exports;
    private final MaintenanceRecords maintenanceRecords;
    private final OwnRecords ownRecords;
    private final ArchiveRepository archives;
    private final EntityManager em;
    private final DocumentStore store;
    private final ObjectMapper mapper;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    ArchiveBuilder(
            ServiceExports exports,
            MaintenanceRecords maintenanceRecords,
            OwnRecords ownRecords,
            ArchiveRepository archives,
            EntityManager em,
            DocumentStore store,
            ObjectMapper mapper,
            AuditTrail audit,
            Caller caller,
            Clock clock) {
        this.exports = exports;
        this.maintenanceRecords = maintenanceRecords;
        this.ownRecords = ownRecords;
        this.archives = archives;
        this.em = em;
        this.store = store;
        this.mapper = mapper;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Builds the archive into a {@code .part} file, hashes it, moves it into place read-only and
     * records it in its own transaction; on any failure the partial file is deleted and nothing is
     * recorded.
     */
    public ArchiveView create() {
        Instant now = clock.instant();
        String fileName =
                "kiban-archive-" + STAMP.format(now) + "-" + System.nanoTime() % 100000 + ".zip";
        Path dir = store.archives();
        Path part = dir.resolve(fileName + ".part");
        Path records = dir.resolve(fileName + ".records.tmp");
        SortedSet<String> acceptedMedia = new TreeSet<>();
        try {
            int entries;
            try (ArchiveZip zip = new ArchiveZip(part, mapper)) {
                for (ServiceExports.Source source : exports.sources()) {
                    acceptedMedia.addAll(otherService(zip, source, records));
                }
                ownRecords.write(zip);
                zip.manifest(now, caller.name());
                entries = zip.entries();
            }
            String sha;
            long size = Files.size(part);
            try (InputStream in =
                    new DigestInputStream(Files.newInputStream(part), Hashes.sha256())) {
                in.transferTo(OutputStream.nullOutputStream());
                sha =
                        HexFormat.of()
                                .formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            Files.move(part, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            dir.resolve(fileName).toFile().setReadOnly();
            return QuarkusTransaction.requiringNew()
                    .call(() -> record(now, fileName, sha, size, entries, acceptedMedia));
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        } finally {
            deleteQuietly(records);
        }
    }

    /**
     * One other service's entries: its records, its audit trail, its reports and, for
     * maintenance-service, every evidence file its records list (each checked against its SHA-256).
     * Answers the media whose destruction evidence its records show accepted (none for a service
     * other than maintenance-service).
     */
    private Set<String> otherService(ArchiveZip zip, ServiceExports.Source source, Path records)
            throws IOException {
        String service = source.records().service();
        boolean evidence = MaintenanceRecords.SERVICE.equals(source.name());
        exports.fetch(zip, source.records(), evidence ? records : null);
        // the service's audit trail, with a checkpoint of its head taken just before
        exports.fetch(zip, source.auditTrail(), null);
        for (ServiceExports.Export report : source.reports()) {
            exports.fetch(zip, report, null);
        }
        if (!evidence) {
            return Set.of();
        }
        for (String sha : maintenanceRecords.evidenceFiles(service, records)) {
            ArchiveZip.ManifestEntry e = exports.fetch(zip, exports.evidenceFile(sha), null);
            if (!e.sha256().equals(sha)) {
                throw ProblemException.of(
                        ProblemType.DEPENDENCY_UNAVAILABLE,
                        service
                                + " served evidence file "
                                + sha
                                + " with SHA-256 "
                                + e.sha256()
                                + "; no archive was made (it must be complete and true)");
            }
        }
        Set<String> accepted = maintenanceRecords.acceptedMedia(service, records);
        Files.deleteIfExists(records);
        return accepted;
    }

    /** Records the archive made, with the media whose accepted evidence it holds; audited. */
    private ArchiveView record(
            Instant now,
            String fileName,
            String sha,
            long size,
            int entries,
            Set<String> acceptedMedia) {
        Archive a = new Archive();
        a.createdAt = now;
        a.createdBy = caller.name();
        a.fileName = fileName;
        a.sha256 = sha;
        a.size = size;
        a.entries = entries;
        archives.persist(a);
        archives.flush();
        for (String serial : acceptedMedia) {
            em.createNativeQuery(
                            "INSERT INTO archive_accepted_medium (archive_id, serial) VALUES (?1, ?2)")
                    .setParameter(1, a.id)
                    .setParameter(2, serial)
                    .executeUpdate();
        }
        ArchiveView view = ArchiveView.of(a);
        audit.append(
                "hand-over",
                "archive",
                a.id,
                Map.of("archive", view, "acceptedMedia", acceptedMedia.size()));
        LOG.infof(
                "R-RM-4: archive %s (%d entries, sha-256 %s) made by %s",
                fileName, entries, sha, a.createdBy);
        return view;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
