package io.kiban.asset.imports;

import static io.kiban.asset.support.ImportProblems.bad;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kiban.asset.support.ImportProblems;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;

/**
 * Reads a CycloneDX document, JSON or XML (told apart by its first character), spec 1.2–1.7, with
 * {@code org.cyclonedx:cyclonedx-core-java} (issue 18).
 *
 * <p>Before the library sees the document, a pre-pass of our own checks it is well-formed and sane
 * — and names the first bad place (JSON path, or XML element path with line and column) in a 400:
 * truncated files, nesting deeper than {@value #MAX_COMPONENT_DEPTH} components (or {@value
 * #MAX_XML_DEPTH} XML elements / Jackson's nesting limit), numbers longer than Jackson's limit, a
 * BOM {@code version} that is not a positive 32-bit integer, bytes that are not in the declared
 * encoding, and any XML DOCTYPE (so no entity expansion and no external entity is ever resolved).
 * The pre-pass also counts every component the file holds (nested included, {@code
 * metadata.component} not) and the library's result must hold exactly as many — a component the
 * library silently skipped is a 400, never a short import.
 *
 * <p><b>CycloneDX 1.7.</b> cyclonedx-core-java 12.1.0 knows the specification up to 1.6. A 1.7
 * document is read as 1.6 after this mapping (see the README): {@code specVersion} (JSON) or the
 * namespace {@code http://cyclonedx.org/schema/bom/1.7} (XML) is rewritten to 1.6; the JSON fields
 * that 1.7 added and the 1.6 model cannot hold are dropped and listed in the report — top-level
 * {@code citations}, {@code metadata.distributionConstraints}, {@code definitions.patents}, and on
 * components {@code patentAssertions} and {@code versionRange}; component {@code isExternal} is
 * read by the pre-pass before it is dropped: an external component (1.7: "not included in the
 * distribution") is counted and listed but never stored as installed software. In XML the library
 * ignores elements it does not know, and the pre-pass reads the {@code isExternal}
 * attribute/element.
 */
@ApplicationScoped
class CycloneDxReader {

    public static final List<String> SPEC_VERSIONS =
            List.of("1.2", "1.3", "1.4", "1.5", "1.6", "1.7");
    static final int MAX_COMPONENT_DEPTH = 64;
    static final int MAX_XML_DEPTH = 256;
    private static final String NS = "http://cyclonedx.org/schema/bom/";

    /** One component in document order (depth first), with the place it was found. */
    public record Comp(
            String path,
            int depth,
            String bomRef,
            String type,
            String group,
            String name,
            String version,
            String purl,
            String cpe,
            String licenses,
            boolean external) {}

    public record Dep(String ref, List<String> dependsOn) {}

    /**
     * {@code specVersion}: the document's; {@code readAs}: the version the library read it as;
     * {@code mapping}: what the 1.7 mapping dropped (field → count), empty below 1.7.
     */
    public record Document(
            String format,
            String specVersion,
            String readAs,
            Map<String, Integer> mapping,
            String subjectName,
            String subjectVersion,
            String subjectRef,
            List<Comp> components,
            List<Dep> dependencies) {}

    private record Pre(String path, int depth, boolean external) {}

    private final ObjectMapper json;

    public CycloneDxReader(ObjectMapper json) {
        this.json = json;
    }

    public Document read(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        if (i >= bytes.length) {
            throw ProblemException.of(ProblemType.BAD_REQUEST, "the file is empty");
        }
        return switch (bytes[i]) {
            case '{' -> readJson(bytes);
            case '<' -> readXml(bytes);
            default ->
                    throw bad("$", "a CycloneDX document is a JSON object or an XML <bom> element");
        };
    }

    // ------------------------------------------------------------------------------------------
    // JSON

