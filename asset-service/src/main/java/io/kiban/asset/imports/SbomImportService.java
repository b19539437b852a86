package io.kiban.asset.imports;

import static io.kiban.asset.support.ImportProblems.bad;

import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.hardware.HardwareRepository;
import io.kiban.asset.software.InstalledOn;
import io.kiban.asset.software.Purls;
import io.kiban.asset.software.Software;
import io.kiban.asset.software.SoftwareClass;
import io.kiban.asset.software.SoftwareRepository;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.ImportProblems;
import io.kiban.asset.vulnerability.AdvisoryService;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * CycloneDX SBOM (JSON or XML, spec 1.2–1.7, read by {@link CycloneDxReader} on
 * cyclonedx-core-java) → the software set of one subject (host or image). Every component counts,
 * nested included. A component's identity is its purl in canonical form (packageurl-java), else
 * group/name/version; components with the same identity are merged and the report lists each merge
 * with its reason. Every bom-ref (merged ones included) and the {@code dependencies} graph are kept
 * ({@code sbom_ref}, {@code sbom_dependency}). External components (1.7 {@code isExternal}) are
 * counted, not stored. A re-import replaces the subject's set and reports what was added, removed
 * and changed. One transaction: a bad file writes nothing.
 */
@ApplicationScoped
class SbomImportService {

    public record Target(
            String subject,
            Environment environment,
            InstalledOn installedOn,
            Long hardwareId,
            String host) {}

    public record PackageChange(String identity, List<String> from, List<String> to) {}

    /** A component merged into an earlier one with the same identity, and why. */
    public record Merge(
            String path, String bomRef, String identity, String mergedInto, String reason) {}

    /**
     * {@code components}: every component the file holds (nested included, metadata.component not);
     * {@code nested}: of which below the top level; {@code distinct}: stored as software; {@code
     * duplicates}: merged into an earlier component ({@code merged}: the first 200 with the
     * reason); {@code external}: 1.7 external components (not stored); {@code readAs}/{@code
     * mapping}: how a 1.7 document was read by the library.
     */
    public record SbomReport(
            String subject,
            Environment environment,
            String specVersion,
            int components,
            int distinct,
            int added,
            int removed,
            int unchanged,
            List<PackageChange> changed,
            List<String> addedPackages,
            List<String> removedPackages,
            int findings,
            String format,
            String readAs,
            Map<String, Integer> mapping,
            int nested,
            int duplicates,
            List<Merge> merged,
            int external,
            List<String> externalComponents,
            int bomRefs,
            int dependencies,
            int danglingDependencies) {}

    private record Entry(
            String key,
            String identity,
            String name,
            String version,
            String purl,
            String cpe,
            String licenses,
            SoftwareClass softwareClass,
            String path,
            String rawPurl,
            List<String> refs) {}

    private final CycloneDxReader reader;
    private final SoftwareRepository software;
    private final HardwareRepository hardware;
    private final AdvisoryService advisories;
    private final AuditTrail audit;
    private final EntityManager em;
    private final io.kiban.asset.endoflife.EolService eol;

    public SbomImportService(
            CycloneDxReader reader,
            SoftwareRepository software,
            HardwareRepository hardware,
            AdvisoryService advisories,
            AuditTrail audit,
            EntityManager em,
            io.kiban.asset.endoflife.EolService eol) {
        this.eol = eol;
        this.reader = reader;
        this.software = software;
        this.hardware = hardware;
        this.advisories = advisories;
        this.audit = audit;
        this.em = em;
    }

    @Transactional
    public SbomReport importSbom(Target target, InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readAllBytes();
        } catch (IOException e) {
            throw ProblemException.of(
                    ProblemType.BAD_REQUEST, "the file could not be read: " + e.getMessage());
        }
        CycloneDxReader.Document doc = reader.read(bytes);
        String spec = doc.specVersion();
        String subject = target.subject();
        if ((subject == null || subject.isBlank()) && doc.subjectName() != null) {
            subject =
                    doc.subjectName()
                            + (doc.subjectVersion() != null ? "@" + doc.subjectVersion() : "");
        }
        if (subject == null || subject.isBlank()) {
            throw ProblemException.badField(
                    "subject", "is required when the SBOM has no metadata.component");
        }
        if (subject.length() > 255) {
            throw ProblemException.badField("subject", "is longer than 255 characters");
        }
        Target t = resolve(target, subject);

        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Merge> merges = new ArrayList<>();
        List<String> external = new ArrayList<>();
        Map<String, String> refToKey = new LinkedHashMap<>();
        int nested = 0;
        for (CycloneDxReader.Comp c : doc.components()) {
            if (c.depth() > 0) {
                nested++;
            }
            collect(c, entries, merges, external, refToKey);
        }

