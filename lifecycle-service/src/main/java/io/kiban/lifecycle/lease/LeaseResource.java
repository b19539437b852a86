package io.kiban.lifecycle.lease;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.lease.LeaseDtos.DelayInput;
import io.kiban.lifecycle.lease.LeaseDtos.DelayView;
import io.kiban.lifecycle.lease.LeaseDtos.ExtensionInput;
import io.kiban.lifecycle.lease.LeaseDtos.ExtensionView;
import io.kiban.lifecycle.lease.LeaseDtos.Ledger;
import io.kiban.lifecycle.lease.LeaseDtos.Month;
import io.kiban.lifecycle.support.Lists;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
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

@Path("/lease")
@Tag(
        name = "lease",
        description =
                "Monthly lease ledger (R-LC-7), delay deductions (R-LC-14), negotiated extensions (R-LC-9)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeaseResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LeaseService service;

    public LeaseResource(LeaseService service) {
        this.service = service;
    }

    @GET
    @Path("/ledger")
    @Operation(
            summary =
                    "賃貸借台帳 / The lease ledger: every paid month with amounts per expense category, deductions and totals",
            description =
                    "受注者の責による本番稼動の遅延日のうち賃貸借期間の月に当たる日数分は支払わない（R-LC-14）。支払額は経費区分・"
                            + "明細ごとに floor(月額 × 支払日数 ÷ その月の日数)（円未満切捨て）。重なる遅延は1日を1回だけ数え、原因 OTHER の"
                            + "遅延は減額しない。遅延は別の jpo-admin の承認後に数える（R-SEC-2）。締め済みの月は保存した金額のまま変わらない。協議による延長（R-LC-9）がなければ賃貸借期間の終了後の月はない。\n\n"
                            + LedgerArithmetic.RULE
                            + " Without a negotiated extension (R-LC-9) no month after the lease end exists.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public Ledger ledger() {
        return service.ledger();
    }

    @GET
    @Path("/ledger.xlsx")
    @Produces(XLSX)
    @Operation(
            summary =
                    "賃貸借台帳の Excel 出力 / The lease ledger as Excel (賃貸借台帳): Japanese headings, Reiwa date cells",
            description =
                    "賃貸借台帳と本番稼動の遅延を Excel で出力する。見出し・区分・状態は日本語、日付は令和表記。"
                            + "受注者の責による本番稼動の遅延日のうち賃貸借期間の月に当たる日数分は支払わない（R-LC-14）。支払額は経費区分・"
                            + "明細ごとに floor(月額 × 支払日数 ÷ その月の日数)（円未満切捨て）。重なる遅延は1日を1回だけ数え、原因 OTHER の"
                            + "遅延は減額しない。遅延は別の jpo-admin の承認後に数える（R-SEC-2）。締め済みの月は保存した金額のまま変わらない。\n\n"
                            + "The ledger and the production-start delays as an Excel workbook: Japanese headings, causes, "
                            + "statuses and terms in Japanese, dates shown in Reiwa form. "
                            + LedgerArithmetic.RULE)
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<StreamingOutput> workbook() {
        Ledger ledger = service.ledger();
        List<DelayView> delays = service.delays();
        StreamingOutput body = out -> LeaseWorkbook.write(ledger, delays, out);
        return io.kiban.commons.web.Downloads.attachment(
                        body, XLSX, "賃貸借台帳.xlsx", "lease-ledger.xlsx")
                .build();
    }

    @GET
    @Path("/periods/{month}")
    @Operation(
            summary =
                    "賃貸借台帳の月別照会 / One month (yyyy-MM) of the ledger; 404 for a month outside the lease and its extensions",
            description =
                    "指定月（yyyy-MM）の経費区分ごとの月額、減額、支払額を返す。賃貸借期間と延長の外の月は 404。締め済みの月"
                            + "（closed=true）は保存した金額を示す（R-LC-14）。\n\n"
                            + "A closed month (closed=true) shows its stored figures (R-LC-14).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public Month period(@RestPath String month) {
        return service.period(month);
    }

    @GET
    @Path("/delays")
    @Operation(
            summary = "本番稼動遅延の一覧 / Recorded delays of the production start",
            description =
                    "記録された本番稼動の遅延（原因、期間、状態）を返す。減額の対象は承認された受注者の責による遅延のみ"
                            + "（R-LC-14）。ページ単位（page、size ≤ 200）。\n\n"
                            + "The recorded production-start delays with cause, period and status; only approved VENDOR delays "
                            + "deduct (R-LC-14). Paged (page, size ≤ 200; X-Total-Count, Link).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<List<DelayView>> delays(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.delays(), PageRequest.of(page, size)).toResponse(uri);
    }

    @POST
    @Path("/delays")
    @Idempotent
    @Operation(
            summary =
                    "本番稼動遅延の記録 / Record a delay of the production start with its cause (VENDOR or OTHER) and period (inclusive)",
            description =
                    "本番稼動の遅延を原因（受注者の責 VENDOR、その他 OTHER）と期間（両端を含む）で記録する。遅延は本番稼動"
                            + "予定日から始まる（後から始まる期間は障害であり 422、R-LC-14）。別の jpo-admin が承認するまで PROPOSED"
                            + "（R-SEC-2）。締め済みの月に影響するものは 409（R-LC-14）。\n\n"
                            + "R-LC-14: the delay starts at the planned production start (a window starting later is an "
                            + "outage → 422 naming R-LC-14); it is PROPOSED until a second jpo-admin approves it (R-SEC-2); one "
                            + "that would change a closed month → 409 naming R-LC-14. "
                            + LedgerArithmetic.RULE)
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DelayView> recordDelay(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "受注者の責による遅延",
                                                            summary = "本番稼動が令和9年7月11日にずれ込んだ場合",
                                                            value = DELAY_EXAMPLE)))
                    @Valid
                    @NotNull
                    DelayInput body) {
        DelayView view = service.recordDelay(body);
        return Responses.created(URI.create("/lease/delays/" + view.id()), view, view.version());
    }

    @GET
    @Path("/delays/{id}")
    @Operation(
            summary = "本番稼動遅延の照会 / One recorded delay, with the ETag its approval names",
            description =
                    "記録された遅延の原因、期間（令和表記を含む）、日数、状態を返す。ETag は承認・却下・削除で If-Match に"
                            + "指定する版（R-SEC-2）。\n\n"
                            + "One delay: cause, period (with Reiwa forms), days and status; its ETag is what the approval, "
                            + "rejection or deletion names in If-Match (R-SEC-2).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<DelayView> delay(@RestPath long id) {
        DelayView view = service.delay(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/delays/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(
            summary =
                    "本番稼動遅延の承認 / Approve a recorded production-start delay (a second jpo-admin, If-Match of the version reviewed)",
            description =
                    "記録した者以外の jpo-admin が、確認した版（If-Match）の遅延を承認する。記録者自身は承認できない"
                            + "（403、R-SEC-2）。If-Match がなければ 428、古ければ 412。承認された遅延のみ減額の対象となり（R-LC-14）、"
                            + "締め済みの月に影響するものは 409。\n\n"
                            + "R-SEC-2: JPO both records and approves delays, so the jpo-admin who recorded it never approves "
                            + "it (403 naming R-SEC-2); If-Match required (428 without, 412 stale). Only approved delays deduct "
                            + "(R-LC-14); a delay that would change a closed month → 409 naming R-LC-14.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DelayView> approveDelay(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        DelayView view = service.decideDelay(id, true, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/delays/{id}/rejection")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(
            summary =
                    "本番稼動遅延の却下 / Reject a recorded production-start delay (a second jpo-admin, If-Match)",
            description =
                    "記録した者以外の jpo-admin が、確認した版（If-Match）の遅延を却下する。記録者自身は決定できない"
                            + "（403、R-SEC-2）。If-Match がなければ 428、古ければ 412。\n\n"
                            + "R-SEC-2: the recorder never decides its own record (403); If-Match required (428/412).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DelayView> rejectDelay(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        DelayView view = service.decideDelay(id, false, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/periods/{month}/close")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(
            summary =
                    "月の締め / Close a month (yyyy-MM): JPO recorded its payment (jpo-admin, audited)",
            description =
                    "特許庁が支払を記録した月を締める（jpo-admin、監査証跡に記録）。月の終了前は 422（R-LC-14）。締めた月の"
                            + "金額は保存して再計算せず、後の契約変更や遅延は未締めの月にのみ適用し、締めた月に及ぶ変更は 409。初回は 201、"
                            + "締め済みの月は保存した金額で 200。自動では締めない。\n\n"
                            + "R-LC-14: a month is closed when JPO records its payment, after the month ended (422 naming "
                            + "R-LC-14 before); its figures are stored and never recomputed: contract amendments and delays "
                            + "recorded later apply to open months only, and a change that would reach a closed month → 409 naming "
                            + "R-LC-14. Closing a closed month again answers 200 with the stored figures (idempotent); 201 the "
                            + "first time. Months are never closed automatically.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<Month> close(@RestPath String month) {
        LeaseService.Closing closing = service.close(month);
        return closing.created()
                ? Responses.created(
                        URI.create("/lease/periods/" + closing.month().month()), closing.month())
                : RestResponse.ok(closing.month());
    }

    @DELETE
    @Path("/delays/{id}")
    @Operation(
            summary = "本番稼動遅延の削除 / Delete a delay recorded by mistake (If-Match; audited)",
            description =
                    "誤って記録した遅延を削除する（If-Match、監査証跡に記録）。締め済みの月に及ぶ承認済みの遅延は削除できない"
                            + "（409、R-LC-14）。\n\n"
                            + "R-LC-14: an approved delay that reaches a closed month cannot be deleted (409).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public void deleteDelay(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.deleteDelay(id, ifMatch);
    }

    @GET
    @Path("/extensions")
    @Operation(
            summary = "協議による延長の一覧 / Use after the lease on negotiated terms (R-LC-9)",
            description =
                    "賃貸借期間の終了後に協議により定めた条件での使用（R-LC-9）を、月と月額とともに返す。ページ単位"
                            + "（page、size ≤ 200）。\n\n"
                            + "Every recorded use after the lease on negotiated terms (R-LC-9), with its months and monthly amounts. "
                            + "Paged (page, size ≤ 200; X-Total-Count, Link).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<List<ExtensionView>> extensions(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.extensions(), PageRequest.of(page, size)).toResponse(uri);
    }

    @POST
    @Path("/extensions")
    @Idempotent
    @Operation(
            summary =
                    "協議による延長の記録 / Record use after the lease on negotiated terms (R-LC-9): months and monthly amounts; extends the ledger",
            description =
                    "賃貸借期間の終了後の使用について協議で定めた月と経費区分ごとの月額を記録し、台帳を延ばす（R-LC-9）。"
                            + "最初の月は台帳の最終月の翌月、合意日はその使用の開始前でなければ 422（R-LC-9）。\n\n"
                            + "Records the months and the monthly amounts per expense category agreed for use after the lease and "
                            + "extends the ledger (R-LC-9): the first month follows the ledger's last, and the terms are agreed before "
                            + "that use begins (422 naming R-LC-9 otherwise).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ExtensionView> recordExtension(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "撤去までの3か月の延長",
                                                            summary = "令和13年1月～3月の使用を協議で定めた月額で記録",
                                                            value = EXTENSION_EXAMPLE)))
                    @Valid
                    @NotNull
                    ExtensionInput body) {
        ExtensionView view = service.recordExtension(body);
        return Responses.created(URI.create("/lease/extensions/" + view.id()), view);
    }

    @DELETE
    @Path("/extensions/{id}")
    @Operation(
            summary = "協議による延長の取消し / Withdraw the last extension recorded by mistake (audited)",
            description =
                    "誤って記録した最後の延長を取り消す（監査証跡に記録）。締め済みの月を含む延長は取り消せない（409、"
                            + "R-LC-14）。\n\n"
                            + "R-LC-14: an extension holding a closed month cannot be withdrawn (409).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public void deleteExtension(@RestPath long id) {
        service.deleteExtension(id);
    }

    /**
     * The documented delay: the vendor's fault moves production to 2027-07-11 (10 paid days of July
     * deducted).
     */
    static final String DELAY_EXAMPLE =
            "{\"cause\": \"VENDOR\", \"startDate\": \"2027-04-01\", \"endDate\": "
                    + "\"2027-07-10\", \"note\": \"本番環境の Kubernetes ワーカーノードの構築不良により本番稼動が令和9年7月11日に"
                    + "遅延（受注者の責）\"}";

    /** The documented extension: January to March 2031, until the removal, at reduced amounts. */
    static final String EXTENSION_EXAMPLE =
            """
            {"firstMonth": "2031-01", "lastMonth": "2031-03", "agreedOn": "2030-11-20",
             "reference": "令和12年11月20日付け 賃貸借期間終了後の使用に関する覚書",
             "amounts": [
              {"categoryCode": "SERVERS", "leaseMonthly": 2100000, "maintenanceMonthly": 610000},
              {"categoryCode": "STORAGE", "leaseMonthly": 925000, "maintenanceMonthly": 270000},
              {"categoryCode": "NETWORK", "leaseMonthly": 360000, "maintenanceMonthly": 110000},
              {"categoryCode": "FACILITY", "leaseMonthly": 115000, "maintenanceMonthly": 40000},
              {"categoryCode": "SOFTWARE", "leaseMonthly": 480000, "maintenanceMonthly": 380000}]}""";
}
