package io.kiban.maintenance.evidence;

import io.kiban.commons.files.ContentStore;
import io.kiban.commons.json.Hashes;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Evidence files on a filesystem directory, addressed by SHA-256: {@code <dir>/<ab>/<sha256>}.
 * Files are streamed (64 KiB at a time) and hashed while copied; nothing derived from the client's
 * file name ever reaches a path. Reading verifies the checksum first.
 */
@ApplicationScoped
public class EvidenceStore {

    private static final Logger LOG = Logger.getLogger(EvidenceStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public record Stored(String sha256, long size, String contentType) {}

    private final Path root;
    private final long maxSize;

    public EvidenceStore(EvidenceConfig config) {
        this.root = Path.of(config.dir()).toAbsolutePath().normalize();
        this.maxSize = config.maxFileSize().asLongValue();
    }

    /** Checks type and size of an uploaded temporary file and copies it into the store. */
    public Stored store(Path upload, String declaredType) {
        try {
            long size = Files.size(upload);
            if (size > maxSize) {
                throw ProblemException.of(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "the file has " + size + " bytes; at most " + maxSize + " are accepted");
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
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));
            Path tmp = tmpDir.resolve(UUID.randomUUID().toString());
            MessageDigest digest = Hashes.sha256();
            long copied;
            try (InputStream in = new DigestInputStream(Files.newInputStream(upload), digest);
                    OutputStream out = Files.newOutputStream(tmp)) {
                copied = in.transferTo(out);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha);
            Files.createDirectories(target.getParent());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (Files.exists(target)) {
                    Files.deleteIfExists(tmp);
                } else {
                    Files.move(tmp, target);
                }
            }
            if (Files.exists(tmp)) {
                Files.deleteIfExists(tmp);
            }
            target.toFile().setWritable(false, false);
            return new Stored(sha, copied, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stored file after its checksum was verified; 409 when it no longer matches (tampered or
     * damaged).
     */
    public Path verified(String sha256) {
        Path path = pathOf(sha256);
        if (!Files.isRegularFile(path)) {
            LOG.errorf("R-MT-6: evidence file %s is missing from %s", sha256, root);
            throw ProblemException.conflict(
                    "R-MT-6", "evidence file " + sha256 + " is missing from the store", null);
        }
        String actual = hash(path);
        if (!actual.equals(sha256)) {
            LOG.errorf("R-MT-6: evidence file %s fails its checksum (now %s)", sha256, actual);
            throw ProblemException.conflict(
                    "R-MT-6",
                    "evidence file "
                            + sha256
                            + " no longer matches its SHA-256; it has been altered and is not served",
                    null);
        }
        return path;
    }

    public Path pathOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    static String hash(Path path) {
        MessageDigest digest = Hashes.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
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
