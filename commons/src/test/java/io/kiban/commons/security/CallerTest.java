package io.kiban.commons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Caller caller(String organisation, String... roles) {
        QuarkusSecurityIdentity.Builder b =
                QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("u"))
                        .addAttribute("org", organisation);
        for (String role : roles) {
            b.addRole(role);
        }
        return new Caller(b.build());
    }

    @Test
    void R_MT_7_vendor_side_users_see_their_own_organisation_only_support_vendors_included() {
        assertThat(caller("vendor-a", Roles.VENDOR).maySee("vendor-a")).isTrue();
        assertThat(caller("vendor-b", Roles.VENDOR).maySee("vendor-a")).isFalse();
        assertThat(caller("support-co", Roles.SUPPORT_VENDOR).maySee("vendor-a")).isFalse();
        assertThat(caller("support-co", Roles.SUPPORT_VENDOR).maySee("support-co")).isTrue();
    }

    @Test
    void jpo_auditors_and_services_see_every_organisation() {
        assertThat(caller("jpo", Roles.JPO_ADMIN).maySee("vendor-a")).isTrue();
        assertThat(caller("jpo", Roles.JPO_STAFF).maySee("vendor-a")).isTrue();
        assertThat(caller("jpo", Roles.AUDITOR).maySee("vendor-a")).isTrue();
        assertThat(caller("lifecycle-service", Roles.SERVICE).maySee("vendor-a")).isTrue();
    }

    @Test
    void R_MT_7_the_list_scope_matches_maySee_and_a_token_without_organisation_sees_nothing() {
        assertThat(caller("vendor-a", Roles.VENDOR).organisationScope()).contains("vendor-a");
        assertThat(caller("support-co", Roles.SUPPORT_VENDOR).organisationScope())
                .contains("support-co");
        assertThat(caller("jpo", Roles.JPO_ADMIN, Roles.VENDOR).organisationScope()).isEmpty();
        assertThat(caller("jpo", Roles.AUDITOR).organisationScope()).isEmpty();
        Caller orphan =
                new Caller(
                        QuarkusSecurityIdentity.builder()
                                .setPrincipal(new QuarkusPrincipal("u"))
                                .addRole(Roles.VENDOR)
                                .build());
        assertThat(orphan.organisationScope()).contains(Caller.NO_ORGANISATION);
        assertThat(orphan.maySee("vendor-a")).isFalse();
    }

    @Test
    void R_SEC_2_the_recording_account_never_decides_compared_by_account_id_then_legacy_name() {
        Caller u = caller("jpo", Roles.JPO_ADMIN); // id local#u, name u

        assertThatThrownBy(
                        () ->
                                u.requireNotSelf(
                                        "R-SEC-2", "local#u", "someone else", "recorded the delay"))
                .isInstanceOf(ProblemException.class)
                .hasMessage(
                        "R-SEC-2: the account that recorded the delay cannot approve, accept, sign"
                                + " off or reject it; another jpo-admin must decide (segregation of"
                                + " duties)")
                .satisfies(
                        e -> {
                            assertThat(((ProblemException) e).type())
                                    .isEqualTo(ProblemType.FORBIDDEN);
                            assertThat(((ProblemException) e).rule()).isEqualTo("R-SEC-2");
                        });
        // a record with an account id: the id decides, a shared name does not make the same account
        assertThat(u.isSameAccount("https://idp/realms/kiban#other-subject", "u")).isFalse();
        u.requireNotSelf("R-SEC-2", "https://idp/realms/kiban#other-subject", "u", "recorded it");
        // a record from before ids were stored: its name decides
        assertThat(u.isSameAccount(null, "u")).isTrue();
        assertThatThrownBy(() -> u.requireNotSelf("R-LC-14", null, "u", "recorded it"))
                .hasMessageStartingWith("R-LC-14: the account that recorded it");
        assertThat(u.isSameAccount(null, "v")).isFalse();
        assertThat(u.isSameAccount(null, null)).isFalse();
    }
}
