package io.kiban.lifecycle.support;

import io.kiban.commons.files.ContentStore;
import io.kiban.commons.json.Hashes;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
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
import java.util.regex.Pattern;

/**
 * Files addressed by their SHA-256 under {@code kiban.documents.dir}: streamed to a temporary file while
 * hashing, then moved to {@code ab/abcdef…}; a file that exists is never rewritten.
 */
@ApplicationScoped
public class DocumentStore {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SAFE_NAME = Pattern.compile("[^/\\\\\\r\\n\\x00-\\x1f]{1,200}");

    private final Path root;

    public DocumentStore(LifecycleConfig.Documents config) {
        this.root = Path.of(config.dir()).toAbsolutePath();
    }

    public record Stored(String sha256, long size) {
    }

    public Stored store(InputStream in) {
        try {
            Files.createDirectories(root.resolve("tmp"));
            Path tmp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            MessageDigest digest = Hashes.sha256();
            long size;
            try (InputStream din = new DigestInputStream(in, digest); OutputStream out = Files.newOutputStream(tmp)) {
                size = din.transferTo(out);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = path(sha);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    Files.deleteIfExists(tmp);
                }
                target.toFile().setReadOnly();
            }
            return new Stored(sha, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String sha256) {
        if (sha256 == null || !SHA.matcher(sha256).matches()) {
            throw ProblemException.badField("sha256", "not a SHA-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(path(sha256));
        } catch (IOException e) {
            throw ProblemException.of(ProblemType.NOT_FOUND, "the stored file " + sha256 + " is missing");
        }
    }

    public Path archives() {
        Path dir = root.resolve("archives");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A stream whose content type was recognised from its first bytes. */
    public record Typed(InputStream in, String contentType) {
    }

    private static final int SNIFF_BYTES = 8;

    /**
     * A photo (JPEG, PNG) or a PDF, recognised by its content, never by its name or declared type: 415 for
     * anything else, 400 for an empty body. The returned stream still starts at the first byte.
     */
    public static Typed photoOrPdf(InputStream in) {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        byte[] head;
        try {
            buffered.mark(SNIFF_BYTES);
            head = buffered.readNBytes(SNIFF_BYTES);
            buffered.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (head.length == 0) {
            throw ProblemException.badField("body", "the file is empty");
        }
        String type = ContentStore.sniff(head, head.length);
        if (type == null) {
            throw ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "an evidence file is a photo (JPEG, PNG) or a PDF, recognised by its content");
        }
        return new Typed(buffered, type);
    }

    /** A file name as given by a client: no path, no control characters. */
    public static String safeName(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw ProblemException.badField("fileName", "required; no path separators or control characters, at most 200 characters");
        }
        return name;
    }
}
