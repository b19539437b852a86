package io.kiban.asset.support;

import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.createHardware;
import static io.kiban.asset.AssetApi.hardware;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 9: lease end, contract end and contracted vendor come from lifecycle-service's
 * contract.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class ContractFromLifecycleTest {

    @Inject Lifecycle lifecycle;

    @AfterEach
    void lifecycleBackToDefaults() {
        LifecycleServiceMock.reset();
    }

    /** The R-AS-6 row of one hardware item in STAGING (null when it is not flagged). */
    static Map<String, Object> risk(Response r, long id) {
        List<Map<String, Object>> rows = r.jsonPath().getList("findAll { it.id == " + id + " }");
        return rows.isEmpty() ? null : rows.get(0);
    }

    static Response risks() {
        return as(Tokens.jpoStaff())
                .queryParam("environment", "STAGING")
                .queryParam("size", 200)
                .get("/hardware/maintenance-risks");
    }

    @Test
    void R_AS_6_an_amended_lease_end_changes_the_maintenance_risk_flag() {
        long id = newHardware("environment", "STAGING", "maintenanceDeadline", "2031-01-31");
        Response signed = risks();
        signed.then()
                .statusCode(200)
                .header("Kiban-Contract-Stale", "false")
                .header("Kiban-Contract-As-Of", containsString("T"));
        assertThat(risk(signed, id)).isNull(); // 2031-01-31 covers a lease ending 2030-12-31

        // R-LC-9 extension: the lease now ends 2031-03-31; maintenance is 59 days short (28 in
        // February 2031 + 31)
        LifecycleServiceMock.contract("2031-03-31", "2031-03-31", "vendor-a");
        Response amended = risks();
        amended.then().statusCode(200).header("Kiban-Contract-Stale", "false");
        Map<String, Object> row = risk(amended, id);
        assertThat(row).isNotNull();
        assertThat(row.get("leaseEnd")).isEqualTo("2031-03-31");
        assertThat(row.get("daysShort")).isEqualTo(59);
        assertThat(row.get("contractStale")).isEqualTo(false);
    }

    @Test
    void R_AS_6_lifecycle_down_uses_the_last_copy_and_says_it_is_stale() {
        long id = newHardware("environment", "STAGING", "maintenanceDeadline", "2030-12-01");
        LifecycleServiceMock.contract("2031-02-28", "2031-03-31", "vendor-a");
        Response fresh = risks();
        fresh.then().statusCode(200).header("Kiban-Contract-Stale", "false");
        String asOf = fresh.header("Kiban-Contract-As-Of");

        LifecycleServiceMock.down();
        Response stale = risks();
        stale.then()
                .statusCode(200)
                .header("Kiban-Contract-Stale", "true")
                .header("Kiban-Contract-As-Of", asOf);
        Map<String, Object> row = risk(stale, id);
        // 2030-12-01 → 2031-02-28: 30 (rest of December) + 31 + 28 = 89 days short, from the cached
        // lease end
        assertThat(row.get("leaseEnd")).isEqualTo("2031-02-28");
        assertThat(row.get("daysShort")).isEqualTo(89);
        assertThat(row.get("contractStale")).isEqualTo(true);
        as(Tokens.auditor())
                .get("/software/support-risks")
                .then()
                .statusCode(200)
                .header("Kiban-Contract-Stale", "true");
    }

    @Test
    void R_AS_4_R_AS_6_lifecycle_down_without_any_copy_is_503() {
        LifecycleServiceMock.down();
        lifecycle.forgetCachedCopies();
        risks().then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("lifecycle-service"));
        as(Tokens.auditor()).get("/software/support-risks").then().statusCode(503);
        // the contracted-vendor check cannot be made either: the vendor's write is refused, nothing
        // written
        String before = as(Tokens.auditor()).get("/hardware").header("X-Total-Count");
        as(Tokens.vendor("vendor-a"))
                .body(hardware(unique("SN")))
                .post("/hardware")
                .then()
                .statusCode(503);
        LifecycleServiceMock.reset();
        assertThat(as(Tokens.auditor()).get("/hardware").header("X-Total-Count")).isEqualTo(before);
    }

    @Test
    void R_AS_4_the_contract_end_is_the_amended_one() {
        LifecycleServiceMock.contract("2030-12-31", "2031-09-30", "vendor-a");
        as(Tokens.auditor())
                .queryParam("includeUnknown", true)
                .queryParam("size", 1)
                .get("/software/support-risks")
                .then()
                .statusCode(200)
                .header("Kiban-Contract-Stale", "false");
        long hw = newHardware();
        String name = unique("sw");
        as(Tokens.jpoAdmin())
                .body(
                        Map.of(
                                "name",
                                name,
                                "version",
                                "1.0",
                                "softwareClass",
                                "MIDDLEWARE",
                                "installedOn",
                                "HARDWARE",
                                "hardwareId",
                                hw,
                                "supportDeadline",
                                "2031-06-30"))
                .post("/software")
                .then()
                .statusCode(201);
        List<Map<String, Object>> rows =
                as(Tokens.auditor())
                        .queryParam("size", 200)
                        .get("/software/support-risks")
                        .jsonPath()
                        .getList("findAll { it.name == '" + name + "' }");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("contractEnd")).isEqualTo("2031-09-30");
    }

    @Test
    void SEC_the_contracted_vendor_is_the_contracts_vendor_organisation() {
        LifecycleServiceMock.contract("2030-12-31", "2031-03-31", "vendor-b");
        as(Tokens.vendor("vendor-a"))
                .body(hardware(unique("SN")))
                .post("/hardware")
                .then()
                .statusCode(403);
        as(Tokens.vendor("vendor-b"))
                .body(hardware(unique("SN")))
                .post("/hardware")
                .then()
                .statusCode(201);
        LifecycleServiceMock.reset();
        as(Tokens.vendor("vendor-b"))
                .body(hardware(unique("SN")))
                .post("/hardware")
                .then()
                .statusCode(403);
        createHardware(hardware(unique("SN"))).then().statusCode(201);
    }
}
