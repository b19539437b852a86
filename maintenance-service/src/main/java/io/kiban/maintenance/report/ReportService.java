package io.kiban.maintenance.report;

import io.kiban.commons.export.CellText;
import io.kiban.commons.export.EnumLabels;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.time.ClockProducer;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.maintenance.contractor.Contractor;
import io.kiban.maintenance.contractor.ContractorRepository;
import io.kiban.maintenance.contractor.ContractorService.ContractorView;
import io.kiban.maintenance.custody.CustodyDtos.EventView;
import io.kiban.maintenance.custody.CustodyDtos.ItemView;
import io.kiban.maintenance.custody.CustodyEventRepository;
import io.kiban.maintenance.custody.CustodyItem;
import io.kiban.maintenance.custody.CustodyItemRepository;
import io.kiban.maintenance.custody.CustodyStatus;
import io.kiban.maintenance.evidence.Evidence;
import io.kiban.maintenance.evidence.EvidenceDtos.EvidenceView;
import io.kiban.maintenance.evidence.EvidenceFile;
import io.kiban.maintenance.evidence.EvidenceFileRepository;
import io.kiban.maintenance.evidence.EvidenceRepository;
import io.kiban.maintenance.order.OrderRepository;
import io.kiban.maintenance.replacement.ReplacementDtos.ReplacementView;
import io.kiban.maintenance.replacement.ReplacementRepository;
import io.kiban.maintenance.support.Access;
import io.kiban.maintenance.support.AssetClient;
import io.kiban.maintenance.support.AssetGateway;
import io.kiban.maintenance.support.Environment;
import io.kiban.maintenance.ticket.BreachMonitor;
import io.kiban.maintenance.ticket.TicketDtos.TicketView;
import io.kiban.maintenance.ticket.TicketDtos.TransitionView;
import io.kiban.maintenance.ticket.TicketRepository;
import io.kiban.maintenance.ticket.TicketTransitionRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * What JPO reads: outstanding media, the destruction register (R-MT-3), and the records export
 * (R-RM-4).
 */
@ApplicationScoped
public class ReportService {

    /**
     * One blocker of the destruction record. {@code reason}: {@code
     * PART_WITHOUT_ACCEPTED_EVIDENCE}, {@code LOG_MEDIUM_WITHOUT_ACCEPTED_EVIDENCE}, {@code
     * ORDER_MEDIUM_WITHOUT_ACCEPTED_EVIDENCE} (tracked here, no accepted evidence yet) or {@code
     * REMOVED_WITHOUT_CUSTODY} (asset-service shows the medium removed, but it never entered
     * custody here: it left outside a replacement or a sanitization order; {@code custodyItemId},
     * {@code organisation} and {@code status} are then null, {@code source} is {@code asset-ledger}
     * and {@code since} the removal day).
     */
    public record OutstandingItem(
            Long custodyItemId,
            String organisation,
            String source,
            Long ticketId,
            Long orderId,
            String hardwareId,
            String kind,
            String serial,
            CustodyStatus status,
            String holder,
            String location,
            Instant since,
            long ageDays,
            String reason,
            String environment) {}

    public static final String REMOVED_WITHOUT_CUSTODY = "REMOVED_WITHOUT_CUSTODY";

    public record RecordsExport(
            Instant exportedAt,
            String service,
            List<TicketView> tickets,
            List<TransitionRecord> transitions,
            List<ReplacementView> replacements,
            List<ItemView> custodyItems,
            List<EventRecord> custodyEvents,
            List<EvidenceView> evidence,
            List<ContractorView> contractors,
            List<OrderRecord> sanitizationOrders) {}

    public record TransitionRecord(Long ticketId, TransitionView transition) {}

    public record EventRecord(Long custodyItemId, EventView event) {}

    public record OrderRecord(
            Long id,
            String organisation,
            String environment,
            String hardwareIds,
            String reason,
            String createdBy,
            Instant createdAt) {}

    static final List<String> REGISTER_HEADINGS =
            List.of(
                    "番号",
                    "媒体種別",
                    "メーカー",
                    "型番",
                    "シリアル番号",
                    "区分",
                    "消去・破壊方法",
                    "使用ツール",
                    "検証方法",
                    "実施日",
                    "実施場所",
                    "実施者",
                    "媒体の行先",
                    "証明書発行者",
                    "委託業者",
                    "受理日",
                    "受理者",
                    "チケット番号",
                    "消去命令番号",
                    "証跡ファイル(SHA-256)",
                    "環境");

