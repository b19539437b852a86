package io.kiban.commons.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #19: one way to answer a download — RFC 9530 Repr-Digest and an RFC 6266/8187
 * Content-Disposition.
 */
class DownloadsTest {

    @Test
    @DisplayName(
            "#19 Repr-Digest is the base64 of the 32 SHA-256 bytes between colons (RFC 9530 / RFC 8941 byte sequence)")
    void repr_digest_of_the_empty_file() {
        // the SHA-256 of zero bytes, hex, and its base64 (worked out with Python's hashlib and
        // base64)
        assertThat(
                        Downloads.reprDigest(
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .isEqualTo("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
    }

    @Test
    @DisplayName("#19 a Japanese file name travels as filename*=UTF-8'' with an ASCII fallback")
    void content_disposition_keeps_the_japanese_name() {
        assertThat(Downloads.contentDisposition("破壊証明書 1.pdf", "evidence-7-3.pdf"))
                .isEqualTo(
                        "attachment; filename=\"evidence-7-3.pdf\"; filename*=UTF-8''"
                                + "%E7%A0%B4%E5%A3%8A%E8%A8%BC%E6%98%8E%E6%9B%B8%201.pdf");
        assertThat(Downloads.contentDisposition(null, "lease ledger\".xlsx"))
                .isEqualTo(
                        "attachment; filename=\"lease_ledger_.xlsx\"; filename*=UTF-8''lease%20ledger%22.xlsx");
    }
}
