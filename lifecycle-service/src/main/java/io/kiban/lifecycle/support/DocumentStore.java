package io.kiban.lifecycle.support;

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

    /** A file name as given by a client: no path, no control characters. */
    public static String safeName(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw ProblemException.badField("fileName", "required; no path separators or control characters, at most 200 characters");
        }
        return name;
    }
}
