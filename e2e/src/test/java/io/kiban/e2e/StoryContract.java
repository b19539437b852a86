package io.kiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's obligations after the build (issue 14), in the story's August 2027: the security
 * confirmation document and the half-yearly 別紙2 reports (R-LC-12); contract amendments, proposed by
 * one jpo-admin and approved by another on the version reviewed (R-SEC-2), that never reach a
 * closed month (R-LC-14), that move the deliverables due relative to the online service start
 * (R-LC-5, R-LC-6) and the report schedule (R-LC-12), and that asset-service follows (R-AS-4: the
 * contract end is lifecycle-service's); finally the contract is amended back to what it was, so the
 * later steps (the matrix, the removal) see the contract as signed.
 */
final class StoryContract {

    /**
     * signing 2026-06-30 + 6, 12, … 54 months, then the contract end itself (the removal half-year,
     * R-LC-12)
     */
    static final List<String> SECURITY_REPORTS_AS_SIGNED =
            List.of(
                    "2026-12-30",
                    "2027-06-30",
                    "2027-12-30",
                    "2028-06-30",
                    "2028-12-30",
                    "2029-06-30",
                    "2029-12-30",
                    "2030-06-30",
                    "2030-12-30",
                    "2031-03-31");

    /**
     * the same with the contract end amended to 2031-09-30: + 60 months (2031-06-30), then the new
     * contract end
     */
    static final List<String> SECURITY_REPORTS_EXTENDED =
            List.of(
                    "2026-12-30",
                    "2027-06-30",
                    "2027-12-30",
                    "2028-06-30",
                    "2028-12-30",
                    "2029-06-30",
                    "2029-12-30",
                    "2030-06-30",
                    "2030-12-30",
                    "2031-06-30",
                    "2031-09-30");

    /** the contract as it stood before the story amended it (amended back to it at the end) */
    private static volatile Map<String, Object> asSigned;

    private StoryContract() {}

    // ------------------------------------------------------------------------------------------
    // R-LC-12

    /**
     * R-LC-12 and security item 1): the confirmation document (確認書類) is due two weeks after signing
     * and comes before any 別紙2 report is approved; the 別紙2 reports are due every six months over
     * the whole contract, the removal half-year included, never more than a year apart; a report
     * carries every item of 別紙2 with a reason where it is not implemented; whoever submitted it
     * does not approve it, and the approval names the statuses reviewed.
     */
    static void securityConfirmationAndReports() {
        LocalDate today = StoryLedger.today();
        List<Map<String, Object>> confirmations = deliverables("SECURITY_CONFIRMATION");
        assertThat(confirmations).as("one security confirmation document").hasSize(1);
        Map<String, Object> confirmation = confirmations.get(0);
        long confirmationId = id(confirmation);
        // signing 2026-06-30 + 14 days
        assertThat(confirmation.get("dueDate")).isEqualTo("2026-07-14");
        assertThat(confirmation.get("rule")).isEqualTo("R-LC-12");
        assertThat(confirmation.get("status")).isEqualTo("PENDING");
        assertThat(confirmation.get("overdue"))
                .as("due 2026-07-14, not approved by " + today)
                .isEqualTo(true);

        // the schedule: every six months from signing to the contract end, the removal half-year
        // included
        List<Map<String, Object>> reports = scheduledReports();
        assertThat(reports)
                .extracting(r -> r.get("dueDate"))
                .as("別紙2 due dates")
                .containsExactlyElementsOf(SECURITY_REPORTS_AS_SIGNED);
        LocalDate previous = LocalDate.parse("2026-06-30");
        for (Map<String, Object> r : reports) {
            LocalDate due = LocalDate.parse((String) r.get("dueDate"));
            assertThat(due)
                    .as("no two reports more than a year apart")
                    .isBeforeOrEqualTo(previous.plusYears(1));
            previous = due;
        }
        assertThat(previous)
                .as("the last report covers the removal half-year")
                .isEqualTo(LocalDate.parse("2031-03-31"));
        // none approved since signing and a year has passed (2027-06-30 < today): the two reports
        // due are overdue
        for (Map<String, Object> r : reports) {
            boolean due = !LocalDate.parse((String) r.get("dueDate")).isAfter(today);
            assertThat(r.get("overdue"))
                    .as("report " + r.get("scheduleSeq") + " due " + r.get("dueDate") + " overdue")
                    .isEqualTo(due);
            if (due) {
                assertThat((String) r.get("overdueReason")).contains("R-LC-12");
            }
        }
        long first = id(reports.get(0));
        String path = "/deliverables/" + first;

        // the contracted vendor submits the first report; another vendor may not
        byte[] reportPdf = pdf("別紙2 情報セキュリティ対策の実施状況報告 第1回 (vendor-a)");
        Api.as(Tokens.VENDOR_B, "lifecycle")
                .contentType("application/pdf")
                .queryParam("fileName", "bessi2-1.pdf")
                .body(reportPdf)
                .put(path + "/file")
                .then()
                .statusCode(403);
        String submitted =
                Api.as(Tokens.VENDOR_A, "lifecycle")
                        .contentType("application/pdf")
                        .queryParam("fileName", "bessi2-1.pdf")
                        .body(reportPdf)
                        .put(path + "/file")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(200)
                        .body("status", equalTo("SUBMITTED"))
                        .extract()
                        .path("fileSha256");
        assertThat(submitted).isEqualTo(StoryLease.sha256(reportPdf));
        String beforeStatuses = etag(Tokens.JPO_ADMIN, path);

        // 別紙2: every item, a reason where not implemented, details for 15)⑩ (R-LC-12)
        List<Map<String, Object>> items = complianceItems();
        assertThat(items).as("items 2–17, 15-1…15-10, 16-1…16-6").hasSize(32);
        Api.as(Tokens.VENDOR_B, "lifecycle")
                .body(Map.of("items", items))
                .put(path + "/compliance")
                .then()
                .statusCode(403);
        List<Map<String, Object>> missingOne = new ArrayList<>(items.subList(0, items.size() - 1));
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .body(Map.of("items", missingOne))
                .put(path + "/compliance")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-12"));
        List<Map<String, Object>> noReason = new ArrayList<>(items);
        noReason.set(0, Map.of("item", "2", "status", "NOT_IMPLEMENTED"));
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .body(Map.of("items", noReason))
                .put(path + "/compliance")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-12"));
        assertThat(
                        Api.as(Tokens.AUDITOR, "lifecycle")
                                .get(path + "/compliance")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("$"))
                .as("nothing recorded by the refused reports")
                .isEmpty();
        List<Map<String, Object>> recorded =
                Api.as(Tokens.VENDOR_A, "lifecycle")
                        .body(Map.of("items", items))
                        .put(path + "/compliance")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        assertThat(recorded).hasSize(32);
        String reviewed = etag(Tokens.JPO_ADMIN, path);
        assertThat(reviewed)
                .as("recording the statuses changes the report's version")
                .isNotEqualTo(beforeStatuses);

        // security item 1): no 別紙2 report is approved before the confirmation document is
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", reviewed)
                .post(path + "/approval")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-LC-12"))
                .body("detail", containsString("確認書類"));
        assertThat(
                        Api.as(Tokens.AUDITOR, "lifecycle")
                                .get(path)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("status"))
                .isEqualTo("SUBMITTED");

        // the confirmation document: submitted by the vendor, approved by JPO on the version
        // reviewed
        String cpath = "/deliverables/" + confirmationId;
        byte[] confirmationPdf = pdf("情報セキュリティ対策の確認書類（セキュリティ要件1)） vendor-a");
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .contentType("application/pdf")
                .queryParam("fileName", "kakunin.pdf")
                .body(confirmationPdf)
                .put(cpath + "/file")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        String ctag = etag(Tokens.JPO_ADMIN, cpath);
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .header("If-Match", ctag)
                .post(cpath + "/approval")
                .then()
                .statusCode(403);
        Api.as(Tokens.JPO_ADMIN, "lifecycle").post(cpath + "/approval").then().statusCode(428);
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", ctag)
                .post(cpath + "/approval")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("reviewedBy", org.hamcrest.Matchers.notNullValue())
                .body("overdue", equalTo(false));
        byte[] served =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .accept("application/octet-stream, application/problem+json")
                        .get(cpath + "/file")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(served).as("the confirmation document as submitted").isEqualTo(confirmationPdf);

        // now the report: on the statuses reviewed (an If-Match from before they were recorded is
        // stale)
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", beforeStatuses)
                .post(path + "/approval")
                .then()
                .statusCode(412);
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", reviewed)
                .post(path + "/approval")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        // approved: its statuses are final
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .body(Map.of("items", items))
                .put(path + "/compliance")
                .then()
                .statusCode(409);
        List<Map<String, Object>> kept =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .get(path + "/compliance")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        assertThat(kept)
                .hasSize(32)
                .anySatisfy(
                        l -> {
                            assertThat(l.get("item")).isEqualTo("15-10");
                            assertThat((String) l.get("note")).contains("委託先");
                        });
        // a report approved within the last twelve months: none of the reports is overdue any more
        // (R-LC-12)
        assertThat(
                        Api.all(
                                Tokens.JPO_STAFF,
                                "lifecycle",
                                "/deliverables",
                                Map.of("kind", "SECURITY_COMPLIANCE", "overdue", true)))
                .as("overdue 別紙2 reports")
                .isEmpty();
        assertThat(scheduledReports().get(1).get("overdue"))
                .as("report 2 (due 2027-06-30)")
                .isEqualTo(false);
    }

    // ------------------------------------------------------------------------------------------
    // R-LC-14

    /**
     * R-LC-14 (and R-SEC-2): July 2027 was paid and closed in step 5. An amendment that would take
     * it out of the lease → 409 and nothing is proposed; an amendment of the amounts, proposed by
     * jpo-admin1 and approved by jpo-admin2 on the version reviewed, applies to the open months
     * only: July keeps the figures it was paid with.
     */
    static void amendmentNeverReachesAClosedMonth() {
        var contract = contract();
        asSigned = contractInput(contract.jsonPath());
        JsonPath july = period("2027-07");
        assertThat(july.getBoolean("closed")).as("July 2027 closed in step 5").isTrue();
        JsonPath august = period("2027-08");
        assertThat(august.getBoolean("closed")).isFalse();
        JsonPath ledger =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .get("/lease/ledger")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        int proposals = amendments().size();

        // the lease would start in August: the closed July would leave the lease → 409 naming
        // R-LC-14, nothing proposed
        Map<String, Object> lateStart = new LinkedHashMap<>(asSigned);
        lateStart.put("leaseStart", "2027-08-01");
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", contract.header("ETag"))
                .body(Map.of("reason", "月極賃貸借の開始を8月に変更", "contract", lateStart))
                .post("/contract/amendments")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-LC-14"))
                .body("detail", containsString("2027-07"));
        assertThat(amendments()).as("no amendment recorded").hasSize(proposals);

        // the cost breakdown (R-LC-13) raises the servers' monthly lease by 100,000 yen
        Map<String, Object> raised = new LinkedHashMap<>(asSigned);
        List<Map<String, Object>> amounts = new ArrayList<>();
        long serversBefore = -1;
        for (Map<String, Object> a : amounts(asSigned)) {
            Map<String, Object> copy = new LinkedHashMap<>(a);
            if ("SERVERS".equals(a.get("categoryCode"))) {
                serversBefore = ((Number) a.get("leaseMonthly")).longValue();
                copy.put("leaseMonthly", serversBefore + 100_000);
            }
            amounts.add(copy);
        }
        assertThat(serversBefore).as("the contract has a SERVERS category").isPositive();
        raised.put("amounts", amounts);
        var proposed = propose(contract.header("ETag"), raised, "経費区分内訳の受領によるサーバ機器の月額賃借料の変更");
        // nothing changes before the second jpo-admin approves
        assertThat(amounts(contractInput(contract().jsonPath())))
                .as("the contract before the approval")
                .isEqualTo(amounts(asSigned));
        approve(proposed);
        // the contract as reviewed before the approval is stale now (R-SEC-2)
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", contract.header("ETag"))
                .body(Map.of("reason", "stale", "contract", asSigned))
                .post("/contract/amendments")
                .then()
                .statusCode(412);

        // July as paid; August and every later open month at the new amount
        JsonPath julyAfter = period("2027-07");
        assertThat(julyAfter.getLong("gross"))
                .as("closed July's gross")
                .isEqualTo(july.getLong("gross"));
        assertThat(julyAfter.getLong("deduction")).isEqualTo(july.getLong("deduction"));
        assertThat(julyAfter.getLong("net")).isEqualTo(july.getLong("net"));
        assertThat(line(julyAfter, "SERVERS").get("lease"))
                .as("July's servers line as paid")
                .isEqualTo(line(july, "SERVERS").get("lease"));
        JsonPath augustAfter = period("2027-08");
        assertThat(augustAfter.getLong("gross"))
                .as("August 2027 at the amended amount")
                .isEqualTo(august.getLong("gross") + 100_000);
        assertThat(((Number) line(augustAfter, "SERVERS").get("lease")).longValue())
                .isEqualTo(serversBefore + 100_000);
        JsonPath ledgerAfter =
                Api.as(Tokens.AUDITOR, "lifecycle")
                        .get("/lease/ledger")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        // 42 months, July closed: 41 open months × 100,000 yen
        assertThat(ledgerAfter.getLong("totals.gross") - ledger.getLong("totals.gross"))
                .isEqualTo(4_100_000L);
    }

    // ------------------------------------------------------------------------------------------
    // R-LC-5 / R-LC-6

    /**
     * R-LC-5 / R-LC-6: the environment definitions (the day before) and the operations manual (two
     * weeks before) follow the online service start when an amendment moves it — except one JPO
     * already approved; the 別紙2 schedule follows an amended contract end (R-LC-12), the approved
     * report keeping its date.
     */
    static void deliverablesFollowTheAmendedServiceStart() {
        List<Map<String, Object>> definitions = deliverables("ENVIRONMENT_DEFINITION");
        assertThat(definitions)
                .extracting(d -> d.get("environment"))
                .containsExactlyInAnyOrder("STAGING", "PRODUCTION");
        // production start 2027-04-01: the day before, and two weeks before
        assertThat(definitions)
                .allSatisfy(d -> assertThat(d.get("dueDate")).isEqualTo("2027-03-31"));
        assertThat(deliverables("OPERATIONS_MANUAL"))
                .singleElement()
                .satisfies(d -> assertThat(d.get("dueDate")).isEqualTo("2027-03-18"));
        // STAGING's definition is submitted and approved: it keeps its date
        long staging =
                id(
                        definitions.stream()
                                .filter(d -> "STAGING".equals(d.get("environment")))
                                .findFirst()
                                .orElseThrow());
        String spath = "/deliverables/" + staging;
        Api.as(Tokens.VENDOR_A, "lifecycle")
                .contentType("application/pdf")
                .queryParam("fileName", "env-def-staging.pdf")
                .body(pdf("環境設定定義書（総合試験／開発機）"))
                .put(spath + "/file")
                .then()
                .statusCode(200);
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", etag(Tokens.JPO_ADMIN, spath))
                .post(spath + "/approval")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));

        // the online service start moves to 2027-06-01 and the contract is extended to 2031-09-30
        var contract = contract();
        Map<String, Object> moved = contractInput(contract.jsonPath());
        moved.put("productionStart", "2027-06-01");
        moved.put("contractEnd", "2031-09-30");
        approve(propose(contract.header("ETag"), moved, "オンラインサービス開始日の変更及び契約期間の延長（変更契約）"));

        for (Map<String, Object> d : deliverables("ENVIRONMENT_DEFINITION")) {
            // 2027-06-01 − 1 day; STAGING's was approved on its old date
            String expected =
                    "PRODUCTION".equals(d.get("environment")) ? "2027-05-31" : "2027-03-31";
            assertThat(d.get("dueDate")).as("R-LC-5 " + d.get("environment")).isEqualTo(expected);
        }
        // 2027-06-01 − 14 days
        assertThat(deliverables("OPERATIONS_MANUAL"))
                .singleElement()
                .satisfies(d -> assertThat(d.get("dueDate")).as("R-LC-6").isEqualTo("2027-05-18"));
        List<Map<String, Object>> reports = scheduledReports();
        assertThat(reports)
                .extracting(r -> r.get("dueDate"))
                .as("別紙2 after the extension")
                .containsExactlyElementsOf(SECURITY_REPORTS_EXTENDED);
        assertThat(reports.get(0).get("status")).isEqualTo("APPROVED");
        var deadlines =
                Api.as(Tokens.VENDOR_A, "lifecycle")
                        .get("/contract/deadlines")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(deadlines.getString("find { it.id == 'production-start' }.date"))
                .isEqualTo("2027-06-01");
        assertThat(deadlines.getString("find { it.id == 'contract-end' }.date"))
                .isEqualTo("2031-09-30");
    }

    // ------------------------------------------------------------------------------------------
    // R-AS-4

    /**
     * Issue 14 item 9: asset-service reads the contract end (R-AS-4) from lifecycle-service's
     * contract, cached for a minute: its support risks follow the amendment, then the amendment
     * back to the contract as signed — after which the deliverables, the 別紙2 schedule and the open
     * months are as before and July still as paid.
     */
    static void assetServiceFollowsTheAmendedContract() {
        assertThat(asSigned).as("the contract as signed (R_LC_14 step)").isNotNull();
        awaitAssetContractEnd("2031-09-30");

        var contract = contract();
        JsonPath july = period("2027-07");
        approve(propose(contract.header("ETag"), asSigned, "変更契約の取消し：当初契約に戻す"));
        var restored = contractInput(contract().jsonPath());
        assertThat(restored).as("the contract as signed").isEqualTo(asSigned);
        awaitAssetContractEnd("2031-03-31");

        for (Map<String, Object> d : deliverables("ENVIRONMENT_DEFINITION")) {
            assertThat(d.get("dueDate"))
                    .as("R-LC-5 " + d.get("environment"))
                    .isEqualTo("2027-03-31");
        }
        assertThat(deliverables("OPERATIONS_MANUAL"))
                .singleElement()
                .satisfies(d -> assertThat(d.get("dueDate")).isEqualTo("2027-03-18"));
        assertThat(scheduledReports())
                .extracting(r -> r.get("dueDate"))
                .containsExactlyElementsOf(SECURITY_REPORTS_AS_SIGNED);
        JsonPath julyAfter = period("2027-07");
        assertThat(julyAfter.getLong("gross")).isEqualTo(july.getLong("gross"));
        assertThat(julyAfter.getLong("deduction")).isEqualTo(july.getLong("deduction"));
        List<Map<String, Object>> history = amendments();
        assertThat(history.stream().filter(a -> "APPROVED".equals(a.get("status"))).count())
                .as("three approved amendments")
                .isGreaterThanOrEqualTo(3);
        assertThat(history)
                .allSatisfy(
                        a ->
                                assertThat(a.get("decidedBy"))
                                        .as("amendment " + a.get("id"))
                                        .isNotEqualTo(a.get("proposedBy")));
    }

    /**
     * asset-service's R-AS-4 rows carry the contract end it checked against: wait out its cache (60
     * s).
     */
    private static void awaitAssetContractEnd(String expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        String seen = null;
        while (Instant.now().isBefore(deadline)) {
            var r =
                    Api.as(Tokens.JPO_ADMIN, "asset")
                            .queryParam("environment", "PRODUCTION")
                            .queryParam("size", 200)
                            .get("/software/support-risks")
                            .then()
                            .statusCode(200)
                            .extract();
            List<Map<String, Object>> rows = r.jsonPath().getList("$");
            assertThat(rows).as("support risks (step 2's Quarkus)").isNotEmpty();
            seen = (String) rows.get(0).get("contractEnd");
            if (expected.equals(seen)) {
                assertThat(rows)
                        .allSatisfy(
                                row -> {
                                    assertThat(row.get("contractEnd")).isEqualTo(expected);
                                    assertThat(row.get("contractStale")).isEqualTo(false);
                                });
                assertThat(r.header("Kiban-Contract-Stale")).isNotEqualTo("true");
                return;
            }
            Suite.sleep(3000);
        }
        throw new AssertionError(
                "asset-service still checks R-AS-4 against contract end "
                        + seen
                        + ", not "
                        + expected);
    }

    // ------------------------------------------------------------------------------------------
    // helpers

    /** Proposed by jpo-admin1 on the contract version reviewed. */
    private static ExtractableResponse<Response> propose(
            String contractTag, Map<String, Object> contract, String reason) {
        return Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", contractTag)
                .body(Map.of("reason", reason, "contract", contract))
                .post("/contract/amendments")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .extract();
    }

    /**
     * R-SEC-2: the proposer never approves (403), an approval names the version reviewed (428);
     * jpo-admin2 approves.
     */
    private static void approve(ExtractableResponse<Response> proposed) {
        String path =
                "/contract/amendments/" + proposed.<Number>path("id").longValue() + "/approval";
        String tag = proposed.header("ETag");
        Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .header("If-Match", tag)
                .post(path)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"));
        Api.as(Tokens.JPO_ADMIN2, "lifecycle").post(path).then().statusCode(428);
        Api.as(Tokens.JPO_ADMIN2, "lifecycle")
                .header("If-Match", tag)
                .post(path)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo(Tokens.JPO_ADMIN2));
    }

    private static ExtractableResponse<Response> contract() {
        return Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .get("/contract")
                .then()
                .statusCode(200)
                .extract();
    }

    private static List<Map<String, Object>> amendments() {
        return Api.as(Tokens.AUDITOR, "lifecycle")
                .get("/contract/amendments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    /** The contract as an amendment's body (ContractInput) from GET /contract. */
    private static Map<String, Object> contractInput(JsonPath c) {
        Map<String, Object> in = new LinkedHashMap<>();
        for (String f :
                List.of(
                        "signingDate",
                        "deliveryDeadline",
                        "extensionLimit",
                        "productionStart",
                        "leaseStart",
                        "leaseEnd",
                        "removalDeadline",
                        "contractEnd",
                        "vendorOrganisation")) {
            in.put(f, c.getString(f));
        }
        List<Map<String, Object>> amounts = new ArrayList<>();
        for (Map<String, Object> a : c.<Map<String, Object>>getList("amounts")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("categoryCode", a.get("categoryCode"));
            m.put("categoryName", a.get("categoryName"));
            m.put("leaseMonthly", ((Number) a.get("leaseMonthly")).longValue());
            m.put("maintenanceMonthly", ((Number) a.get("maintenanceMonthly")).longValue());
            amounts.add(m);
        }
        in.put("amounts", amounts);
        return in;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> amounts(Map<String, Object> contractInput) {
        return (List<Map<String, Object>>) contractInput.get("amounts");
    }

    private static JsonPath period(String month) {
        return Api.as(Tokens.JPO_ADMIN, "lifecycle")
                .get("/lease/periods/" + month)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> line(JsonPath period, String category) {
        return period.<Map<String, Object>>getList("lines").stream()
                .filter(l -> category.equals(l.get("categoryCode")))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no " + category + " line in " + period.prettify()));
    }

    static List<Map<String, Object>> deliverables(String kind) {
        return Api.all(Tokens.JPO_STAFF, "lifecycle", "/deliverables", Map.of("kind", kind));
    }

    /** The 別紙2 reports of the schedule generated from the contract dates, by their place. */
    private static List<Map<String, Object>> scheduledReports() {
        return deliverables("SECURITY_COMPLIANCE").stream()
                .filter(d -> d.get("scheduleSeq") != null)
                .sorted(Comparator.comparingInt(d -> ((Number) d.get("scheduleSeq")).intValue()))
                .toList();
    }

    private static String etag(String user, String path) {
        return Api.as(user, "lifecycle").get(path).then().statusCode(200).extract().header("ETag");
    }

    private static long id(Map<String, Object> o) {
        return ((Number) o.get("id")).longValue();
    }

    /**
     * 別紙2 as the vendor reports it: implemented but for one item not applicable, details for 15)⑩.
     */
    private static List<Map<String, Object>> complianceItems() {
        List<String> codes = new ArrayList<>();
        for (int i = 2; i <= 17; i++) {
            codes.add(Integer.toString(i));
            if (i == 15) {
                for (int s = 1; s <= 10; s++) {
                    codes.add("15-" + s);
                }
            }
            if (i == 16) {
                for (int s = 1; s <= 6; s++) {
                    codes.add("16-" + s);
                }
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (String code : codes) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("item", code);
            if ("16-6".equals(code)) {
                item.put("status", "NOT_APPLICABLE");
                item.put("note", "再委託なし（該当なし）");
            } else {
                item.put("status", "IMPLEMENTED");
                if ("15-10".equals(code)) {
                    item.put("note", "委託先の情報セキュリティ対策の実施状況を月次で確認（2027年7月分まで）");
                }
            }
            items.add(item);
        }
        return items;
    }

    /** A minimal PDF naming its subject (deliverable files are stored as uploaded, by SHA-256). */
    static byte[] pdf(String subject) {
        return ("%PDF-1.4\n% "
                        + subject
                        + "\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                        + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
