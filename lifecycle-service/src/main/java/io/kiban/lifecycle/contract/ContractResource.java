package io.kiban.lifecycle.contract;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.contract.ContractDtos.AmendmentInput;
import io.kiban.lifecycle.contract.ContractDtos.AmendmentView;
import io.kiban.lifecycle.contract.ContractDtos.CalendarDate;
import io.kiban.lifecycle.contract.ContractDtos.ContractView;
import io.kiban.lifecycle.contract.ContractDtos.Deadline;
import io.kiban.lifecycle.contract.ContractDtos.HolidayView;
import io.kiban.lifecycle.support.Lists;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Tag(
        name = "contract",
        description = "The contract and the JPO business calendar (R-LC-1…R-LC-8, R-LC-13)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractResource {

    private final ContractService service;
    private final BusinessCalendar calendar;
    private final ContractDeadlines obligation;
    private final CalendarImportService imports;

    public ContractResource(
            ContractService service,
            BusinessCalendar calendar,
            ContractDeadlines obligation,
            CalendarImportService imports) {
        this.imports = imports;
        this.obligation = obligation;
        this.service = service;
        this.calendar = calendar;
    }

    @GET
    @Path("contract")
    @Operation(
            summary =
                    "契約内容の照会 / The contract: dates, vendor organisation and monthly amounts per expense category (経費区分)",
            description =
                    "契約締結日から契約終了日までの各期日、受注者の組織、経費区分ごとの月額賃借料・保守料を返す"
                            + "（R-LC-1～R-LC-8、R-LC-13）。ETag は契約変更の提案で If-Match に指定する版。\n\n"
                            + "The contract as data (R-LC-1…R-LC-8, R-LC-13): every date from signing to the contract end, the "
                            + "vendor organisation and the monthly lease and maintenance amounts per expense category; its ETag "
                            + "is the version an amendment proposal names in If-Match.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<ContractView> get() {
        ContractView view = service.view();
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("contract/amendments")
    @Operation(
            summary = "契約変更の一覧 / Proposed, approved and rejected contract amendments (R-SEC-2)",
            description =
                    "提案中・承認済み・却下された契約変更を返す。提案者と承認者は別の jpo-admin（R-SEC-2）。"
                            + "ページ単位（page、size ≤ 200）。\n\n"
                            + "Every contract amendment with its status; the proposer and the approver are two different "
                            + "jpo-admin accounts (R-SEC-2). Paged (page, size ≤ 200; X-Total-Count, Link).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    public RestResponse<List<AmendmentView>> amendments(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.amendments(), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("contract/amendments/{id}")
    @Operation(
            summary = "契約変更の照会 / One contract amendment, with the ETag its approval names",
            description =
                    "提案された契約変更の内容（変更後の契約全体と理由）と状態を返す。ETag は承認・却下で If-Match に"
                            + "指定する版（R-SEC-2）。\n\n"
                            + "One amendment: the whole new contract, the reason and the status; its ETag is what the approval or "
                            + "rejection names in If-Match (R-SEC-2).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    public RestResponse<AmendmentView> amendment(@RestPath long id) {
        AmendmentView view = service.amendment(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("contract/amendments")
    @Idempotent
    @Operation(
            summary =
                    "契約変更の提案 / Propose an amendment of the contract (jpo-admin; If-Match: the contract's ETag as reviewed)",
            description =
                    "変更後の契約全体と理由を提案する。承認は別の jpo-admin が行い、承認までは何も変わらない（R-SEC-2）。"
                            + "金額は円、負の値は不可、期日の順序が誤っていれば 422。締め済みの月に影響する変更は 409（R-LC-14）。"
                            + "変更後の金額は未締めの月にのみ適用される。\n\n"
                            + "R-SEC-2: JPO both proposes and approves amendments, so a second jpo-admin approves (POST "
                            + "…/{id}/approval); nothing changes before. The body is the whole new contract and a reason; amounts "
                            + "in JPY, never negative; dates in order (422 naming the rule). R-LC-14: an amendment that would move "
                            + "the lease off a closed month → 409 naming R-LC-14; amended amounts apply to open months only.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<AmendmentView> propose(
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "本番稼動開始日の変更",
                                                            summary =
                                                                    "オンラインサービス開始の1か月延期（他の期日と金額は現行どおり）",
                                                            value = AMENDMENT_EXAMPLE)))
                    @Valid
                    @NotNull
                    AmendmentInput body) {
        AmendmentView view = service.propose(ifMatch, body);
        return Responses.created(
                URI.create("/contract/amendments/" + view.id()), view, view.version());
    }

    @POST
    @Path("contract/amendments/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(
            summary =
                    "契約変更の承認 / Approve a proposed amendment (a second jpo-admin, If-Match of the amendment reviewed)",
            description =
                    "提案者以外の jpo-admin が、確認した版（If-Match）を承認する。提案者自身は承認できない（403、R-SEC-2）。"
                            + "If-Match がなければ 428、古ければ 412、提案後に契約が変わっていれば 409。承認で契約が変わり（監査証跡に記録）、"
                            + "定期報告と R-LC-5・R-LC-6 の成果物の期限が新しい期日に従う。\n\n"
                            + "R-SEC-2: the proposer never approves its own amendment (403 naming R-SEC-2); If-Match required "
                            + "(428/412); 409 when the contract changed since the proposal. On approval the contract changes (audited) "
                            + "and the scheduled reports and the R-LC-5/R-LC-6 deliverables follow the new dates.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<AmendmentView> approve(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        AmendmentView view = service.decide(id, true, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("contract/amendments/{id}/rejection")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(
            summary = "契約変更の却下 / Reject a proposed amendment (a second jpo-admin, If-Match)",
            description =
                    "提案者以外の jpo-admin が、確認した版（If-Match）の契約変更を却下する。提案者自身は決定できない"
                            + "（403、R-SEC-2）。If-Match がなければ 428、古ければ 412。\n\n"
                            + "R-SEC-2: the proposer never decides its own amendment (403); If-Match required (428/412).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<AmendmentView> reject(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        AmendmentView view = service.decide(id, false, ifMatch);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("contract/deadlines")
    @Operation(
            summary =
                    "契約上の期限の一覧 / The contract's deadlines with Reiwa form and practical due date (previous business day)",
            description =
                    "各期限を西暦と令和で示し、休日に当たる場合は直前の開庁日を実務上の期日として示す。撤去期限（R-LC-8）は"
                            + "義務であり、期限後に撤去した環境・期限を過ぎても撤去していない環境を breaches に挙げる。遅延理由を記録しても"
                            + "違反は消えない。\n\n"
                            + "R-LC-8: the removal deadline is an obligation; its entry lists every environment removed after "
                            + "it or not removed when it passed (breaches), and a late-removal reason never removes a breach.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<Deadline>> deadlines(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(obligation.deadlines(), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("calendar/{date}")
    @Operation(
            summary = "開庁日の判定 / Whether a date is a JPO business day, and its practical due date",
            description =
                    "指定日（yyyy-MM-dd）が特許庁の開庁日か（土日・国民の祝日・年末年始 12/29～1/3 は閉庁）を示し、"
                            + "閉庁日なら直前の開庁日を実務上の期日として返す。最新の内閣府の祝日一覧より後の年は computed=true（計算による、"
                            + "公式ではない）。\n\n"
                            + "Whether the date (yyyy-MM-dd) is a JPO business day (weekends, national holidays and the year-end "
                            + "closure 12/29–1/3 are not) and, when it is not, the previous business day as the practical due date; "
                            + "computed=true when the year is after the newest Cabinet Office list imported (issue #18).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public CalendarDate day(@RestPath String date) {
        return calendar.describe(parse("date", date));
    }

    @GET
    @Path("calendar/holidays")
    @Operation(
            summary =
                    "休日の一覧 / Non-business weekdays held as data: national holidays (with source) and year-end closure",
            description =
                    "指定年（2026～2031、既定 2027）の国民の祝日（出典付き）と年末年始の閉庁日を返す。取り込んだ内閣府の"
                            + "一覧より後の年の祝日は計算によるもので公式ではない（computed=true）。ページ単位（page、size ≤ 200）。\n\n"
                            + "Issue #18: a national holiday of a year after the newest imported Cabinet Office list is "
                            + "computed, not official (computed: true). Paged (page, size ≤ 200, default 50; X-Total-Count, "
                            + "Link). year 2026–2031, default 2027.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<HolidayView>> holidays(
            @RestQuery Integer year,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        int y = year == null ? 2027 : year;
        if (y < 2026 || y > 2031) {
            throw ProblemException.badField("year", "the calendar covers 2026–2031");
        }
        PageRequest request = PageRequest.of(page, size);
        return Lists.page(
                        calendar.holidays(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)), request)
                .toResponse(uri);
    }

    @POST
    @Path("calendar/holidays/import")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @BodyLimit(property = "kiban.calendar.max-file", defaultValue = "1M")
    @Operation(
            summary =
                    "内閣府の祝日一覧の取込み / Import the Cabinet Office holiday list (syukujitsu.csv, Shift_JIS, unchanged) — jpo-admin",
            description =
                    "内閣府が公表する syukujitsu.csv（Shift_JIS）をそのまま取り込み、一覧が含む各年（2026 年以降）の国民の"
                            + "祝日を一つのトランザクションで置き換える。ファイル名・SHA-256・時点（asOf）を記録し、年末年始の閉庁日は残す。"
                            + "同じファイルの再取込みは何も変えない（200）。公表どおりでないファイル（UTF-8、途中で切れている、日付の誤り・"
                            + "重複・順序違い）は行番号を示して 400、1 MB 超は 413、保有分より古い一覧は 409。\n\n"
                            + "Issue #18: the national holidays of every year the list covers (2026 on) are replaced by "
                            + "the list's, in one transaction, and kept with the file name, its SHA-256 and the as-of date "
                            + "(asOf, default today); the year-end closure stays. The same file again changes nothing (200 "
                            + "with the stored import), so a retry is safe by itself. A file that is not the list "
                            + "as published (UTF-8, truncated, a bad or repeated date, out of order) → 400 naming the line, "
                            + "nothing written; over 1 MB → 413; a list older than the one held → 409.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<CalendarImportService.ImportView> importHolidays(
            @RestQuery String fileName,
            @RestQuery String asOf,
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = "text/csv",
                                        examples =
                                                @ExampleObject(
                                                        name = "syukujitsu.csv（冒頭）",
                                                        summary =
                                                                "内閣府の一覧の形式（実際の送信は Shift_JIS、CRLF、各年は勤労感謝の日まで）",
                                                        value =
                                                                "国民の祝日・休日月日,国民の祝日・休日名称\r\n2026/1/1,元日\r\n2026/1/12,成人の日\r\n"
                                                                        + "2026/2/11,建国記念の日\r\n2026/2/23,天皇誕生日\r\n")),
                                @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM)
                            })
                    byte[] body) {
        LocalDate when = asOf == null || asOf.isBlank() ? null : parse("asOf", asOf);
        CalendarImportService.Imported imported =
                imports.importCsv(fileName, when, body == null ? new byte[0] : body);
        return imported.created()
                ? RestResponse.status(RestResponse.Status.CREATED, imported.view())
                : RestResponse.ok(imported.view());
    }

    @GET
    @Path("calendar/imports")
    @Operation(
            summary =
                    "祝日一覧の取込み履歴 / The holiday lists imported (issue #18), the V3 initial state first",
            description =
                    "取り込んだ内閣府の祝日一覧（ファイル名、SHA-256、時点）を、初期状態（V3）から順に返す。ページ単位"
                            + "（page、size ≤ 200）。\n\n"
                            + "Paged (page, size ≤ 200, default 50; X-Total-Count, Link).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    public RestResponse<List<CalendarImportService.ImportView>> imports(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(imports.list(), PageRequest.of(page, size)).toResponse(uri);
    }

    /**
     * The documented amendment: the online service start a month later, everything else as seeded.
     */
    static final String AMENDMENT_EXAMPLE =
            """
            {"reason": "半導体不足による納入遅延を踏まえ、オンラインサービス開始日を令和9年5月1日に変更する（令和9年3月10日 協議済み）",
             "contract": {"signingDate": "2026-06-30", "deliveryDeadline": "2027-03-31", "extensionLimit": "2027-06-30",
              "productionStart": "2027-05-01", "leaseStart": "2027-07-01", "leaseEnd": "2030-12-31",
              "removalDeadline": "2031-03-31", "contractEnd": "2031-03-31", "vendorOrganisation": "vendor-a",
              "amounts": [
               {"categoryCode": "SERVERS", "categoryName": "サーバ機器", "leaseMonthly": 4200000, "maintenanceMonthly": 610000},
               {"categoryCode": "STORAGE", "categoryName": "ディスクアレイ", "leaseMonthly": 1850000, "maintenanceMonthly": 270000},
               {"categoryCode": "NETWORK", "categoryName": "ネットワーク機器", "leaseMonthly": 720000, "maintenanceMonthly": 110000},
               {"categoryCode": "FACILITY", "categoryName": "ラック・コンソール・分電盤", "leaseMonthly": 230000, "maintenanceMonthly": 40000},
               {"categoryCode": "SOFTWARE", "categoryName": "ソフトウェア", "leaseMonthly": 960000, "maintenanceMonthly": 380000}]}}""";

    public static LocalDate parse(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ProblemException.badField(field, "expected a date yyyy-MM-dd");
        }
    }
}
