package io.kiban.asset.imports;

import static io.kiban.asset.imports.ImportProblems.bad;
import static io.kiban.asset.imports.ImportProblems.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.hardware.HardwareRepository;
import io.kiban.asset.software.InstalledOn;
import io.kiban.asset.software.Software;
import io.kiban.asset.software.SoftwareClass;
import io.kiban.asset.software.SoftwareRepository;
import io.kiban.asset.support.Environment;
import io.kiban.asset.vulnerability.AdvisoryService;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * CycloneDX 1.4–1.6 JSON SBOM → the software set of one subject (host or image). Nested components
 * are included; a component without purl is kept by name and version; duplicates collapse. A
 * re-import replaces the subject's set and reports what was added, removed and changed. One
 * transaction: a bad file writes nothing.
 */
@ApplicationScoped
public class SbomImportService {

    static final Set<String> SPEC_VERSIONS = Set.of("1.4", "1.5", "1.6");

    public record Target(String subject, Environment environment, InstalledOn installedOn, Long hardwareId,
            String host) {
    }

    public record PackageChange(String identity, List<String> from, List<String> to) {
    }

    public record SbomReport(String subject, Environment environment, String specVersion, int components,
            int distinct, int added, int removed, int unchanged, List<PackageChange> changed,
            List<String> addedPackages, List<String> removedPackages, int findings) {
    }

    private record Entry(String key, String identity, String name, String version, String purl, String cpe,
            String licenses, SoftwareClass softwareClass) {
    }

    private final ObjectMapper json;
    private final SoftwareRepository software;
    private final HardwareRepository hardware;
    private final AdvisoryService advisories;
    private final AuditTrail audit;

    public SbomImportService(ObjectMapper json, SoftwareRepository software, HardwareRepository hardware,
            AdvisoryService advisories, AuditTrail audit) {
        this.json = json;
        this.software = software;
        this.hardware = hardware;
        this.advisories = advisories;
        this.audit = audit;
    }

