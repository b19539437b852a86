package io.kiban.commons.files;

import io.kiban.commons.json.Hashes;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files addressed by their SHA-256 under one directory ({@code <root>/<ab>/<sha256>}): a stream is
 * copied to a temporary file while it is hashed (64 KiB at a time, never whole in memory), then
 * moved into place and made read-only. A file that is already there is never rewritten. Nothing the
 * client names reaches a path.
 */
public final class ContentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SAFE_NAME = Pattern.compile("[^/\\\\\\r\\n\\x00-\\x1f]{1,200}");
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /**
     * A stored file: its SHA-256, its size, and its type as read from its first bytes (null if none
     * of ours).
     */
    public record Stored(String sha256, long size, String sniffedType) {}

    /** The stream was longer than the limit; nothing was stored. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final Path root;

    public ContentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Copies {@code in} into the store, refusing (and keeping nothing) past {@code maxBytes}. */
    public Stored store(InputStream in, long maxBytes) {
        Path tmp = null;
        try {
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));
            tmp = tmpDir.resolve(UUID.randomUUID() + ".part");
            MessageDigest digest = Hashes.sha256();
            byte[] head = new byte[8];
            int headLength = 0;
            long size = 0;
            try (InputStream din = new DigestInputStream(in, digest);
                    OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[65_536];
                for (int n; (n = din.read(buffer)) != -1; ) {
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = path(sha);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    if (!Files.exists(target)) {
                        Files.move(tmp, target);
                    }
                }
                target.toFile().setWritable(false, false);
            }
            return new Stored(sha, size, sniff(head, headLength));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover part file is harmless; the next store uses another name
                }
            }
        }
    }

    /**
     * The stored file after its content was checked against its name; empty when it is missing or
     * no longer matches (altered or damaged), so that it is never served as evidence.
     */
    public Optional<Path> verified(String sha256) {
        Path path = path(sha256);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        MessageDigest digest = Hashes.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256)
                ? Optional.of(path)
                : Optional.empty();
    }

    public Path path(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Whether a client's file name is usable as a name (never as a path): no separators or control
     * characters.
     */
    public static boolean isSafeName(String name) {
        return name != null
                && SAFE_NAME.matcher(name).matches()
                && !name.equals(".")
                && !name.equals("..");
    }

    /**
     * The type of a file by its first bytes (at least 8 of them, if it has them): PDF, PNG, JPEG,
     * or null.
     */
    public static String sniff(byte[] head, int n) {
        if (startsWith(head, n, PDF)) {
            return "application/pdf";
        }
        if (startsWith(head, n, PNG)) {
            return "image/png";
        }
        if (startsWith(head, n, JPEG)) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        return n >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
