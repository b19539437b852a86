package io.kiban.asset.idempotency;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 hole 7: every POST of asset-service that creates something honours Idempotency-Key — the
 * same key and body replay the first answer (one write: exactly one new audit entry), another body
 * with that key → 422.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class IdempotentPostsTest {

    static long auditEntries() {
        return Long.parseLong(
                as(Tokens.auditor())
                        .get("/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Total-Count"));
    }

    /** POSTs {@code body} twice with one key, then {@code other} with the same key. */
    static void replays(
            Supplier<RequestSpecification> who,
            String path,
            Object body,
            Object other,
            int status) {
        String key = UUID.randomUUID().toString();
        long before = auditEntries();
        Response first = who.get().header("Idempotency-Key", key).body(body).post(path);
        first.then().statusCode(status);
        Response second = who.get().header("Idempotency-Key", key).body(body).post(path);
        second.then().statusCode(status).header("Idempotent-Replayed", "true");
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(auditEntries()).as("one write for " + path).isEqualTo(before + 1);
        who.get()
                .header("Idempotency-Key", key)
                .body(other)
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(auditEntries()).isEqualTo(before + 1);
    }

    @Test
    void SEC_baseline_eol_mapping_and_ledger_sheets_honour_the_key() {
        String code = unique("IDEM");
        replays(
                () -> admin(),
                "/baseline",
                Map.of(
                        "itemCode",
                        code,
                        "hardwareClass",
                        "NETWORK",
                        "name",
                        "switch",
                        "environment",
                        "STAGING",
                        "requiredQuantity",
                        2),
                Map.of(
                        "itemCode",
                        code,
                        "hardwareClass",
                        "NETWORK",
                        "name",
                        "switch",
                        "environment",
                        "STAGING",
                        "requiredQuantity",
                        3),
                201);
        replays(
                () -> admin(),
                "/eol-mappings",
                Map.of(
                        "product",
                        "idem-" + code.toLowerCase().substring(5),
                        "matchKind",
                        "NAME",
                        "pattern",
                        code,
                        "cycleFormat",
                        "MAJOR"),
                Map.of(
                        "product",
                        "idem-" + code.toLowerCase().substring(5),
                        "matchKind",
                        "NAME",
                        "pattern",
                        code + "x",
                        "cycleFormat",
                        "MAJOR"),
                201);
        replays(
                () -> as(Tokens.vendor("vendor-a")),
                "/lines",
                Map.of(
                        "lineType",
                        "専用線",
                        "serviceName",
                        code,
                        "carrier",
                        "NTT",
                        "usedFrom",
                        "2027-04-01"),
                Map.of(
                        "lineType",
                        "専用線",
                        "serviceName",
                        code,
                        "carrier",
                        "KDDI",
                        "usedFrom",
                        "2027-04-01"),
                201);
    }

    @Test
    void SEC_racks_positions_kpis_and_measurements_honour_the_key() {
        long facility =
                admin().body(Map.of("name", unique("DC"), "form", "庁舎内", "rackCount", 1))
                        .post("/facilities")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        String racks = "/facilities/" + facility + "/racks";
        replays(
                () -> admin(),
                racks,
                Map.of("name", "R01", "heightUnits", 42),
                Map.of("name", "R01", "heightUnits", 40),
                201);
        long rack = admin().get(racks).jsonPath().getLong("[0].id");
        long hw = newHardware();
        replays(
                () -> as(Tokens.vendor("vendor-a")),
                racks + "/" + rack + "/positions",
                Map.of("hardwareId", hw, "bottomUnit", 10, "heightUnits", 2),
                Map.of("hardwareId", hw, "bottomUnit", 20, "heightUnits", 2),
                201);
        String kpi = unique("KPI");
        replays(
                () -> admin(),
                "/kpis",
                Map.of("name", kpi, "kpiClass", "resource", "plannedValue", 70),
                Map.of("name", kpi, "kpiClass", "resource", "plannedValue", 80),
                201);
        long kpiId =
                as(Tokens.auditor())
                        .queryParam("size", 200)
                        .get("/kpis")
                        .jsonPath()
                        .getLong("find { it.name == '" + kpi + "' }.id");
        replays(
                () -> as(Tokens.service("lifecycle")),
                "/kpis/" + kpiId + "/measurements",
                Map.of("measuredAt", "2027-04-01T00:00:00Z", "value", 55.5),
                Map.of("measuredAt", "2027-04-01T00:00:00Z", "value", 56),
                201);
    }

    @Test
    void SEC_imports_honour_the_key() {
        String subject = unique("img");
        String sbom =
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[{\"name\":\"zlib\","
                        + "\"version\":\"1.3\",\"purl\":\"pkg:generic/zlib@1.3\"}]}";
        replays(
                () -> admin().queryParam("subject", subject).queryParam("environment", "STAGING"),
                "/imports/sbom",
                sbom,
                sbom.replace("1.3", "1.3.1"),
                200);
        String osv =
                "{\"id\":\""
                        + unique("OSV")
                        + "\",\"affected\":[{\"package\":{\"ecosystem\":\"Maven\","
                        + "\"name\":\"org.example:idem\"},\"versions\":[\"1.0\"]}]}";
        replays(() -> admin(), "/imports/osv", osv, osv.replace("1.0", "1.1"), 200);
        String product = "idem-" + subject.toLowerCase().substring(4);
        replays(
                () -> admin().queryParam("product", product),
                "/imports/endoflife",
                "[{\"cycle\":\"1\",\"eol\":\"2030-01-01\"}]",
                "[{\"cycle\":\"1\",\"eol\":\"2031-01-01\"}]",
                200);
    }
}
