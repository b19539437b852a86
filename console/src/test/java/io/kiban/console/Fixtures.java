package io.kiban.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * What the four services answer in these tests: small, hand-written JSON shaped like their records
 * (only the fields the console reads, as the services are changing).
 */
final class Fixtures {

    private Fixtures() {}

    static void json(MappingBuilder request, String body) {
        ConsoleMocks.server.stubFor(
                request.willReturn(
                        aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    static void json(String path, String body) {
        json(get(urlPathEqualTo(path)), body);
    }

    static void withEtag(String path, String etag, String body) {
        ConsoleMocks.server.stubFor(
                get(urlPathEqualTo(path))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("ETag", etag)
                                        .withBody(body)));
    }

    static void all() {
        ConsoleMocks.server.resetAll();
        ConsoleMocks.stubIdentityProvider();
        // lifecycle-service
        json(
                "/lifecycle/phases",
                """
                [{"environment":"PRODUCTION","phase":"IN_SERVICE","enteredAt":"2027-04-01T00:00:00Z","version":3},
                 {"environment":"STAGING","phase":"BUILDING","enteredAt":"2026-09-01T00:00:00Z","version":2},
                 {"environment":"SHARED","phase":"CONTRACTED","enteredAt":"2026-06-15T00:00:00Z","version":1}]""");
        json(
                "/lifecycle/contract",
                """
                {"signingDate":"2026-06-15","deliveryDeadline":"2027-03-31","extensionLimit":"2027-06-30",
                 "productionStart":"2027-04-01","leaseStart":"2027-04-01","leaseEnd":"2031-03-31",
                 "removalDeadline":"2031-03-31","contractEnd":"2031-03-31","vendorOrganisation":"vendor-a","version":1}""");
        json(
                "/lifecycle/contract/deadlines",
                """
                [{"id":"removal","rule":"R-LC-8","name":"撤去期限","date":"2031-03-31","dateReiwa":"令和13年3月31日",
                  "practicalDueDate":"2031-03-31","practicalDueDateReiwa":"令和13年3月31日","breaches":[]},
                 {"id":"past","rule":"R-LC-1","name":"過去の期限","date":"2020-01-01","practicalDueDate":"2020-01-01"}]""");
        json(
                "/lifecycle/deliverables",
                """
                [{"id":11,"kind":"ENVIRONMENT_DEFINITION","rule":"R-LC-5","title":"環境設定定義書（本番）",
                  "dueDate":"2027-03-31","practicalDueDate":"2027-03-31","status":"SUBMITTED","submittedBy":"vendor-a1",
                  "submittedOn":"2027-03-01","fileName":"env-def.pdf","overdue":true,"overdueReason":"未承認のまま期日超過","version":4}]""");
        withEtag(
                "/lifecycle/deliverables/11",
                "\"4\"",
                """
                {"id":11,"rule":"R-LC-5","title":"環境設定定義書（本番）","dueDate":"2027-03-31","status":"SUBMITTED",
                 "submittedBy":"vendor-a1","submittedOn":"2027-03-01","fileName":"env-def.pdf","version":4}""");
        json(
                "/lifecycle/handlers",
                """
                [{"id":7,"name":"山田太郎","organisation":"vendor-a","status":"PROPOSED","version":2},
                 {"id":8,"name":"承認済 花子","organisation":"vendor-a","status":"APPROVED","version":5}]""");
        withEtag(
                "/lifecycle/handlers/7",
                "\"2\"",
                """
                {"id":7,"name":"山田太郎","organisation":"vendor-a","role":"運用担当","affiliation":"基盤部",
                 "accountId":"vendor-a1","status":"PROPOSED","proposedBy":"vendor-a2","proposedAt":"2027-01-15T03:00:00Z","version":2}""");
        json("/lifecycle/deliveries/extensions", "[]");
        json("/lifecycle/contract/amendments", "[]");
        json(
                "/lifecycle/lease/delays",
                """
                [{"id":2,"cause":"VENDOR","startDate":"2027-04-01","endDate":"2027-04-10","days":10,"status":"PROPOSED",
                  "recordedBy":"jpo-admin2","version":1},
                 {"id":1,"cause":"OTHER","startDate":"2027-04-01","endDate":"2027-04-02","days":2,"status":"APPROVED","version":3}]""");
        withEtag(
                "/lifecycle/lease/delays/2",
                "\"1\"",
                """
                {"id":2,"cause":"VENDOR","startDate":"2027-04-01","endDate":"2027-04-10","days":10,"note":"機器の到着遅れ",
                 "status":"PROPOSED","recordedBy":"jpo-admin2","recordedAt":"2027-03-25T01:00:00Z","version":1}""");
        for (String env : new String[] {"PRODUCTION", "STAGING", "SHARED"}) {
            json(
                    "/lifecycle/removal/" + env + "/readiness",
                    """
                    {"environment":"%s","phase":"IN_SERVICE","ready":false,"removalDeadline":"2031-03-31",
                     "removalDeadlineReiwa":"令和13年3月31日","daysLeftToRemovalDeadline":1576,
                     "blockers":[{"kind":"OUTSTANDING_SANITIZATION","id":"sanitization:custody-item:21","detail":"SN-0001 の証跡が未受理","source":"maintenance-service"},
                                 {"kind":"ENVIRONMENT_NOT_REMOVED","id":"phase:STAGING","detail":"STAGING is BUILDING","source":"lifecycle-service"},
                                 {"kind":"ARCHIVE_NOT_HANDED_OVER","id":"archive","detail":"no archive","source":"lifecycle-service"}]}"""
                            .formatted(env));
        }
        // maintenance-service
        json(
                "/maintenance/tickets",
                """
                [{"id":5,"organisation":"vendor-a","hardwareId":"HW-0001","severity":"S1","faultClass":"MEDIA_FAILURE",
                  "status":"IN_PROGRESS","reportedAt":"2027-01-15T00:00:00Z","responseDue":"2027-01-15T01:00:00Z",
                  "restorationDue":"2027-01-15T09:00:00Z","acknowledgedAt":"2027-01-15T00:30:00Z","breached":true,"version":3},
                 {"id":6,"organisation":"vendor-a","hardwareId":"HW-0002","severity":"S3","status":"CLOSED","version":9}]""");
        json(
                "/maintenance/tickets/5",
                """
                {"id":5,"organisation":"vendor-a","hardwareId":"HW-0001","severity":"S1","faultClass":"MEDIA_FAILURE",
                 "description":"ディスク障害","status":"IN_PROGRESS","occurredAt":"2027-01-14T23:50:00Z",
                 "reportedAt":"2027-01-15T00:00:00Z","responseDue":"2027-01-15T01:00:00Z","restorationDue":"2027-01-15T09:00:00Z",
                 "acknowledgedAt":"2027-01-15T00:30:00Z","filedBy":"jpo-staff1","breached":false,"version":3}""");
        json(
                "/maintenance/custody-items",
                """
                [{"id":21,"organisation":"vendor-a","ticketId":5,"kind":"NVME","serial":"SN-0001","status":"EVIDENCE_SUBMITTED","version":4}]""");
        json(
                "/maintenance/custody-items/21",
                """
                {"item":{"id":21,"kind":"NVME","serial":"SN-0001","status":"EVIDENCE_SUBMITTED","version":4},
                 "chain":[{"at":"2027-01-15T02:00:00Z","kind":"REMOVED","holder":"vendor-a1","location":"第1サーバ室","actor":"vendor-a1"}],
                 "evidenceIds":[31]}""");
        json(
                "/maintenance/custody-items/21/evidence",
                """
                [{"id":31,"custodyItemId":21,"serial":"SN-0001","method":"DESTROY","technique":"SHRED","performedOn":"2027-01-20",
                  "status":"SUBMITTED","files":[{"id":41,"evidenceId":31,"originalName":"certificate.pdf"}],"version":1}]""");
        withEtag(
                "/maintenance/evidence/31",
                "W/\"31-1-41\"",
                """
                {"id":31,"custodyItemId":21,"serial":"SN-0001","mediaType":"NVME","method":"DESTROY","technique":"SHRED",
                 "performedOn":"2027-01-20","performedBy":"破砕株式会社","place":"第1サーバ室","status":"SUBMITTED",
                 "submittedBy":"vendor-a1","submittedAt":"2027-01-20T06:00:00Z",
                 "files":[{"id":41,"evidenceId":31,"originalName":"certificate.pdf"}],"version":1}""");
        json(
                "/maintenance/reports/outstanding-sanitization",
                """
                [{"custodyItemId":21,"organisation":"vendor-a","ticketId":5,"kind":"NVME","serial":"SN-0001",
                  "status":"EVIDENCE_SUBMITTED","holder":"vendor-a1","ageDays":12,"reason":"EVIDENCE_NOT_ACCEPTED","environment":"PRODUCTION"}]""");
        json(
                "/maintenance/contractors",
                """
                [{"id":3,"name":"破砕株式会社","scope":"媒体破壊","status":"PROPOSED","version":1}]""");
        withEtag(
                "/maintenance/contractors/3",
                "\"1\"",
                """
                {"id":3,"name":"破砕株式会社","scope":"媒体破壊","status":"PROPOSED","proposedBy":"vendor-a1","version":1}""");
        // asset-service
        json(
                "/asset/hardware",
                """
                [{"id":1,"name":"GPUサーバ1","manufacturer":"ACME","modelNumber":"G-100","serialNumber":"SRV-0001",
                  "environment":"PRODUCTION","rack":"R1","rackPosition":"U10","status":"IN_SERVICE","maintenanceDeadline":"2031-03-31"},
                 {"id":2,"name":"ストレージ1","manufacturer":"ACME","modelNumber":"S-9","serialNumber":"STO-0002",
                  "environment":"STAGING","status":"IN_SERVICE"}]""");
        json("/asset/findings", "[]");
        // backup-service
        json(
                "/backup/reports/rpo",
                """
                [{"targetId":1,"name":"kiban-db","lastSuccessAt":"2027-01-10T15:00:00Z","lastRunState":"MISSED",
                  "missedRuns":2,"failedRuns":0,"rpoBreached":true}]""");
        json(
                "/backup/targets",
                """
                [{"id":1,"name":"kiban-db","environment":"PRODUCTION","kind":"PVC","version":1}]""");
        json(
                "/backup/targets/1/status",
                """
                {"targetId":1,"name":"kiban-db","lastSuccessAt":"2027-01-10T15:00:00Z","missedRuns":2,"failedRuns":0,"rpoBreached":true}""");
        json(
                "/backup/policies",
                """
                [{"id":1,"name":"毎日","cron":"0 0 2 * * ?","timeZone":"Asia/Tokyo","level":"FULL","paused":false,
                  "nextFireTime":"2027-01-16T17:00:00Z","version":1}]""");
        json(
                "/backup/runs",
                """
                [{"id":100,"policyId":1,"targetId":1,"expectedFireTime":"2027-01-14T17:00:00Z","state":"MISSED"}]""");
        // audit chains
        for (String svc : new String[] {"asset", "maintenance", "backup", "lifecycle"}) {
            json(
                    "/" + svc + "/audit/verify",
                    """
                    {"valid":true,"chain":"%s","entriesChecked":10,"lastSeq":10,"verifiedAt":"2027-01-15T03:00:00Z"}"""
                            .formatted(svc));
        }
        // decisions
        json(
                post(urlPathEqualTo("/lifecycle/handlers/7/approval")),
                "{\"id\":7,\"status\":\"APPROVED\",\"version\":3}");
        json(
                post(urlPathEqualTo("/lifecycle/deliverables/11/return")),
                "{\"id\":11,\"status\":\"RETURNED\",\"version\":5}");
    }
}
