package io.kiban.asset.export;

import io.kiban.asset.baseline.BaselineLine;
import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.history.AssetRevision;
import io.kiban.asset.kpi.Kpi;
import io.kiban.asset.kpi.KpiMeasurement;
import io.kiban.asset.ledger.ExternalService;
import io.kiban.asset.ledger.Facility;
import io.kiban.asset.ledger.HandledInformation;
import io.kiban.asset.ledger.ScheduleItem;
import io.kiban.asset.ledger.SecurityRequirement;
import io.kiban.asset.ledger.WorkRecord;
import io.kiban.asset.ledger.NetworkLine;
import io.kiban.asset.ledger.PublicDomain;
import io.kiban.asset.history.HistoryDtos.FieldChange;
import io.kiban.asset.media.Medium;
import io.kiban.asset.software.Software;
import io.kiban.asset.vulnerability.Finding;
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
import java.util.function.Consumer;
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
 * The information asset management standard sheet (情報資産管理標準シート, §4.4): one workbook, twelve
 * sheets with Japanese headings, dates as real date cells shown as Reiwa dates. Written with POI's
 * streaming SXSSF (a window of rows in memory) while the ledger is read in chunks.
 */
@ApplicationScoped
public class StandardSheetService {

    static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final int CHUNK = 500;

    /** Sheet names and headings in the order of §4.4. */
    public static final Map<String, List<String>> SHEETS = new LinkedHashMap<>();

    static {
        SHEETS.put("ハードウェア", List.of("製品名", "型番", "ハードウェア区分", "契約形態", "保守期限", "製造番号", "環境",
                "ラック", "搭載位置", "状態", "納入日", "調達基準品目", "記憶媒体（種別:製造番号）"));
        SHEETS.put("ソフトウェア", List.of("製品名", "エディション", "バージョン", "ソフトウェア区分", "契約形態",
                "ライセンス形態", "サポート期限", "導入先", "環境", "SBOM対象"));
        SHEETS.put("回線", List.of("回線種別", "サービス名", "通信事業者", "利用開始", "利用終了", "帯域"));
        SHEETS.put("外部サービス", List.of("サービス名", "利用形態", "利用開始", "利用終了"));
        SHEETS.put("施設", List.of("施設名", "形態", "所在地", "耐久性", "ラック数", "ゾーン"));
        SHEETS.put("公開ドメイン", List.of("名称", "DNS名", "有効期限"));
        SHEETS.put("取扱情報", List.of("データ・マスタ名", "個人情報の有無", "機密性", "完全性", "可用性"));
        SHEETS.put("情報セキュリティ要件", List.of("要件", "対応状況", "備考"));
        SHEETS.put("指標", List.of("指標名", "区分", "計画値", "実績値", "計測日"));
        SHEETS.put("変更管理", List.of("変更日", "変更日時", "対象", "対象ID", "変更種別", "項目", "変更前", "変更後", "変更者"));
        SHEETS.put("作業実績・リスク・課題", List.of("日付", "種別", "内容", "担当", "状態", "脆弱性ID", "対策計画",
                "対策期限", "確認者", "適用日"));
        SHEETS.put("スケジュール・工数", List.of("作業項目", "計画開始", "計画終了", "実績開始", "実績終了", "計画工数",
                "実績工数"));
    }

    private final EntityManager em;

