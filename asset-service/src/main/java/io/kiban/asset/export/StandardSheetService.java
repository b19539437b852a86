package io.kiban.asset.export;

import io.kiban.asset.baseline.BaselineLine;
import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.history.AssetRevision;
import io.kiban.asset.history.HistoryDtos.FieldChange;
import io.kiban.asset.kpi.Kpi;
import io.kiban.asset.kpi.KpiMeasurement;
import io.kiban.asset.ledger.ExternalService;
import io.kiban.asset.ledger.Facility;
import io.kiban.asset.ledger.HandledInformation;
import io.kiban.asset.ledger.NetworkLine;
import io.kiban.asset.ledger.PublicDomain;
import io.kiban.asset.ledger.ScheduleItem;
import io.kiban.asset.ledger.SecurityRequirement;
import io.kiban.asset.ledger.WorkRecord;
import io.kiban.asset.media.Medium;
import io.kiban.asset.media.MediumOrigin;
import io.kiban.asset.rack.Rack;
import io.kiban.asset.rack.RackDtos.PositionView;
import io.kiban.asset.rack.RackPosition;
import io.kiban.asset.rack.RackService;
import io.kiban.asset.software.Software;
import io.kiban.asset.vulnerability.Finding;
import io.kiban.commons.export.CellText;
import io.kiban.commons.export.EnumLabels;
import io.kiban.commons.time.ReiwaDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

/**
 * The information asset management standard sheet (情報資産管理標準シート, §4.4): one workbook, twelve sheets
 * with Japanese headings, dates as real date cells shown as Reiwa dates. Written with POI's
 * streaming SXSSF (a window of rows in memory) while the ledger is read in chunks.
 */
@ApplicationScoped
public class StandardSheetService {

    static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    /**
     * One sheet of §4.4: its name, the category's slug for {@code /exports/{slug}.csv}, and its
     * headings.
     */
    public record SheetDef(String name, String slug, List<String> headings) {}

    /** Receives the rows of a sheet: the record's id (for the CSV) and the cell values. */
    @FunctionalInterface
    interface RowSink {
        void row(Object id, Object... values);
    }

    /** The twelve sheets in the order of §4.4. */
    public static final List<SheetDef> SHEETS =
            List.of(
                    new SheetDef(
                            "ハードウェア",
                            "hardware",
                            List.of(
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
                                    "記憶媒体（種別:製造番号）")),
                    new SheetDef(
                            "ソフトウェア",
                            "software",
                            List.of(
                                    "製品名",
                                    "エディション",
                                    "バージョン",
                                    "ソフトウェア区分",
                                    "契約形態",
                                    "ライセンス形態",
                                    "サポート期限",
                                    "導入先",
                                    "環境",
                                    "SBOM対象")),
                    new SheetDef(
                            "回線", "lines", List.of("回線種別", "サービス名", "通信事業者", "利用開始", "利用終了", "帯域")),
                    new SheetDef(
                            "外部サービス",
                            "external-services",
                            List.of("サービス名", "利用形態", "利用開始", "利用終了")),
                    new SheetDef(
                            "施設",
                            "facilities",
                            List.of("施設名", "形態", "所在地", "耐久性", "ラック数", "ゾーン", "ラック・搭載位置")),
                    new SheetDef("公開ドメイン", "public-domains", List.of("名称", "DNS名", "有効期限")),
                    new SheetDef(
                            "取扱情報",
                            "handled-information",
                            List.of("データ・マスタ名", "個人情報の有無", "機密性", "完全性", "可用性")),
                    new SheetDef(
                            "情報セキュリティ要件", "security-requirements", List.of("要件", "対応状況", "備考")),
                    new SheetDef("指標", "kpis", List.of("指標名", "区分", "計画値", "実績値", "計測日")),
                    new SheetDef(
                            "変更管理",
                            "change-history",
                            List.of(
                                    "変更日", "変更日時", "対象", "対象ID", "変更種別", "項目", "変更前", "変更後",
                                    "変更者")),
                    new SheetDef(
                            "作業実績・リスク・課題",
                            "work-records",
                            List.of(
                                    "日付", "種別", "内容", "担当", "状態", "脆弱性ID", "対策計画", "対策期限", "確認者",
                                    "適用日")),
                    new SheetDef(
                            "スケジュール・工数",
                            "schedule",
                            List.of("作業項目", "計画開始", "計画終了", "実績開始", "実績終了", "計画工数", "実績工数")));

    private final EntityManager em;
    private final RackService racks;

