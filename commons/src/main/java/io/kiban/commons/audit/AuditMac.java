package io.kiban.commons.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code mac = HMAC-SHA-256(key, previous mac ‖ canonical entry)}. */
final class AuditMac {

    private final SecretKeySpec key;

    AuditMac(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("kiban.audit.hmac-key must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String mac(String previousMac, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(previousMac.getBytes(StandardCharsets.US_ASCII));
            mac.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
