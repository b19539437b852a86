package io.kiban.asset.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kiban.asset.vulnerability.VersionOrder;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-AS-5 (issue 18): the version order of each OSV ecosystem, table-driven. Every table is an
 * ascending list taken from the ecosystem's own specification (named per test); each pair (i &lt;
 * j) must compare below, each version equal to itself, and the listed equal pairs equal.
 */
class EcosystemVersionOrderTest {

    static void ascending(String ecosystem, List<String> versions) {
        Comparator<String> order = VersionOrder.forEcosystem(ecosystem).orElseThrow();
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                int c = order.compare(versions.get(i), versions.get(j));
                String pair = ecosystem + ": " + versions.get(i) + " vs " + versions.get(j);
                if (i < j) {
                    assertThat(c).as(pair).isNegative();
                } else if (i > j) {
                    assertThat(c).as(pair).isPositive();
                } else {
                    assertThat(c).as(pair).isZero();
                }
            }
        }
    }

    static void equal(String ecosystem, String a, String b) {
        assertThat(VersionOrder.forEcosystem(ecosystem).orElseThrow().compare(a, b))
                .as(ecosystem + ": " + a + " = " + b)
                .isZero();
    }

    @Test
    @DisplayName(
            "R-AS-5 Maven: ComparableVersion qualifiers alpha < beta < milestone < rc < snapshot < release < sp (Maven version order spec)")
    void R_AS_5_maven_order() {
        ascending(
                "Maven",
                List.of(
                        "1.0-alpha-1",
                        "1.0-beta-1",
                        "1.0-milestone-1",
                        "1.0-rc-1",
                        "1.0-SNAPSHOT",
                        "1.0",
                        "1.0-sp-1",
                        "1.0.1",
                        "1.1",
                        "4.1.118.Final",
                        "4.1.118.Final-redhat-00002"));
        equal("Maven", "1.0", "1.0.0");
        equal("Maven", "1.0.Final", "1.0");
    }

    @Test
    @DisplayName("R-AS-5 npm and crates.io: semver.org 2.0 §11 precedence example")
    void R_AS_5_npm_and_crates_semver_order() {
        List<String> semverOrg =
                List.of(
                        "1.0.0-alpha",
                        "1.0.0-alpha.1",
                        "1.0.0-alpha.beta",
                        "1.0.0-beta",
                        "1.0.0-beta.2",
                        "1.0.0-beta.11",
                        "1.0.0-rc.1",
                        "1.0.0",
                        "2.0.0",
                        "2.1.0",
                        "2.1.1");
        ascending("npm", semverOrg);
        ascending("crates.io", semverOrg);
        equal("crates.io", "1.0.0+build.5", "1.0.0");
    }

    @Test
    @DisplayName(
            "R-AS-5 PyPI: PEP 440 'Summary of permitted suffixes and relative ordering' (1.0.dev1 < 1.0a1 < 1.0 < 1.0.post1)")
    void R_AS_5_pypi_pep440_order() {
        ascending("PyPI", List.of("1.0.dev1", "1.0a1", "1.0", "1.0.post1"));
        // the example list of PEP 440, in its order
        ascending(
                "PyPI",
                List.of(
                        "1.0.dev456",
                        "1.0a1",
                        "1.0a2.dev456",
                        "1.0a12.dev456",
                        "1.0a12",
                        "1.0b1.dev456",
                        "1.0b2",
                        "1.0b2.post345.dev456",
                        "1.0b2.post345",
                        "1.0rc1.dev456",
                        "1.0rc1",
                        "1.0",
                        "1.0+abc.5",
                        "1.0+abc.7",
                        "1.0+5",
                        "1.0.post456.dev34",
                        "1.0.post456",
                        "1.0.15",
                        "1.1.dev1"));
        // epochs: 1!0.1 is above any version of epoch 0
        ascending("PyPI", List.of("2.0", "2013.10", "1!0.1", "1!1.0"));
        // normalisation (PEP 440 "Normalization"): alpha = a, c = rc, -1 = .post1, 1.0.0 = 1.0, v
        // prefix
        equal("PyPI", "1.0alpha1", "1.0a1");
        equal("PyPI", "1.0c1", "1.0rc1");
        equal("PyPI", "1.0-1", "1.0.post1");
        equal("PyPI", "1.0.0", "1.0");
        equal("PyPI", "v1.0", "1.0");
        assertThatThrownBy(() -> VersionOrder.PYPI.compare("1.0-foo-bar", "1.0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName(
            "R-AS-5 Go: module versions with v, pre-releases and pseudo-versions (go.dev/ref/mod#pseudo-versions)")
    void R_AS_5_go_order() {
        ascending(
                "Go",
                List.of(
                        "v0.0.0-20190101000000-aaaaaaaaaaaa",
                        "v0.0.0-20210101000000-bbbbbbbbbbbb",
                        "v0.1.0",
                        "v1.2.3-pre",
                        "v1.2.3",
                        "v1.2.4-0.20210101000000-cccccccccccc",
                        "v1.2.4",
                        "v2.0.0"));
        // OSV's Go ranges are written without the v ("0.3.8"); installed versions carry it
        assertThat(VersionOrder.GO.compare("v0.3.7", "0.3.8")).isNegative();
        assertThat(VersionOrder.GO.compare("0.3.8", "v0.3.8")).isZero();
    }

    @Test
    @DisplayName(
            "R-AS-5 Debian: policy §5.6.12 — epochs first (1:2.30-1 > 2.36-9), ~ below everything, then revision")
    void R_AS_5_debian_order() {
        ascending("Debian", List.of("2.36-9", "2.36-9+deb12u9", "2.36-10", "1:2.30-1"));
        // §5.6.12's own example: ~~, ~~a, ~, the empty part, a
        ascending("Debian", List.of("1.0~~", "1.0~~a", "1.0~", "1.0", "1.0a"));
        ascending("Debian", List.of("1.0~rc1-1", "1.0-1", "1.0-1.1", "1.0+dfsg-1"));
        equal("Debian", "0:2.36-9", "2.36-9");
        ascending("Ubuntu", List.of("2.35-0ubuntu3.6", "2.35-0ubuntu3.7"));
    }

    @Test
    @DisplayName(
            "R-AS-5 RPM (Red Hat, AlmaLinux, Rocky): rpmvercmp — epoch, ~ before, ^ after, then release")
    void R_AS_5_rpm_order() {
        ascending("Red Hat", List.of("1.0~rc1", "1.0", "1.0^git1", "1.0.1", "1.1", "1:0.9"));
        ascending("AlmaLinux", List.of("2.34-60.el9", "2.34-100.el9", "2.35-1.el9"));
    }

    @Test
    @DisplayName(
            "R-AS-5 Alpine: apk version (numbers, letter, _alpha/_beta/_pre/_rc < release < _cvs/_svn/_git/_hg/_p, then -rN)")
    void R_AS_5_alpine_order() {
        ascending(
                "Alpine",
                List.of(
                        "1.2.3_alpha",
                        "1.2.3_beta2",
                        "1.2.3_pre1",
                        "1.2.3_rc1",
                        "1.2.3",
                        "1.2.3-r1",
                        "1.2.3-r10",
                        "1.2.3_p1",
                        "1.2.3a",
                        "1.2.4",
                        "1.10"));
        equal("Alpine", "1.2.3-r0", "1.2.3");
        assertThatThrownBy(() -> VersionOrder.ALPINE.compare("1.2.3-beta", "1.2.3"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName(
            "R-AS-5 RubyGems: Gem::Version — a letter segment is a pre-release, 1.0 == 1, '-' means .pre.")
    void R_AS_5_rubygems_order() {
        ascending(
                "RubyGems",
                List.of(
                        "1.0.a", "1.0.a.1", "1.0.b1", "1.0.pre", "1.0.rc1", "1.0", "1.0.1", "1.1",
                        "1.10"));
        equal("RubyGems", "1.0", "1");
        equal("RubyGems", "1.0.0-rc1", "1.0.0.pre.rc1");
    }

    @Test
    @DisplayName(
            "R-AS-5 NuGet: four numeric parts, case-insensitive pre-release labels, metadata ignored")
    void R_AS_5_nuget_order() {
        ascending(
                "NuGet",
                List.of(
                        "1.0.0-alpha",
                        "1.0.0-Beta",
                        "1.0.0-rc.1",
                        "1.0.0-rc.2",
                        "1.0.0",
                        "1.0.0.1",
                        "1.0.1",
                        "1.1"));
        equal("NuGet", "1.0", "1.0.0.0");
        equal("NuGet", "1.0.0-BETA", "1.0.0-beta");
        equal("NuGet", "1.0.0+abc", "1.0.0");
    }

    @Test
    @DisplayName(
            "R-AS-5 an ecosystem without a known order is not compared with another ecosystem's rules")
    void R_AS_5_unknown_ecosystem_has_no_order() {
        assertThat(VersionOrder.forEcosystem("Hex")).isEmpty();
        assertThat(VersionOrder.forRange("Maven", "GIT")).isEmpty();
        assertThat(VersionOrder.forRange("Debian:12", "ECOSYSTEM")).contains(VersionOrder.DEBIAN);
        assertThat(VersionOrder.forRange("Alpine:v3.18", "ECOSYSTEM"))
                .contains(VersionOrder.ALPINE);
    }
}