    private final CustodyItemRepository items;
    private final CustodyEventRepository events;
    private final EvidenceRepository evidence;
    private final EvidenceFileRepository files;
    private final ContractorRepository contractors;
    private final TicketRepository tickets;
    private final TicketTransitionRepository transitions;
    private final ReplacementRepository replacements;
    private final OrderRepository orders;
    private final Access access;
    private final Clock clock;
    private final AssetGateway asset;
    private final BreachMonitor breaches;

    public ReportService(
            CustodyItemRepository items,
            CustodyEventRepository events,
            EvidenceRepository evidence,
            EvidenceFileRepository files,
            ContractorRepository contractors,
            TicketRepository tickets,
            TicketTransitionRepository transitions,
            ReplacementRepository replacements,
            OrderRepository orders,
            Access access,
            Clock clock,
            AssetGateway asset,
            BreachMonitor breaches) {
        this.asset = asset;
        this.breaches = breaches;
        this.items = items;
        this.events = events;
        this.evidence = evidence;
        this.files = files;
        this.contractors = contractors;
        this.tickets = tickets;
        this.transitions = transitions;
        this.replacements = replacements;
        this.orders = orders;
        this.access = access;
        this.clock = clock;
    }

    /**
     * R-MT-3 / R-RM-3: every tracked medium without accepted evidence (removed parts,
     * failure-analysis log media, order media), oldest first, with its age and holder; and, for
     * JPO, auditors and services, every data-bearing medium asset-service shows as removed that
     * never entered custody here. {@code environment} (optional) limits both to one environment.
     * asset-service unreachable → 503 (never a silently shorter list).
     *
     * <p>#15 item 10: the list is computed from two sources (this service's custody items and
     * asset-service's media ledger), so it is computed whole and deterministically — tracked media
     * by (createdAt, id), then the media removed without custody by (serial, hardware id) — and the
     * page is sliced from it; the total is the whole list's.
     */
    public Page<OutstandingItem> outstanding(Environment environment, PageRequest page) {
        List<OutstandingItem> all = outstanding(environment);
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new Page<>(all.subList(from, to), all.size(), page);
    }

    private List<OutstandingItem> outstanding(Environment environment) {
        Instant now = clock.instant();
        String env = environment == null ? null : environment.name();
        List<String> where = new ArrayList<>();
        Parameters params = Parameters.with("accepted", CustodyStatus.EVIDENCE_ACCEPTED);
        where.add("status <> :accepted");
        access.scope()
                .ifPresent(
                        org -> {
                            where.add("organisation = :scope");
                            params.and("scope", org);
                        });
        if (env != null) {
            where.add("environment = :env");
            params.and("env", env);
        }
        List<CustodyItem> open =
                items.list(String.join(" and ", where) + " order by createdAt, id", params);
        List<OutstandingItem> result =
                new ArrayList<>(
                        open.stream()
                                .map(
                                        i ->
                                                new OutstandingItem(
                                                        i.id,
                                                        i.organisation,
                                                        i.source.label(),
                                                        i.ticketId,
                                                        i.orderId,
                                                        i.hardwareId,
                                                        i.kind.name(),
                                                        i.serial,
                                                        i.status,
                                                        i.holder,
                                                        i.location,
                                                        i.createdAt,
                                                        Duration.between(i.createdAt, now).toDays(),
                                                        switch (i.source) {
                                                            case PART ->
                                                                    "PART_WITHOUT_ACCEPTED_EVIDENCE";
                                                            case LOG_MEDIUM ->
                                                                    "LOG_MEDIUM_WITHOUT_ACCEPTED_EVIDENCE";
                                                            case ORDER ->
                                                                    "ORDER_MEDIUM_WITHOUT_ACCEPTED_EVIDENCE";
                                                        },
                                                        i.environment))
                                .toList());
        if (access.scope().isEmpty()) {
            result.addAll(removedWithoutCustody(env, now));
        }
        return result;
    }