        List<Software> existing =
                software.list("sbomSubject = ?1 and environment = ?2", subject, t.environment());
        Map<String, Software> byKey = new LinkedHashMap<>();
        List<Software> duplicatesOrGone = new ArrayList<>();
        for (Software s : existing) {
            String key = key(s.purl, s.name, s.productVersion);
            if (entries.containsKey(key) && !byKey.containsKey(key)) {
                byKey.put(key, s);
            } else {
                duplicatesOrGone.add(s);
            }
        }
        Map<String, TreeSet<String>> before = new TreeMap<>();
        existing.forEach(
                s ->
                        before.computeIfAbsent(identity(s.purl, s.name), k -> new TreeSet<>())
                                .add(Objects.toString(s.productVersion, "")));
        Map<String, TreeSet<String>> after = new TreeMap<>();
        entries.values()
                .forEach(
                        e ->
                                after.computeIfAbsent(e.identity(), k -> new TreeSet<>())
                                        .add(Objects.toString(e.version(), "")));

        em.createNativeQuery("DELETE FROM sbom_ref WHERE sbom_subject = ?1 AND environment = ?2")
                .setParameter(1, subject)
                .setParameter(2, t.environment().name())
                .executeUpdate();
        em.createNativeQuery(
                        "DELETE FROM sbom_dependency WHERE sbom_subject = ?1 AND environment = ?2")
                .setParameter(1, subject)
                .setParameter(2, t.environment().name())
                .executeUpdate();
        duplicatesOrGone.forEach(software::delete);
        List<Software> created = new ArrayList<>();
        Map<String, Software> rowOf = new LinkedHashMap<>();
        int unchanged = 0;
        for (Entry e : entries.values()) {
            Software s = byKey.get(e.key());
            if (s == null) {
                s = new Software();
                s.sbomSubject = subject;
                s.environment = t.environment();
                s.installedOn = t.installedOn();
                s.hardwareId = t.hardwareId();
                s.host = t.host();
                s.name = e.name();
                s.productVersion = e.version();
                s.purl = e.purl();
                s.softwareClass = e.softwareClass();
                s.cpe = e.cpe();
                s.licenses = e.licenses();
                software.persist(s);
                created.add(s);
            } else {
                unchanged++;
                if (!Objects.equals(s.cpe, e.cpe())
                        || !Objects.equals(s.licenses, e.licenses())
                        || s.softwareClass != e.softwareClass()) {
                    s.cpe = e.cpe();
                    s.licenses = e.licenses();
                    s.softwareClass = e.softwareClass();
                }
            }
            rowOf.put(e.key(), s);
        }
        eol.applyStoredCycles(created);
        software.flush();
        int edges = storeGraph(subject, t.environment(), doc, refToKey, rowOf, entries);
        Set<String> knownRefs = new java.util.HashSet<>(refToKey.keySet());
        if (doc.subjectRef() != null) {
            knownRefs.add(doc.subjectRef());
        }
        int dangling = 0;
        for (CycloneDxReader.Dep d : doc.dependencies()) {
            if (!knownRefs.contains(d.ref())) {
                dangling++;
            }
            for (String on : d.dependsOn()) {
                if (!knownRefs.contains(on)) {
                    dangling++;
                }
            }
        }

