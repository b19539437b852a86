package io.kiban.asset.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.asset.baseline.BaselineLine;
import io.kiban.asset.endoflife.EolMapping;
import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.hardware.HardwareDtos.HardwareView;
import io.kiban.asset.media.Medium;
import io.kiban.asset.software.Software;
import io.kiban.asset.software.SoftwareDtos.SoftwareView;
import io.kiban.asset.vulnerability.Finding;
import io.kiban.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** CSV per category (UTF-8 with BOM, for Excel) and the records archive for the handover (R-RM-4). */
@ApplicationScoped
public class ExportService {

    public static final List<String> CSV_CATEGORIES = List.of("hardware", "media", "software", "baseline", "findings");

    private static final int CHUNK = 500;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public ExportService(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    public static void requireCategory(String category) {
        if (!CSV_CATEGORIES.contains(category)) {
            throw ProblemException.notFound("export category", category + " (known: " + String.join(", ", CSV_CATEGORIES) + ")");
        }
    }

    @Transactional
    public void csv(String category, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        switch (category) {
            case "hardware" -> table(w, "from Hardware h order by h.id", Hardware.class,
                    List.of("id", "製品名", "型番", "ハードウェア区分", "契約形態", "保守期限", "製造番号", "環境", "ラック", "搭載位置",
                            "状態", "納入日", "調達基準品目"),
                    h -> Arrays.asList(h.id, h.name, h.modelNumber, h.hardwareClass, h.contractForm, h.maintenanceDeadline,
                            h.serialNumber, h.environment, h.rack, h.rackPosition, h.status, h.deliveredOn,
                            h.baselineItem));
            case "media" -> table(w, "from Medium m order by m.id", Medium.class,
                    List.of("id", "ハードウェアID", "種別", "製造番号", "メーカー", "型式", "取付日", "取外し日", "参照"),
                    m -> Arrays.asList(m.id, m.hardwareId, m.kind, m.serialNumber, m.make, m.model, m.installedOn, m.removedOn,
                            m.removalReference));
            case "software" -> table(w, "from Software s order by s.id", Software.class,
                    List.of("id", "製品名", "エディション", "バージョン", "ソフトウェア区分", "契約形態", "ライセンス形態", "サポート期限",
                            "導入先", "ハードウェアID", "ホスト", "環境", "purl"),
                    s -> Arrays.asList(s.id, s.name, s.edition, s.productVersion, s.softwareClass, s.contractForm,
                            s.licenseForm, s.supportDeadline, s.installedOn, s.hardwareId, s.host, s.environment,
                            s.purl));
            case "baseline" -> table(w, "from BaselineLine b order by b.id", BaselineLine.class,
                    List.of("品目コード", "区分", "品目", "品目（日本語）", "環境", "必要数"),
                    b -> Arrays.asList(b.itemCode, b.hardwareClass, b.name, b.nameJa, b.environment, b.requiredQuantity));
            case "findings" -> table(w, "from Finding f order by f.id", Finding.class,
                    List.of("id", "脆弱性ID", "別名", "深刻度", "ソフトウェア", "バージョン", "環境", "導入先", "状態", "対策計画", "対策期限",
                            "確認者", "適用日"),
                    f -> Arrays.asList(f.id, f.osvId, f.aliases, f.severity, f.softwareName, f.softwareVersion,
                            f.environment, f.installedWhere, f.status, f.planAction, f.planTargetDate, f.confirmedBy,
                            f.appliedOn));
            default -> requireCategory(category);
        }
        w.flush();
    }

    private <T> void table(Writer w, String jpql, Class<T> type, List<String> headings,
            Function<T, List<Object>> values) throws IOException {
        line(w, headings.stream().map(h -> (Object) h).toList());
        for (int first = 0;; first += CHUNK) {
            List<T> list = em.createQuery(jpql, type).setFirstResult(first).setMaxResults(CHUNK).getResultList();
            for (T t : list) {
                line(w, values.apply(t));
            }
            em.clear();
            if (list.size() < CHUNK) {
                return;
            }
        }
    }

    private static void line(Writer w, List<?> values) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object v = values.get(i);
            if (v != null) {
                String s = v.toString();
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    s = '"' + s.replace("\"", "\"\"") + '"';
                }
                b.append(s);
            }
        }
        b.append("\r\n");
        w.write(b.toString());
    }

    /** R-RM-4: every record this service holds, as one JSON document for the archive. */
    @Transactional
    public void records(OutputStream out) throws IOException {
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("service", "asset-service");
            g.writeStringField("exportedAt", clock.instant().toString());
            array(g, "hardware", "from Hardware h order by h.id", Hardware.class, HardwareView::of);
            array(g, "media", "from Medium m order by m.id", Medium.class, m -> m);
            array(g, "software", "from Software s order by s.id", Software.class, SoftwareView::of);
            array(g, "baseline", "from BaselineLine b order by b.id", BaselineLine.class, b -> b);
            array(g, "findings", "from Finding f order by f.id", Finding.class, f -> f);
            array(g, "eolMappings", "from EolMapping e order by e.id", EolMapping.class, e -> e);
            g.writeArrayFieldStart("advisories");
            for (Object[] a : em.createQuery("select a.osvId, a.aliases, a.summary, a.severity, a.source, a.importedAt "
                    + "from Advisory a order by a.id", Object[].class).getResultList()) {
                json.writeValue(g, Map.of("id", a[0], "aliases", String.valueOf(a[1]), "summary", String.valueOf(a[2]),
                        "severity", String.valueOf(a[3]), "source", String.valueOf(a[4]), "importedAt",
                        String.valueOf(a[5])));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private <T> void array(JsonGenerator g, String field, String jpql, Class<T> type, Function<T, Object> view)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (int first = 0;; first += CHUNK) {
            List<T> list = em.createQuery(jpql, type).setFirstResult(first).setMaxResults(CHUNK).getResultList();
            for (T t : list) {
                json.writeValue(g, view.apply(t));
            }
            em.clear();
            if (list.size() < CHUNK) {
                break;
            }
        }
        g.writeEndArray();
    }
}