    /**
     * Data-bearing media asset-service shows as removed whose serial never entered custody here.
     */
    private List<OutstandingItem> removedWithoutCustody(String env, Instant now) {
        List<AssetClient.Medium> removed =
                asset.media(env, null).stream()
                        .filter(m -> m.serial() != null && m.removed() && m.bearsData())
                        .toList();
        if (removed.isEmpty()) {
            return List.of();
        }
        Set<String> tracked = new HashSet<>();
        List<String> serials = removed.stream().map(m -> m.serial().trim()).distinct().toList();
        for (int from = 0; from < serials.size(); from += 500) {
            tracked.addAll(
                    items.getEntityManager()
                            .createQuery(
                                    "select i.serial from CustodyItem i where i.serial in :serials",
                                    String.class)
                            .setParameter(
                                    "serials",
                                    serials.subList(from, Math.min(serials.size(), from + 500)))
                            .getResultList());
        }
        List<OutstandingItem> result = new ArrayList<>();
        for (AssetClient.Medium m : removed) {
            if (tracked.contains(m.serial().trim())) {
                continue;
            }
            Instant since =
                    m.removedOn() == null
                            ? null
                            : m.removedOn().atStartOfDay(ClockProducer.JPO_ZONE).toInstant();
            result.add(
                    new OutstandingItem(
                            null,
                            null,
                            "asset-ledger",
                            null,
                            null,
                            m.hardwareId() == null ? null : String.valueOf(m.hardwareId()),
                            m.kind(),
                            m.serial().trim(),
                            null,
                            null,
                            null,
                            since,
                            since == null ? 0 : Math.max(0, Duration.between(since, now).toDays()),
                            REMOVED_WITHOUT_CUSTODY,
                            m.environment()));
        }
        // a stable order whatever order asset-service answered in, so that pages never overlap or
        // skip
        result.sort(
                java.util.Comparator.comparing(OutstandingItem::serial)
                        .thenComparing(
                                OutstandingItem::hardwareId,
                                java.util.Comparator.nullsFirst(
                                        java.util.Comparator.naturalOrder())));
        return result;
    }

