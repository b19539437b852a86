package io.kiban.lifecycle.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.json.Hashes;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * R-RM-4: the archive's zip being written, entry by entry, each through a hashing stream (nothing
 * is held whole in memory), and its {@code manifest.json} listing every entry's SHA-256, size and
 * source. Not a bean: one per archive.
 */
final class ArchiveZip implements AutoCloseable {

    /** One entry of the manifest. */
    record ManifestEntry(String path, String sha256, long size, String source) {}

    /** Writes the content of one entry. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private final ZipOutputStream zip;
    private final ObjectMapper mapper;
    private final List<ManifestEntry> manifest = new ArrayList<>();

    /** A new zip at {@code file}; {@code mapper} writes the JSON entries. */
    ArchiveZip(Path file, ObjectMapper mapper) throws IOException {
        this.zip = new ZipOutputStream(Files.newOutputStream(file));
        // the zip stays open after each JSON entry
        this.mapper = mapper.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes one zip entry through a hashing stream and adds it to the manifest. */
    ManifestEntry entry(String path, String source, Writer writer) throws IOException {
        MessageDigest digest = Hashes.sha256();
        long[] count = {0};
        zip.putNextEntry(new ZipEntry(path));
        OutputStream hashing =
                new FilterOutputStream(zip) {
                    @Override
                    public void write(int b) throws IOException {
                        digest.update((byte) b);
                        count[0]++;
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        digest.update(b, off, len);
                        count[0] += len;
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the zip stays open
                    }
                };
        writer.write(hashing);
        hashing.flush();
        zip.closeEntry();
        ManifestEntry entry =
                new ManifestEntry(
                        path, HexFormat.of().formatHex(digest.digest()), count[0], source);
        manifest.add(entry);
        return entry;
    }

    /** One entry holding {@code value} as pretty-printed JSON. */
    ManifestEntry json(String path, String source, Object value) throws IOException {
        return entry(
                path,
                source,
                out -> mapper.writerWithDefaultPrettyPrinter().writeValue(out, value));
    }

    /**
     * The last entry, {@code manifest.json}: who made the archive when, the rule, and every entry
     * written before it with its SHA-256.
     */
    void manifest(Instant createdAt, String createdBy) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("createdAt", createdAt.toString());
        doc.put("createdBy", createdBy);
        doc.put("rule", "R-RM-4");
        doc.put("hashAlgorithm", "SHA-256");
        doc.put("entries", manifest);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        mapper.writerWithDefaultPrettyPrinter().writeValue(zip, doc);
        zip.closeEntry();
    }

    /** The number of entries of the archive: those in the manifest and the manifest itself. */
    int entries() {
        return manifest.size() + 1;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
