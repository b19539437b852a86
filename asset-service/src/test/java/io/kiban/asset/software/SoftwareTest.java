package io.kiban.asset.software;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class SoftwareTest {

    static Map<String, Object> software(
            String name, String version, String environment, String deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("edition", "Enterprise");
        body.put("version", version);
        body.put("softwareClass", "MIDDLEWARE");
        body.put("licenseForm", "subscription");
        body.put("supportDeadline", deadline);
        body.put("installedOn", "CLUSTER");
        body.put("host", "k8s-" + environment.toLowerCase());
        body.put("environment", environment);
        return body;
    }

    /** Every page of the support-risks report. */
    static List<Map<String, Object>> allRisks(Map<String, String> params) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> rows =
                    as(Tokens.auditor())
                            .queryParams(params)
                            .queryParam("page", page)
                            .queryParam("size", 200)
                            .get("/software/support-risks")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("$");
            all.addAll(rows);
            if (rows.size() < 200) {
                return all;
            }
        }
    }

    static long create(Map<String, Object> body) {
        return admin().body(body)
                .post("/software")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void R_AS_4_support_ended_or_ending_before_contract_end_is_flagged_ahead_of_time() {
        String p = unique("SW");
        long ended = create(software(p + "-ended", "1", "PRODUCTION", "2026-12-31"));
        long warning = create(software(p + "-soon", "1", "PRODUCTION", "2027-05-01"));
        long before = create(software(p + "-before", "1", "STAGING", "2030-06-30"));
        long covered = create(software(p + "-covered", "1", "PRODUCTION", "2031-12-31"));
        long unknown = create(software(p + "-unknown", "1", "PRODUCTION", null));

        JsonPath risks =
                as(Tokens.auditor())
                        .get("/software/support-risks")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(risks.getString("find { it.softwareId == " + ended + " }.level"))
                .isEqualTo("ENDED");
        assertThat(risks.getInt("find { it.softwareId == " + ended + " }.daysLeft")).isEqualTo(-15);
        assertThat(risks.getString("find { it.softwareId == " + warning + " }.level"))
                .isEqualTo("WARNING");
        assertThat(risks.getInt("find { it.softwareId == " + warning + " }.daysLeft"))
                .isEqualTo(106);
        assertThat(risks.getString("find { it.softwareId == " + before + " }.level"))
                .isEqualTo("BEFORE_CONTRACT_END");
        assertThat(risks.getString("find { it.softwareId == " + before + " }.contractEnd"))
                .isEqualTo("2031-03-31");
        List<Integer> ids = risks.getList("softwareId", Integer.class);
        assertThat(ids).doesNotContain((int) covered);

        // issue 18: software with no known deadline is shown as UNKNOWN by default (after every
        // dated row),
        // and left out only on request (includeUnknown=false)
        List<Map<String, Object>> all = allRisks(Map.of("environment", "PRODUCTION"));
        assertThat(all)
                .anySatisfy(
                        r -> {
                            assertThat(((Number) r.get("softwareId")).longValue())
                                    .isEqualTo(unknown);
                            assertThat(r.get("level")).isEqualTo("UNKNOWN");
                        });
        JsonPath withoutUnknown =
                as(Tokens.auditor())
                        .queryParam("includeUnknown", false)
                        .queryParam("size", 200)
                        .queryParam("environment", "PRODUCTION")
                        .get("/software/support-risks")
                        .jsonPath();
        assertThat(withoutUnknown.getList("softwareId", Integer.class))
                .doesNotContain((int) unknown);
        JsonPath withUnknown =
                as(Tokens.auditor())
                        .queryParam("includeUnknown", true)
                        .queryParam("environment", "PRODUCTION")
                        .get("/software/support-risks")
                        .jsonPath();
        assertThat(withUnknown.getList("environment", String.class)).containsOnly("PRODUCTION");
    }

    @Test
    void drift_lists_products_whose_versions_differ_between_environments() {
        String differs = unique("DRIFT");
        String same = unique("SAME");
        create(software(differs, "1.2", "PRODUCTION", null));
        create(software(differs, "1.3", "STAGING", null));
        create(software(same, "2.0", "PRODUCTION", null));
        create(software(same, "2.0", "STAGING", null));
        JsonPath drift =
                as(Tokens.jpoStaff())
                        .get("/software/drift")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(drift.getList("find { it.name == '" + differs + "' }.production", String.class))
                .containsExactly("1.2");
        assertThat(drift.getList("find { it.name == '" + differs + "' }.staging", String.class))
                .containsExactly("1.3");
        assertThat(drift.getList("name", String.class)).doesNotContain(same);
    }

    @Test
    void software_on_hardware_takes_its_environment_and_keeps_history() {
        long hw = newHardware("environment", "PRODUCTION");
        Map<String, Object> body = software(unique("OS"), "9.4", "PRODUCTION", "2032-05-31");
        body.put("installedOn", "HARDWARE");
        body.put("hardwareId", hw);
        body.put("host", null);
        body.put("environment", null);
        body.put("softwareClass", "OS");
        long id =
                as(Tokens.vendor("vendor-a"))
                        .body(body)
                        .post("/software")
                        .then()
                        .statusCode(201)
                        .body("environment", equalTo("PRODUCTION"))
                        .body("supportSource", equalTo("manual"))
                        .extract()
                        .jsonPath()
                        .getLong("id");
        body.put("version", "9.5");
        admin().header("If-Match", "\"0\"")
                .body(body)
                .put("/software/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo("9.5"));
        as(Tokens.auditor())
                .get("/software/" + id + "/history")
                .then()
                .statusCode(200)
                .body(
                        "[1].changes",
                        hasItem(Map.of("field", "productVersion", "from", "9.4", "to", "9.5")));
        as(Tokens.auditor())
                .queryParam("hardwareId", hw)
                .get("/software")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));

        body.put("hardwareId", 987654321);
        admin().body(body).post("/software").then().statusCode(422);
        body.put("installedOn", "VM");
        body.put("hardwareId", null);
        admin().body(body).post("/software").then().statusCode(400);
        as(Tokens.vendor("vendor-b"))
                .body(software(unique("X"), "1", "STAGING", null))
                .post("/software")
                .then()
                .statusCode(403);
    }
}