    private Document readJson(byte[] bytes) {
        JsonNode root = ImportProblems.read(json, new ByteArrayInputStream(bytes));
        if (!root.isObject()) {
            throw bad("$", "a CycloneDX document is a JSON object");
        }
        if (!"CycloneDX".equals(root.path("bomFormat").asText(null))) {
            throw bad("$.bomFormat", "must be \"CycloneDX\"");
        }
        String spec = root.path("specVersion").asText(null);
        if (!SPEC_VERSIONS.contains(spec)) {
            throw bad("$.specVersion", "must be one of " + SPEC_VERSIONS + ", got " + spec);
        }
        JsonNode version = root.get("version");
        if (version != null
                && !(version.isIntegralNumber()
                        && version.canConvertToInt()
                        && version.intValue() >= 1)) {
            throw bad(
                    "$.version",
                    "must be a positive integer of at most "
                            + Integer.MAX_VALUE
                            + ", got "
                            + cut(version.toString()));
        }
        List<Pre> pre = new ArrayList<>();
        JsonNode components = root.get("components");
        if (components != null && !components.isNull()) {
            walkJson(components, "$.components", 0, pre);
        }
        JsonNode deps = root.get("dependencies");
        if (deps != null && !deps.isNull() && !deps.isArray()) {
            throw bad("$.dependencies", "must be an array");
        }
        Map<String, Integer> mapping = new LinkedHashMap<>();
        String readAs = spec;
        if (spec.equals("1.7")) {
            ObjectNode o = (ObjectNode) root;
            drop(o, "citations", "citations", mapping);
            if (o.get("metadata") instanceof ObjectNode m) {
                drop(m, "distributionConstraints", "metadata.distributionConstraints", mapping);
                if (m.get("component") instanceof ObjectNode c) {
                    dropComponentFields(c, mapping);
                }
            }
            if (o.get("definitions") instanceof ObjectNode d) {
                drop(d, "patents", "definitions.patents", mapping);
            }
            if (components != null && components.isArray()) {
                dropComponentFields(components, mapping);
            }
            o.put("specVersion", "1.6");
            readAs = "1.6";
        }
        Bom bom;
        try {
            bom = new JsonParser().parse(json.writeValueAsBytes(root));
        } catch (ParseException | JsonProcessingException e) {
            throw libraryProblem(e);
        }
        return document("JSON", spec, readAs, mapping, bom, pre);
    }

    private static void walkJson(JsonNode components, String path, int depth, List<Pre> pre) {
        if (!components.isArray()) {
            throw bad(path, "must be an array");
        }
        if (depth >= MAX_COMPONENT_DEPTH) {
            throw bad(path, "components are nested deeper than " + MAX_COMPONENT_DEPTH + " levels");
        }
        for (int i = 0; i < components.size(); i++) {
            JsonNode c = components.get(i);
            String p = path + "[" + i + "]";
            if (!c.isObject()) {
                throw bad(p, "must be an object");
            }
            JsonNode ext = c.get("isExternal");
            if (ext != null && !ext.isBoolean()) {
                throw bad(p + ".isExternal", "must be a boolean");
            }
            pre.add(new Pre(p, depth, ext != null && ext.booleanValue()));
            JsonNode nested = c.get("components");
            if (nested != null && !nested.isNull()) {
                walkJson(nested, p + ".components", depth + 1, pre);
            }
        }
    }

    private static void dropComponentFields(JsonNode node, Map<String, Integer> mapping) {
        if (node.isArray()) {
            node.forEach(c -> dropComponentFields(c, mapping));
            return;
        }
        if (node instanceof ObjectNode c) {
            drop(c, "isExternal", "components[].isExternal", mapping);
            drop(c, "versionRange", "components[].versionRange", mapping);
            drop(c, "patentAssertions", "components[].patentAssertions", mapping);
            if (c.get("components") != null) {
                dropComponentFields(c.get("components"), mapping);
            }
        }
    }

    private static void drop(
            ObjectNode o, String field, String name, Map<String, Integer> mapping) {
        if (o.remove(field) != null) {
            mapping.merge(name, 1, Integer::sum);
        }
    }

    // ------------------------------------------------------------------------------------------
    // XML