    @Transactional
    public SbomReport importSbom(Target target, InputStream body) {
        JsonNode root = ImportProblems.read(json, body);
        if (!root.isObject()) {
            throw bad("$", "a CycloneDX document is a JSON object");
        }
        if (!"CycloneDX".equals(root.path("bomFormat").asText(null))) {
            throw bad("$.bomFormat", "must be \"CycloneDX\"");
        }
        String spec = root.path("specVersion").asText(null);
        if (!SPEC_VERSIONS.contains(spec)) {
            throw bad("$.specVersion", "must be 1.4, 1.5 or 1.6, got " + spec);
        }
        String subject = target.subject();
        if (subject == null || subject.isBlank()) {
            JsonNode meta = root.path("metadata").path("component");
            if (meta.hasNonNull("name")) {
                subject = meta.get("name").asText() + (meta.hasNonNull("version") ? "@" + meta.get("version").asText() : "");
            }
        }
        if (subject == null || subject.isBlank()) {
            throw ProblemException.badField("subject", "is required when the SBOM has no metadata.component");
        }
        if (subject.length() > 255) {
            throw ProblemException.badField("subject", "is longer than 255 characters");
        }
        Target t = resolve(target, subject);

        Map<String, Entry> entries = new LinkedHashMap<>();
        int[] seen = { 0 };
        JsonNode components = root.get("components");
        if (components != null && !components.isNull()) {
            collect(components, "$.components", entries, seen);
        }

        List<Software> existing = software.list("sbomSubject = ?1 and environment = ?2", subject, t.environment());
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
        existing.forEach(s -> before.computeIfAbsent(identity(s.purl, s.name), k -> new TreeSet<>())
                .add(Objects.toString(s.productVersion, "")));
        Map<String, TreeSet<String>> after = new TreeMap<>();
        entries.values().forEach(e -> after.computeIfAbsent(e.identity(), k -> new TreeSet<>())
                .add(Objects.toString(e.version(), "")));

        duplicatesOrGone.forEach(software::delete);
        List<Software> created = new ArrayList<>();
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
                if (!Objects.equals(s.cpe, e.cpe()) || !Objects.equals(s.licenses, e.licenses())
                        || s.softwareClass != e.softwareClass()) {
                    s.cpe = e.cpe();
                    s.licenses = e.licenses();
                    s.softwareClass = e.softwareClass();
                }
            }
        }
        software.flush();

        List<PackageChange> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        after.forEach((id, versions) -> {
            TreeSet<String> old = before.get(id);
            if (old == null) {
                added.add(id);
            } else if (!old.equals(versions)) {
                changed.add(new PackageChange(id, List.copyOf(old), List.copyOf(versions)));
            }
        });
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(removed::add);
        int findings = advisories.matchSoftware(created);
        SbomReport report = new SbomReport(subject, t.environment(), spec, seen[0], entries.size(), created.size(),
                duplicatesOrGone.size(), unchanged, changed, cap(added), cap(removed), findings);
        audit.append("import-sbom", "sbom", subject, new SbomReport(subject, t.environment(), spec, seen[0],
                entries.size(), created.size(), duplicatesOrGone.size(), unchanged, changed, List.of(), List.of(),
                findings));
        return report;
    }

    private Target resolve(Target target, String subject) {
        InstalledOn on = target.installedOn() == null
                ? (target.hardwareId() != null ? InstalledOn.HARDWARE : InstalledOn.CLUSTER) : target.installedOn();
        Environment env = target.environment();
        if (target.hardwareId() != null) {
            Hardware h = hardware.findByIdOptional(target.hardwareId())
                    .orElseThrow(() -> ProblemException.unknownReference("hardwareId", target.hardwareId()));
            if (env != null && env != h.environment) {
                throw ProblemException.badField("environment", "hardware " + h.id + " is in " + h.environment);
            }
            env = h.environment;
        } else if (on == InstalledOn.HARDWARE) {
            throw ProblemException.badField("hardwareId", "is required when installedOn is HARDWARE");
        }
        if (env == null) {
            throw ProblemException.badField("environment", "is required");
        }
        String host = target.host() == null || target.host().isBlank() ? (on == InstalledOn.HARDWARE ? null : subject)
                : target.host();
        if (host != null && host.length() > 200) {
            host = host.substring(0, 200);
        }
        return new Target(subject, env, on, target.hardwareId(), host);
    }

    private void collect(JsonNode components, String path, Map<String, Entry> entries, int[] seen) {
        if (!components.isArray()) {
            throw bad(path, "must be an array");
        }
        for (int i = 0; i < components.size(); i++) {
            JsonNode c = components.get(i);
            String p = path + "[" + i + "]";
            if (!c.isObject()) {
                throw bad(p, "must be an object");
            }
            seen[0]++;
            String name = text(c, "name", p, true, 200);
            String group = text(c, "group", p, false, 200);
            String version = text(c, "version", p, false, ImportProblems.MAX_VERSION);
            String purl = text(c, "purl", p, false, 512);
            if (purl != null && !purl.startsWith("pkg:")) {
                throw bad(p + ".purl", "is not a package URL (pkg:…)");
            }
            String cpe = text(c, "cpe", p, false, 512);
            String type = c.path("type").asText("library");
            String display = group == null ? name : group + ":" + name;
            if (display.length() > 200) {
                display = display.substring(0, 200);
            }
            String key = key(purl, display, version);
            entries.putIfAbsent(key, new Entry(key, identity(purl, display), display, version, purl, cpe,
                    licenses(c.get("licenses")), classOf(type)));
            JsonNode nested = c.get("components");
            if (nested != null && !nested.isNull()) {
                collect(nested, p + ".components", entries, seen);
            }
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
        String p = purl;
        int cut = p.length();
        for (char ch : new char[] { '@', '?', '#' }) {
            int i = p.indexOf(ch);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return p.substring(0, cut);
    }

    private static String licenses(JsonNode licenses) {
        if (licenses == null || !licenses.isArray() || licenses.isEmpty()) {
            return null;
        }
        StringJoiner j = new StringJoiner(", ");
        for (JsonNode l : licenses) {
            JsonNode lic = l.path("license");
            String v = lic.hasNonNull("id") ? lic.get("id").asText()
                    : lic.hasNonNull("name") ? lic.get("name").asText()
                            : l.hasNonNull("expression") ? l.get("expression").asText() : null;
            if (v != null) {
                j.add(v);
            }
        }
        String s = j.toString();
        return s.isEmpty() ? null : s.length() > 512 ? s.substring(0, 512) : s;
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

    private static List<String> cap(List<String> list) {
        return list.size() <= 200 ? list : list.subList(0, 200);
    }
}
