package io.kiban.asset.imports;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 7 and 10: long SBOM subjects import, over-long version strings are a 400 naming
 * the place.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class ImportLimitsTest {

    static String sbom(String version) {
        return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":["
                + "{\"name\":\"ok-lib\",\"version\":\"1.0\"},{\"name\":\"long-lib\",\"version\":\""
                + version
                + "\"}]}";
    }

    /** {@code length} characters, starting with a unique prefix. */
    static String subject(int length) {
        String prefix = "host-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        return prefix + "s".repeat(length - prefix.length());
    }

    static String softwareCount(String subject) {
        return as(Tokens.auditor())
                .queryParam("sbomSubject", subject)
                .get("/software")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Total-Count");
    }

    @Test
    void SEC_sbom_subjects_of_129_to_255_characters_import() {
        for (int length : new int[] {129, 200, 255}) {
            String subject = subject(length);
            admin().queryParam("subject", subject)
                    .queryParam("environment", "STAGING")
                    .body(sbom("2.0"))
                    .post("/imports/sbom")
                    .then()
                    .statusCode(200)
                    .body("subject", equalTo(subject));
            assertThat(softwareCount(subject)).isEqualTo("2");
            // the import's audit entry names the whole subject
            as(Tokens.auditor())
                    .queryParam("entityType", "sbom")
                    .queryParam("entityId", subject)
                    .get("/audit")
                    .then()
                    .statusCode(200)
                    .header("X-Total-Count", "1");
        }
        // the same from metadata.component (name@version): 250 + "@" + "1.0" = 254 characters
        String name = subject(250);
        String withMetadata =
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"metadata\":{\"component\":{"
                        + "\"name\":\""
                        + name
                        + "\",\"version\":\"1.0\"}},\"components\":[{\"name\":\"a\",\"version\":\"1\"}]}";
        admin().queryParam("environment", "PRODUCTION")
                .body(withMetadata)
                .post("/imports/sbom")
                .then()
                .statusCode(200)
                .body("subject", equalTo(name + "@1.0"));
        String tooLong = subject(256);
        admin().queryParam("subject", tooLong)
                .queryParam("environment", "STAGING")
                .body(sbom("2.0"))
                .post("/imports/sbom")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(softwareCount(tooLong)).isEqualTo("0");
    }

    @Test
    void SEC_a_version_longer_than_128_characters_is_400_naming_the_place_and_nothing_is_written() {
        String subject = subject(40);
        String v129 = "1." + "0".repeat(127);
        admin().queryParam("subject", subject)
                .queryParam("environment", "STAGING")
                .body(sbom(v129))
                .post("/imports/sbom")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("$.components[1].version"))
                .body("detail", containsString("128"));
        assertThat(softwareCount(subject)).isEqualTo("0");

        String v128 = "1." + "0".repeat(126);
        admin().queryParam("subject", subject)
                .queryParam("environment", "STAGING")
                .body(sbom(v128))
                .post("/imports/sbom")
                .then()
                .statusCode(200);
        assertThat(
                        as(Tokens.auditor())
                                .queryParam("sbomSubject", subject)
                                .queryParam("name", "long-lib")
                                .get("/software")
                                .jsonPath()
                                .getString("[0].version"))
                .isEqualTo(v128);

        String osv =
                "{\"id\":\"OSV-LONG-"
                        + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"affected\":[{"
                        + "\"package\":{\"ecosystem\":\"Maven\",\"name\":\"org.example:long\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                        + "\"events\":[{\"introduced\":\""
                        + v129
                        + "\"}]}]}]}";
        admin().body(osv)
                .post("/imports/osv")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("ranges[0].events[0].introduced"));
        String osvVersions =
                "{\"id\":\"OSV-LONG-"
                        + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"affected\":[{"
                        + "\"package\":{\"ecosystem\":\"Maven\",\"name\":\"org.example:long\"},\"versions\":[\"1\",\""
                        + v129
                        + "\"]}]}";
        admin().body(osvVersions)
                .post("/imports/osv")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("versions[1]"));
    }
}
