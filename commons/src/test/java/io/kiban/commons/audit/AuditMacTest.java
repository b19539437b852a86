package io.kiban.commons.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** #15 item 7: the MAC binds the chain id and leaves no ambiguity between fields. */
class AuditMacTest {

    private static final AuditMac MAC = new AuditMac("test-only-audit-key-0123456789abcdef");
    private static final String PREVIOUS = AuditHead.GENESIS_MAC;

    @Test
    @DisplayName(
            "SEC_audit_mac: text moved from one field into the next changes the MAC (format 1 did not notice)")
    void SEC_audit_mac_is_length_prefixed() {
        List<String> honest =
                Arrays.asList(
                        "7",
                        "2026-12-06T03:00:00Z",
                        "iss",
                        "sub",
                        "a\nb",
                        "c",
                        null,
                        "create",
                        "widget",
                        "1",
                        "d");
        List<String> shifted =
                Arrays.asList(
                        "7",
                        "2026-12-06T03:00:00Z",
                        "iss",
                        "sub",
                        "a",
                        "b\nc",
                        null,
                        "create",
                        "widget",
                        "1",
                        "d");
        assertThat(MAC.mac("chain-1", PREVIOUS, honest))
                .isNotEqualTo(MAC.mac("chain-1", PREVIOUS, shifted));
        // the weakness of format 1: one line per field, so the two rows collide
        assertThat(MAC.legacy(PREVIOUS, String.join("\n", "a\nb", "c")))
                .isEqualTo(MAC.legacy(PREVIOUS, String.join("\n", "a", "b\nc")));
    }

    @Test
    @DisplayName("SEC_audit_mac: null and the empty string are different fields")
    void SEC_audit_mac_null_is_not_empty() {
        assertThat(MAC.mac("chain-1", PREVIOUS, Arrays.asList("x", null)))
                .isNotEqualTo(MAC.mac("chain-1", PREVIOUS, Arrays.asList("x", "")));
    }

    @Test
    @DisplayName("SEC_audit_mac: the same entry in another chain (same key) has another MAC")
    void SEC_audit_mac_binds_the_chain_id() {
        List<String> entry =
                List.of(
                        "1",
                        "2026-12-06T03:00:00Z",
                        "iss",
                        "sub",
                        "n",
                        "r",
                        "o",
                        "create",
                        "widget",
                        "1",
                        "d");
        assertThat(MAC.mac("11111111-1111-1111-1111-111111111111", PREVIOUS, entry))
                .isNotEqualTo(MAC.mac("22222222-2222-2222-2222-222222222222", PREVIOUS, entry))
                .hasSize(64);
    }
}