    public StandardSheetService(EntityManager em, RackService racks) {
        this.em = em;
        this.racks = racks;
    }

    public static Optional<SheetDef> sheet(String slug) {
        return SHEETS.stream().filter(d -> d.slug().equals(slug)).findFirst();
    }

    @Transactional
    public void write(OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Styles styles = new Styles(wb);
            for (SheetDef def : SHEETS) {
                SXSSFSheet sheet = wb.createSheet(def.name());
                Row heading = sheet.createRow(0);
                for (int i = 0; i < def.headings().size(); i++) {
                    Cell c = heading.createCell(i);
                    c.setCellValue(def.headings().get(i));
                    c.setCellStyle(styles.heading);
                }
                sheet.createFreezePane(0, 1);
                int[] r = {1};
                rows(def.slug(), (id, values) -> cells(sheet.createRow(r[0]++), values, styles));
            }
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    /** The rows of one sheet, read in chunks, each handed to {@code sink}. */
    @Transactional
    void rows(String slug, RowSink sink) {
        switch (slug) {
            case "hardware" -> hardware(sink);
            case "software" -> software(sink);
            case "lines" ->
                    chunks(
                            "from NetworkLine l order by l.id",
                            NetworkLine.class,
                            l ->
                                    sink.row(
                                            l.id,
                                            l.lineType,
                                            l.serviceName,
                                            l.carrier,
                                            l.usedFrom,
                                            l.usedUntil,
                                            l.bandwidth));
            case "external-services" ->
                    chunks(
                            "from ExternalService e order by e.id",
                            ExternalService.class,
                            e -> sink.row(e.id, e.name, e.usageForm, e.usedFrom, e.usedUntil));
            case "facilities" -> facilities(sink);
            case "public-domains" ->
                    chunks(
                            "from PublicDomain d order by d.id",
                            PublicDomain.class,
                            d -> sink.row(d.id, d.name, d.dnsName, d.expiresOn));
            case "handled-information" ->
                    chunks(
                            "from HandledInformation i order by i.id",
                            HandledInformation.class,
                            i ->
                                    sink.row(
                                            i.id,
                                            i.name,
                                            i.personalData ? "有" : "無",
                                            "機密性" + i.confidentiality,
                                            "完全性" + i.integrity,
                                            "可用性" + i.availability));
            case "security-requirements" ->
                    chunks(
                            "from SecurityRequirement r order by r.code, r.id",
                            SecurityRequirement.class,
                            r ->
                                    sink.row(
                                            r.id,
                                            r.code + " " + r.requirement,
                                            EnumLabels.ja(r.status),
                                            r.note));
            case "kpis" -> kpis(sink);
            case "change-history" -> history(sink);
            case "work-records" -> workRecords(sink);
            case "schedule" ->
                    chunks(
                            "from ScheduleItem i order by i.plannedStart, i.id",
                            ScheduleItem.class,
                            i ->
                                    sink.row(
                                            i.id,
                                            i.task,
                                            i.plannedStart,
                                            i.plannedEnd,
                                            i.actualStart,
                                            i.actualEnd,
                                            i.plannedEffort,
                                            i.actualEffort));
            default -> throw new IllegalArgumentException(slug);
        }
    }

    private void hardware(RowSink sink) {
        Map<Long, String> media = new HashMap<>();
        em.createQuery("from Medium m order by m.id", Medium.class)
                .getResultList()
                .forEach(
                        m ->
                                media.merge(
                                        m.hardwareId,
                                        m.kind
                                                + ":"
                                                + m.serialNumber
                                                + (m.removedOn == null
                                                        ? ""
                                                        : "(取外し " + m.removedOn + ")")
                                                + (m.origin == MediumOrigin.UNREGISTERED_PART
                                                        ? "(台帳未登録部品)"
                                                        : "")
                                                + (m.dataBearing ? "" : "(データ非保持: JPO判断)"),
                                        (a, b) -> a + ", " + b));
        em.clear();
        chunks(
                "from Hardware h order by h.id",
                Hardware.class,
                h ->
                        sink.row(
                                h.id,
                                h.name,
                                h.modelNumber,
                                h.hardwareClass,
                                h.contractForm,
                                h.maintenanceDeadline,
                                h.serialNumber,
                                h.environment,
                                h.rack,
                                h.rackPosition,
                                h.status,
                                h.deliveredOn,
                                h.baselineItem,
                                media.get(h.id)));
    }

    private void software(RowSink sink) {
        Map<Long, String> serials = new HashMap<>();
        em.createQuery("select h.id, h.serialNumber from Hardware h", Object[].class)
                .getResultList()
                .forEach(o -> serials.put((Long) o[0], (String) o[1]));
        chunks(
                "from Software s order by s.id",
                Software.class,
                s ->
                        sink.row(
                                s.id,
                                s.name,
                                s.edition,
                                s.productVersion,
                                s.softwareClass,
                                s.contractForm,
                                s.licenseForm,
                                s.supportDeadline != null
                                        ? s.supportDeadline
                                        : s.supportEnded ? "終了" : null,
                                s.hardwareId != null
                                        ? "ハードウェア " + serials.get(s.hardwareId)
                                        : s.installedOn.name() + " " + s.host,
                                s.environment,
                                s.sbomSubject));
    }

    /**
     * Sheet 5 with each facility's racks and what is mounted where: {@code R01(42U): U10 SN1,
     * U11-U12 SN2}.
     */
    private void facilities(RowSink sink) {
        Map<Long, List<PositionView>> mounted =
                racks.allPositions().stream().collect(Collectors.groupingBy(PositionView::rackId));
        Map<Long, String> byFacility = new HashMap<>();
        em.createQuery("from Rack r order by r.facilityId, r.name", Rack.class)
                .getResultList()
                .forEach(
                        r ->
                                byFacility.merge(
                                        r.facilityId,
                                        r.name
                                                + "("
                                                + r.heightUnits
                                                + "U)"
                                                + mounted.getOrDefault(r.id, List.of()).stream()
                                                        .map(
                                                                p ->
                                                                        p.units()
                                                                                + " "
                                                                                + p.serialNumber())
                                                        .collect(Collectors.joining(", ", ": ", ""))
                                                        .replaceFirst(": $", ""),
                                        (a, b) -> a + "; " + b));
        em.clear();
        chunks(
                "from Facility f order by f.id",
                Facility.class,
                f ->
                        sink.row(
                                f.id,
                                f.name,
                                f.form,
                                f.address,
                                f.durability,
                                f.rackCount,
                                f.zones == null
                                        ? f.racks
                                        : f.zones + (f.racks == null ? "" : " / " + f.racks),
                                byFacility.get(f.id)));
    }

    private void workRecords(RowSink sink) {
        chunks(
                "from WorkRecord w order by w.recordedOn, w.id",
                WorkRecord.class,
                w ->
                        sink.row(
                                w.id,
                                w.recordedOn,
                                EnumLabels.ja(w.kind),
                                w.description == null ? w.title : w.title + ": " + w.description,
                                w.owner,
                                w.state,
                                null,
                                null,
                                w.dueOn));
        chunks(
                "from Finding f order by f.id",
                Finding.class,
                f ->
                        sink.row(
                                "finding-" + f.id,
                                LocalDate.ofInstant(f.foundAt, JST),
                                "脆弱性",
                                f.softwareName
                                        + " "
                                        + f.softwareVersion
                                        + " ("
                                        + EnumLabels.ja(f.environment)
                                        + ")",
                                f.plannedBy,
                                f.status,
                                f.osvId,
                                f.planAction,
                                f.planTargetDate,
                                f.confirmedBy,
                                f.appliedOn));
    }

    private void kpis(RowSink sink) {
        Map<Long, Kpi> kpis = new HashMap<>();
        em.createQuery("from Kpi k", Kpi.class).getResultList().forEach(k -> kpis.put(k.id, k));
        for (Kpi k : kpis.values().stream().sorted((a, b) -> Long.compare(a.id, b.id)).toList()) {
            if (em.createQuery(
                                    "select count(m) from KpiMeasurement m where m.kpiId = :k",
                                    Long.class)
                            .setParameter("k", k.id)
                            .getSingleResult()
                    == 0) {
                sink.row(k.id, k.name, k.kpiClass, k.plannedValue);
            }
        }
        chunks(
                "from KpiMeasurement m order by m.kpiId, m.measuredAt, m.id",
                KpiMeasurement.class,
                m -> {
                    Kpi k = kpis.get(m.kpiId);
                    sink.row(
                            k.id,
                            k.name,
                            k.kpiClass,
                            k.plannedValue,
                            m.value,
                            LocalDate.ofInstant(m.measuredAt, JST));
                });
    }

    /**
     * Sheet 10 from the Envers revisions: one row per changed field; the id is the revision number.
     */
    private void history(RowSink sink) {
        var reader = AuditReaderFactory.get(em);
        Map<Class<?>, String> types = new LinkedHashMap<>();
        types.put(Hardware.class, "ハードウェア");
        types.put(Medium.class, "記憶媒体");
        types.put(Software.class, "ソフトウェア");
        types.put(BaselineLine.class, "調達基準");
        types.put(Finding.class, "脆弱性対応");
        types.put(NetworkLine.class, "回線");
        types.put(PublicDomain.class, "公開ドメイン");
        types.put(HandledInformation.class, "取扱情報");
        types.put(Kpi.class, "指標");
        types.put(ExternalService.class, "外部サービス");
        types.put(Facility.class, "施設");
        types.put(Rack.class, "ラック");
        types.put(RackPosition.class, "搭載位置");
        types.put(SecurityRequirement.class, "情報セキュリティ要件");
        types.put(WorkRecord.class, "作業実績・リスク・課題");
        types.put(ScheduleItem.class, "スケジュール・工数");
        types.put(io.kiban.asset.endoflife.EolMapping.class, "EOL対応表");
        for (var entry : types.entrySet()) {
            Class<?> entity = entry.getKey();
            Previous last = new Previous();
            Chunks.<Object[], RuntimeException>each(
                    em,
                    (first, max) -> revisions(reader, entity, first, max),
                    rev -> {
                        Object state = rev[0];
                        AssetRevision info = (AssetRevision) rev[1];
                        RevisionType type = (RevisionType) rev[2];
                        Object id = idOf(state);
                        Object before = id != null && id.equals(last.id) ? last.state : null;
                        List<FieldChange> changes =
                                type == RevisionType.DEL
                                        ? List.of()
                                        : io.kiban.asset.history.HistoryService.diff(
                                                entity, before, state);
                        if (type != RevisionType.DEL) {
                            last.id = id;
                            last.state = state;
                        }
                        Instant at = Instant.ofEpochMilli(info.timestamp);
                        for (FieldChange ch :
                                changes.isEmpty()
                                        ? List.of(new FieldChange(null, null, null))
                                        : changes) {
                            sink.row(
                                    info.id,
                                    LocalDate.ofInstant(at, JST),
                                    LocalDateTime.ofInstant(at, JST),
                                    entry.getValue(),
                                    String.valueOf(id),
                                    switch (type) {
                                        case ADD -> "登録";
                                        case MOD -> "変更";
                                        case DEL -> "削除";
                                    },
                                    ch.field(),
                                    ch.from(),
                                    ch.to(),
                                    info.actorName);
                        }
                    });
        }
    }

    /** The latest revision of an entity already written, to diff the next one against. */
    private static final class Previous {
        Object id;
        Object state;
    }

    /** One chunk of an entity's revisions, by id then revision number. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> revisions(
            org.hibernate.envers.AuditReader reader, Class<?> entity, int first, int max) {
        return reader.createQuery()
                .forRevisionsOfEntity(entity, false, true)
                .addOrder(AuditEntity.id().asc())
                .addOrder(AuditEntity.revisionNumber().asc())
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    private static void cells(Row row, Object[] values, Styles styles) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof LocalDate d) {
                Cell c = row.createCell(i);
                c.setCellValue(d);
                c.setCellStyle(styles.date);
            } else if (v instanceof LocalDateTime t) {
                Cell c = row.createCell(i);
                c.setCellValue(t);
                c.setCellStyle(styles.dateTime);
            } else if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (v instanceof Enum<?> e) {
                // #17: the spreadsheet is for people: an enum value is its Japanese word
                // (EnumLabels.parse reads
                // either back); the CSV of the same rows keeps the constant (Enum.toString)
                row.createCell(i).setCellValue(EnumLabels.ja(e));
            } else if (v != null) {
                // issue 13 hole 8 (OWASP CSV injection): user text is written unchanged as a string
                // cell; when a
                // spreadsheet would read it as a formula the cell is quote-prefixed (Excel's "this
                // is text" flag)
                String text = v.toString();
                Cell c = row.createCell(i);
                c.setCellValue(text);
                if (CellText.isFormulaLike(text)) {
                    c.setCellStyle(styles.text);
                }
            }
        }
    }

    private static Object idOf(Object entity) {
        try {
            return entity.getClass().getField("id").get(entity);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private <T> void chunks(String jpql, Class<T> type, Consumer<T> each) {
        Chunks.each(em, jpql, type, each::accept);
    }

    static final class Styles {
        final CellStyle heading;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle text;

        Styles(SXSSFWorkbook wb) {
            text = wb.createCellStyle();
            text.setQuotePrefixed(true);
            heading = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat(ReiwaDates.EXCEL_FORMAT));
            dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d h:mm"));
        }
    }
}
