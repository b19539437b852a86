package io.kiban.asset.bulk;

import io.kiban.asset.baseline.BaselineLine;
import io.kiban.asset.bulk.BulkDtos.Action;
import io.kiban.asset.bulk.BulkDtos.BulkReport;
import io.kiban.asset.bulk.BulkDtos.CellError;
import io.kiban.asset.bulk.BulkDtos.RowOutcome;
import io.kiban.asset.endoflife.EolService;
import io.kiban.asset.export.StandardSheetService;
import io.kiban.asset.export.StandardSheetService.SheetDef;
import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.hardware.HardwareClass;
import io.kiban.asset.hardware.HardwareDtos.HardwareInput;
import io.kiban.asset.hardware.HardwareDtos.HardwareView;
import io.kiban.asset.hardware.HardwareDtos.StatusChange;
import io.kiban.asset.hardware.HardwareRepository;
import io.kiban.asset.hardware.HardwareService;
import io.kiban.asset.hardware.HardwareStatus;
import io.kiban.asset.media.MediaDtos.MediumInput;
import io.kiban.asset.media.MediaRepository;
import io.kiban.asset.media.MediaService;
import io.kiban.asset.media.Medium;
import io.kiban.asset.media.MediumKind;
import io.kiban.asset.media.MediumOrigin;
import io.kiban.asset.software.InstalledOn;
import io.kiban.asset.software.Software;
import io.kiban.asset.software.SoftwareClass;
import io.kiban.asset.software.SoftwareDtos.SoftwareInput;
import io.kiban.asset.software.SoftwareService;
import io.kiban.asset.support.Condition;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Lifecycle;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DateUtil;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bulk import of sheets 1 and 2 of the standard sheet (hardware with its media, software) from the
 * workbook or CSV the export writes: export, edit, import.
 *
 * <p>Validated as a whole, in one transaction: every row goes through the same service code as the
 * single-row endpoints — their bulk variants {@link HardwareService#createInBulk}/{@link
 * HardwareService#updateInBulk}/ {@link HardwareService#changeStatusInBulk}, {@link
 * MediaService#installInBulk}, {@link SoftwareService#createInBulk}/{@link
 * SoftwareService#updateInBulk} — after the same bean validation of their input records, so
 * R-AS-2/3, R-RM-1/R-RM-3, the serial uniqueness, the version length ≤ 128, the audit trail (one
 * entry per row written, as a single POST) and the Envers history are theirs, not a copy.
 *
 * <p>Fast and flat (issue 18: 10,000 rows in a few seconds): rows are read one at a time (SAX, or
 * the CSV reader) and applied in chunks of {@code kiban.imports.bulk.chunk-rows} (500). For a chunk
 * the ledger's rows for its keys (serials, ids, medium serials, product names, target hardware) are
 * read in a few {@code in} queries ({@link Ledger}), which answer the services' checks ({@code
 * Lookups}) instead of a query per row; the services' bulk variants neither flush nor mark the
 * transaction when they refuse a row, ids come from sequences, and the chunk is flushed in JDBC
 * batches ({@code hibernate.order_inserts}) and the persistence context cleared. The chunk's
 * history ({@link BulkHistory}: set-based copies into the {@code _aud} tables under the import's
 * one revision, instead of Envers' work units held until the commit) and its audit entries ({@link
 * AuditTrail#writeQueued}) are written right after, and a row repeating a row of an earlier chunk
 * is found through the ledger and a bit per id written ({@code IdSet}), so that nothing held grows
 * with the rows but the answer's outcomes (about 0.1–0.2 KiB a row; bench/RESULTS.md); the audit
 * chain's head stays locked from the first chunk to the commit. A refused row is listed and reading
 * goes on, so that the answer lists every bad row and cell. Any error: rolled back, 400 with every
 * error, nothing written. A dry run applies every row the same way and rolls back.
 */
@ApplicationScoped
class BulkImportService {

    static final SheetDef HARDWARE = StandardSheetService.sheet("hardware").orElseThrow();
    static final SheetDef SOFTWARE = StandardSheetService.sheet("software").orElseThrow();

    // the headings of sheets 1 and 2, as StandardSheetService writes them
    static final String H_NAME = "製品名";
    static final String H_MODEL = "型番";
    static final String H_HW_CLASS = "ハードウェア区分";
    static final String H_CONTRACT = "契約形態";
    static final String H_MAINTENANCE = "保守期限";
    static final String H_SERIAL = "製造番号";
    static final String H_ENV = "環境";
    static final String H_RACK = "ラック";
    static final String H_POSITION = "搭載位置";
    static final String H_STATUS = "状態";
    static final String H_DELIVERED = "納入日";
    static final String H_BASELINE = "調達基準品目";
    static final String H_MEDIA = "記憶媒体（種別:製造番号）";
    static final String H_EDITION = "エディション";
    static final String H_VERSION = "バージョン";
    static final String H_SW_CLASS = "ソフトウェア区分";
    static final String H_LICENSE = "ライセンス形態";
    static final String H_SUPPORT = "サポート期限";
    static final String H_TARGET = "導入先";
    static final String H_SBOM = "SBOM対象";

    static final String ENDED = "終了";
    static final String ON_HARDWARE = "ハードウェア";

    private static final Map<String, String> HARDWARE_FIELDS =
            Map.ofEntries(
                    Map.entry("name", H_NAME),
                    Map.entry("modelNumber", H_MODEL),
                    Map.entry("hardwareClass", H_HW_CLASS),
                    Map.entry("contractForm", H_CONTRACT),
                    Map.entry("maintenanceDeadline", H_MAINTENANCE),
                    Map.entry("serialNumber", H_SERIAL),
                    Map.entry("environment", H_ENV),
                    Map.entry("rack", H_RACK),
                    Map.entry("rackPosition", H_POSITION),
                    Map.entry("status", H_STATUS),
                    Map.entry("deliveredOn", H_DELIVERED),
                    Map.entry("baselineItem", H_BASELINE),
                    Map.entry("serial", H_MEDIA),
                    Map.entry("kind", H_MEDIA),
                    Map.entry("removedSerial", H_MEDIA));
    private static final Map<String, String> SOFTWARE_FIELDS =
            Map.ofEntries(
                    Map.entry("name", H_NAME),
                    Map.entry("edition", H_EDITION),
                    Map.entry("version", H_VERSION),
                    Map.entry("softwareClass", H_SW_CLASS),
                    Map.entry("contractForm", H_CONTRACT),
                    Map.entry("licenseForm", H_LICENSE),
                    Map.entry("supportDeadline", H_SUPPORT),
                    Map.entry("installedOn", H_TARGET),
                    Map.entry("hardwareId", H_TARGET),
                    Map.entry("host", H_TARGET),
                    Map.entry("environment", H_ENV));

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");

    private final HardwareService hardware;
    private final HardwareRepository hardwareRepository;
    private final MediaService media;
    private final MediaRepository mediaRepository;
    private final SoftwareService software;
    private final EntityManager em;
    private final Validator validator;
    private final TransactionManager tm;
    private final Lifecycle lifecycle;
    private final EolService eol;
    private final BulkHistory history;
    private final AuditTrail audit;
    private final int chunkSize;
    private final int timeoutSeconds;
    private final Semaphore running;
    private final long queueWaitMillis;

    public BulkImportService(
            HardwareService hardware,
            HardwareRepository hardwareRepository,
            MediaService media,
            MediaRepository mediaRepository,
            SoftwareService software,
            EntityManager em,
            Validator validator,
            TransactionManager tm,
            Lifecycle lifecycle,
            EolService eol,
            BulkHistory history,
            AuditTrail audit,
            @ConfigProperty(name = "kiban.imports.bulk.chunk-rows", defaultValue = "500")
                    int chunkSize,
            @ConfigProperty(name = "kiban.imports.bulk.transaction-timeout", defaultValue = "600s")
                    java.time.Duration timeout,
            @ConfigProperty(name = "kiban.imports.bulk.concurrent", defaultValue = "1")
                    int concurrent,
            @ConfigProperty(name = "kiban.imports.bulk.queue-wait", defaultValue = "30s")
                    java.time.Duration queueWait) {
        this.hardware = hardware;
        this.hardwareRepository = hardwareRepository;
        this.media = media;
        this.mediaRepository = mediaRepository;
        this.software = software;
        this.em = em;
        this.validator = validator;
        this.tm = tm;
        this.lifecycle = lifecycle;
        this.eol = eol;
        this.history = history;
        this.audit = audit;
        this.chunkSize = Math.max(1, chunkSize);
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
        this.running = new Semaphore(Math.max(1, concurrent), true);
        this.queueWaitMillis = queueWait.toMillis();
    }

    /** A row refused: its bad cells. */
    static final class RowRejected extends RuntimeException {
        final transient List<CellError> errors;

        RowRejected(List<CellError> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }

    /**
     * Reads {@code source} (the hardware sheet first, then the software sheet, whatever their order
     * in the workbook) and applies every row in one transaction; commits unless {@code dryRun}. 400
     * listing every bad cell when any row is refused ({@link BulkRejected}); 400 naming the place
     * when the file is not the standard sheet.
     */
    public BulkReport run(BulkSource source, boolean dryRun) {
        // an import holds the audit chain's head from its first chunk to its commit (and a dry run
        // until its rollback): imports of this instance run one at a time (kiban.imports.bulk.
        // concurrent), a second one waits for the first up to kiban.imports.bulk.queue-wait, then
        // 503
        boolean admitted;
        try {
            admitted = running.tryAcquire(queueWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            source.close();
            throw ProblemException.of(
                    ProblemType.SERVICE_UNAVAILABLE,
                    "another standard-sheet import is running on this instance and did not end within "
                            + queueWaitMillis / 1000
                            + " s; nothing was written, send the file again later");
        }
        try {
            return admitted(source, dryRun);
        } finally {
            running.release();
        }
    }

    private BulkReport admitted(BulkSource source, boolean dryRun) {
        Transaction outer = suspend();
        begin();
        try {
            history.begin();
            Run run = new Run();
            boolean any = source.read(HARDWARE, run::accept);
            run.process();
            any |= source.read(SOFTWARE, run::accept);
            run.process();
            if (!any) {
                throw Layout.bad(
                        "the workbook holds neither sheet "
                                + HARDWARE.name()
                                + " nor sheet "
                                + SOFTWARE.name()
                                + " (the sheet names of the standard sheet's export)");
            }
            if (!run.errors.isEmpty()) {
                // in the file's order (a chunk's media are checked after its items): sheet 1, then
                // sheet 2, by row
                run.errors.sort(
                        java.util.Comparator.comparingInt(
                                        (CellError e) -> HARDWARE.name().equals(e.sheet()) ? 0 : 1)
                                .thenComparingInt(CellError::row));
                throw new BulkRejected(run.errors, run.rows);
            }
            if (dryRun) {
                rollback();
            } else {
                flush();
                history.write();
                audit.writeQueued();
                commit();
            }
            int created =
                    (int) run.outcomes.stream().filter(o -> o.action() == Action.CREATE).count();
            int updated =
                    (int) run.outcomes.stream().filter(o -> o.action() == Action.UPDATE).count();
            return new BulkReport(
                    source.format(),
                    dryRun,
                    !dryRun,
                    run.rows,
                    created,
                    updated,
                    run.rows - created - updated,
                    run.outcomes);
        } finally {
            rollbackIfActive();
            source.close();
            resume(outer);
        }
    }

    /** A row read and parsed, waiting in its chunk: its bad cells so far. */
    private record Pending(Object parsed, List<CellError> bad) {}

    /**
     * A hardware row written, whose new media are installed once the chunk's hardware rows are
     * flushed.
     */
    private record ToInstall(HardwareRow row, long hardwareId, List<MediumCell> media) {}

    /**
     * Ids of one import's rows: a bit per id (the ids come from sequences, so the set stays a few
     * KiB however many rows the file has); ids beyond an int, should there be any, in a set.
     */
    static final class IdSet {
        private final BitSet bits = new BitSet();
        private final Set<Long> beyond = new HashSet<>();

        void add(long id) {
            if (id >= 0 && id < Integer.MAX_VALUE) {
                bits.set((int) id);
            } else {
                beyond.add(id);
            }
        }

        boolean contains(Long id) {
            if (id == null) {
                return false;
            }
            return id >= 0 && id < Integer.MAX_VALUE
                    ? bits.get((int) (long) id)
                    : beyond.contains(id);
        }
    }

    /**
     * The state of one import: outcomes, errors, the keys of the current chunk (two rows of the
     * file for the same item: the second is refused), the chunk of rows read but not yet applied
     * and what the ledger holds for it ({@link Ledger}). A row that repeats a row of an earlier
     * chunk is found through the ledger instead (that row is flushed, and its id is in {@link
     * Ledger#touchedHardware}/{@link Ledger#touchedSoftware}/{@link Ledger#touchedMedia}), so that
     * nothing kept grows with the rows but the answer's outcomes.
     */
    private final class Run {
        final List<RowOutcome> outcomes = new ArrayList<>();
        final List<CellError> errors = new ArrayList<>();
        final Map<String, Integer> keys = new HashMap<>();
        final Map<String, Integer> mediumSerials = new HashMap<>();
        final List<Pending> chunk = new ArrayList<>();
        final Ledger ledger = new Ledger();
        int rows;

        void accept(SheetRow row) {
            rows++;
            Object parsed =
                    row.sheet().equals(HARDWARE.name()) ? parseHardware(row) : parseSoftware(row);
            List<CellError> bad =
                    new ArrayList<>(
                            parsed instanceof HardwareRow h ? h.bad : ((SoftwareRow) parsed).bad);
            try {
                duplicates(parsed);
            } catch (RowRejected r) {
                bad.addAll(r.errors);
            }
            chunk.add(new Pending(parsed, bad));
            if (chunk.size() >= chunkSize) {
                process();
            }
        }

        /**
         * Applies the rows read so far: the ledger's rows for their keys are read in a few queries,
         * every row is checked and written through the services' bulk methods (no query, no flush
         * of its own), then the chunk is flushed in JDBC batches and the persistence context
         * cleared, so memory stays flat.
         */
        void process() {
            if (chunk.isEmpty()) {
                return;
            }
            if (chunk.get(0).parsed() instanceof HardwareRow) {
                processHardware();
            } else {
                processSoftware();
            }
            chunk.clear();
            keys.clear();
            mediumSerials.clear();
            flush();
            // the chunk's history and audit entries are written now, not held until the commit
            history.write();
            audit.writeQueued();
            em.clear();
            ledger.cleared();
        }

        private void processHardware() {
            List<HardwareRow> all = chunk.stream().map(p -> (HardwareRow) p.parsed()).toList();
            ledger.loadHardware(all);
            List<ToInstall> installs = new ArrayList<>();
            for (Pending p : chunk) {
                HardwareRow h = (HardwareRow) p.parsed();
                List<CellError> bad = new ArrayList<>(p.bad());
                if (bad.isEmpty()) {
                    List<CellError> repeated = repeatedHardware(h);
                    if (!repeated.isEmpty()) {
                        errors.addAll(repeated);
                        continue;
                    }
                }
                if (h.serial != null || h.id != null) {
                    try {
                        precheckHardware(h, ledger);
                    } catch (RowRejected r) {
                        bad.addAll(r.errors);
                    }
                }
                if (!bad.isEmpty()) {
                    errors.addAll(bad);
                    continue;
                }
                try {
                    RowOutcome outcome = applyHardware(h, ledger, installs);
                    outcomes.add(outcome);
                    ledger.touchedHardware.add(outcome.id());
                } catch (RowRejected r) {
                    errors.addAll(r.errors);
                }
            }
            // the chunk's hardware rows reach the database before the media that reference them
            // (each kind in its
            // own JDBC batches: hibernate.order_inserts groups by first appearance)
            flush();
            for (ToInstall i : installs) {
                try {
                    install(i.row(), i.hardwareId(), i.media(), ledger);
                } catch (RowRejected r) {
                    errors.addAll(r.errors);
                }
            }
        }

        private void processSoftware() {
            ledger.loadSoftware(chunk.stream().map(p -> (SoftwareRow) p.parsed()).toList());
            for (Pending p : chunk) {
                if (!p.bad().isEmpty()) {
                    errors.addAll(p.bad());
                    continue;
                }
                SoftwareRow row = (SoftwareRow) p.parsed();
                CellError repeated = repeatedSoftware(row);
                if (repeated != null) {
                    errors.add(repeated);
                    continue;
                }
                try {
                    RowOutcome outcome = applySoftware(row, ledger);
                    outcomes.add(outcome);
                    ledger.touchedSoftware.add(outcome.id());
                } catch (RowRejected r) {
                    errors.addAll(r.errors);
                }
            }
        }

        /**
         * A hardware row for an item an earlier chunk's row already wrote (by id or serial), or
         * listing a medium an earlier row installed: refused, naming that row.
         */
        private List<CellError> repeatedHardware(HardwareRow h) {
            List<CellError> found = new ArrayList<>();
            Hardware item =
                    h.id != null
                            ? ledger.hardwareById.get(h.id)
                            : ledger.hardwareBySerial.get(h.serial);
            if (item != null && ledger.touchedHardware.contains(item.id)) {
                found.add(
                        cell(
                                h.src,
                                h.id != null ? Layout.ID : H_SERIAL,
                                "the same hardware as row "
                                        + rowOf(HARDWARE, item.id)
                                        + " of sheet "
                                        + HARDWARE.name()
                                        + " (a row per item)",
                                null));
            }
            for (MediumCell m : h.media) {
                Optional<MediaService.Registered> medium =
                        ledger.mediumOwner.getOrDefault(m.serial, Optional.empty());
                if (medium.isPresent() && ledger.touchedMedia.contains(medium.get().id())) {
                    found.add(
                            cell(
                                    h.src,
                                    H_MEDIA,
                                    "medium "
                                            + m.serial
                                            + " is listed in row "
                                            + rowOf(HARDWARE, medium.get().hardwareId())
                                            + " already",
                                    null));
                }
            }
            return found;
        }

        /** A software row for a row an earlier chunk's row already wrote: refused, naming it. */
        private CellError repeatedSoftware(SoftwareRow s) {
            Software earlier = null;
            if (s.id != null) {
                Software x = ledger.softwareById.get(s.id);
                earlier = x != null && ledger.touchedSoftware.contains(x.id) ? x : null;
            } else {
                for (Software x : ledger.touchedByName.getOrDefault(s.name, List.of())) {
                    if (samePlace(x, s, ledger)
                            && Objects.equals(n(x.productVersion), n(s.version))) {
                        earlier = x;
                        break;
                    }
                }
            }
            return earlier == null
                    ? null
                    : cell(
                            s.src,
                            s.id != null ? Layout.ID : H_NAME,
                            "the same software as row "
                                    + rowOf(SOFTWARE, earlier.id)
                                    + " of sheet "
                                    + SOFTWARE.name(),
                            null);
        }

        /** The row of {@code sheet} whose outcome is {@code id} (an error's message only). */
        private String rowOf(SheetDef sheet, Long id) {
            for (RowOutcome o : outcomes) {
                if (o.sheet().equals(sheet.name()) && Objects.equals(o.id(), id)) {
                    return String.valueOf(o.row());
                }
            }
            return "?";
        }

        private void duplicates(Object parsed) {
            if (parsed instanceof HardwareRow h && !h.bad.isEmpty()
                    || parsed instanceof SoftwareRow s && !s.bad.isEmpty()) {
                return;
            }
            if (parsed instanceof HardwareRow h) {
                String key = h.id != null ? "id " + h.id : "serial " + h.serial;
                Integer first = keys.putIfAbsent(HARDWARE.name() + key, h.src.row());
                if (first != null) {
                    throw reject(
                            h.src,
                            h.id != null ? Layout.ID : H_SERIAL,
                            "the same hardware as row "
                                    + first
                                    + " of sheet "
                                    + HARDWARE.name()
                                    + " (a row per item)",
                            null);
                }
                for (MediumCell m : h.media) {
                    Integer other = mediumSerials.putIfAbsent(m.serial, h.src.row());
                    if (other != null) {
                        throw reject(
                                h.src,
                                H_MEDIA,
                                "medium " + m.serial + " is listed in row " + other + " already",
                                null);
                    }
                }
            } else if (parsed instanceof SoftwareRow s) {
                String key =
                        s.id != null
                                ? "id " + s.id
                                : String.join(
                                        "\u0000",
                                        s.name,
                                        n(s.edition),
                                        n(s.version),
                                        s.target,
                                        s.environment.name());
                Integer first = keys.putIfAbsent(SOFTWARE.name() + key, s.src.row());
                if (first != null) {
                    throw reject(
                            s.src,
                            s.id != null ? Layout.ID : H_NAME,
                            "the same software as row " + first + " of sheet " + SOFTWARE.name(),
                            null);
                }
            }
        }
    }

    /**
     * What the ledger holds for the rows of the current chunk, read in a few queries ({@code in}
     * lists of the chunk's keys) instead of one per row, and kept up to date with what the chunk
     * writes; it answers the services' checks ({@link HardwareService.Lookups}, {@link
     * MediaService.Lookups}, {@link SoftwareService.Lookups}) so that every row is checked by the
     * services' own code. Per import: the baseline lines, the phase of each environment
     * (R-RM-1/R-RM-3, asked once per environment), the stored end-of-life cycles, the software rows
     * this import created.
     */
    private final class Ledger
            implements HardwareService.Lookups, MediaService.Lookups, SoftwareService.Lookups {
        final Map<Long, Hardware> hardwareById = new HashMap<>();
        final Map<String, Hardware> hardwareBySerial = new HashMap<>();
        final Map<String, Optional<Long>> serialOwner = new HashMap<>();
        final Map<Long, List<Medium>> mediaOf = new HashMap<>();
        final Map<String, Optional<MediaService.Registered>> mediumOwner = new HashMap<>();
        final Map<Long, Software> softwareById = new HashMap<>();
        final Map<String, List<Software>> softwareByName = new HashMap<>();
        final Map<Long, String> serialOfHardware = new HashMap<>();
        final Map<Long, Optional<Environment>> environmentOfHardware = new HashMap<>();
        final IdSet createdSoftware = new IdSet();
        final IdSet touchedHardware = new IdSet();
        final IdSet touchedMedia = new IdSet();
        final IdSet touchedSoftware = new IdSet();
        final Map<String, List<Software>> touchedByName = new HashMap<>();
        final Map<Environment, Boolean> open = new EnumMap<>(Environment.class);
        Set<String> baselineLines;
        EolService.StoredCycles storedCycles;

        void cleared() {
            hardwareById.clear();
            hardwareBySerial.clear();
            serialOwner.clear();
            mediaOf.clear();
            mediumOwner.clear();
            softwareById.clear();
            softwareByName.clear();
            touchedByName.clear();
            serialOfHardware.clear();
            environmentOfHardware.clear();
        }

        void loadHardware(List<HardwareRow> rows) {
            Set<Long> ids = new HashSet<>();
            Set<String> serials = new HashSet<>();
            Set<String> media = new HashSet<>();
            for (HardwareRow r : rows) {
                if (r.id != null) {
                    ids.add(r.id);
                }
                if (r.serial != null) {
                    serials.add(r.serial);
                }
                r.media.forEach(m -> media.add(m.serial));
            }
            List<Hardware> found =
                    new ArrayList<>(in("from Hardware h where h.id in :keys", Hardware.class, ids));
            found.addAll(
                    in("from Hardware h where h.serialNumber in :keys", Hardware.class, serials));
            for (Hardware h : found) {
                hardwareById.put(h.id, h);
                hardwareBySerial.put(h.serialNumber, h);
                serialOwner.put(h.serialNumber, Optional.of(h.id));
            }
            serials.forEach(s -> serialOwner.putIfAbsent(s, Optional.empty()));
            for (Medium m :
                    in(
                            "from Medium m where m.hardwareId in :keys order by m.id",
                            Medium.class,
                            hardwareById.keySet())) {
                mediaOf.computeIfAbsent(m.hardwareId, k -> new ArrayList<>()).add(m);
                mediumOwner.put(
                        m.serialNumber,
                        Optional.of(new MediaService.Registered(m.id, m.hardwareId)));
            }
            for (Medium m :
                    in("from Medium m where m.serialNumber in :keys", Medium.class, media)) {
                mediumOwner.put(
                        m.serialNumber,
                        Optional.of(new MediaService.Registered(m.id, m.hardwareId)));
            }
            media.forEach(s -> mediumOwner.putIfAbsent(s, Optional.empty()));
        }

        void loadSoftware(List<SoftwareRow> rows) {
            Set<Long> ids = new HashSet<>();
            Set<String> names = new HashSet<>();
            Set<String> targets = new HashSet<>();
            for (SoftwareRow r : rows) {
                if (r.id != null) {
                    ids.add(r.id);
                } else if (r.name != null) {
                    names.add(r.name);
                }
                if (r.installedOn == InstalledOn.HARDWARE && r.targetName != null) {
                    targets.add(r.targetName);
                }
            }
            in("from Software s where s.id in :keys", Software.class, ids)
                    .forEach(s -> softwareById.put(s.id, s));
            for (Software s :
                    in(
                            "from Software s where s.name in :keys order by s.id",
                            Software.class,
                            names)) {
                if (!createdSoftware.contains(s.id)) {
                    softwareByName.computeIfAbsent(s.name, k -> new ArrayList<>()).add(s);
                }
                if (touchedSoftware.contains(s.id)) {
                    touchedByName.computeIfAbsent(s.name, k -> new ArrayList<>()).add(s);
                }
            }
            Set<Long> hardwareIds = new HashSet<>();
            softwareById.values().forEach(s -> addIfNotNull(hardwareIds, s.hardwareId));
            softwareByName
                    .values()
                    .forEach(l -> l.forEach(s -> addIfNotNull(hardwareIds, s.hardwareId)));
            List<Hardware> found =
                    new ArrayList<>(
                            in("from Hardware h where h.id in :keys", Hardware.class, hardwareIds));
            found.addAll(
                    in("from Hardware h where h.serialNumber in :keys", Hardware.class, targets));
            for (Hardware h : found) {
                hardwareBySerial.put(h.serialNumber, h);
                serialOfHardware.put(h.id, h.serialNumber);
                environmentOfHardware.put(h.id, Optional.of(h.environment));
            }
        }

        private static void addIfNotNull(Set<Long> set, Long value) {
            if (value != null) {
                set.add(value);
            }
        }

        /**
         * Runs {@code jpql} (one {@code :keys} parameter) over {@code keys} in slices; nothing when
         * there are none.
         */
        private <T, K> List<T> in(String jpql, Class<T> type, java.util.Collection<K> keys) {
            if (keys.isEmpty()) {
                return List.of();
            }
            List<K> all = new ArrayList<>(keys);
            List<T> result = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 1000) {
                result.addAll(
                        em.createQuery(jpql, type)
                                .setParameter(
                                        "keys", all.subList(i, Math.min(all.size(), i + 1000)))
                                .getResultList());
            }
            return result;
        }

        // ------------------------------------------------ the services' lookups

        @Override
        public Optional<Long> hardwareWithSerial(String serial) {
            return serialOwner.computeIfAbsent(
                    serial, s -> hardwareRepository.findBySerial(s).map(h -> h.id));
        }

        @Override
        public boolean baselineLine(String item, Environment environment) {
            if (baselineLines == null) {
                baselineLines = new HashSet<>();
                em.createQuery("from BaselineLine", BaselineLine.class)
                        .getResultList()
                        .forEach(l -> baselineLines.add(l.itemCode + "\u0000" + l.environment));
            }
            // BaselineRepository.lineFor: the environment's own line, else the SHARED one
            return baselineLines.contains(item + "\u0000" + environment)
                    || baselineLines.contains(item + "\u0000" + Environment.SHARED);
        }

        @Override
        public void requireOpen(Environment environment, String what) {
            if (Boolean.TRUE.equals(open.get(environment))) {
                return;
            }
            lifecycle.requireOpen(environment, what);
            open.put(environment, true);
        }

        @Override
        public Optional<MediaService.Registered> mediumWithSerial(String serial) {
            return mediumOwner.computeIfAbsent(
                    serial,
                    s ->
                            mediaRepository
                                    .findBySerial(s)
                                    .map(m -> new MediaService.Registered(m.id, m.hardwareId)));
        }

        @Override
        public Optional<Environment> hardwareEnvironment(long id) {
            return environmentOfHardware.computeIfAbsent(
                    id,
                    k ->
                            Optional.ofNullable(hardwareRepository.findById(k))
                                    .map(h -> h.environment));
        }

        @Override
        public EolService.StoredCycles storedCycles() {
            if (storedCycles == null) {
                storedCycles = eol.storedCycles();
            }
            return storedCycles;
        }

        String serialOf(long hardwareId) {
            return serialOfHardware.computeIfAbsent(
                    hardwareId,
                    k -> {
                        Hardware h = hardwareRepository.findById(k);
                        return h == null ? null : h.serialNumber;
                    });
        }
    }

    // ---------------------------------------------------------------- hardware

    record MediumCell(
            MediumKind kind,
            String serial,
            LocalDate removedOn,
            boolean unregistered,
            boolean notDataBearing,
            String text) {}

    record HardwareRow(
            SheetRow src,
            Long id,
            Long etag,
            String name,
            String modelNumber,
            HardwareClass hardwareClass,
            String contractForm,
            LocalDate maintenanceDeadline,
            String serial,
            Environment environment,
            String rack,
            String rackPosition,
            HardwareStatus status,
            LocalDate deliveredOn,
            String baselineItem,
            List<MediumCell> media,
            List<CellError> bad) {}

    private HardwareRow parseHardware(SheetRow row) {
        Cells c = new Cells(row);
        HardwareRow h =
                new HardwareRow(
                        row,
                        c.id(),
                        c.etag(),
                        c.text(H_NAME),
                        c.text(H_MODEL),
                        c.enumValue(H_HW_CLASS, HardwareClass.class),
                        c.text(H_CONTRACT),
                        c.date(H_MAINTENANCE),
                        c.text(H_SERIAL),
                        c.enumValue(H_ENV, Environment.class),
                        c.text(H_RACK),
                        c.text(H_POSITION),
                        c.enumValue(H_STATUS, HardwareStatus.class),
                        c.date(H_DELIVERED),
                        c.text(H_BASELINE),
                        c.media(),
                        c.errors);
        c.required(H_NAME, h.name);
        c.required(H_HW_CLASS, h.hardwareClass);
        c.required(H_SERIAL, h.serial);
        c.required(H_ENV, h.environment);
        return h;
    }

    private RowOutcome applyHardware(HardwareRow r, Ledger l, List<ToInstall> installs) {
        Hardware h;
        if (r.id != null) {
            h = l.hardwareById.get(r.id);
            if (h == null) {
                throw reject(
                        r.src,
                        Layout.ID,
                        "hardware " + r.id + " does not exist (leave id empty for a new item)",
                        null);
            }
        } else {
            h = l.hardwareBySerial.get(r.serial);
        }
        if (h == null) {
            return createHardware(r, l, installs);
        }
        Hardware item = h;
        checkEtag(r.src, r.etag, h.version);
        List<MediumCell> toInstall = compareMedia(r, l.mediaOf.getOrDefault(h.id, List.of()));
        List<String> changed = new ArrayList<>();
        diff(changed, H_NAME, h.name, r.name);
        diff(changed, H_MODEL, h.modelNumber, r.modelNumber);
        diff(changed, H_HW_CLASS, h.hardwareClass, r.hardwareClass);
        diff(changed, H_CONTRACT, h.contractForm, r.contractForm);
        diff(changed, H_MAINTENANCE, h.maintenanceDeadline, r.maintenanceDeadline);
        diff(changed, H_SERIAL, h.serialNumber, r.serial);
        diff(changed, H_ENV, h.environment, r.environment);
        diff(changed, H_RACK, h.rack, r.rack);
        diff(changed, H_POSITION, h.rackPosition, r.rackPosition);
        HardwareStatus status = r.status == null ? h.status : r.status;
        diff(changed, H_STATUS, h.status, status);
        diff(changed, H_DELIVERED, h.deliveredOn, r.deliveredOn);
        diff(changed, H_BASELINE, h.baselineItem, r.baselineItem);
        if (!toInstall.isEmpty()) {
            changed.add(H_MEDIA);
        }
        long id = h.id;
        if (changed.isEmpty()) {
            return new RowOutcome(r.src.sheet(), r.src.row(), r.serial, Action.UNCHANGED, id, null);
        }
        boolean fields = changed.stream().anyMatch(c -> !c.equals(H_STATUS) && !c.equals(H_MEDIA));
        HardwareStatus from = h.status;
        if (fields) {
            HardwareInput input =
                    new HardwareInput(
                            r.name,
                            r.modelNumber,
                            h.manufacturer,
                            r.hardwareClass,
                            r.contractForm,
                            r.maintenanceDeadline,
                            r.serial,
                            r.environment,
                            r.rack,
                            r.rackPosition,
                            h.status,
                            from.isDelivered() ? r.deliveredOn : null,
                            h.condition,
                            r.baselineItem,
                            h.discontinued,
                            h.substituteForId);
            valid(r.src, input, HARDWARE_FIELDS);
            String before = h.serialNumber;
            service(
                    r.src,
                    null,
                    HARDWARE_FIELDS,
                    () -> hardware.updateInBulk(item, ETags.of(item.version), input, l));
            if (!before.equals(h.serialNumber)) {
                l.serialOwner.put(before, Optional.empty());
                l.serialOwner.put(h.serialNumber, Optional.of(id));
            }
        }
        if (status != from) {
            StatusChange change =
                    new StatusChange(
                            status,
                            status == HardwareStatus.DELIVERED ? r.deliveredOn : null,
                            null);
            service(
                    r.src,
                    H_STATUS,
                    HARDWARE_FIELDS,
                    () -> hardware.changeStatusInBulk(item, ETags.of(item.version), change));
        }
        if (!toInstall.isEmpty()) {
            installs.add(new ToInstall(r, id, toInstall));
        }
        return new RowOutcome(r.src.sheet(), r.src.row(), r.serial, Action.UPDATE, id, changed);
    }

    /**
     * The checks of a hardware row that only read the ledger (its ETag, its media cell against the
     * ledger), made even when other cells of the row are bad, so that the answer lists every bad
     * cell of the row.
     */
    private void precheckHardware(HardwareRow r, Ledger l) {
        Hardware h = r.id != null ? l.hardwareById.get(r.id) : l.hardwareBySerial.get(r.serial);
        if (h == null) {
            newMediaMarks(r);
            return;
        }
        List<CellError> errors = new ArrayList<>();
        try {
            checkEtag(r.src, r.etag, h.version);
        } catch (RowRejected e) {
            errors.addAll(e.errors);
        }
        try {
            compareMedia(r, l.mediaOf.getOrDefault(h.id, List.of()));
        } catch (RowRejected e) {
            errors.addAll(e.errors);
        }
        if (!errors.isEmpty()) {
            throw new RowRejected(errors);
        }
    }

    private void newMediaMarks(HardwareRow r) {
        List<CellError> errors = new ArrayList<>();
        for (MediumCell m : r.media) {
            if (m.removedOn != null || m.unregistered || m.notDataBearing) {
                errors.add(
                        error(
                                r.src,
                                H_MEDIA,
                                m.text,
                                "a new medium is installed, data-bearing and of the ledger: "
                                        + "removals go through a replacement or a sanitization order (R-RM-3), unregistered parts and "
                                        + "not-data-bearing declarations are recorded by jpo-admin (R-MT-3)",
                                "R-MT-3"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RowRejected(errors);
        }
    }

    private RowOutcome createHardware(HardwareRow r, Ledger l, List<ToInstall> installs) {
        if (r.etag != null) {
            throw reject(
                    r.src,
                    Layout.ETAG,
                    "an ETag is given but no hardware has serial "
                            + r.serial
                            + " (leave ETag empty for a new item)",
                    null);
        }
        newMediaMarks(r);
        HardwareInput input =
                new HardwareInput(
                        r.name,
                        r.modelNumber,
                        null,
                        r.hardwareClass,
                        r.contractForm,
                        r.maintenanceDeadline,
                        r.serial,
                        r.environment,
                        r.rack,
                        r.rackPosition,
                        r.status,
                        r.deliveredOn,
                        Condition.NEW,
                        r.baselineItem,
                        false,
                        null);
        valid(r.src, input, HARDWARE_FIELDS);
        HardwareView view =
                service(r.src, null, HARDWARE_FIELDS, () -> hardware.createInBulk(input, l));
        l.serialOwner.put(view.serialNumber(), Optional.of(view.id()));
        if (!r.media.isEmpty()) {
            installs.add(new ToInstall(r, view.id(), r.media));
        }
        return new RowOutcome(r.src.sheet(), r.src.row(), r.serial, Action.CREATE, view.id(), null);
    }

    /**
     * The new media of a row, once the chunk's hardware rows are flushed (the medium's row
     * references its item).
     */
    private void install(HardwareRow r, long hardwareId, List<MediumCell> cells, Ledger l) {
        Hardware h = em.find(Hardware.class, hardwareId);
        for (MediumCell m : cells) {
            MediumInput input = new MediumInput(m.kind, m.serial, null, null, Condition.NEW, null);
            valid(r.src, input, HARDWARE_FIELDS);
            var view =
                    service(
                            r.src,
                            H_MEDIA,
                            HARDWARE_FIELDS,
                            () -> media.installInBulk(h, input, l));
            l.mediumOwner.put(
                    view.serial(), Optional.of(new MediaService.Registered(view.id(), hardwareId)));
            l.touchedMedia.add(view.id());
        }
    }

    /**
     * The media cell against the ledger: every medium the ledger has for the item must be listed as
     * it is (kind, removal, origin, data-bearing flag: those change only through their own
     * endpoints, R-RM-3/R-MT-3); a new serial without marks is installed.
     */
    private List<MediumCell> compareMedia(HardwareRow r, List<Medium> installed) {
        Map<String, Medium> bySerial = new LinkedHashMap<>();
        installed.forEach(m -> bySerial.put(m.serialNumber, m));
        List<CellError> errors = new ArrayList<>();
        List<MediumCell> toInstall = new ArrayList<>();
        for (MediumCell c : r.media) {
            Medium m = bySerial.remove(c.serial);
            if (m == null) {
                if (c.removedOn != null || c.unregistered || c.notDataBearing) {
                    errors.add(
                            error(
                                    r.src,
                                    H_MEDIA,
                                    c.text,
                                    "medium "
                                            + c.serial
                                            + " is not in this item's ledger: a new "
                                            + "medium is installed, data-bearing and of the ledger; removals, unregistered parts and "
                                            + "not-data-bearing declarations have their own endpoints (R-RM-3, R-MT-3)",
                                    "R-MT-3"));
                } else {
                    toInstall.add(c);
                }
                continue;
            }
            if (m.kind != c.kind) {
                errors.add(
                        error(
                                r.src,
                                H_MEDIA,
                                c.text,
                                "medium "
                                        + c.serial
                                        + " is "
                                        + m.kind
                                        + " in the ledger; its kind does not change",
                                null));
            }
            if (!Objects.equals(m.removedOn, c.removedOn)) {
                errors.add(
                        error(
                                r.src,
                                H_MEDIA,
                                c.text,
                                "medium "
                                        + c.serial
                                        + (m.removedOn == null
                                                ? " is installed in the ledger: a medium leaves only through a maintenance replacement or a "
                                                        + "sanitization order (role service), never through a sheet"
                                                : " left the ledger on "
                                                        + m.removedOn
                                                        + "; that is history and does not change"),
                                "R-RM-3"));
            }
            if ((m.origin == MediumOrigin.UNREGISTERED_PART) != c.unregistered) {
                errors.add(
                        error(
                                r.src,
                                H_MEDIA,
                                c.text,
                                "whether medium "
                                        + c.serial
                                        + " is an unregistered part "
                                        + "(台帳未登録部品) is recorded by jpo-admin, not by a sheet",
                                "R-MT-3"));
            }
            if (!m.dataBearing != c.notDataBearing) {
                errors.add(
                        error(
                                r.src,
                                H_MEDIA,
                                c.text,
                                "whether medium "
                                        + c.serial
                                        + " bears data is declared by "
                                        + "jpo-admin with a reason (POST /media/{id}/not-data-bearing), not by a sheet",
                                "R-MT-3"));
            }
        }
        bySerial.values()
                .forEach(
                        m ->
                                errors.add(
                                        error(
                                                r.src,
                                                H_MEDIA,
                                                r.src.text(H_MEDIA),
                                                "medium "
                                                        + m.kind
                                                        + ":"
                                                        + m.serialNumber
                                                        + " of this item is missing from the cell: a medium leaves the ledger "
                                                        + "only through a maintenance replacement or a sanitization order, and its history stays listed",
                                                "R-RM-3")));
        if (!errors.isEmpty()) {
            throw new RowRejected(errors);
        }
        return toInstall;
    }

    // ---------------------------------------------------------------- software

    record SoftwareRow(
            SheetRow src,
            Long id,
            Long etag,
            String name,
            String edition,
            String version,
            SoftwareClass softwareClass,
            String contractForm,
            String licenseForm,
            LocalDate supportDeadline,
            boolean ended,
            String target,
            InstalledOn installedOn,
            String targetName,
            Environment environment,
            List<CellError> bad) {}

    private SoftwareRow parseSoftware(SheetRow row) {
        Cells c = new Cells(row);
        String support = c.text(H_SUPPORT);
        boolean ended = ENDED.equals(support);
        LocalDate deadline = ended ? null : c.date(H_SUPPORT);
        String target = c.text(H_TARGET);
        InstalledOn on = null;
        String targetName = null;
        if (target != null) {
            String t = target.replaceAll("\\s+", " ");
            int space = t.indexOf(' ');
            String kind = space < 0 ? t : t.substring(0, space);
            targetName = space < 0 ? null : t.substring(space + 1).trim();
            on =
                    switch (kind) {
                        case ON_HARDWARE, "HARDWARE" -> InstalledOn.HARDWARE;
                        case "CLUSTER" -> InstalledOn.CLUSTER;
                        case "VM" -> InstalledOn.VM;
                        default -> null;
                    };
            if (on == null || targetName == null || targetName.isEmpty()) {
                c.bad(
                        H_TARGET,
                        "expected 「ハードウェア <製造番号>」, 「CLUSTER <host>」 or 「VM <host>」 as the export writes it");
            }
            target =
                    on == null
                            ? t
                            : (on == InstalledOn.HARDWARE ? ON_HARDWARE : on.name())
                                    + " "
                                    + targetName;
        }
        SoftwareRow s =
                new SoftwareRow(
                        row,
                        c.id(),
                        c.etag(),
                        c.text(H_NAME),
                        c.text(H_EDITION),
                        c.text(H_VERSION),
                        c.enumValue(H_SW_CLASS, SoftwareClass.class),
                        c.text(H_CONTRACT),
                        c.text(H_LICENSE),
                        deadline,
                        ended,
                        target,
                        on,
                        targetName,
                        c.enumValue(H_ENV, Environment.class),
                        c.errors);
        c.text(H_SBOM);
        c.required(H_NAME, s.name);
        c.required(H_SW_CLASS, s.softwareClass);
        c.required(H_TARGET, s.target);
        c.required(H_ENV, s.environment);
        return s;
    }

    /** The ledger's row {@code x} is the row's product, edition, 導入先 and 環境 (any version). */
    private static boolean samePlace(Software x, SoftwareRow r, Ledger l) {
        return x.environment == r.environment
                && Objects.equals(n(x.edition), n(r.edition))
                && r.target.equals(target(x, l));
    }

    /** How the export shows where a piece of software runs. */
    private static String target(Software s, Ledger l) {
        if (s.hardwareId != null) {
            return ON_HARDWARE + " " + l.serialOf(s.hardwareId);
        }
        return s.installedOn.name() + " " + s.host;
    }

    private RowOutcome applySoftware(SoftwareRow r, Ledger l) {
        Software s;
        String key =
                r.name
                        + (r.edition == null ? "" : " " + r.edition)
                        + (r.version == null ? "" : " " + r.version)
                        + " @ "
                        + r.target
                        + " ("
                        + r.environment
                        + ")";
        if (r.id != null) {
            s = l.softwareById.get(r.id);
            if (s == null) {
                throw reject(
                        r.src,
                        Layout.ID,
                        "software " + r.id + " does not exist (leave id empty for a new row)",
                        null);
            }
        } else {
            // the ledger's rows of this product (those this import created are rows of the file,
            // not matches)
            List<Software> candidates =
                    l.softwareByName.getOrDefault(r.name, List.of()).stream()
                            .filter(x -> samePlace(x, r, l))
                            .toList();
            List<Software> sameVersion =
                    candidates.stream()
                            .filter(x -> Objects.equals(n(x.productVersion), n(r.version)))
                            .toList();
            if (sameVersion.size() == 1) {
                s = sameVersion.get(0);
            } else if (sameVersion.isEmpty() && candidates.size() == 1) {
                s = candidates.get(0);
            } else if (sameVersion.isEmpty() && candidates.isEmpty()) {
                s = null;
            } else {
                throw reject(
                        r.src,
                        H_VERSION,
                        (sameVersion.isEmpty() ? candidates : sameVersion).size()
                                + " software rows of the ledger have this product, edition, 導入先 and 環境 ("
                                + (sameVersion.isEmpty() ? candidates : sameVersion)
                                        .stream()
                                                .map(x -> String.valueOf(x.id))
                                                .collect(Collectors.joining(", "))
                                + "); import the CSV export, whose id column says which row is meant",
                        null);
            }
        }
        Long hardwareId = null;
        if (r.installedOn == InstalledOn.HARDWARE) {
            hardwareId =
                    Optional.ofNullable(l.hardwareBySerial.get(r.targetName))
                            .map(h -> h.id)
                            .orElseThrow(
                                    () ->
                                            reject(
                                                    r.src,
                                                    H_TARGET,
                                                    "no hardware has serial "
                                                            + r.targetName
                                                            + " (add it to sheet "
                                                            + HARDWARE.name()
                                                            + " or fix the serial)",
                                                    null));
        }
        if (s == null) {
            if (r.etag != null) {
                throw reject(
                        r.src,
                        Layout.ETAG,
                        "an ETag is given but the ledger has no such software",
                        null);
            }
            if (r.ended) {
                throw reject(
                        r.src,
                        H_SUPPORT,
                        ENDED
                                + " is recorded by the end-of-life import (R-AS-4); give a "
                                + "date or leave the cell empty",
                        "R-AS-4");
            }
            SoftwareInput input =
                    new SoftwareInput(
                            r.name,
                            r.edition,
                            r.version,
                            r.softwareClass,
                            r.contractForm,
                            r.licenseForm,
                            r.supportDeadline,
                            null,
                            r.installedOn,
                            hardwareId,
                            r.installedOn == InstalledOn.HARDWARE ? null : r.targetName,
                            r.environment,
                            null,
                            null,
                            null);
            valid(r.src, input, SOFTWARE_FIELDS);
            var view = service(r.src, null, SOFTWARE_FIELDS, () -> software.createInBulk(input, l));
            l.createdSoftware.add(view.id());
            return new RowOutcome(r.src.sheet(), r.src.row(), key, Action.CREATE, view.id(), null);
        }
        checkEtag(r.src, r.etag, s.version);
        if (r.ended && !(s.supportEnded && s.supportDeadline == null)) {
            throw reject(
                    r.src,
                    H_SUPPORT,
                    ENDED
                            + " is recorded by the end-of-life import (R-AS-4); give a date or "
                            + "leave the cell empty",
                    "R-AS-4");
        }
        String existingTarget = target(s, l);
        List<String> changed = new ArrayList<>();
        diff(changed, H_NAME, s.name, r.name);
        diff(changed, H_EDITION, s.edition, r.edition);
        diff(changed, H_VERSION, s.productVersion, r.version);
        diff(changed, H_SW_CLASS, s.softwareClass, r.softwareClass);
        diff(changed, H_CONTRACT, s.contractForm, r.contractForm);
        diff(changed, H_LICENSE, s.licenseForm, r.licenseForm);
        if (!r.ended) {
            diff(changed, H_SUPPORT, s.supportDeadline, r.supportDeadline);
        }
        diff(changed, H_TARGET, existingTarget, r.target);
        diff(changed, H_ENV, s.environment, r.environment);
        long id = s.id;
        if (changed.isEmpty()) {
            return new RowOutcome(r.src.sheet(), r.src.row(), key, Action.UNCHANGED, id, null);
        }
        boolean sameTarget = existingTarget.equals(r.target);
        SoftwareInput input =
                new SoftwareInput(
                        r.name,
                        r.edition,
                        r.version,
                        r.softwareClass,
                        r.contractForm,
                        r.licenseForm,
                        r.ended ? s.supportDeadline : r.supportDeadline,
                        s.activeSupportUntil,
                        sameTarget ? s.installedOn : r.installedOn,
                        sameTarget ? s.hardwareId : hardwareId,
                        sameTarget
                                ? s.host
                                : r.installedOn == InstalledOn.HARDWARE ? null : r.targetName,
                        r.environment,
                        s.purl,
                        s.cpe,
                        s.licenses);
        valid(r.src, input, SOFTWARE_FIELDS);
        Software current = s;
        service(
                r.src,
                null,
                SOFTWARE_FIELDS,
                () -> software.updateInBulk(current, ETags.of(current.version), input, l));
        return new RowOutcome(r.src.sheet(), r.src.row(), key, Action.UPDATE, id, changed);
    }

    // ---------------------------------------------------------------- shared

    /**
     * Optional ETag column: a row read from an older export than the ledger's current version is
     * refused.
     */
    private static void checkEtag(SheetRow row, Long etag, long current) {
        if (etag != null && etag != current) {
            throw reject(
                    row,
                    Layout.ETAG,
                    "stale: the row changed in the ledger since this file was exported "
                            + "(ETag "
                            + ETags.of(etag)
                            + ", now "
                            + ETags.of(current)
                            + "); export again and redo the edit",
                    null);
        }
    }

    /**
     * The input record's own constraints (the single-row endpoints' @Valid), every violation a bad
     * cell.
     */
    private <T> void valid(SheetRow row, T input, Map<String, String> fields) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            List<CellError> errors =
                    violations.stream()
                            .sorted(
                                    (a, b) ->
                                            a.getPropertyPath()
                                                    .toString()
                                                    .compareTo(b.getPropertyPath().toString()))
                            .map(
                                    v -> {
                                        String field = v.getPropertyPath().toString();
                                        String heading = fields.get(field);
                                        return error(
                                                row,
                                                heading,
                                                heading == null
                                                        ? String.valueOf(v.getInvalidValue())
                                                        : row.text(heading),
                                                field + " " + v.getMessage(),
                                                null);
                                    })
                            .toList();
            throw new RowRejected(errors);
        }
    }

    /**
     * Calls a service method; its refusal becomes the row's bad cells (the field it names, else
     * {@code defaultHeading}, else the environment for R-RM-1, else the serial for a serial
     * conflict). A 5xx (lifecycle-service or the database unavailable) is no row error: it ends the
     * import.
     */
    private <T> T service(
            SheetRow row, String defaultHeading, Map<String, String> fields, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            if (e.type().status() >= 500) {
                throw e;
            }
            List<CellError> errors = new ArrayList<>();
            for (Problem.FieldError f : e.errors()) {
                String heading = fields.getOrDefault(f.field(), defaultHeading);
                String reason =
                        e.getMessage().contains(f.message())
                                ? e.getMessage()
                                : e.getMessage() + " (" + f.field() + ": " + f.message() + ")";
                errors.add(
                        error(
                                row,
                                heading,
                                heading == null ? null : row.text(heading),
                                reason,
                                e.rule()));
            }
            if (errors.isEmpty()) {
                String heading = defaultHeading;
                if (heading == null && "R-RM-1".equals(e.rule())) {
                    heading = H_ENV;
                } else if (heading == null && e.getMessage().startsWith("serial number")) {
                    heading = H_SERIAL;
                }
                errors.add(
                        error(
                                row,
                                heading,
                                heading == null ? null : row.text(heading),
                                e.getMessage(),
                                e.rule()));
            }
            throw new RowRejected(errors);
        } catch (PersistenceException e) {
            throw refused(e);
        }
    }

    /**
     * Flushes the rows written so far in JDBC batches. The rows were checked against the ledger
     * first, so the database refuses one only when another writer changed the ledger meanwhile (a
     * serial registered twice at the same moment): 409, the import ends, nothing is written.
     */
    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw refused(e);
        }
    }

    private static ProblemException refused(PersistenceException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return ProblemException.conflict(
                "the database refused the import ("
                        + t.getMessage()
                        + "): the ledger "
                        + "changed while the file was imported; nothing was written, import the file again",
                List.of());
    }

    private static RowRejected reject(SheetRow row, String heading, String reason, String rule) {
        return new RowRejected(List.of(cell(row, heading, reason, rule)));
    }

    /** The bad cell {@code heading} of {@code row}, with the value the file gives. */
    private static CellError cell(SheetRow row, String heading, String reason, String rule) {
        return error(row, heading, heading == null ? null : row.text(heading), reason, rule);
    }

    static CellError error(SheetRow row, String heading, String value, String reason, String rule) {
        String column = heading == null ? null : row.columns().get(heading);
        return new CellError(row.sheet(), row.row(), column, heading, value, reason, rule);
    }

    private static void diff(List<String> changed, String heading, Object ledger, Object sheet) {
        Object a = ledger instanceof String s ? n(s) : ledger;
        Object b = sheet instanceof String s ? n(s) : sheet;
        if (!Objects.equals(a, b)) {
            changed.add(heading);
        }
    }

    private static String n(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Reads the cells of one row, collecting every bad cell before the row is refused. */
    private static final class Cells {
        private final SheetRow row;
        private final List<CellError> errors = new ArrayList<>();

        Cells(SheetRow row) {
            this.row = row;
            row.cells()
                    .forEach(
                            (h, c) -> {
                                if (h.startsWith("#")) {
                                    errors.add(
                                            new CellError(
                                                    row.sheet(),
                                                    row.row(),
                                                    h.substring(1),
                                                    null,
                                                    c.text(),
                                                    c.error(),
                                                    null));
                                }
                            });
        }

        String text(String heading) {
            SheetRow.Cell c = row.cell(heading);
            if (c == null) {
                return null;
            }
            if (c.error() != null) {
                bad(
                        heading,
                        c.number() == null && c.error().startsWith("#")
                                ? "the cell holds the Excel error " + c.error()
                                : c.error());
                return null;
            }
            return n(c.text());
        }

        <E extends Enum<E>> E enumValue(String heading, Class<E> type) {
            String v = text(heading);
            if (v == null) {
                return null;
            }
            // #17 round trip: the standard sheet's xlsx writes Japanese words (サーバ, 本番環境, 稼働中); the
            // CSV and
            // hand-typed cells the constants, in any case
            java.util.Optional<E> value = io.kiban.commons.export.EnumLabels.parse(type, v);
            if (value.isEmpty()) {
                bad(
                        heading,
                        "expected one of "
                                + Arrays.stream(type.getEnumConstants())
                                        .map(
                                                c ->
                                                        c.name()
                                                                + io.kiban.commons.export.EnumLabels
                                                                        .japanese(c)
                                                                        .map(j -> " (" + j + ")")
                                                                        .orElse(""))
                                        .collect(Collectors.joining(", ")));
                return null;
            }
            return value.get();
        }

        LocalDate date(String heading) {
            SheetRow.Cell c = row.cell(heading);
            if (c == null || c.error() != null) {
                text(heading);
                return null;
            }
            if (c.number() != null) {
                double d = c.number();
                if (d < 1 || d > 2958465 || !DateUtil.isValidExcelDate(d)) {
                    bad(heading, "not a date");
                    return null;
                }
                return DateUtil.getLocalDateTime(d).toLocalDate();
            }
            String v = n(c.text());
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(v, SLASHED);
                } catch (DateTimeParseException e2) {
                    bad(heading, "expected a date cell or a date written 2031-03-31 or 2031/3/31");
                    return null;
                }
            }
        }

        Long id() {
            String v = text(Layout.ID);
            if (v == null) {
                return null;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                bad(Layout.ID, "expected the record's id (a whole number) or nothing");
                return null;
            }
        }

        Long etag() {
            String v = text(Layout.ETAG);
            if (v == null) {
                return null;
            }
            try {
                return ETags.expectedVersion(v);
            } catch (ProblemException e) {
                bad(Layout.ETAG, "expected an ETag such as \"3\"");
                return null;
            }
        }

        /** 「HDD:SN1(取外し 2027-01-10)(台帳未登録部品)(データ非保持: JPO判断), SSD:SN2」 as the export writes it. */
        List<MediumCell> media() {
            String v = text(H_MEDIA);
            if (v == null) {
                return List.of();
            }
            List<MediumCell> list = new ArrayList<>();
            for (String part : v.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                String text = p;
                boolean notDataBearing = p.endsWith("(データ非保持: JPO判断)");
                if (notDataBearing) {
                    p = p.substring(0, p.length() - "(データ非保持: JPO判断)".length());
                }
                boolean unregistered = p.endsWith("(台帳未登録部品)");
                if (unregistered) {
                    p = p.substring(0, p.length() - "(台帳未登録部品)".length());
                }
                LocalDate removedOn = null;
                var m =
                        java.util.regex.Pattern.compile("\\(取外し (\\d{4}-\\d{2}-\\d{2})\\)$")
                                .matcher(p);
                if (m.find()) {
                    removedOn = LocalDate.parse(m.group(1));
                    p = p.substring(0, m.start());
                }
                int colon = p.indexOf(':');
                MediumKind kind = null;
                if (colon > 0) {
                    try {
                        kind =
                                MediumKind.valueOf(
                                        p.substring(0, colon).trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        kind = null;
                    }
                }
                String serial = colon > 0 ? p.substring(colon + 1).trim() : "";
                if (kind == null || serial.isEmpty()) {
                    bad(
                            H_MEDIA,
                            "「"
                                    + text
                                    + "」: expected 種別:製造番号 (kinds "
                                    + Arrays.stream(MediumKind.values())
                                            .map(Enum::name)
                                            .collect(Collectors.joining(", "))
                                    + "), several separated by commas");
                    continue;
                }
                list.add(
                        new MediumCell(
                                kind, serial, removedOn, unregistered, notDataBearing, text));
            }
            return list;
        }

        void required(String heading, Object value) {
            if (value == null && errors.stream().noneMatch(e -> heading.equals(e.header()))) {
                bad(heading, "is required");
            }
        }

        void bad(String heading, String reason) {
            SheetRow.Cell c = row.cell(heading);
            errors.add(error(row, heading, c == null ? null : c.text(), reason, null));
        }
    }

    // ---------------------------------------------------------------- transaction

    /**
     * The import runs in a transaction of its own: with an Idempotency-Key, commons' interceptor
     * calls the method inside one (to store the answer with it); that one is suspended meanwhile
     * and resumed to store the answer.
     */
    private Transaction suspend() {
        try {
            return tm.getStatus() == Status.STATUS_NO_TRANSACTION ? null : tm.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("cannot suspend the caller's transaction", e);
        }
    }

    private void resume(Transaction outer) {
        if (outer != null) {
            try {
                tm.resume(outer);
            } catch (Exception e) {
                throw new IllegalStateException("cannot resume the caller's transaction", e);
            }
        }
    }

    /**
     * The import's transaction, with its own timeout (the default 60 s would cut a file of 50,000
     * rows).
     */
    private void begin() {
        try {
            tm.setTransactionTimeout(timeoutSeconds);
            tm.begin();
            tm.setTransactionTimeout(0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot begin the import transaction", e);
        }
    }

    private void commit() {
        try {
            tm.commit();
        } catch (Exception e) {
            throw new IllegalStateException("the import transaction did not commit", e);
        }
    }

    private void rollback() {
        try {
            tm.rollback();
        } catch (SystemException | IllegalStateException e) {
            throw new IllegalStateException("cannot roll the import transaction back", e);
        }
    }

    private void rollbackIfActive() {
        try {
            if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tm.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            // already ended
        }
    }
}
