package io.kiban.commons.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The test identity provider's signing key (a file shipped with the tests, trusted nowhere else).
 */
public final class TestKeys {

    public static final String KEY_ID = "kiban-test-key";
    private static final RSAPrivateCrtKey KEY = load();

    private TestKeys() {}

    public static PrivateKey privateKey() {
        return KEY;
    }

    /** The JWKS document that publishes the public half. */
    public static String jwks() {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\""
                + KEY_ID
                + "\",\"n\":\""
                + b64(KEY.getModulus())
                + "\",\"e\":\""
                + b64(KEY.getPublicExponent())
                + "\"}]}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RSAPrivateCrtKey load() {
        try (InputStream in = TestKeys.class.getResourceAsStream("test-oidc-key.pem")) {
            String pem =
                    new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                            .replaceAll("-----[A-Z ]+-----", "")
                            .replaceAll("\\s", "");
            return (RSAPrivateCrtKey)
                    KeyFactory.getInstance("RSA")
                            .generatePrivate(
                                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