    private Document readXml(byte[] bytes) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Pre> pre = new ArrayList<>();
        String spec = null;
        Deque<String> stack = new ArrayDeque<>();
        Deque<Map<String, Integer>> siblings = new ArrayDeque<>();
        Deque<String> paths = new ArrayDeque<>();
        int componentDepth = -1;
        Deque<Integer> componentDepths = new ArrayDeque<>();
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw xmlBad(
                            r,
                            "/",
                            "a DOCTYPE is not accepted in a CycloneDX document (no DTD, no entity "
                                    + "declarations: entity expansion and external entities are refused)");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw xmlBad(
                            r,
                            paths.isEmpty() ? "/" : paths.peek(),
                            "the entity reference &" + r.getLocalName() + "; is not accepted");
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    String parentPath = paths.isEmpty() ? "" : paths.peek();
                    Map<String, Integer> counts =
                            siblings.isEmpty() ? new LinkedHashMap<>() : siblings.peek();
                    int n = counts.merge(name, 1, Integer::sum);
                    String path = parentPath + "/" + name + "[" + n + "]";
                    if (stack.isEmpty()) {
                        String ns = r.getNamespaceURI();
                        if (!"bom".equals(name) || ns == null || !ns.startsWith(NS)) {
                            throw xmlBad(
                                    r,
                                    "/" + name,
                                    "the root element must be <bom xmlns=\"" + NS + "1.x\">");
                        }
                        spec = ns.substring(NS.length());
                        if (!SPEC_VERSIONS.contains(spec)) {
                            throw xmlBad(
                                    r,
                                    "/bom",
                                    "the namespace must be " + NS + "1.2 … 1.7, got " + ns);
                        }
                        String v = r.getAttributeValue(null, "version");
                        if (v != null && !v.matches("[1-9][0-9]{0,9}")
                                || v != null && Long.parseLong(v) > Integer.MAX_VALUE) {
                            throw xmlBad(
                                    r,
                                    "/bom/@version",
                                    "must be a positive integer of at most "
                                            + Integer.MAX_VALUE
                                            + ", got "
                                            + cut(v));
                        }
                        path = "/bom";
                    }
                    if (stack.size() >= MAX_XML_DEPTH) {
                        throw xmlBad(
                                r,
                                path,
                                "elements are nested deeper than " + MAX_XML_DEPTH + " levels");
                    }
                    boolean isComponent =
                            "component".equals(name)
                                    && "components".equals(stack.peek())
                                    && stack.size() >= 2
                                    && isComponentHolder(stack);
                    if (isComponent) {
                        componentDepth++;
                        if (componentDepth >= MAX_COMPONENT_DEPTH) {
                            throw xmlBad(
                                    r,
                                    path,
                                    "components are nested deeper than "
                                            + MAX_COMPONENT_DEPTH
                                            + " levels");
                        }
                        String ext = r.getAttributeValue(null, "isExternal");
                        pre.add(new Pre(path, componentDepth, "true".equals(ext)));
                        componentDepths.push(stack.size());
                    }
                    if ("isExternal".equals(name)
                            && "component".equals(stack.peek())
                            && !pre.isEmpty()) {
                        String text = r.getElementText().trim();
                        Pre last = pre.get(pre.size() - 1);
                        pre.set(
                                pre.size() - 1,
                                new Pre(last.path(), last.depth(), "true".equals(text)));
                        continue; // getElementText consumed the end tag
                    }
                    stack.push(name);
                    paths.push(path);
                    siblings.push(new LinkedHashMap<>());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    stack.pop();
                    paths.pop();
                    siblings.pop();
                    if (!componentDepths.isEmpty()
                            && componentDepths.peek() == stack.size()
                            && "component".equals(r.getLocalName())) {
                        componentDepths.pop();
                        componentDepth--;
                    }
                }
            }
        } catch (XMLStreamException e) {
            var loc =
                    e.getLocation() != null ? e.getLocation() : r == null ? null : r.getLocation();
            String where =
                    loc == null
                            ? ""
                            : " at line "
                                    + loc.getLineNumber()
                                    + ", column "
                                    + loc.getColumnNumber();
            throw ProblemException.of(
                    ProblemType.BAD_REQUEST,
                    "the file is not well-formed XML"
                            + where
                            + (paths.isEmpty() ? "" : " (in " + paths.peek() + ")")
                            + ": "
                            + cut(e.getMessage()));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // closing a reader over a byte array does not fail in a way that matters
                }
            }
        }
        if (spec == null) {
            throw bad("/bom", "the document has no <bom> element");
        }
        Map<String, Integer> mapping = new LinkedHashMap<>();
        String readAs = spec;
        byte[] forLibrary = bytes;
        if (spec.equals("1.7")) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int n = text.split(java.util.regex.Pattern.quote(NS + "1.7"), -1).length - 1;
            forLibrary = text.replace(NS + "1.7", NS + "1.6").getBytes(StandardCharsets.UTF_8);
            mapping.put("namespace " + NS + "1.7 → 1.6", n);
            readAs = "1.6";
        }
        Bom bom;
        try {
            bom = new XmlParser().parse(forLibrary);
        } catch (ParseException e) {
            throw libraryProblem(e);
        }
        return document("XML", spec, readAs, mapping, bom, pre);
    }

    private static boolean isComponentHolder(Deque<String> stack) {
        // stack: top = "components"; the one below must be bom or component
        var it = stack.iterator();
        it.next();
        String grand = it.next();
        return "bom".equals(grand) || "component".equals(grand);
    }

    private static ProblemException xmlBad(XMLStreamReader r, String path, String message) {
        var loc = r.getLocation();
        return bad(
                path,
                message
                        + (loc == null
                                ? ""
                                : " (line "
                                        + loc.getLineNumber()
                                        + ", column "
                                        + loc.getColumnNumber()
                                        + ")"));
    }

    // ------------------------------------------------------------------------------------------
    // common

    private static ProblemException libraryProblem(Exception e) {
        Throwable t = e;
        while (t != null && !(t instanceof JsonProcessingException)) {
            t = t.getCause();
        }
        if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder("$");
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return bad(
                    path.toString(),
                    "the CycloneDX library could not read this: " + cut(m.getOriginalMessage()));
        }
        if (t instanceof JsonProcessingException p) {
            String where =
                    p.getLocation() == null
                            ? "$"
                            : "line "
                                    + p.getLocation().getLineNr()
                                    + ", column "
                                    + p.getLocation().getColumnNr();
            return bad(
                    where,
                    "the CycloneDX library could not read this: " + cut(p.getOriginalMessage()));
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return bad(
                "$",
                "the CycloneDX library could not read the document: " + cut(root.getMessage()));
    }

    private static Document document(
            String format,
            String spec,
            String readAs,
            Map<String, Integer> mapping,
            Bom bom,
            List<Pre> pre) {
        List<Component> flat = new ArrayList<>();
        flatten(bom.getComponents(), flat);
        if (flat.size() != pre.size()) {
            throw bad(
                    "JSON".equals(format) ? "$.components" : "/bom/components",
                    "the file holds "
                            + pre.size()
                            + " components but the CycloneDX library read "
                            + flat.size()
                            + " (a field it does not know made it skip some); nothing was imported");
        }
        List<Comp> comps = new ArrayList<>(flat.size());
        for (int i = 0; i < flat.size(); i++) {
            Component c = flat.get(i);
            Pre p = pre.get(i);
            comps.add(
                    new Comp(
                            p.path(),
                            p.depth(),
                            c.getBomRef(),
                            c.getType() == null ? "library" : c.getType().getTypeName(),
                            c.getGroup(),
                            c.getName(),
                            c.getVersion(),
                            c.getPurl(),
                            c.getCpe(),
                            licenses(c.getLicenses()),
                            p.external()));
        }
        List<Dep> deps = new ArrayList<>();
        if (bom.getDependencies() != null) {
            for (Dependency d : bom.getDependencies()) {
                List<String> on = new ArrayList<>();
                if (d.getDependencies() != null) {
                    d.getDependencies().forEach(x -> on.add(x.getRef()));
                }
                deps.add(new Dep(d.getRef(), on));
            }
        }
        Component subject = bom.getMetadata() == null ? null : bom.getMetadata().getComponent();
        return new Document(
                format,
                spec,
                readAs,
                mapping,
                subject == null ? null : subject.getName(),
                subject == null ? null : subject.getVersion(),
                subject == null ? null : subject.getBomRef(),
                comps,
                deps);
    }

    private static void flatten(List<Component> list, List<Component> out) {
        if (list == null) {
            return;
        }
        for (Component c : list) {
            out.add(c);
            flatten(c.getComponents(), out);
        }
    }

    private static String licenses(LicenseChoice choice) {
        if (choice == null) {
            return null;
        }
        StringJoiner j = new StringJoiner(", ");
        if (choice.getLicenses() != null) {
            for (License l : choice.getLicenses()) {
                String v = l.getId() != null ? l.getId() : l.getName();
                if (v != null) {
                    j.add(v);
                }
            }
        }
        if (choice.getExpression() != null && choice.getExpression().getValue() != null) {
            j.add(choice.getExpression().getValue());
        }
        String s = j.toString();
        return s.isEmpty() ? null : s.length() > 512 ? s.substring(0, 512) : s;
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
