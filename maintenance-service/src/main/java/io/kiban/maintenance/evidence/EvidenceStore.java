package io.kiban.maintenance.evidence;

import io.kiban.commons.files.ContentStore;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Evidence files, addressed by SHA-256 in commons' {@link ContentStore} ({@code
 * <dir>/<ab>/<sha256>}, streamed and hashed while copied, read-only, never rewritten; one home for
 * the mechanic since #19). This adds evidence's own rules: PDF, JPEG or PNG by content (a declared
 * type that contradicts the content is refused), the size limit, and R-MT-6's 409 when a stored
 * file is missing or no longer matches its checksum. Nothing derived from the client's file name
 * ever reaches a path.
 */
@ApplicationScoped
class EvidenceStore {

    private static final Logger LOG = Logger.getLogger(EvidenceStore.class);

    public record Stored(String sha256, long size, String contentType) {}

    private final ContentStore files;
    private final long maxSize;

    EvidenceStore(EvidenceConfig config) {
        this.files = new ContentStore(Path.of(config.dir()));
        this.maxSize = config.maxFileSize().asLongValue();
    }

    /** Checks type and size of an uploaded temporary file and copies it into the store. */
    public Stored store(Path upload, String declaredType) {
        try {
            long size = Files.size(upload);
            if (size > maxSize) {
                throw tooLarge(size);
            }
            String type = sniff(upload);
            if (type == null) {
                throw ProblemException.of(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "evidence files must be PDF, JPEG or PNG (checked by content, not by name)");
            }
            String declared =
                    declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase();
            if ((declared.equals("application/pdf")
                            || declared.equals("image/jpeg")
                            || declared.equals("image/png"))
                    && !declared.equals(type)) {
                throw ProblemException.of(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "the file was declared " + declared + " but its content is " + type);
            }
            try (InputStream in = Files.newInputStream(upload)) {
                ContentStore.Stored stored = files.store(in, maxSize);
                return new Stored(stored.sha256(), stored.size(), type);
            } catch (ContentStore.TooLarge e) {
                throw tooLarge(Files.size(upload));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProblemException tooLarge(long size) {
        return ProblemException.of(
                ProblemType.PAYLOAD_TOO_LARGE,
                "the file has " + size + " bytes; at most " + maxSize + " are accepted");
    }

    /**
     * The stored file after its checksum was verified; 409 when it no longer matches (tampered or
     * damaged).
     */
    public Path verified(String sha256) {
        Path path = files.path(sha256);
        if (!Files.isRegularFile(path)) {
            LOG.errorf("R-MT-6: evidence file %s is missing from %s", sha256, files.root());
            throw ProblemException.conflict(
                    "R-MT-6", "evidence file " + sha256 + " is missing from the store", null);
        }
        return files.verified(sha256)
                .orElseThrow(
                        () -> {
                            LOG.errorf("R-MT-6: evidence file %s fails its checksum", sha256);
                            return ProblemException.conflict(
                                    "R-MT-6",
                                    "evidence file "
                                            + sha256
                                            + " no longer matches its SHA-256; it has been altered and is"
                                            + " not served",
                                    null);
                        });
    }

    public Path pathOf(String sha256) {
        return files.path(sha256);
    }

    static String sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return ContentStore.sniff(head, n);
    }

    /**
     * The client's file name, reduced to something harmless to show: no directories, no control
     * characters.
     */
    public static String displayName(String original) {
        if (original == null) {
            return null;
        }
        String name = original.replaceAll("[\\p{Cntrl}]", "");
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replace("\"", "").trim();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isBlank() ? null : name;
    }
}