    public StandardSheetService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public void write(OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Styles styles = new Styles(wb);
            Map<String, SXSSFSheet> sheets = new LinkedHashMap<>();
            SHEETS.forEach((name, headings) -> {
                SXSSFSheet sheet = wb.createSheet(name);
                Row row = sheet.createRow(0);
                for (int i = 0; i < headings.size(); i++) {
                    Cell c = row.createCell(i);
                    c.setCellValue(headings.get(i));
                    c.setCellStyle(styles.heading);
                }
                sheet.createFreezePane(0, 1);
                sheets.put(name, sheet);
            });
            hardware(sheets.get("ハードウェア"), styles);
            software(sheets.get("ソフトウェア"), styles);
            history(sheets.get("変更管理"), styles);
            findings(sheets.get("作業実績・リスク・課題"), styles);
            lines(sheets.get("回線"), styles);
            domains(sheets.get("公開ドメイン"), styles);
            information(sheets.get("取扱情報"));
            kpis(sheets.get("指標"), styles);
            flat(sheets.get("外部サービス"), "from ExternalService e order by e.id", ExternalService.class, styles,
                    e -> new Object[] { e.name, e.usageForm, e.usedFrom, e.usedUntil });
            flat(sheets.get("施設"), "from Facility f order by f.id", Facility.class, styles,
                    f -> new Object[] { f.name, f.form, f.address, f.durability, f.rackCount,
                            f.zones == null ? f.racks : f.zones + (f.racks == null ? "" : " / " + f.racks) });
            flat(sheets.get("情報セキュリティ要件"), "from SecurityRequirement r order by r.code, r.id",
                    SecurityRequirement.class, styles, r -> new Object[] { r.code + " " + r.requirement,
                            switch (r.status) {
                                case IMPLEMENTED -> "実施";
                                case NOT_IMPLEMENTED -> "未実施";
                                case NOT_APPLICABLE -> "該当なし";
                            }, r.note });
            flat(sheets.get("スケジュール・工数"), "from ScheduleItem i order by i.plannedStart, i.id", ScheduleItem.class,
                    styles, i -> new Object[] { i.task, i.plannedStart, i.plannedEnd, i.actualStart, i.actualEnd,
                            i.plannedEffort, i.actualEffort });
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private void hardware(SXSSFSheet sheet, Styles styles) {
        Map<Long, String> media = new HashMap<>();
        em.createQuery("from Medium m order by m.id", Medium.class).getResultList().forEach(m -> media.merge(
                m.hardwareId, m.kind + ":" + m.serialNumber + (m.removedOn == null ? "" : "(取外し " + m.removedOn + ")"),
                (a, b) -> a + ", " + b));
        em.clear();
        int[] r = { 1 };
        chunks("from Hardware h order by h.id", Hardware.class, h -> {
            Row row = sheet.createRow(r[0]++);
            int c = 0;
            text(row, c++, h.name);
            text(row, c++, h.modelNumber);
            text(row, c++, h.hardwareClass.name());
            text(row, c++, h.contractForm);
            date(row, c++, h.maintenanceDeadline, styles);
            text(row, c++, h.serialNumber);
            text(row, c++, h.environment.name());
            text(row, c++, h.rack);
            text(row, c++, h.rackPosition);
            text(row, c++, h.status.name());
            date(row, c++, h.deliveredOn, styles);
            text(row, c++, h.baselineItem);
            text(row, c, media.get(h.id));
        });
    }

    private void software(SXSSFSheet sheet, Styles styles) {
        Map<Long, String> serials = new HashMap<>();
        em.createQuery("select h.id, h.serialNumber from Hardware h", Object[].class).getResultList()
                .forEach(o -> serials.put((Long) o[0], (String) o[1]));
        int[] r = { 1 };
        chunks("from Software s order by s.id", Software.class, s -> {
            Row row = sheet.createRow(r[0]++);
            int c = 0;
            text(row, c++, s.name);
            text(row, c++, s.edition);
            text(row, c++, s.productVersion);
            text(row, c++, s.softwareClass.name());
            text(row, c++, s.contractForm);
            text(row, c++, s.licenseForm);
            if (s.supportDeadline != null) {
                date(row, c++, s.supportDeadline, styles);
            } else {
                text(row, c++, s.supportEnded ? "終了" : null);
            }
            text(row, c++, s.hardwareId != null ? "ハードウェア " + serials.get(s.hardwareId)
                    : s.installedOn.name() + " " + s.host);
            text(row, c++, s.environment.name());
            text(row, c, s.sbomSubject);
        });
    }

    private void findings(SXSSFSheet sheet, Styles styles) {
        int[] r = { 1 };
        chunks("from WorkRecord w order by w.recordedOn, w.id", WorkRecord.class, w -> {
            Row row = sheet.createRow(r[0]++);
            date(row, 0, w.recordedOn, styles);
            text(row, 1, switch (w.kind) {
                case WORK -> "作業実績";
                case RISK -> "リスク";
                case ISSUE -> "課題";
                case FAILURE_CAUSE -> "障害原因";
            });
            text(row, 2, w.description == null ? w.title : w.title + ": " + w.description);
            text(row, 3, w.owner);
            text(row, 4, w.state);
            date(row, 7, w.dueOn, styles);
        });
        chunks("from Finding f order by f.id", Finding.class, f -> {
            Row row = sheet.createRow(r[0]++);
            int c = 0;
            date(row, c++, LocalDate.ofInstant(f.foundAt, JST), styles);
            text(row, c++, "脆弱性");
            text(row, c++, f.softwareName + " " + f.softwareVersion + " (" + f.environment + ")");
            text(row, c++, f.plannedBy);
            text(row, c++, f.status.name());
            text(row, c++, f.osvId);
            text(row, c++, f.planAction);
            date(row, c++, f.planTargetDate, styles);
            text(row, c++, f.confirmedBy);
            date(row, c, f.appliedOn, styles);
        });
    }

    private void lines(SXSSFSheet sheet, Styles styles) {
        int[] r = { 1 };
        chunks("from NetworkLine l order by l.id", NetworkLine.class, l -> {
            Row row = sheet.createRow(r[0]++);
            text(row, 0, l.lineType);
            text(row, 1, l.serviceName);
            text(row, 2, l.carrier);
            date(row, 3, l.usedFrom, styles);
            date(row, 4, l.usedUntil, styles);
            text(row, 5, l.bandwidth);
        });
    }

    private void domains(SXSSFSheet sheet, Styles styles) {
        int[] r = { 1 };
        chunks("from PublicDomain d order by d.id", PublicDomain.class, d -> {
            Row row = sheet.createRow(r[0]++);
            text(row, 0, d.name);
            text(row, 1, d.dnsName);
            date(row, 2, d.expiresOn, styles);
        });
    }

    private void information(SXSSFSheet sheet) {
        int[] r = { 1 };
        chunks("from HandledInformation i order by i.id", HandledInformation.class, i -> {
            Row row = sheet.createRow(r[0]++);
            text(row, 0, i.name);
            text(row, 1, i.personalData ? "有" : "無");
            text(row, 2, "機密性" + i.confidentiality);
            text(row, 3, "完全性" + i.integrity);
            text(row, 4, "可用性" + i.availability);
        });
    }

    private void kpis(SXSSFSheet sheet, Styles styles) {
        Map<Long, Kpi> kpis = new HashMap<>();
        em.createQuery("from Kpi k", Kpi.class).getResultList().forEach(k -> kpis.put(k.id, k));
        int[] r = { 1 };
        for (Kpi k : kpis.values().stream().sorted((a, b) -> Long.compare(a.id, b.id)).toList()) {
            if (em.createQuery("select count(m) from KpiMeasurement m where m.kpiId = :k", Long.class)
                    .setParameter("k", k.id).getSingleResult() == 0) {
                kpiRow(sheet.createRow(r[0]++), k, null, styles);
            }
        }
        chunks("from KpiMeasurement m order by m.kpiId, m.measuredAt, m.id", KpiMeasurement.class,
                m -> kpiRow(sheet.createRow(r[0]++), kpis.get(m.kpiId), m, styles));
    }

    private <T> void flat(SXSSFSheet sheet, String jpql, Class<T> type, Styles styles,
            java.util.function.Function<T, Object[]> values) {
        int[] r = { 1 };
        chunks(jpql, type, t -> {
            Row row = sheet.createRow(r[0]++);
            Object[] v = values.apply(t);
            for (int i = 0; i < v.length; i++) {
                if (v[i] instanceof LocalDate d) {
                    date(row, i, d, styles);
                } else if (v[i] instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (v[i] != null) {
                    text(row, i, v[i].toString());
                }
            }
        });
    }

    private static void kpiRow(Row row, Kpi k, KpiMeasurement m, Styles styles) {
        text(row, 0, k.name);
        text(row, 1, k.kpiClass);
        if (k.plannedValue != null) {
            row.createCell(2).setCellValue(k.plannedValue.doubleValue());
        }
        if (m != null) {
            row.createCell(3).setCellValue(m.value.doubleValue());
            date(row, 4, LocalDate.ofInstant(m.measuredAt, JST), styles);
        }
    }

    /** Sheet 10 from the Envers revisions: one row per changed field. */
    private void history(SXSSFSheet sheet, Styles styles) {
        int[] r = { 1 };
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
        types.put(SecurityRequirement.class, "情報セキュリティ要件");
        types.put(WorkRecord.class, "作業実績・リスク・課題");
        types.put(ScheduleItem.class, "スケジュール・工数");
        types.put(io.kiban.asset.endoflife.EolMapping.class, "EOL対応表");
        for (var entry : types.entrySet()) {
            Object previousId = null;
            Object previous = null;
            for (int first = 0;; first += CHUNK) {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = reader.createQuery().forRevisionsOfEntity(entry.getKey(), false, true)
                        .addOrder(AuditEntity.id().asc()).addOrder(AuditEntity.revisionNumber().asc())
                        .setFirstResult(first).setMaxResults(CHUNK).getResultList();
                for (Object[] rev : rows) {
                    Object state = rev[0];
                    AssetRevision info = (AssetRevision) rev[1];
                    RevisionType type = (RevisionType) rev[2];
                    Object id = idOf(state);
                    Object before = id != null && id.equals(previousId) ? previous : null;
                    List<FieldChange> changes = type == RevisionType.DEL ? List.of()
                            : io.kiban.asset.history.HistoryService.diff(entry.getKey(), before, state);
                    if (type != RevisionType.DEL) {
                        previousId = id;
                        previous = state;
                    }
                    List<FieldChange> lines = changes.isEmpty() ? List.of(new FieldChange(null, null, null)) : changes;
                    for (FieldChange ch : lines) {
                        Row row = sheet.createRow(r[0]++);
                        Instant at = Instant.ofEpochMilli(info.timestamp);
                        date(row, 0, LocalDate.ofInstant(at, JST), styles);
                        Cell time = row.createCell(1);
                        time.setCellValue(LocalDateTime.ofInstant(at, JST));
                        time.setCellStyle(styles.dateTime);
                        text(row, 2, entry.getValue());
                        text(row, 3, String.valueOf(id));
                        text(row, 4, switch (type) {
                            case ADD -> "登録";
                            case MOD -> "変更";
                            case DEL -> "削除";
                        });
                        text(row, 5, ch.field());
                        text(row, 6, ch.from());
                        text(row, 7, ch.to());
                        text(row, 8, info.actorName);
                    }
                }
                em.clear();
                if (rows.size() < CHUNK) {
                    break;
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
        for (int first = 0;; first += CHUNK) {
            List<T> list = em.createQuery(jpql, type).setFirstResult(first).setMaxResults(CHUNK).getResultList();
            list.forEach(each);
            em.clear();
            if (list.size() < CHUNK) {
                return;
            }
        }
    }

    private static void text(Row row, int col, String value) {
        if (value != null) {
            row.createCell(col).setCellValue(value);
        }
    }

    private static void date(Row row, int col, LocalDate value, Styles styles) {
        if (value != null) {
            Cell c = row.createCell(col);
            c.setCellValue(value);
            c.setCellStyle(styles.date);
        }
    }

    static final class Styles {
        final CellStyle heading;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(SXSSFWorkbook wb) {
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
