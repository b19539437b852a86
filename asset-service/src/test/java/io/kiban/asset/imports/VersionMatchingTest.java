package io.kiban.asset.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.asset.vulnerability.OsvAffected;
import io.kiban.asset.vulnerability.VersionOrder;
import io.kiban.commons.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** OSV matching rules, without the application. */
class VersionMatchingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static OsvAffected affected(String json) throws Exception {
        return OsvAffected.parse(JSON.readTree(json), "$.affected[0]");
    }

    @Test
    void maven_ranges_use_comparable_version_with_fixed_exclusive_and_last_affected_inclusive()
            throws Exception {
        OsvAffected a =
                affected(
                        """
                {"package":{"ecosystem":"Maven","name":"org.apache.logging.log4j:log4j-core"},
                 "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.13.0"},{"fixed":"2.15.0"}]},
                           {"type":"ECOSYSTEM","events":[{"introduced":"2.4"},{"last_affected":"2.12.1"}]}]}""");
        assertThat(a.packageId()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
        assertThat(a.affects("2.14.1")).isTrue();
        assertThat(a.affects("2.15.0")).isFalse();
        assertThat(a.affects("2.15.0-rc1")).isTrue();
        assertThat(a.affects("2.12.1")).isTrue();
        assertThat(a.affects("2.12.2")).isFalse();
        assertThat(a.affects("2.3")).isFalse();
        assertThat(VersionOrder.MAVEN.compare("4.1.118.Final-redhat-00002", "4.1.118.Final"))
                .isPositive();
    }

    @Test
    void go_uses_semver_with_leading_v_and_explicit_versions_match() throws Exception {
        OsvAffected a =
                affected(
                        """
                {"package":{"ecosystem":"Go","name":"golang.org/x/text"},
                 "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"0.3.7"}]}],
                 "versions":["0.9.9-special"]}""");
        assertThat(a.packageId()).isEqualTo("pkg:golang/golang.org/x/text");
        assertThat(a.affects("v0.3.6")).isTrue();
        assertThat(a.affects("v0.3.7")).isFalse();
        assertThat(a.affects("v0.10.0")).isFalse();
        assertThat(a.affects("v0.3.7-rc.1")).isTrue();
        assertThat(a.affects("0.9.9-special")).isTrue();
    }

    @Test
    void package_identity_is_exact() {
        assertThat(
                        OsvAffected.identity(
                                "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1?type=jar"))
                .isNotEqualTo(
                        OsvAffected.packageId("Maven", "org.apache.logging.log4j:log4j-core"));
    }

    @Test
    void a_bad_event_names_its_path() {
        assertThatThrownBy(
                        () ->
                                affected(
                                        """
                {"package":{"ecosystem":"Maven","name":"a:b"},"ranges":[{"type":"ECOSYSTEM","events":[{"broken":"1"}]}]}"""))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("$.affected[0].ranges[0].events[0]");
    }
}
