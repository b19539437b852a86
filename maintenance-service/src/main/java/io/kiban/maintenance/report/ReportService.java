package io.kiban.maintenance.report;

import io.kiban.commons.time.ClockProducer;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.maintenance.contractor.Contractor;
import io.kiban.maintenance.contractor.ContractorService;
import io.kiban.maintenance.custody.CustodyDtos.EventView;
import io.kiban.maintenance.custody.CustodyDtos.ItemView;
import io.kiban.maintenance.custody.CustodyItem;
import io.kiban.maintenance.custody.CustodyItemRepository;
import io.kiban.maintenance.custody.CustodyStatus;
import io.kiban.maintenance.evidence.Evidence;
import io.kiban.maintenance.evidence.EvidenceFile;
import io.kiban.maintenance.evidence.EvidenceRepository;
import io.kiban.maintenance.order.OrderService;
import io.kiban.maintenance.replacement.ReplacementService;
import io.kiban.maintenance.support.Access;
import io.kiban.maintenance.ticket.TicketRepository;
import io.kiban.maintenance.ticket.TicketDtos.TicketView;
import io.kiban.maintenance.ticket.TicketDtos.TransitionView;
import io.kiban.maintenance.replacement.ReplacementDtos.ReplacementView;
import io.kiban.maintenance.evidence.EvidenceDtos.EvidenceView;
import io.kiban.maintenance.contractor.ContractorService.ContractorView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** What JPO reads: outstanding media, the destruction register (R-MT-3), and the records export (R-RM-4). */
@ApplicationScoped
public class ReportService {

    public record OutstandingItem(Long custodyItemId, String organisation, String source, Long ticketId, Long orderId,
            String hardwareId, String kind, String serial, CustodyStatus status, String holder, String location,
            Instant since, long ageDays) {
    }

    public record RecordsExport(Instant exportedAt, String service, List<TicketView> tickets,
            List<TransitionRecord> transitions, List<ReplacementView> replacements, List<ItemView> custodyItems,
            List<EventRecord> custodyEvents, List<EvidenceView> evidence, List<ContractorView> contractors,
            List<OrderRecord> sanitizationOrders) {
    }

    public record TransitionRecord(Long ticketId, TransitionView transition) {
    }

    public record EventRecord(Long custodyItemId, EventView event) {
    }

    public record OrderRecord(Long id, String organisation, String environment, String hardwareIds, String reason,
            String createdBy, Instant createdAt) {
    }

    static final List<String> REGISTER_HEADINGS = List.of("番号", "媒体種別", "メーカー", "型番", "シリアル番号",
            "区分", "消去・破壊方法", "使用ツール", "検証方法", "実施日", "実施場所", "実施者", "媒体の行先",
            "証明書発行者", "委託業者", "受理日", "受理者", "チケット番号", "消去命令番号", "証跡ファイル(SHA-256)");

    private final CustodyItemRepository items;
    private final CustodyItemRepository.Events events;
    private final EvidenceRepository evidence;
    private final EvidenceRepository.Files files;
    private final ContractorService.Repository contractors;
    private final TicketRepository tickets;
    private final TicketRepository.Transitions transitions;
    private final ReplacementService.Repository replacements;
    private final OrderService.Repository orders;
    private final Access access;
    private final Clock clock;

