package io.kiban.asset.endoflife;

import static io.kiban.asset.support.ImportProblems.bad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.asset.software.Software;
import io.kiban.asset.software.SoftwareRepository;
import io.kiban.asset.support.ImportProblems;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.time.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * endoflife.date release data (API v0 shape) imported offline: fills support deadlines (サポート期限) of
 * the software a product mapping selects. {@code eol} is the deadline (end of security fixes),
 * {@code support} (end of active support) is kept beside it; either may be a date or a boolean
 * (true = ended, false = not announced).
 */
@ApplicationScoped
public class EolService implements io.kiban.asset.software.SupportDeadlines {

    @Schema(
            example =
                    "{\"product\": \"quarkus-framework\", \"matchKind\": \"PURL_PREFIX\", \"pattern\": \"pkg:maven/io.quarkus/quarkus-core\", \"cycleFormat\": \"MAJOR_MINOR\"}")
    public record MappingInput(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*") String product,
            @NotNull EolMapping.MatchKind matchKind,
            @NotBlank @Size(max = 512) String pattern,
            @NotNull EolMapping.CycleFormat cycleFormat) {}

    public record MappingView(
            Long id,
            String product,
            EolMapping.MatchKind matchKind,
            String pattern,
            EolMapping.CycleFormat cycleFormat,
            long version) {
        public static MappingView of(EolMapping m) {
            return new MappingView(
                    m.id, m.product, m.matchKind, m.pattern, m.cycleFormat, m.version);
        }
    }

    public record EolReport(
            String product,
            int cycles,
            int mappings,
            int softwareMatched,
            int updated,
            List<String> versionsWithoutCycle,
            String source,
            LocalDate asOf) {}

    private final ObjectMapper json;
    private final MappingRepository mappings;
    private final CycleRepository cycles;
    private final SoftwareRepository software;
    private final AuditTrail audit;
    private final Clock clock;

    public EolService(
            ObjectMapper json,
            MappingRepository mappings,
            CycleRepository cycles,
            SoftwareRepository software,
            AuditTrail audit,
            Clock clock) {
        this.json = json;
        this.mappings = mappings;
        this.cycles = cycles;
        this.software = software;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<MappingView> mappings() {
        return mappings.list("order by product, id").stream().map(MappingView::of).toList();
    }

    @Transactional
    public MappingView createMapping(MappingInput input) {
        EolMapping m = new EolMapping();
        apply(m, input);
        mappings.persist(m);
        mappings.flush();
        MappingView view = MappingView.of(m);
        audit.append("create", "eol-mapping", m.id, view);
        return view;
    }

    @Transactional
    public MappingView updateMapping(long id, String ifMatch, MappingInput input) {
        EolMapping m =
                mappings.findByIdOptional(id)
                        .orElseThrow(() -> ProblemException.notFound("mapping", id));
        ETags.check(ifMatch, m.version);
        apply(m, input);
        mappings.flush();
        MappingView view = MappingView.of(m);
        audit.append("update", "eol-mapping", m.id, view);
        return view;
    }

    @Transactional
    public void deleteMapping(long id, String ifMatch) {
        EolMapping m =
                mappings.findByIdOptional(id)
                        .orElseThrow(() -> ProblemException.notFound("mapping", id));
        ETags.check(ifMatch, m.version);
        mappings.delete(m);
        audit.append("delete", "eol-mapping", id, null);
    }

    @Transactional
    public EolReport importReleases(
            String product, String source, LocalDate asOf, InputStream body) {
        if (product == null || !product.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw ProblemException.badField(
                    "product", "is the endoflife.date product name, e.g. mariadb");
        }
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE));
        LocalDate as = asOf == null ? today : asOf;
        String src =
                source == null || source.isBlank() ? "endoflife.date/" + product + ".json" : source;
        if (src.length() > 255) {
            src = src.substring(0, 255);
        }
        JsonNode root = ImportProblems.read(json, body);
        if (!root.isArray()) {
            throw bad("$", "must be the endoflife.date release array");
        }
        Map<String, EolCycle> parsed = new HashMap<>();
        for (int i = 0; i < root.size(); i++) {
            String p = "$[" + i + "]";
            JsonNode r = root.get(i);
            if (!r.isObject()) {
                throw bad(p, "must be an object");
            }
            String cycle = ImportProblems.text(r, "cycle", p, true, 100);
            EolCycle c = new EolCycle();
            c.product = product;
            c.cycle = cycle;
            c.source = src;
            c.asOf = as;
            JsonNode eol = r.get("eol");
            if (eol == null || eol.isNull()) {
                throw bad(p + ".eol", "is required (a date or a boolean)");
            }
            if (eol.isBoolean()) {
                c.eolEnded = eol.asBoolean();
            } else {
                c.eolDate = ImportProblems.date(eol, p + ".eol");
            }
            JsonNode support = r.get("support");
            if (support != null && !support.isNull()) {
                if (support.isBoolean()) {
                    // API v0: support:false = active support has ended, true = still supported
                    c.supportEnded = !support.asBoolean();
                } else {
                    c.supportDate = ImportProblems.date(support, p + ".support");
                }
            }
            JsonNode release = r.get("releaseDate");
            if (release != null && !release.isNull() && !release.isBoolean()) {
                c.releaseDate = ImportProblems.date(release, p + ".releaseDate");
            }
            c.latest = ImportProblems.text(r, "latest", p, false, 100);
            parsed.put(cycle, c);
        }
        cycles.delete("product", product);
        parsed.values().forEach(cycles::persist);

