package io.kiban.asset.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.asset.baseline.BaselineDtos.BaselineView;
import io.kiban.asset.baseline.BaselineLine;
import io.kiban.asset.endoflife.EolMapping;
import io.kiban.asset.endoflife.EolService.MappingView;
import io.kiban.asset.export.StandardSheetService.SheetDef;
import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.hardware.HardwareDtos.HardwareView;
import io.kiban.asset.kpi.Kpi;
import io.kiban.asset.kpi.KpiMeasurement;
import io.kiban.asset.kpi.KpiService;
import io.kiban.asset.ledger.ExternalService;
import io.kiban.asset.ledger.Facility;
import io.kiban.asset.ledger.HandledInformation;
import io.kiban.asset.ledger.LedgerCategories;
import io.kiban.asset.ledger.NetworkLine;
import io.kiban.asset.ledger.PublicDomain;
import io.kiban.asset.ledger.ScheduleItem;
import io.kiban.asset.ledger.SecurityRequirement;
import io.kiban.asset.ledger.WorkRecord;
import io.kiban.asset.media.MediaService;
import io.kiban.asset.media.Medium;
import io.kiban.asset.rack.Rack;
import io.kiban.asset.rack.RackDtos.RackView;
import io.kiban.asset.rack.RackService;
import io.kiban.asset.software.Software;
import io.kiban.asset.software.SoftwareDtos.SoftwareView;
import io.kiban.asset.vulnerability.Advisory;
import io.kiban.asset.vulnerability.Finding;
import io.kiban.asset.vulnerability.FindingDtos.AdvisoryView;
import io.kiban.asset.vulnerability.FindingService;
import io.kiban.commons.export.CellText;
import io.kiban.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * CSV per category (UTF-8 with BOM, for Excel) and the records archive for the handover (R-RM-4).
 * The twelve categories of the standard sheet are written with the sheet's own headings and rows
 * (after an {@code id} column); media, the baseline and the findings have tables of their own.
 */
@ApplicationScoped
class ExportService {

    /** Tables beside the twelve sheets. */
    public static final List<String> EXTRA_CATEGORIES = List.of("media", "baseline", "findings");

    public static final List<String> CSV_CATEGORIES =
            Stream.concat(
                            StandardSheetService.SHEETS.stream().map(SheetDef::slug),
                            EXTRA_CATEGORIES.stream())
                    .toList();

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final StandardSheetService sheets;
    private final FindingService findings;
    private final RackService racks;