    /**
     * The destruction register: one row per accepted certificate, Japanese headings, Reiwa date
     * cells, and the Japanese word of every enum value it shows (#17: 媒体種別, 区分, 消去・破壊方法, 証明書発行者, 環境
     * through {@link EnumLabels}, from {@code kiban-enum-labels_ja.properties}; a stored
     * environment this suite does not know is written as stored).
     *
     * <p>#16 §3: four selects whatever the number of rows (accepted evidence, accepted items,
     * contractors, the accepted evidence's files), outside a transaction, so no connection is held
     * while the workbook streams out. Each select sees its own snapshot, which is safe here: an
     * acceptance is final and sets the evidence and its item together, contractors are never
     * deleted, and an accepted record's files never change (R-MT-6); evidence accepted after the
     * first select is simply not in this register.
     */
    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public void writeRegister(OutputStream out) throws IOException {
        List<Evidence> accepted =
                evidence.list("status = ?1 order by decidedAt, id", Evidence.Status.ACCEPTED);
        Map<Long, CustodyItem> byId =
                items.list("status = ?1", CustodyStatus.EVIDENCE_ACCEPTED).stream()
                        .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<Long, Contractor> contractorById =
                contractors.listAll().stream()
                        .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<Long, List<EvidenceFile>> filesOf = files.ofAccepted();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet sheet = wb.createSheet("破壊・消去記録簿");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat(ReiwaDates.EXCEL_FORMAT));
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            Row header = sheet.createRow(0);
            for (int c = 0; c < REGISTER_HEADINGS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(REGISTER_HEADINGS.get(c));
                cell.setCellStyle(head);
            }
            // user data is written as text; a formula-like value (=, +, -, @, tab, CR) gets Excel's
            // quote prefix so
            // it is shown, never executed (OWASP CSV injection, CellText)
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            int r = 1;
            for (Evidence e : accepted) {
                CustodyItem item = byId.get(e.itemId);
                Row row = sheet.createRow(r);
                int c = 0;
                row.createCell(c++).setCellValue(r);
                text(row, c++, EnumLabels.ja(e.mediaType), quoted);
                text(row, c++, e.make, quoted);
                text(row, c++, e.model, quoted);
                text(row, c++, e.serial, quoted);
                text(row, c++, EnumLabels.ja(e.method), quoted);
                text(row, c++, EnumLabels.ja(e.technique), quoted);
                text(
                        row,
                        c++,
                        nz(e.tool) + (e.toolVersion == null ? "" : " " + e.toolVersion),
                        quoted);
                text(row, c++, e.verification, quoted);
                dateCell(row, c++, e.performedOn, date);
                text(row, c++, e.place, quoted);
                text(row, c++, e.performedBy, quoted);
                text(row, c++, e.destination, quoted);
                text(row, c++, EnumLabels.ja(e.issuer), quoted);
                Contractor k = e.contractorId == null ? null : contractorById.get(e.contractorId);
                text(row, c++, k == null ? "" : k.name, quoted);
                dateCell(row, c++, LocalDate.ofInstant(e.decidedAt, ClockProducer.JPO_ZONE), date);
                text(row, c++, e.decidedBy, quoted);
                text(
                        row,
                        c++,
                        item == null || item.ticketId == null ? "" : item.ticketId.toString(),
                        quoted);
                text(
                        row,
                        c++,
                        item == null || item.orderId == null ? "" : item.orderId.toString(),
                        quoted);
                text(
                        row,
                        c++,
                        filesOf.getOrDefault(e.id, List.of()).stream()
                                .map(f -> f.sha256)
                                .collect(Collectors.joining("\n")),
                        quoted);
                text(row, c++, environmentLabel(item == null ? null : item.environment), quoted);
                r++;
            }
            for (int c = 0; c < REGISTER_HEADINGS.size(); c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    /**
     * Every record this service holds, for the archive handed back to JPO (R-RM-4).
     *
     * <p>#16 §3: left in a transaction although it writes nothing: its nine selects must read one
     * snapshot (InnoDB's REPEATABLE READ inside a transaction), or the archive could hold evidence
     * whose custody item or files were read before or after it changed.
     */
    @Transactional
    public RecordsExport export() {
        Instant now = clock.instant();
        Map<Long, List<EvidenceFile>> filesByEvidence =
                files.listAll().stream().collect(Collectors.groupingBy(f -> f.evidenceId));
        List<io.kiban.maintenance.ticket.Ticket> allTickets = tickets.listAll();
        Map<Long, Set<String>> recorded = breaches.of(allTickets.stream().map(t -> t.id).toList());
        Map<String, Long> itemByReplacement =
                items.list("replacementId is not null").stream()
                        .collect(Collectors.toMap(i -> i.replacementId, i -> i.id));
        return new RecordsExport(
                now,
                "maintenance-service",
                allTickets.stream()
                        .map(t -> TicketView.of(t, now, recorded.getOrDefault(t.id, Set.of())))
                        .toList(),
                transitions.listAll().stream()
                        .map(t -> new TransitionRecord(t.ticketId, TransitionView.of(t)))
                        .toList(),
                replacements.listAll().stream()
                        .map(r -> ReplacementView.of(r, itemByReplacement.get(r.id)))
                        .toList(),
                items.listAll().stream().map(ItemView::of).toList(),
                events.listAll().stream()
                        .map(e -> new EventRecord(e.itemId, EventView.of(e)))
                        .toList(),
                evidence.listAll().stream()
                        .map(e -> EvidenceView.of(e, filesByEvidence.getOrDefault(e.id, List.of())))
                        .toList(),
                contractors.listAll().stream().map(ContractorView::of).toList(),
                orders.listAll().stream()
                        .map(
                                o ->
                                        new OrderRecord(
                                                o.id,
                                                o.organisation,
                                                o.environment,
                                                o.hardwareIds,
                                                o.reason,
                                                o.createdBy,
                                                o.createdAt))
                        .toList());
    }

    /**
     * A text cell from user data: never a formula (quote-prefixed when it looks like one,
     * CellText).
     */
    private static void text(Row row, int c, String value, CellStyle quoted) {
        Cell cell = row.createCell(c);
        cell.setCellValue(nz(value));
        if (CellText.isFormulaLike(value)) {
            cell.setCellStyle(quoted);
        }
    }

    /** 本番環境, 検証環境, 共用環境; a stored text that names none of them as it is. */
    static String environmentLabel(String stored) {
        Environment env = Environment.ofNullable(stored);
        return env != null ? EnumLabels.ja(env) : nz(stored);
    }

    private static void dateCell(Row row, int c, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
