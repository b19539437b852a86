package io.kiban.lifecycle.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.audit.AuditCheckpointStore;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.json.Hashes;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Caller;
import io.kiban.lifecycle.lease.LeaseService;
import io.kiban.lifecycle.support.DocumentStore;
import io.kiban.lifecycle.support.LifecycleConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.client.OidcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import jakarta.transaction.Transactional;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.logging.Logger;

/**
 * R-RM-4: one zip of the suite's records — each service's {@code GET /exports/records.json}, its
 * audit trail with a checkpoint of its head ({@code GET /audit/export}) and its xlsx reports
 * (asset-service's standard sheet, maintenance-service's destruction register), every evidence file
 * listed in maintenance-service's records (fetched by SHA-256 and checked against it), all with the
 * service token; this service's own tables (including its audit trail) and audit checkpoint, the
 * lease ledger workbook and every stored document file — with {@code manifest.json} listing each
 * entry's SHA-256. Streamed to a file, entry by entry (nothing is held whole in memory); its own
 * SHA-256 and time are recorded. A service that cannot export fails the whole archive (503): an
 * archive is complete or not made.
 */
@ApplicationScoped
public class ArchiveService {

    private static final Logger LOG = Logger.getLogger(ArchiveService.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** This service's tables, exported whole. */
    static final List<String> OWN_TABLES =
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

    /** The xlsx reports of the other services, by service name (served to the service role). */
    static final Map<String, List<String>> REPORTS =
            Map.of(
                    "asset", List.of("/exports/standard-sheet.xlsx"),
                    "maintenance", List.of("/reports/destruction-register.xlsx"));

    /**
     * The service whose records list evidence files ({@code evidence[].files[].sha256}) and serves
     * them by SHA-256.
     */
    static final String EVIDENCE_SERVICE = "maintenance";

    private static final java.util.regex.Pattern SHA256 =
            java.util.regex.Pattern.compile("[0-9a-f]{64}");

    /** {@code receivedAt} etc.: JPO's receipt (R-RM-4), null until recorded. */
    public record ArchiveView(
            Long id,
            Instant createdAt,
            String createdBy,
            String fileName,
            String sha256,
            long size,
            int entries,
            boolean received,
            String receivedSha256,
            String receivedBy,
            Instant receivedAt) {
        static ArchiveView of(Archive a) {
            return new ArchiveView(
                    a.id,
                    a.createdAt,
                    a.createdBy,
                    a.fileName,
                    a.sha256,
                    a.size,
                    a.entries,
                    a.receivedAt != null,
                    a.receivedSha256,
                    a.receivedBy,
                    a.receivedAt);
        }
    }

    public record ReceiptInput(
            @jakarta.validation.constraints.NotBlank
                    @jakarta.validation.constraints.Pattern(
                            regexp = "[0-9a-fA-F]{64}",
                            message = "a SHA-256 in hex (64 characters)")
                    String sha256) {}

    /**
     * R-RM-4: JPO records that it received the archive, with the SHA-256 it computed from the file
     * it downloaded; a hash that is not the archive's → 409 and nothing is recorded; a second
     * receipt → 409; audited.
     */
    @Transactional
    public ArchiveView receive(long id, String sha256) {
        Archive a =
                archives.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                        .orElseThrow(() -> ProblemException.notFound("archive", id));
        String given = sha256.toLowerCase(java.util.Locale.ROOT);
        if (a.receivedAt != null) {
            throw ProblemException.conflict(
                    "R-RM-4",
                    "archive "
                            + id
                            + " was received already by "
                            + a.receivedBy
                            + " at "
                            + a.receivedAt,
                    List.of());
        }
        if (!given.equals(a.sha256)) {
            // the refusal is audited in its own transaction: the request's own is rolled back
            Long archiveId = a.id;
            String archiveSha = a.sha256;
            QuarkusTransaction.requiringNew()
                    .run(
                            () ->
                                    audit.append(
                                            "receipt-refused",
                                            "archive",
                                            archiveId,
                                            Map.of(
                                                    "archiveSha256",
                                                    archiveSha,
                                                    "receivedSha256",
                                                    given)));
            throw ProblemException.conflict(
                    "R-RM-4",
                    "the SHA-256 JPO computed ("
                            + given
                            + ") is not the archive's ("
                            + a.sha256
                            + "): the file received is not the archive; nothing was recorded",
                    List.of());
        }
        a.receivedSha256 = given;
        a.receivedBy = caller.name();
        a.receivedAt = clock.instant();
        a.auditMac = seals.seal("receipt", a); // #15 item 7
        archives.flush();
        return ArchiveView.of(a);
    }

    /**
     * The serials whose destruction evidence had been accepted in maintenance-service's records of
     * this archive.
     */
    @Transactional
    public java.util.Set<String> acceptedMedia(long archiveId) {
        @SuppressWarnings("unchecked")
        List<String> serials =
                em.createNativeQuery(
                                "SELECT serial FROM archive_accepted_medium WHERE archive_id = ?1")
                        .setParameter(1, archiveId)
                        .getResultList();
        return new java.util.HashSet<>(serials);
    }

    record ManifestEntry(String path, String sha256, long size, String source) {}

    private final ArchiveSeals seals;
    private final ArchiveRepository archives;
    private final EntityManager em;
    private final DocumentStore store;
    private final LifecycleConfig.Clients config;
    private final OidcClient oidc;
    private final LeaseService lease;
    private final ObjectMapper mapper;
    private final AuditTrail audit;
    private final AuditCheckpointStore checkpoints;
    private final Caller caller;
    private final Clock clock;

    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<io.kiban.lifecycle.phase.RemovalObligation>
            removalObligation;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public ArchiveService(
            ArchiveRepository archives,
            EntityManager em,
            DocumentStore store,
            LifecycleConfig.Clients config,
            OidcClient oidc,
            LeaseService lease,
            ObjectMapper mapper,
            AuditTrail audit,
            AuditCheckpointStore checkpoints,
            Caller caller,
            Clock clock,
            ArchiveSeals seals) {
        this.seals = seals;
        this.archives = archives;
        this.em = em;
        this.store = store;
        this.config = config;
        this.oidc = oidc;
        this.lease = lease;
        this.mapper = mapper.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public List<ArchiveView> list() {
        return archives.list("order by id desc").stream().map(ArchiveView::of).toList();
    }

    @Transactional
    public ArchiveView get(long id) {
        return ArchiveView.of(find(id));
    }

    public Path file(long id) {
        Archive a = QuarkusTransaction.requiringNew().call(() -> find(id));
        return store.archives().resolve(a.fileName);
    }

    public ArchiveView create() {
        Instant now = clock.instant();
        String fileName =
                "kiban-archive-" + STAMP.format(now) + "-" + System.nanoTime() % 100000 + ".zip";
        Path dir = store.archives();
        Path part = dir.resolve(fileName + ".part");
        Path records = dir.resolve(fileName + ".records.tmp");
        List<ManifestEntry> manifest = new ArrayList<>();
        java.util.SortedSet<String> acceptedMedia = new java.util.TreeSet<>();
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
                ServiceToken token = new ServiceToken();
                for (var client : new TreeMap<>(config.services()).entrySet()) {
                    String name = client.getKey();
                    String service = name + "-service";
                    boolean evidence = EVIDENCE_SERVICE.equals(name);
                    fetch(
                            service,
                            client.getValue(),
                            token,
                            "/exports/records.json",
                            "application/json",
                            service + "/records.json",
                            evidence ? records : null,
                            zip,
                            manifest);
                    // the service's audit trail, with a checkpoint of its head taken just before
                    fetch(
                            service,
                            client.getValue(),
                            token,
                            "/audit/export",
                            "application/json",
                            service + "/audit-trail.json",
                            null,
                            zip,
                            manifest);
                    for (String report : REPORTS.getOrDefault(name, List.of())) {
                        fetch(
                                service,
                                client.getValue(),
                                token,
                                report,
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                service + "/" + report.substring(report.lastIndexOf('/') + 1),
                                null,
                                zip,
                                manifest);
                    }
                    if (evidence) {
                        for (String sha : evidenceFiles(service, records)) {
                            ManifestEntry e =
                                    fetch(
                                            service,
                                            client.getValue(),
                                            token,
                                            "/evidence-files/" + sha,
                                            "application/octet-stream",
                                            service + "/evidence/" + sha,
                                            null,
                                            zip,
                                            manifest);
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
                        acceptedMedia.addAll(acceptedMedia(service, records));
                        Files.deleteIfExists(records);
                    }
                }
                checkpoints.checkpoint();
                QuarkusTransaction.requiringNew().run(() -> ownRecords(zip, manifest));
                // R-LC-8: the removal deadline's breaches (removed late, or not removed while it
                // has passed), with any
                // late-removal reason beside them; a reason never hides one
                var breaches =
                        QuarkusTransaction.requiringNew()
                                .call(() -> removalObligation.get().breaches());
                entry(
                        zip,
                        manifest,
                        "lifecycle-service/removal-breaches.json",
                        "lifecycle-service",
                        out ->
                                mapper.writerWithDefaultPrettyPrinter()
                                        .writeValue(
                                                out,
                                                Map.of("rule", "R-LC-8", "breaches", breaches)));
                if (Files.exists(checkpoints.file())) {
                    entry(
                            zip,
                            manifest,
                            "lifecycle-service/audit-checkpoint.json",
                            "lifecycle-service",
                            out -> Files.copy(checkpoints.file(), out));
                }
                var ledger = QuarkusTransaction.requiringNew().call(lease::ledger);
                var delays = QuarkusTransaction.requiringNew().call(lease::delays);
                entry(
                        zip,
                        manifest,
                        "lifecycle-service/lease-ledger.xlsx",
                        "lifecycle-service",
                        out -> io.kiban.lifecycle.lease.LeaseWorkbook.write(ledger, delays, out));
                List<String> documents =
                        QuarkusTransaction.requiringNew()
                                .call(
                                        () ->
                                                em.createQuery(
                                                                "select d.sha256 from StoredDocument d order by d.sha256",
                                                                String.class)
                                                        .getResultList());
                for (String sha : documents) {
                    entry(
                            zip,
                            manifest,
                            "lifecycle-service/documents/" + sha,
                            "lifecycle-service",
                            out -> {
                                try (InputStream in = store.open(sha)) {
                                    in.transferTo(out);
                                }
                            });
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("createdAt", now.toString());
                doc.put("createdBy", caller.name());
                doc.put("rule", "R-RM-4");
                doc.put("hashAlgorithm", "SHA-256");
                doc.put("entries", manifest);
                zip.putNextEntry(new ZipEntry("manifest.json"));
                mapper.writerWithDefaultPrettyPrinter().writeValue(zip, doc);
                zip.closeEntry();
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
            int entries = manifest.size() + 1;
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

    private ArchiveView record(
            Instant now,
            String fileName,
            String sha,
            long size,
            int entries,
            java.util.Set<String> acceptedMedia) {
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

    private String token() {
        try {
            return oidc.getTokens().await().atMost(Duration.ofSeconds(10)).getAccessToken();
        } catch (RuntimeException e) {
            throw ProblemException.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    "no service token could be obtained for the exports; no archive was made");
        }
    }

    /**
     * Streams one answer of another service into a zip entry (and, when {@code copy} is given, into
     * that file too, to be read afterwards); anything but 200 fails the archive.
     */
    private HttpResponse<InputStream> send(
            String service,
            LifecycleConfig.Clients.Client client,
            String token,
            URI uri,
            String accept,
            String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(client.exportTimeout())
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", accept + ", application/problem+json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unavailable(service, "unreachable", path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(service, "interrupted", path);
        }
    }

    /**
     * The service token of one archive run: fetched when first needed, fetched anew after a 401.
     */
    private final class ServiceToken {
        private String value;

        String get() {
            if (value == null) {
                value = token();
            }
            return value;
        }

        String refresh() {
            value = token();
            return value;
        }
    }

    private ManifestEntry fetch(
            String service,
            LifecycleConfig.Clients.Client client,
            ServiceToken token,
            String path,
            String accept,
            String entryPath,
            Path copy,
            ZipOutputStream zip,
            List<ManifestEntry> manifest)
            throws IOException {
        URI uri = URI.create(client.url().replaceAll("/+$", "") + path);
        HttpResponse<InputStream> response = send(service, client, token.get(), uri, accept, path);
        if (response.statusCode() == 401) {
            // #15 item 12: the token lapsed or was refused: once more with a fresh
            // client-credentials token
            response.body().close();
            LOG.debugf(
                    "%s answered 401 on GET %s: retrying once with a fresh service token",
                    service, path);
            response = send(service, client, token.refresh(), uri, accept, path);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw unavailable(service, "answered HTTP " + response.statusCode(), path);
            }
            OutputStream copied =
                    copy == null ? OutputStream.nullOutputStream() : Files.newOutputStream(copy);
            try (copied) {
                return entry(
                        zip,
                        manifest,
                        entryPath,
                        service,
                        out -> {
                            byte[] buffer = new byte[64 * 1024];
                            for (int n; (n = read(body, buffer, service, path)) >= 0; ) {
                                out.write(buffer, 0, n);
                                copied.write(buffer, 0, n);
                            }
                        });
            }
        }
    }

    /**
     * A read of another service's answer; a connection that breaks off fails the archive as that
     * service's fault.
     */
    private static int read(InputStream body, byte[] buffer, String service, String path) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw unavailable(
                    service, "broke off its answer (" + e.getClass().getSimpleName() + ")", path);
        }
    }

    /**
     * The SHA-256 of every evidence file in maintenance-service's records ({@code
     * evidence[].files[].sha256}), read with a streaming parser from the copy of the records.
     */
    private java.util.SortedSet<String> evidenceFiles(String service, Path records) {
        java.util.SortedSet<String> shas = new java.util.TreeSet<>();
        try (JsonParser p = mapper.getFactory().createParser(records.toFile())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME || !"sha256".equals(p.currentName())) {
                    continue;
                }
                // evidence (root field) → [ ] → { files } → [ ] → { sha256 }
                JsonStreamContext file = p.getParsingContext();
                JsonStreamContext evidence =
                        file.getParent() == null ? null : file.getParent().getParent();
                JsonStreamContext root =
                        evidence == null || evidence.getParent() == null
                                ? null
                                : evidence.getParent().getParent();
                if (!"files".equals(evidence == null ? null : evidence.getCurrentName())
                        || root == null
                        || root.getParent() == null
                        || !root.getParent().inRoot()
                        || !"evidence".equals(root.getCurrentName())) {
                    continue;
                }
                String sha = p.nextTextValue();
                if (sha == null || !SHA256.matcher(sha).matches()) {
                    throw ProblemException.of(
                            ProblemType.DEPENDENCY_UNAVAILABLE,
                            service
                                    + " listed an evidence file without a valid SHA-256 in its records; no archive was made");
                }
                shas.add(sha);
            }
        } catch (IOException e) {
            throw ProblemException.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    service + " answered records that are not JSON; no archive was made");
        }
        return shas;
    }

    /**
     * The serials of the custody items that were EVIDENCE_ACCEPTED in maintenance-service's records
     * ({@code custodyItems[].serial/status}): the media whose destruction proof this archive holds
     * (R-RM-4).
     */
    private java.util.SortedSet<String> acceptedMedia(String service, Path records) {
        java.util.SortedSet<String> serials = new java.util.TreeSet<>();
        try (JsonParser p = mapper.getFactory().createParser(records.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return serials;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"custodyItems".equals(field) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                com.fasterxml.jackson.databind.ObjectReader reader =
                        mapper.readerFor(com.fasterxml.jackson.databind.JsonNode.class)
                                .without(
                                        com.fasterxml.jackson.databind.DeserializationFeature
                                                .FAIL_ON_TRAILING_TOKENS);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    com.fasterxml.jackson.databind.JsonNode item = reader.readValue(p);
                    if ("EVIDENCE_ACCEPTED".equals(item.path("status").asText())
                            && item.hasNonNull("serial")) {
                        serials.add(item.get("serial").asText());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warnf(
                    "R-RM-4: %s's records could not be read for the accepted media: %s",
                    service, e.toString());
            throw ProblemException.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    service
                            + " answered records that are not JSON (custodyItems); no archive was made");
        }
        return serials;
    }

    private static ProblemException unavailable(String service, String why, String path) {
        return ProblemException.of(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                service
                        + " "
                        + why
                        + " on GET "
                        + path
                        + "; no archive was made (it must be complete)");
    }

    private void ownRecords(ZipOutputStream zip, List<ManifestEntry> manifest) {
        try {
            entry(
                    zip,
                    manifest,
                    "lifecycle-service/records.json",
                    "lifecycle-service",
                    out -> {
                        Map<String, Object> doc = new LinkedHashMap<>();
                        doc.put("service", "lifecycle-service");
                        for (String table : OWN_TABLES) {
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

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes one zip entry through a hashing stream and adds it to the manifest. */
    private static ManifestEntry entry(
            ZipOutputStream zip,
            List<ManifestEntry> manifest,
            String path,
            String source,
            Writer writer)
            throws IOException {
        MessageDigest digest = Hashes.sha256();
        long[] count = {0};
        zip.putNextEntry(new ZipEntry(path));
        OutputStream hashing =
                new FilterOutputStream(zip) {
                    @Override
                    public void write(int b) throws IOException {
                        digest.update((byte) b);
                        count[0]++;
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        digest.update(b, off, len);
                        count[0] += len;
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the zip stays open
                    }
                };
        writer.write(hashing);
        hashing.flush();
        zip.closeEntry();
        ManifestEntry entry =
                new ManifestEntry(
                        path, HexFormat.of().formatHex(digest.digest()), count[0], source);
        manifest.add(entry);
        return entry;
    }

    private Archive find(long id) {
        return archives.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("archive", id));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