        List<EolMapping> maps = mappings.list("product", product);
        Set<Long> matchedIds = new java.util.HashSet<>();
        Set<Long> updatedIds = new java.util.HashSet<>();
        Set<String> unmatched = new LinkedHashSet<>();
        for (EolMapping m : maps) {
            for (Software s : candidates(m)) {
                matchedIds.add(s.id);
                String cycle = cycleOf(s.productVersion, m.cycleFormat);
                EolCycle c = cycle == null ? null : parsed.get(cycle);
                if (c == null) {
                    unmatched.add(s.name + " " + s.productVersion);
                    continue;
                }
                apply(s, c);
                updatedIds.add(s.id);
            }
        }
        int matched = matchedIds.size();
        int updated = updatedIds.size();
        software.flush();
        EolReport report =
                new EolReport(
                        product,
                        parsed.size(),
                        maps.size(),
                        matched,
                        updated,
                        new ArrayList<>(unmatched),
                        src,
                        as);
        audit.append("import-endoflife", "eol-product", product, report);
        return report;
    }

    /**
     * Issue 18 item 4: the stored cycles apply whenever software is created, changed or imported,
     * not only when a release file is imported: each mapping that selects {@code list}'s software
     * gives its cycle; a stored cycle sets the deadline — unless the deadline was entered by hand
     * and differs, which is kept and flagged ({@code supportConflict} names the imported value).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public void applyStoredCycles(java.util.Collection<Software> list) {
        if (list.isEmpty()) {
            return;
        }
        StoredCycles stored = storedCycles();
        list.forEach(stored::applyTo);
    }

    /**
     * The mappings read once, and each (product, cycle) looked up once: {@link #applyStoredCycles}
     * for many pieces of software one at a time (a bulk import, issue 18), without a query per row.
     * Valid within one transaction.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredCycles storedCycles() {
        return new StoredCycles(mappings.listAll());
    }

    /** See {@link #storedCycles()}. */
    public final class StoredCycles implements io.kiban.asset.software.SupportDeadlines.Batch {
        private final List<EolMapping> maps;
        private final Map<String, java.util.Optional<EolCycle>> found = new HashMap<>();

        private StoredCycles(List<EolMapping> maps) {
            this.maps = maps;
        }

        /**
         * Sets {@code s}'s deadline from the first mapping that selects it and has a stored cycle,
         * as documented.
         */
        @Override
        public void applyTo(Software s) {
            for (EolMapping m : maps) {
                if (!selects(m, s)) {
                    continue;
                }
                String cycle = cycleOf(s.productVersion, m.cycleFormat);
                EolCycle c =
                        cycle == null
                                ? null
                                : found.computeIfAbsent(
                                                m.product + "\u0000" + cycle,
                                                k ->
                                                        java.util.Optional.ofNullable(
                                                                cycles.find(
                                                                                "product = ?1 and cycle = ?2",
                                                                                m.product,
                                                                                cycle)
                                                                        .firstResult()))
                                        .orElse(null);
                if (c != null) {
                    apply(s, c);
                    break;
                }
            }
        }
    }

    private static boolean selects(EolMapping m, Software s) {
        return switch (m.matchKind) {
            case PURL_PREFIX -> s.purl != null && s.purl.startsWith(m.pattern);
            case CPE_PREFIX -> s.cpe != null && s.cpe.startsWith(m.pattern);
            case NAME -> s.name != null && s.name.equalsIgnoreCase(m.pattern);
        };
    }

    /**
     * Sets the deadline from a cycle, or flags a hand-entered deadline that contradicts it (kept as
     * entered).
     */
    private static void apply(Software s, EolCycle c) {
        String src = c.source + " (cycle " + c.cycle + ")";
        if (src.length() > 255) {
            src = src.substring(0, 255);
        }
        if ("manual".equals(s.supportSource) && (s.supportDeadline != null || s.supportEnded)) {
            boolean same =
                    c.eolEnded
                            ? s.supportEnded
                            : java.util.Objects.equals(s.supportDeadline, c.eolDate);
            String conflict =
                    same
                            ? null
                            : "hand-entered deadline "
                                    + (s.supportEnded ? "ended" : s.supportDeadline)
                                    + " contradicts "
                                    + src
                                    + ": "
                                    + (c.eolEnded
                                            ? "ended"
                                            : c.eolDate == null
                                                    ? "not announced"
                                                    : c.eolDate.toString());
            s.supportConflict =
                    conflict == null || conflict.length() <= 500
                            ? conflict
                            : conflict.substring(0, 500);
            return;
        }
        s.supportDeadline = c.eolDate;
        s.supportEnded = c.eolEnded;
        s.activeSupportUntil = c.supportDate;
        s.supportSource = src;
        s.supportAsOf = c.asOf;
        s.supportConflict = null;
    }

    private List<Software> candidates(EolMapping m) {
        String like = m.pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return switch (m.matchKind) {
            case PURL_PREFIX -> software.list("purl like ?1", like);
            case CPE_PREFIX -> software.list("cpe like ?1", like);
            case NAME -> software.list("lower(name) = ?1", m.pattern.toLowerCase());
        };
    }

    static String cycleOf(String version, EolMapping.CycleFormat format) {
        if (version == null) {
            return null;
        }
        String v = version.trim();
        if (v.startsWith("v") || v.startsWith("V")) {
            v = v.substring(1);
        }
        String[] parts = v.split("[.\\-+_ ]");
        if (parts.length == 0 || !parts[0].matches("\\d+")) {
            return null;
        }
        if (format == EolMapping.CycleFormat.MAJOR) {
            return parts[0];
        }
        return parts.length > 1 && parts[1].matches("\\d+") ? parts[0] + "." + parts[1] : null;
    }

    private static void apply(EolMapping m, MappingInput input) {
        m.product = input.product();
        m.matchKind = input.matchKind();
        m.pattern = input.pattern();
        m.cycleFormat = input.cycleFormat();
    }
}
