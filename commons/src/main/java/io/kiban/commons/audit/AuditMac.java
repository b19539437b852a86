package io.kiban.commons.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Format 2 (#15 item 7): {@code mac = HMAC-SHA-256(key, lp("kiban-audit/2") ‖ lp(chain id) ‖
 * lp(previous mac) ‖ lp(field 1) ‖ … ‖ lp(field n))} where {@code lp(x)} is the 4-byte big-endian
 * length of x's UTF-8 bytes followed by them ({@code -1} and nothing for null). The chain id binds
 * every entry to its chain (an entry or a whole chain copied from another database with the same
 * key does not verify), and the length prefixes leave no ambiguity between fields. Format 1 ({@code
 * HMAC(key, previous mac ‖ lines)}) is kept only to verify entries recorded before the upgrade.
 */
final class AuditMac {

    static final String FORMAT_2 = "kiban-audit/2";

    private final SecretKeySpec key;

    AuditMac(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("kiban.audit.hmac-key must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String mac(String chainId, String previousMac, List<String> fields) {
        Mac mac = newMac();
        update(mac, FORMAT_2);
        update(mac, chainId);
        update(mac, previousMac);
        for (String field : fields) {
            update(mac, field);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Format 1, for entries recorded before the upgrade only. */
    String legacy(String previousMac, String canonical) {
        Mac mac = newMac();
        mac.update(previousMac.getBytes(StandardCharsets.US_ASCII));
        mac.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private static void update(Mac mac, String value) {
        if (value == null) {
            mac.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