        List<PackageChange> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        after.forEach(
                (id, versions) -> {
                    TreeSet<String> old = before.get(id);
                    if (old == null) {
                        added.add(id);
                    } else if (!old.equals(versions)) {
                        changed.add(new PackageChange(id, List.copyOf(old), List.copyOf(versions)));
                    }
                });
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(removed::add);
        int findings = advisories.matchSoftware(created);
        int bomRefs = refToKey.size();
        SbomReport report =
                new SbomReport(
                        subject,
                        t.environment(),
                        spec,
                        doc.components().size(),
                        entries.size(),
                        created.size(),
                        duplicatesOrGone.size(),
                        unchanged,
                        changed,
                        cap(added),
                        cap(removed),
                        findings,
                        doc.format(),
                        doc.readAs(),
                        doc.mapping(),
                        nested,
                        merges.size(),
                        cap(merges),
                        external.size(),
                        cap(external),
                        bomRefs,
                        edges,
                        dangling);
        audit.append(
                "import-sbom",
                "sbom",
                subject,
                new SbomReport(
                        subject,
                        t.environment(),
                        spec,
                        doc.components().size(),
                        entries.size(),
                        created.size(),
                        duplicatesOrGone.size(),
                        unchanged,
                        changed,
                        List.of(),
                        List.of(),
                        findings,
                        doc.format(),
                        doc.readAs(),
                        doc.mapping(),
                        nested,
                        merges.size(),
                        List.of(),
                        external.size(),
                        List.of(),
                        bomRefs,
                        edges,
                        dangling));
        return report;
    }

    /**
     * One edge of an imported SBOM's dependency graph, with the software rows its bom-refs resolve
     * to.
     */
    public record DependencyEdge(
            String ref, Long softwareId, String dependsOn, Long dependsOnSoftwareId) {}

    /**
     * The dependency graph of an imported SBOM subject (404 when nothing was imported under it).
     */
    @Transactional
    public List<DependencyEdge> dependencies(String subject, Environment environment) {
        if (subject == null || subject.isBlank() || environment == null) {
            throw ProblemException.badField(
                    subject == null || subject.isBlank() ? "subject" : "environment",
                    "is required");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT d.ref, r1.software_id, d.depends_on, r2.software_id "
                                        + "FROM sbom_dependency d "
                                        + "LEFT JOIN sbom_ref r1 ON r1.sbom_subject = d.sbom_subject AND r1.environment = d.environment "
                                        + "AND r1.bom_ref = d.ref "
                                        + "LEFT JOIN sbom_ref r2 ON r2.sbom_subject = d.sbom_subject AND r2.environment = d.environment "
                                        + "AND r2.bom_ref = d.depends_on "
                                        + "WHERE d.sbom_subject = ?1 AND d.environment = ?2 ORDER BY d.id")
                        .setParameter(1, subject)
                        .setParameter(2, environment.name())
                        .getResultList();
        if (rows.isEmpty()
                && software.count("sbomSubject = ?1 and environment = ?2", subject, environment)
                        == 0) {
            throw ProblemException.notFound("SBOM subject", subject + " in " + environment);
        }
        List<DependencyEdge> list = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            list.add(
                    new DependencyEdge(
                            (String) r[0],
                            r[1] == null ? null : ((Number) r[1]).longValue(),
                            (String) r[2],
                            r[3] == null ? null : ((Number) r[3]).longValue()));
        }
        return list;
    }

    /** Writes every bom-ref (→ its software row) and every dependency edge, in JDBC batches. */
    private int storeGraph(
            String subject,
            Environment env,
            CycloneDxReader.Document doc,
            Map<String, String> refToKey,
            Map<String, Software> rowOf,
            Map<String, Entry> entries) {
        int[] edges = {0};
        em.unwrap(Session.class)
                .doWork(
                        con -> {
                            try (PreparedStatement ps =
                                    con.prepareStatement(
                                            "INSERT INTO sbom_ref (sbom_subject, environment, "
                                                    + "bom_ref, software_id, component_path) VALUES (?, ?, ?, ?, ?)")) {
                                int n = 0;
                                for (Map.Entry<String, String> r : refToKey.entrySet()) {
                                    Software s = rowOf.get(r.getValue());
                                    Entry e = entries.get(r.getValue());
                                    ps.setString(1, subject);
                                    ps.setString(2, env.name());
                                    ps.setString(3, r.getKey());
                                    if (s == null) {
                                        ps.setNull(4, java.sql.Types.BIGINT);
                                    } else {
                                        ps.setLong(4, s.id);
                                    }
                                    ps.setString(5, e == null ? "" : e.path());
                                    ps.addBatch();
                                    if (++n % 500 == 0) {
                                        ps.executeBatch();
                                    }
                                }
                                ps.executeBatch();
                            }
                            try (PreparedStatement ps =
                                    con.prepareStatement(
                                            "INSERT INTO sbom_dependency (sbom_subject, environment, "
                                                    + "ref, depends_on) VALUES (?, ?, ?, ?)")) {
                                int n = 0;
                                for (CycloneDxReader.Dep d : doc.dependencies()) {
                                    List<String> targets =
                                            d.dependsOn().isEmpty()
                                                    ? java.util.Collections.singletonList(null)
                                                    : d.dependsOn();
                                    for (String on : targets) {
                                        ps.setString(1, subject);
                                        ps.setString(2, env.name());
                                        ps.setString(3, d.ref());
                                        ps.setString(4, on);
                                        ps.addBatch();
                                        if (on != null) {
                                            edges[0]++;
                                        }
                                        if (++n % 500 == 0) {
                                            ps.executeBatch();
                                        }
                                    }
                                }
                                ps.executeBatch();
                            }
                        });
        return edges[0];
    }

    private Target resolve(Target target, String subject) {
        InstalledOn on =
                target.installedOn() == null
                        ? (target.hardwareId() != null ? InstalledOn.HARDWARE : InstalledOn.CLUSTER)
                        : target.installedOn();
        Environment env = target.environment();
        if (target.hardwareId() != null) {
            Hardware h =
                    hardware.findByIdOptional(target.hardwareId())
                            .orElseThrow(
                                    () ->
                                            ProblemException.unknownReference(
                                                    "hardwareId", target.hardwareId()));
            if (env != null && env != h.environment) {
                throw ProblemException.badField(
                        "environment", "hardware " + h.id + " is in " + h.environment);
            }
            env = h.environment;
        } else if (on == InstalledOn.HARDWARE) {
            throw ProblemException.badField(
                    "hardwareId", "is required when installedOn is HARDWARE");
        }
        if (env == null) {
            throw ProblemException.badField("environment", "is required");
        }
        String host =
                target.host() == null || target.host().isBlank()
                        ? (on == InstalledOn.HARDWARE ? null : subject)
                        : target.host();
        if (host != null && host.length() > 200) {
            host = host.substring(0, 200);
        }
        return new Target(subject, env, on, target.hardwareId(), host);
    }

    private void collect(
            CycloneDxReader.Comp c,
            Map<String, Entry> entries,
            List<Merge> merges,
            List<String> external,
            Map<String, String> refToKey) {
        String p = c.path();
        String name = c.name();
        if (name == null || name.isBlank()) {
            throw bad(p + ".name", "is required");
        }
        check(p, "name", name, 200);
        check(p, "group", c.group(), 200);
        check(p, "version", c.version(), ImportProblems.MAX_VERSION);
        check(p, "purl", c.purl(), 512);
        check(p, "cpe", c.cpe(), 512);
        check(p, "bom-ref", c.bomRef(), 1024);
        String purl = null;
        if (c.purl() != null && !c.purl().isBlank()) {
            purl =
                    Purls.canonical(c.purl())
                            .orElseThrow(
                                    () ->
                                            bad(
                                                    p + ".purl",
                                                    "is not a valid package URL (pkg:type/"
                                                            + "namespace/name@version): "
                                                            + c.purl()));
            if (purl.length() > 512) {
                throw bad(p + ".purl", "is longer than 512 characters in canonical form");
            }
        }
        String display = c.group() == null || c.group().isBlank() ? name : c.group() + ":" + name;
        if (display.length() > 200) {
            display = display.substring(0, 200);
        }
        if (c.external()) {
            external.add(
                    p
                            + " "
                            + (purl != null
                                    ? purl
                                    : display + "@" + Objects.toString(c.version(), "")));
            return;
        }
        String version = c.version() == null || c.version().isBlank() ? null : c.version();
        String key = key(purl, display, version);
        Entry first = entries.get(key);
        if (first == null) {
            List<String> refs = new ArrayList<>();
            entries.put(
                    key,
                    new Entry(
                            key,
                            identity(purl, display),
                            display,
                            version,
                            purl,
                            c.cpe(),
                            c.licenses(),
                            classOf(c.type()),
                            p,
                            c.purl(),
                            refs));
            first = entries.get(key);
        } else {
            String reason =
                    purl == null
                            ? "no purl; same group, name and version as " + first.path()
                            : Objects.equals(c.purl(), first.rawPurl())
                                    ? "same purl as " + first.path()
                                    : "same purl in canonical form as "
                                            + first.path()
                                            + " (written here "
                                            + c.purl()
                                            + ", there "
                                            + first.rawPurl()
                                            + ")";
            merges.add(
                    new Merge(
                            p,
                            c.bomRef(),
                            purl != null ? purl : display + "@" + Objects.toString(version, ""),
                            first.path(),
                            reason));
        }
        if (c.bomRef() != null && !c.bomRef().isBlank()) {
            refToKey.putIfAbsent(c.bomRef(), key);
        }
    }

    private static void check(String path, String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw bad(path + "." + field, "is longer than " + max + " characters");
        }
    }

    static String key(String purl, String name, String version) {
        return purl != null ? "purl:" + purl : "nv:" + name + "@" + Objects.toString(version, "");
    }

    /** The package without its version: purl type/namespace/name, or the component's name. */
    static String identity(String purl, String name) {
        if (purl == null) {
            return name;
        }
        var id = Purls.packageId(purl);
        if (id.isPresent()) {
            return id.get();
        }
        String p = purl;
        int cut = p.length();
        for (char ch : new char[] {'@', '?', '#'}) {
            int i = p.indexOf(ch);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return p.substring(0, cut);
    }

    private static SoftwareClass classOf(String type) {
        return switch (type) {
            case "library", "framework" -> SoftwareClass.LIBRARY;
            case "application" -> SoftwareClass.APPLICATION;
            case "operating-system" -> SoftwareClass.OS;
            case "container" -> SoftwareClass.CONTAINER;
            case "firmware", "device-driver" -> SoftwareClass.FIRMWARE;
            default -> SoftwareClass.OTHER;
        };
    }

    private static <T> List<T> cap(List<T> list) {
        return list.size() <= 200 ? list : list.subList(0, 200);
    }
}
