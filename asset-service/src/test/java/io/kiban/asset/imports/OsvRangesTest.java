package io.kiban.asset.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.asset.vulnerability.OsvAffected;
import io.kiban.asset.vulnerability.OsvAffected.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-AS-5 (issue 18 item 2): OSV ranges per ecosystem, table-driven. Real advisories first
 * (imports/osv: the GitHub Advisory Database / osv.dev records of shared/data), then advisories
 * written in the OSV schema for the ecosystems those lack (imports/osv-written, see the README).
 * Each row: advisory, installed purl, installed version, expected outcome — worked out by hand from
 * the advisory's events and the ecosystem's order.
 */
class OsvRangesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, List<OsvAffected>> ADVISORIES = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        for (String f :
                List.of(
                        "GHSA-458h-wv48-fq75",
                        "GHSA-57j2-w4cx-62h2",
                        "GHSA-57m8-f3v5-hm5m",
                        "GHSA-69ch-w2m2-3vjp",
                        "GHSA-fjq5-5j5f-mvxh",
                        "GHSA-h376-j262-vhq6",
                        "GHSA-jfh8-c2jp-5v3q",
                        "GHSA-mjmj-j48q-9wg2",
                        "GHSA-ppp9-7jff-5vj2")) {
            add(read("/imports/osv/" + f + ".json"));
        }
        for (JsonNode a : read("/imports/osv-written/ecosystems.json")) {
            add(a);
        }
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = OsvRangesTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }

    static void add(JsonNode advisory) {
        List<OsvAffected> list = new ArrayList<>();
        for (int i = 0; i < advisory.get("affected").size(); i++) {
            list.add(OsvAffected.parse(advisory.get("affected").get(i), "$.affected[" + i + "]"));
        }
        ADVISORIES.put(advisory.get("id").asText(), list);
    }

    /**
     * The outcome for an installed package: AFFECTED if any entry of the advisory for that package
     * says so.
     */
    static Outcome outcome(String advisory, String purl, String version) {
        Outcome result = null;
        for (OsvAffected a : ADVISORIES.get(advisory)) {
            if (!a.matchesPackage(purl)) {
                continue;
            }
            Outcome o = a.evaluate(version).outcome();
            if (o == Outcome.AFFECTED) {
                return o;
            }
            result = result == null || o == Outcome.NOT_EVALUABLE ? o : result;
        }
        return result;
    }

    static final Outcome A = Outcome.AFFECTED;
    static final Outcome N = Outcome.NOT_AFFECTED;
    static final Outcome X = Outcome.NOT_EVALUABLE;

    static void table(Object[][] rows) {
        for (Object[] r : rows) {
            assertThat(outcome((String) r[0], (String) r[1], (String) r[2]))
                    .as(r[0] + " " + r[1] + " " + r[2])
                    .isEqualTo(r[3]);
        }
    }

    @Test
    @DisplayName(
            "R-AS-5 Maven, real GHSA records: fixed exclusive, last_affected inclusive, several ranges, explicit versions")
    void R_AS_5_maven_real_advisories() {
        String log4j = "pkg:maven/org.apache.logging.log4j/log4j-core@x";
        String jackson = "pkg:maven/com.fasterxml.jackson.core/jackson-databind@x";
        String keycloak = "pkg:maven/org.keycloak/keycloak-parent@x";
        table(
                new Object[][] {
                    {"GHSA-jfh8-c2jp-5v3q", log4j, "2.14.1", A},
                    {"GHSA-jfh8-c2jp-5v3q", log4j, "2.15.0", N},
                    {"GHSA-jfh8-c2jp-5v3q", log4j, "2.15.0-rc1", A},
                    {"GHSA-jfh8-c2jp-5v3q", log4j, "2.3", A},
                    {"GHSA-jfh8-c2jp-5v3q", log4j, "2.3.1", N},
                    {"GHSA-jfh8-c2jp-5v3q", log4j, "2.4", A},
                    {"GHSA-jfh8-c2jp-5v3q", log4j, "2.12.1", A},
                    {"GHSA-jfh8-c2jp-5v3q", log4j, "2.12.2", N},
                    {
                        "GHSA-jfh8-c2jp-5v3q",
                        "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1",
                        "2.14.1",
                        null
                    },
                    {"GHSA-57j2-w4cx-62h2", jackson, "2.12.6", A},
                    {"GHSA-57j2-w4cx-62h2", jackson, "2.12.6.1", N},
                    {"GHSA-57j2-w4cx-62h2", jackson, "2.13.2", A},
                    {"GHSA-57j2-w4cx-62h2", jackson, "2.13.2.1", N},
                    {"GHSA-57j2-w4cx-62h2", jackson, "2.18.0", N},
                    {
                        "GHSA-fjq5-5j5f-mvxh",
                        "pkg:maven/commons-collections/commons-collections@3.2.1",
                        "3.2.1",
                        A
                    },
                    {
                        "GHSA-fjq5-5j5f-mvxh",
                        "pkg:maven/commons-collections/commons-collections@3.2.2",
                        "3.2.2",
                        N
                    },
                    {
                        "GHSA-fjq5-5j5f-mvxh",
                        "pkg:maven/org.apache.commons/commons-collections4@4.0",
                        "4.0",
                        A
                    },
                    {
                        "GHSA-fjq5-5j5f-mvxh",
                        "pkg:maven/org.apache.commons/commons-collections4@4.1",
                        "4.1",
                        N
                    },
                    {"GHSA-h376-j262-vhq6", "pkg:maven/com.h2database/h2@x", "1.4.200", A},
                    {"GHSA-h376-j262-vhq6", "pkg:maven/com.h2database/h2@x", "1.1.99", N},
                    {"GHSA-h376-j262-vhq6", "pkg:maven/com.h2database/h2@x", "2.3.232", N},
                    {"GHSA-mjmj-j48q-9wg2", "pkg:maven/org.yaml/snakeyaml@x", "1.33", A},
                    {"GHSA-mjmj-j48q-9wg2", "pkg:maven/org.yaml/snakeyaml@x", "2.0", N},
                    {
                        "GHSA-57m8-f3v5-hm5m",
                        "pkg:maven/io.netty/netty-handler@x",
                        "4.1.99.Final",
                        A
                    },
                    {
                        "GHSA-57m8-f3v5-hm5m",
                        "pkg:maven/io.netty/netty-handler@x",
                        "4.1.100.Final",
                        N
                    },
                    {"GHSA-458h-wv48-fq75", keycloak, "3.4.3.Final", A},
                    {"GHSA-458h-wv48-fq75", keycloak, "4.0.0.Beta2", A},
                    {"GHSA-458h-wv48-fq75", keycloak, "4.3.0.Final", A},
                    {"GHSA-458h-wv48-fq75", keycloak, "4.4.0.Final", N},
                });
    }

    @Test
    @DisplayName(
            "R-AS-5 Go, real GHSA records: v-prefixed installed versions against unprefixed events; pseudo-versions")
    void R_AS_5_go() {
        table(
                new Object[][] {
                    {"GHSA-69ch-w2m2-3vjp", "pkg:golang/golang.org/x/text@v0.3.7", "v0.3.7", A},
                    {"GHSA-69ch-w2m2-3vjp", "pkg:golang/golang.org/x/text@v0.3.8", "v0.3.8", N},
                    {"GHSA-ppp9-7jff-5vj2", "pkg:golang/golang.org/x/text@v0.3.6", "v0.3.6", A},
                    {"GHSA-ppp9-7jff-5vj2", "pkg:golang/golang.org/x/text@v0.3.7", "v0.3.7", N},
                    {
                        "KIBAN-TEST-GO-0001",
                        "pkg:golang/golang.org/x/crypto@x",
                        "v0.0.0-20210921155107-089bfa567519",
                        A
                    },
                    {
                        "KIBAN-TEST-GO-0001",
                        "pkg:golang/golang.org/x/crypto@x",
                        "v0.0.0-20211202192323-5770296d904e",
                        N
                    },
                    {"KIBAN-TEST-GO-0001", "pkg:golang/golang.org/x/crypto@x", "v0.1.0", N},
                });
    }

    @Test
    @DisplayName(
            "R-AS-5 Debian: source package via the purl's upstream qualifier, release from distro, epochs (1:1.2.13.dfsg-1 > 1.3-1)")
    void R_AS_5_debian() {
        String libc6 = "pkg:deb/debian/libc6@x?arch=amd64&distro=debian-12&upstream=glibc";
        String zlib = "pkg:deb/debian/zlib1g@x?arch=amd64&distro=debian-12&upstream=zlib";
        table(
                new Object[][] {
                    {"KIBAN-TEST-DEBIAN-0001", libc6, "2.36-9+deb12u2", A},
                    {"KIBAN-TEST-DEBIAN-0001", libc6, "2.36-9+deb12u3", N},
                    {"KIBAN-TEST-DEBIAN-0001", libc6, "2.36-9+deb12u8", N},
                    // the same binary package of Debian 11 is not this advisory's package
                    {
                        "KIBAN-TEST-DEBIAN-0001",
                        "pkg:deb/debian/libc6@x?distro=debian-11&upstream=glibc",
                        "2.31-13",
                        null
                    },
                    {"KIBAN-TEST-DEBIAN-0002", zlib, "1:1.2.13.dfsg-1", A},
                    {"KIBAN-TEST-DEBIAN-0002", zlib, "1.3-1", A},
                    {"KIBAN-TEST-DEBIAN-0002", zlib, "1:1.2.13.dfsg-2", N},
                });
    }

    @Test
    @DisplayName("R-AS-5 npm, PyPI, crates.io, NuGet, RubyGems, Alpine, RPM: each in its own order")
    void R_AS_5_other_ecosystems() {
        table(
                new Object[][] {
                    {"KIBAN-TEST-NPM-0001", "pkg:npm/lodash@x", "4.17.20", A},
                    {"KIBAN-TEST-NPM-0001", "pkg:npm/lodash@x", "4.17.21", N},
                    {"KIBAN-TEST-PYPI-0001", "pkg:pypi/pyyaml@x", "5.3.1", A},
                    {"KIBAN-TEST-PYPI-0001", "pkg:pypi/pyyaml@x", "5.4b1", A},
                    {"KIBAN-TEST-PYPI-0001", "pkg:pypi/pyyaml@x", "5.4.dev1", A},
                    {"KIBAN-TEST-PYPI-0001", "pkg:pypi/pyyaml@x", "5.4", N},
                    {"KIBAN-TEST-PYPI-0001", "pkg:pypi/pyyaml@x", "5.4.post1", N},
                    {"KIBAN-TEST-CARGO-0001", "pkg:cargo/hyper@x", "0.14.9", A},
                    {"KIBAN-TEST-CARGO-0001", "pkg:cargo/hyper@x", "0.14.10-rc.1", A},
                    {"KIBAN-TEST-CARGO-0001", "pkg:cargo/hyper@x", "0.14.10", N},
                    {"KIBAN-TEST-NUGET-0001", "pkg:nuget/Newtonsoft.Json@x", "12.0.3", A},
                    {"KIBAN-TEST-NUGET-0001", "pkg:nuget/Newtonsoft.Json@x", "13.0.1-beta1", A},
                    {"KIBAN-TEST-NUGET-0001", "pkg:nuget/Newtonsoft.Json@x", "13.0.1", N},
                    {"KIBAN-TEST-GEM-0001", "pkg:gem/rack@x", "2.2.8", A},
                    {"KIBAN-TEST-GEM-0001", "pkg:gem/rack@x", "2.2.8.1", N},
                    {"KIBAN-TEST-GEM-0001", "pkg:gem/rack@x", "3.0.0.beta1", N},
                    {"KIBAN-TEST-GEM-0001", "pkg:gem/rack@x", "3.0.0", A},
                    {"KIBAN-TEST-GEM-0001", "pkg:gem/rack@x", "3.0.9.1", N},
                    {
                        "KIBAN-TEST-ALPINE-0001",
                        "pkg:apk/alpine/openssl@x?distro=3.18.4",
                        "3.1.3-r0",
                        A
                    },
                    {
                        "KIBAN-TEST-ALPINE-0001",
                        "pkg:apk/alpine/openssl@x?distro=3.18.4",
                        "3.1.4-r0",
                        A
                    },
                    {
                        "KIBAN-TEST-ALPINE-0001",
                        "pkg:apk/alpine/openssl@x?distro=3.18.4",
                        "3.1.4-r1",
                        N
                    },
                    {
                        "KIBAN-TEST-ALPINE-0001",
                        "pkg:apk/alpine/openssl@x?distro=3.19.0",
                        "3.1.4-r0",
                        null
                    },
                    {"KIBAN-TEST-RPM-0001", "pkg:rpm/redhat/openssl@x", "1:3.0.7-24.el9", A},
                    {"KIBAN-TEST-RPM-0001", "pkg:rpm/redhat/openssl@x", "1:3.0.7-25.el9_3", N},
                    {"KIBAN-TEST-RPM-0001", "pkg:rpm/redhat/openssl@x", "3.0.9-1.el9", A},
                });
    }

    @Test
    @DisplayName(
            "R-AS-5 GIT ranges are not evaluable (never guessed); limit caps a range without a fix")
    void R_AS_5_git_and_limit() {
        table(
                new Object[][] {
                    {"KIBAN-TEST-GIT-0001", "pkg:npm/left-pad@x", "1.3.0", X},
                    {"KIBAN-TEST-LIMIT-0001", "pkg:maven/org.example/limited@x", "1.5", A},
                    {"KIBAN-TEST-LIMIT-0001", "pkg:maven/org.example/limited@x", "2.0", N},
                    {"KIBAN-TEST-LIMIT-0001", "pkg:maven/org.example/limited@x", "0.9", N},
                });
        assertThat(ADVISORIES.get("KIBAN-TEST-GIT-0001").get(0).evaluate("1.3.0").reason())
                .startsWith("GIT range");
    }
}
