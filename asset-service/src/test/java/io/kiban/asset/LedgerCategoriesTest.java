package io.kiban.asset;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sheets 3, 6, 7 and 9: lines, public domains, handled information, KPIs with measurements. */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class LedgerCategoriesTest {

    @Test
    void lines_and_public_domains_are_kept_with_etags_and_validation() {
        Map<String, Object> line =
                Map.of(
                        "lineType",
                        "専用線",
                        "serviceName",
                        unique("closed-net"),
                        "carrier",
                        "NTT",
                        "usedFrom",
                        "2027-04-01",
                        "usedUntil",
                        "2030-12-31",
                        "bandwidth",
                        "10Gbps");
        long id =
                as(Tokens.vendor("vendor-a"))
                        .body(line)
                        .post("/lines")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        admin().header("If-Match", "\"0\"")
                .body(
                        Map.of(
                                "lineType",
                                "専用線",
                                "serviceName",
                                "x",
                                "usedFrom",
                                "2027-04-01",
                                "usedUntil",
                                "2026-01-01"))
                .put("/lines/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("usedUntil"));
        as(Tokens.vendor("vendor-b")).body(line).post("/lines").then().statusCode(403);
        as(Tokens.auditor()).get("/lines/" + id).then().statusCode(200).header("ETag", "\"0\"");
        admin().header("If-Match", "\"0\"")
                .body(
                        Map.of(
                                "lineType",
                                "専用線",
                                "serviceName",
                                "renamed",
                                "usedFrom",
                                "2027-04-01",
                                "bandwidth",
                                "25Gbps"))
                .put("/lines/" + id)
                .then()
                .statusCode(200);
        as(Tokens.auditor())
                .get("/lines/" + id + "/history")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body(
                        "[1].changes",
                        hasItem(Map.of("field", "bandwidth", "from", "10Gbps", "to", "25Gbps")))
                .body("[1].name", equalTo("jpo-admin1"));

        admin().body(Map.of("name", "portal", "dnsName", "not a domain"))
                .post("/public-domains")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("dnsName"));
        admin().body(
                        Map.of(
                                "name",
                                "portal",
                                "dnsName",
                                "ai.jpo.example.jp",
                                "expiresOn",
                                "2031-03-31"))
                .post("/public-domains")
                .then()
                .statusCode(201)
                .body("dnsName", equalTo("ai.jpo.example.jp"));
    }

    @Test
    void handled_information_carries_its_classification() {
        admin().body(
                        Map.of(
                                "name",
                                unique("出願書類"),
                                "personalData",
                                true,
                                "confidentiality",
                                3,
                                "integrity",
                                2,
                                "availability",
                                2))
                .post("/handled-information")
                .then()
                .statusCode(201)
                .body("classification", equalTo("機密性3 完全性2 可用性2"));
        admin().body(
                        Map.of(
                                "name",
                                "x",
                                "personalData",
                                false,
                                "confidentiality",
                                4,
                                "integrity",
                                3,
                                "availability",
                                0))
                .post("/handled-information")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("confidentiality"))
                .body("errors.field", hasItem("integrity"))
                .body("errors.field", hasItem("availability"));
    }

    @Test
    void kpis_have_measurements_over_time() {
        long id =
                admin().body(
                                Map.of(
                                        "name",
                                        unique("GPU利用率"),
                                        "kpiClass",
                                        "resource",
                                        "plannedValue",
                                        70,
                                        "unit",
                                        "%"))
                        .post("/kpis")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        as(Tokens.vendor("vendor-a"))
                .body(Map.of("name", "x", "kpiClass", "y"))
                .post("/kpis")
                .then()
                .statusCode(403);
        for (String[] m :
                List.of(
                        new String[] {"2027-04-01T00:00:00Z", "55.5"},
                        new String[] {"2027-05-01T00:00:00Z", "61"},
                        new String[] {"2027-06-01T00:00:00Z", "72.25"})) {
            as(Tokens.vendor("vendor-a"))
                    .body(Map.of("measuredAt", m[0], "value", m[1]))
                    .post("/kpis/" + id + "/measurements")
                    .then()
                    .statusCode(201);
        }
        as(Tokens.service("lifecycle"))
                .body(Map.of("measuredAt", "2027-07-01T00:00:00Z", "value", 80))
                .post("/kpis/" + id + "/measurements")
                .then()
                .statusCode(201);
        as(Tokens.vendor("vendor-b"))
                .body(Map.of("measuredAt", "2027-07-01T00:00:00Z", "value", 1))
                .post("/kpis/" + id + "/measurements")
                .then()
                .statusCode(403);
        List<Float> series =
                as(Tokens.auditor())
                        .queryParam("from", "2027-05-01T00:00:00Z")
                        .queryParam("to", "2027-07-01T00:00:00Z")
                        .get("/kpis/" + id + "/measurements")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("value", Float.class);
        assertThat(series).containsExactly(61f, 72.25f);
        as(Tokens.auditor())
                .queryParam("from", "2027-07-01T00:00:00Z")
                .queryParam("to", "2027-05-01T00:00:00Z")
                .get("/kpis/" + id + "/measurements")
                .then()
                .statusCode(400);
        admin().header("If-Match", "\"0\"").delete("/kpis/" + id).then().statusCode(409);
    }

    @Test
    void external_services_facilities_security_requirements_work_records_and_schedule_are_kept() {
        admin().body(
                        Map.of(
                                "name",
                                unique("閉域SaaS"),
                                "usageForm",
                                "利用契約",
                                "usedFrom",
                                "2027-04-01",
                                "usedUntil",
                                "2027-03-01"))
                .post("/external-services")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("usedUntil"));
        admin().body(
                        Map.of(
                                "name",
                                unique("閉域SaaS"),
                                "usageForm",
                                "利用契約",
                                "usedFrom",
                                "2027-04-01"))
                .post("/external-services")
                .then()
                .statusCode(201);
        admin().body(
                        Map.of(
                                "name",
                                unique("本館サーバ室"),
                                "form",
                                "庁舎内",
                                "address",
                                "東京都千代田区霞が関3-4-3",
                                "durability",
                                "耐震",
                                "rackCount",
                                4,
                                "racks",
                                "R1,R2,R3,R4",
                                "zones",
                                "A"))
                .post("/facilities")
                .then()
                .statusCode(201)
                .body("rackCount", equalTo(4));
        admin().body(Map.of("name", "x", "rackCount", -1))
                .post("/facilities")
                .then()
                .statusCode(400);
        admin().body(
                        Map.of(
                                "code",
                                "⑤",
                                "requirement",
                                "サポート終了ソフトウェアを使用しない",
                                "status",
                                "NOT_APPLICABLE"))
                .post("/security-requirements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("note"));
        admin().body(
                        Map.of(
                                "code",
                                "⑤",
                                "requirement",
                                "サポート終了ソフトウェアを使用しない",
                                "status",
                                "IMPLEMENTED"))
                .post("/security-requirements")
                .then()
                .statusCode(201);
        as(Tokens.vendor("vendor-a"))
                .body(
                        Map.of(
                                "kind",
                                "RISK",
                                "recordedOn",
                                "2027-01-10",
                                "title",
                                "半導体不足による納期遅延",
                                "owner",
                                "vendor-a",
                                "state",
                                "OPEN",
                                "dueOn",
                                "2027-03-31"))
                .post("/work-records")
                .then()
                .statusCode(201)
                .body("kind", equalTo("RISK"));
        admin().body(Map.of("kind", "GOSSIP", "recordedOn", "2027-01-10", "title", "x"))
                .post("/work-records")
                .then()
                .statusCode(400);
        as(Tokens.vendor("vendor-a"))
                .body(
                        Map.of(
                                "task",
                                "ラック設置",
                                "plannedStart",
                                "2027-02-01",
                                "plannedEnd",
                                "2027-02-10",
                                "plannedEffort",
                                12.5,
                                "actualEffort",
                                14))
                .post("/schedule")
                .then()
                .statusCode(201)
                .body("plannedEffort", equalTo(12.5f));
        admin().body(Map.of("task", "x", "plannedStart", "2027-02-10", "plannedEnd", "2027-02-01"))
                .post("/schedule")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("plannedEnd"));
        as(Tokens.jpoStaff()).body(Map.of("task", "x")).post("/schedule").then().statusCode(403);
        as(Tokens.auditor()).get("/schedule").then().statusCode(200);
    }

    @Test
    void every_flat_category_has_the_same_contract_paged_list_etag_if_match_roles_and_history() {
        Map<String, Map<String, Object>> bodies = new java.util.LinkedHashMap<>();
        bodies.put("/lines", Map.of("lineType", "専用線", "serviceName", unique("contract")));
        bodies.put("/external-services", Map.of("name", unique("contract")));
        bodies.put("/facilities", Map.of("name", unique("contract")));
        bodies.put(
                "/public-domains",
                Map.of("name", unique("contract"), "dnsName", "contract.example.jp"));
        bodies.put(
                "/handled-information",
                Map.of(
                        "name",
                        unique("contract"),
                        "personalData",
                        false,
                        "confidentiality",
                        1,
                        "integrity",
                        1,
                        "availability",
                        1));
        bodies.put(
                "/security-requirements",
                Map.of("code", "①", "requirement", unique("contract"), "status", "IMPLEMENTED"));
        bodies.put(
                "/work-records",
                Map.of("kind", "ISSUE", "recordedOn", "2027-01-10", "title", unique("contract")));
        bodies.put("/schedule", Map.of("task", unique("contract")));
        bodies.forEach(
                (path, body) -> {
                    io.restassured.RestAssured.given().get(path).then().statusCode(401);
                    long id =
                            as(Tokens.vendor("vendor-a"))
                                    .body(body)
                                    .post(path)
                                    .then()
                                    .statusCode(201)
                                    .header(
                                            "Location",
                                            org.hamcrest.Matchers.containsString(path + "/"))
                                    .header("ETag", "\"0\"")
                                    .extract()
                                    .jsonPath()
                                    .getLong("id");
                    String one = path + "/" + id;
                    as(Tokens.supportVendor())
                            .get(one)
                            .then()
                            .statusCode(200)
                            .header("ETag", "\"0\"");
                    as(Tokens.service("lifecycle"))
                            .queryParam("size", 1)
                            .get(path)
                            .then()
                            .statusCode(200)
                            .header("X-Total-Count", org.hamcrest.Matchers.notNullValue())
                            .body("size()", equalTo(1));
                    as(Tokens.supportVendor()).body(body).post(path).then().statusCode(403);
                    as(Tokens.service("lifecycle")).body(body).post(path).then().statusCode(403);
                    as(Tokens.vendor("vendor-b"))
                            .header("If-Match", "\"0\"")
                            .body(body)
                            .put(one)
                            .then()
                            .statusCode(403);
                    admin().body(body).put(one).then().statusCode(428);
                    admin().header("If-Match", "\"5\"").body(body).put(one).then().statusCode(412);
                    Map<String, Object> changed = new java.util.HashMap<>(body);
                    changed.replaceAll(
                            (k, v) ->
                                    v instanceof String t && t.startsWith("contract-")
                                            ? unique("changed")
                                            : v);
                    admin().header("If-Match", "\"0\"")
                            .body(changed)
                            .put(one)
                            .then()
                            .statusCode(200)
                            .header("ETag", "\"1\"");
                    as(Tokens.auditor())
                            .get(one + "/history")
                            .then()
                            .statusCode(200)
                            .body("[0].type", equalTo("CREATED"));
                    as(Tokens.jpoStaff())
                            .header("If-Match", "\"1\"")
                            .delete(one)
                            .then()
                            .statusCode(403);
                    admin().header("If-Match", "\"0\"").delete(one).then().statusCode(412);
                    admin().header("If-Match", "\"1\"").delete(one).then().statusCode(204);
                    admin().get(one).then().statusCode(404).contentType("application/problem+json");
                });
        io.restassured.path.json.JsonPath openapi =
                io.restassured.RestAssured.given()
                        .queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(
                        openapi.getString(
                                "paths.'/lines'.post.requestBody.content.'application/json'.schema.$ref"))
                .endsWith("LineInput");
        assertThat(
                        openapi.getString(
                                "paths.'/schedule/{id}'.put.requestBody.content.'application/json'.schema.$ref"))
                .endsWith("ScheduleItemInput");
    }
}
