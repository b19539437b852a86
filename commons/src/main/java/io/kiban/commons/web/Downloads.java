package io.kiban.commons.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One way to answer a file download (#19), used by every service:
 *
 * <ul>
 *   <li>{@code Content-Disposition: attachment} with an ASCII {@code filename} for old clients and
 *       the real name as RFC 8187 {@code filename*=UTF-8''…} (RFC 6266), so Japanese names survive;
 *   <li>{@code Repr-Digest: sha-256=:<base64>:} (RFC 9530, a structured-field byte sequence) when
 *       the stored file's SHA-256 is known — the digest of the whole representation, which a client
 *       checks after the download (the obsolete RFC 3230 {@code Digest} header, hex in some
 *       services and base64 in another, is gone);
 *   <li>{@code X-Content-Type-Options: nosniff} and {@code Cache-Control: private, no-store}: what
 *       users uploaded is never rendered by guesswork nor kept by a shared cache.
 * </ul>
 */
public final class Downloads {

    /** RFC 9530: the digest of the selected representation (the whole file). */
    public static final String REPR_DIGEST = "Repr-Digest";

    private Downloads() {}

    /**
     * An attachment named {@code fileName} (any characters), with {@code asciiFallback} for old
     * clients.
     */
    public static <T> RestResponse.ResponseBuilder<T> attachment(
            T body, String mediaType, String fileName, String asciiFallback) {
        return RestResponse.ResponseBuilder.ok(body, mediaType)
                .header("Content-Disposition", contentDisposition(fileName, asciiFallback))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store");
    }

    /**
     * A stored file: {@link #attachment} plus its length and {@code Repr-Digest} from its SHA-256
     * (hex).
     */
    public static <T> RestResponse.ResponseBuilder<T> storedFile(
            T body,
            String mediaType,
            String fileName,
            String asciiFallback,
            long size,
            String sha256Hex) {
        RestResponse.ResponseBuilder<T> builder =
                attachment(body, mediaType, fileName, asciiFallback).header("Content-Length", size);
        return sha256Hex == null ? builder : builder.header(REPR_DIGEST, reprDigest(sha256Hex));
    }

    /** {@code sha-256=:<base64 of the 32 bytes>:} for a hex SHA-256. */
    public static String reprDigest(String sha256Hex) {
        return "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex))
                + ":";
    }

    /**
     * {@code attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>}: the ASCII name
     * keeps letters, digits, dot, dash and underscore of {@code asciiFallback} (others become
     * {@code _}).
     */
    public static String contentDisposition(String fileName, String asciiFallback) {
        String name = fileName == null || fileName.isBlank() ? asciiFallback : fileName;
        String ascii =
                (asciiFallback == null || asciiFallback.isBlank() ? "download" : asciiFallback)
                        .replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded =
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                        .replace("+", "%20")
                        .replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
