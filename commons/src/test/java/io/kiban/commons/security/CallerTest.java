package io.kiban.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

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
}
