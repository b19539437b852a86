package io.kiban.lifecycle.support;

import io.kiban.commons.files.ContentStore;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files addressed by their SHA-256 under {@code kiban.documents.dir} (commons {@link
 * ContentStore}): streamed to a temporary file while hashing, then moved to {@code ab/abcdef…}; a
 * file that exists is never rewritten.
 */
@ApplicationScoped
public class DocumentStore {

    private final ContentStore files;
    private final Path root;

    public DocumentStore(LifecycleConfig.Documents config) {
        this.root = Path.of(config.dir()).toAbsolutePath();
        this.files = new ContentStore(root);
    }

    public record Stored(String sha256, long size) {}

    public Stored store(InputStream in) {
        ContentStore.Stored stored = files.store(in, Long.MAX_VALUE);
        return new Stored(stored.sha256(), stored.size());
    }

    public Path path(String sha256) {
        try {
            return files.path(sha256);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("sha256", "not a SHA-256");
        }
    }

    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(path(sha256));
        } catch (IOException e) {
            throw ProblemException.of(
                    ProblemType.NOT_FOUND, "the stored file " + sha256 + " is missing");
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
    public record Typed(InputStream in, String contentType) {}

    private static final int SNIFF_BYTES = 8;

    /**
     * A photo (JPEG, PNG) or a PDF, recognised by its content, never by its name or declared type:
     * 415 for anything else, 400 for an empty body. The returned stream still starts at the first
     * byte.
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
            throw ProblemException.of(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "an evidence file is a photo (JPEG, PNG) or a PDF, recognised by its content");
        }
        return new Typed(buffered, type);
    }

    /** A file name as given by a client: no path, no control characters. */
    public static String safeName(String name) {
        if (!ContentStore.isSafeName(name)) {
            throw ProblemException.badField(
                    "fileName",
                    "required; no path separators or control characters, at most 200 characters");
        }
        return name;
    }
}