    public ExportService(
            EntityManager em,
            ObjectMapper json,
            Clock clock,
            StandardSheetService sheets,
            FindingService findings,
            RackService racks) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.sheets = sheets;
        this.findings = findings;
        this.racks = racks;
    }

    /** 404 problem naming the known categories. */
    public static void requireCategory(String category) {
        if (!CSV_CATEGORIES.contains(category)) {
            throw ProblemException.notFound(
                    "export category",
                    category + " (known: " + String.join(", ", CSV_CATEGORIES) + ")");
        }
    }

    @Transactional
    public void csv(String category, OutputStream out) throws IOException {
        requireCategory(category);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        var sheet = StandardSheetService.sheet(category);
        if (sheet.isPresent()) {
            List<Object> headings = new ArrayList<>(List.of("id"));
            headings.addAll(sheet.get().headings());
            line(w, headings);
            try {
                sheets.rows(
                        category,
                        (id, values) -> {
                            List<Object> row = new ArrayList<>(List.of(String.valueOf(id)));
                            row.addAll(Arrays.asList(values));
                            try {
                                line(w, row);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } else {
            switch (category) {
                case "media" ->
                        table(
                                w,
                                "from Medium m order by m.id",
                                Medium.class,
                                List.of(
                                        "id",
                                        "ハードウェアID",
                                        "種別",
                                        "製造番号",
                                        "メーカー",
                                        "型式",
                                        "取付日",
                                        "取外し日",
                                        "参照",
                                        "取外し経路",
                                        "データ保持",
                                        "登録経緯"),
                                m ->
                                        Arrays.asList(
                                                m.id,
                                                m.hardwareId,
                                                m.kind,
                                                m.serialNumber,
                                                m.make,
                                                m.model,
                                                m.installedOn,
                                                m.removedOn,
                                                m.removalReference,
                                                m.removalVia,
                                                m.dataBearing ? "保持" : "非保持",
                                                m.origin));
                case "baseline" ->
                        table(
                                w,
                                "from BaselineLine b order by b.id",
                                BaselineLine.class,
                                List.of("品目コード", "区分", "品目", "品目（日本語）", "環境", "必要数"),
                                b ->
                                        Arrays.asList(
                                                b.itemCode,
                                                b.hardwareClass,
                                                b.name,
                                                b.nameJa,
                                                b.environment,
                                                b.requiredQuantity));
                default ->
                        table(
                                w,
                                "from Finding f order by f.id",
                                Finding.class,
                                List.of(
                                        "id", "脆弱性ID", "別名", "深刻度", "ソフトウェア", "バージョン", "環境", "導入先",
                                        "状態", "対策計画", "対策期限", "確認者", "適用日"),
                                f ->
                                        Arrays.asList(
                                                f.id,
                                                f.osvId,
                                                f.aliases,
                                                f.severity,
                                                f.softwareName,
                                                f.softwareVersion,
                                                f.environment,
                                                f.installedWhere,
                                                f.status,
                                                f.planAction,
                                                f.planTargetDate,
                                                f.confirmedBy,
                                                f.appliedOn));
            }
        }
        w.flush();
    }

    private <T> void table(
            Writer w,
            String jpql,
            Class<T> type,
            List<String> headings,
            Function<T, List<Object>> values)
            throws IOException {
        line(w, headings.stream().map(h -> (Object) h).toList());
        Chunks.each(em, jpql, type, t -> line(w, values.apply(t)));
    }

    private static void line(Writer w, List<?> values) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object v = values.get(i);
            if (v instanceof BigDecimal d) {
                b.append(d.toPlainString());
            } else if (v instanceof Number n) {
                b.append(n);
            } else if (v != null) {
                // issue 13 hole 8 (OWASP CSV injection): text from user data never starts a formula
                b.append(CellText.csv(v.toString()));
            }
        }
        b.append("\r\n");
        w.write(b.toString());
    }

    /**
     * R-RM-4: every record this service holds, as one JSON document of API views for the archive.
     */
    @Transactional
    public void records(OutputStream out) throws IOException {
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("service", "asset-service");
            g.writeStringField("exportedAt", clock.instant().toString());
            array(g, "hardware", "from Hardware h order by h.id", Hardware.class, HardwareView::of);
            array(
                    g,
                    "media",
                    "from Medium m order by m.id",
                    Medium.class,
                    m -> MediaService.view(m, em.find(Hardware.class, m.hardwareId)));
            array(g, "software", "from Software s order by s.id", Software.class, SoftwareView::of);
            array(
                    g,
                    "baseline",
                    "from BaselineLine b order by b.id",
                    BaselineLine.class,
                    BaselineView::of);
            array(g, "findings", "from Finding f order by f.id", Finding.class, findings::view);
            array(
                    g,
                    "advisories",
                    "from Advisory a order by a.id",
                    Advisory.class,
                    AdvisoryView::of);
            array(
                    g,
                    "eolMappings",
                    "from EolMapping e order by e.id",
                    EolMapping.class,
                    MappingView::of);
            array(
                    g,
                    "lines",
                    "from NetworkLine e order by e.id",
                    NetworkLine.class,
                    LedgerCategories::view);
            array(
                    g,
                    "externalServices",
                    "from ExternalService e order by e.id",
                    ExternalService.class,
                    LedgerCategories::view);
            array(
                    g,
                    "facilities",
                    "from Facility e order by e.id",
                    Facility.class,
                    LedgerCategories::view);
            array(g, "racks", "from Rack e order by e.id", Rack.class, RackView::of);
            g.writeFieldName("rackPositions");
            json.writeValue(g, racks.allPositions());
            array(
                    g,
                    "publicDomains",
                    "from PublicDomain e order by e.id",
                    PublicDomain.class,
                    LedgerCategories::view);
            array(
                    g,
                    "handledInformation",
                    "from HandledInformation e order by e.id",
                    HandledInformation.class,
                    LedgerCategories::view);
            array(
                    g,
                    "securityRequirements",
                    "from SecurityRequirement e order by e.id",
                    SecurityRequirement.class,
                    LedgerCategories::view);
            array(g, "kpis", "from Kpi e order by e.id", Kpi.class, KpiService::view);
            array(
                    g,
                    "kpiMeasurements",
                    "from KpiMeasurement e order by e.id",
                    KpiMeasurement.class,
                    KpiService::view);
            array(
                    g,
                    "workRecords",
                    "from WorkRecord e order by e.id",
                    WorkRecord.class,
                    LedgerCategories::view);
            array(
                    g,
                    "schedule",
                    "from ScheduleItem e order by e.id",
                    ScheduleItem.class,
                    LedgerCategories::view);
            g.writeEndObject();
        }
    }

    private <T> void array(
            JsonGenerator g, String field, String jpql, Class<T> type, Function<T, ?> view)
            throws IOException {
        g.writeArrayFieldStart(field);
        Chunks.each(em, jpql, type, t -> json.writeValue(g, view.apply(t)));
        g.writeEndArray();
    }
}