    public ReportService(CustodyItemRepository items, CustodyItemRepository.Events events, EvidenceRepository evidence,
            EvidenceRepository.Files files, ContractorService.Repository contractors, TicketRepository tickets,
            TicketRepository.Transitions transitions, ReplacementService.Repository replacements,
            OrderService.Repository orders, Access access, Clock clock) {
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

    /** Every tracked medium without accepted evidence, oldest first, with its age and holder. */
    public List<OutstandingItem> outstanding() {
        Instant now = clock.instant();
        List<CustodyItem> open = access.scope()
                .map(org -> items.list("organisation = ?1 and status <> ?2 order by createdAt, id", org,
                        CustodyStatus.EVIDENCE_ACCEPTED))
                .orElseGet(() -> items.list("status <> ?1 order by createdAt, id", CustodyStatus.EVIDENCE_ACCEPTED));
        return open.stream().map(i -> new OutstandingItem(i.id, i.organisation, i.source.label(), i.ticketId,
                i.orderId, i.hardwareId, i.kind.name(), i.serial, i.status, i.holder, i.location, i.createdAt,
                Duration.between(i.createdAt, now).toDays())).toList();
    }

    /** The destruction register: one row per accepted certificate, Japanese headings, Reiwa date cells. */
    @Transactional
    public void writeRegister(OutputStream out) throws IOException {
        List<Evidence> accepted = evidence.list("status = ?1 order by decidedAt, id", Evidence.Status.ACCEPTED);
        Map<Long, CustodyItem> byId = items.list("status = ?1", CustodyStatus.EVIDENCE_ACCEPTED).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<Long, Contractor> contractorById = contractors.listAll().stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
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
            int r = 1;
            for (Evidence e : accepted) {
                CustodyItem item = byId.get(e.itemId);
                Row row = sheet.createRow(r);
                int c = 0;
                row.createCell(c++).setCellValue(r);
                row.createCell(c++).setCellValue(e.mediaType.name());
                row.createCell(c++).setCellValue(nz(e.make));
                row.createCell(c++).setCellValue(nz(e.model));
                row.createCell(c++).setCellValue(e.serial);
                row.createCell(c++).setCellValue(e.method == io.kiban.maintenance.evidence.Method.DESTROY ? "破壊 (DESTROY)"
                        : "消去 (PURGE)");
                row.createCell(c++).setCellValue(e.technique.name());
                row.createCell(c++).setCellValue(nz(e.tool) + (e.toolVersion == null ? "" : " " + e.toolVersion));
                row.createCell(c++).setCellValue(e.verification);
                dateCell(row, c++, e.performedOn, date);
                row.createCell(c++).setCellValue(e.place);
                row.createCell(c++).setCellValue(e.performedBy);
                row.createCell(c++).setCellValue(e.destination);
                row.createCell(c++).setCellValue(e.issuer.name().equals("VENDOR") ? "ベンダ" : "産業廃棄物処理業者");
                Contractor k = e.contractorId == null ? null : contractorById.get(e.contractorId);
                row.createCell(c++).setCellValue(k == null ? "" : k.name);
                dateCell(row, c++, LocalDate.ofInstant(e.decidedAt, ClockProducer.JPO_ZONE), date);
                row.createCell(c++).setCellValue(nz(e.decidedBy));
                row.createCell(c++).setCellValue(item == null || item.ticketId == null ? "" : item.ticketId.toString());
                row.createCell(c++).setCellValue(item == null || item.orderId == null ? "" : item.orderId.toString());
                row.createCell(c++).setCellValue(files.of(e.id).stream().map(f -> f.sha256)
                        .collect(Collectors.joining("\n")));
                r++;
            }
            for (int c = 0; c < REGISTER_HEADINGS.size(); c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    /** Every record this service holds, for the archive handed back to JPO (R-RM-4). */
    @Transactional
    public RecordsExport export() {
        Instant now = clock.instant();
        Map<Long, List<EvidenceFile>> filesByEvidence = files.listAll().stream()
                .collect(Collectors.groupingBy(f -> f.evidenceId));
        Map<String, Long> itemByReplacement = items.list("replacementId is not null").stream()
                .collect(Collectors.toMap(i -> i.replacementId, i -> i.id));
        return new RecordsExport(now, "maintenance-service",
                tickets.listAll().stream().map(t -> TicketView.of(t, now)).toList(),
                transitions.listAll().stream().map(t -> new TransitionRecord(t.ticketId, TransitionView.of(t))).toList(),
                replacements.listAll().stream().map(r -> ReplacementView.of(r, itemByReplacement.get(r.id))).toList(),
                items.listAll().stream().map(ItemView::of).toList(),
                events.listAll().stream().map(e -> new EventRecord(e.itemId, EventView.of(e))).toList(),
                evidence.listAll().stream().map(e -> EvidenceView.of(e, filesByEvidence.getOrDefault(e.id, List.of())))
                        .toList(),
                contractors.listAll().stream().map(ContractorView::of).toList(),
                orders.listAll().stream().map(o -> new OrderRecord(o.id, o.organisation, o.environment, o.hardwareIds,
                        o.reason, o.createdBy, o.createdAt)).toList());
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
