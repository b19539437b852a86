package io.kiban.lifecycle.handler;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.handler.HandlerDtos.HandlerInput;
import io.kiban.lifecycle.handler.HandlerDtos.HandlerView;
import io.kiban.lifecycle.handler.HandlerDtos.Reason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
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

@Path("/handlers")
@Tag(
        name = "handlers",
        description = "The JPO-approved list of information handlers 情報取扱者名簿 (R-SEC-1)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HandlerResource {

    private final HandlerService service;

    public HandlerResource(HandlerService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "情報取扱者名簿の一覧 / The list; a vendor sees its own organisation's entries",
            description =
                    "情報取扱者名簿（R-SEC-1）の登録を状態（status）で絞り込んで返す。受注者は自組織の者のみ見える。住所と"
                            + "生年月日は jpo-admin、監査担当、本人の組織にのみ示す。未知の status は許される値を示して 400。\n\n"
                            + "The list of information handlers (R-SEC-1), filtered by status; a vendor sees its own organisation's "
                            + "entries; address and date of birth are shown only to jpo-admin, the auditor and the handler's own "
                            + "organisation (personalDataShown).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR
    })
    public RestResponse<List<HandlerView>> list(
            @RestQuery ApprovedHandler.Status status,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(status, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "情報取扱者の照会 / One entry of the list, with the ETag its approval names",
            description =
                    "名簿の1件を返す（R-SEC-1）。他組織の受注者には 404。住所と生年月日は jpo-admin、監査担当、本人の組織に"
                            + "のみ示す。ETag は承認・却下・変更で If-Match に指定する版（R-SEC-2）。\n\n"
                            + "One entry (R-SEC-1); another vendor organisation's entry is 404; address and date of birth only for "
                            + "jpo-admin, the auditor and the handler's own organisation. Its ETag is what an approval, rejection or "
                            + "change names in If-Match (R-SEC-2).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR
    })
    public RestResponse<HandlerView> get(@RestPath long id) {
        HandlerView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "情報取扱者の追加申請 / Propose a handler (R-SEC-1): name, address, date of birth, department, position, role, "
                            + "affiliation, expertise, track record, nationality and the person's Keycloak account",
            description =
                    "情報取扱者名簿（R-SEC-1）に載せる者を申請する。氏名、住所、生年月日、所属部署、役職、担当業務、所属、"
                            + "専門性（情報セキュリティに係る資格・研修実績等）、実績、国籍と、本人の Keycloak アカウントを記載する。住所と"
                            + "生年月日は個人情報であり、jpo-admin、監査担当、本人の組織にのみ示す。特許庁の事前承認までは作業できない。\n\n"
                            + "R-SEC-1: the list of information handlers holds these fields; address and date of birth are "
                            + "personal data, shown only to jpo-admin, the auditor and the handler's own organisation. "
                            + "Honours Idempotency-Key.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<HandlerView> propose(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "受注者の保守担当技術者",
                                                            summary = "vendor-a の技術者を情報取扱者として申請",
                                                            value = PROPOSE_EXAMPLE)))
                    @Valid
                    @NotNull
                    HandlerInput body) {
        HandlerView view = service.propose(body);
        return Responses.created(URI.create("/handlers/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @Operation(
            summary =
                    "情報取扱者の登録内容の変更 / Change a proposal before it is decided, or propose a change of an approved entry (pendingChange, applied when jpo-admin approves it); If-Match",
            description =
                    "決定前の申請はそのまま変更し、承認済みの登録の変更は pendingChange として申請し、jpo-admin の承認で"
                            + "反映する（変更も事前承認、R-SEC-1）。確認した版を If-Match で示す（なければ 428、古ければ 412）。\n\n"
                            + "A proposal is changed in place until it is decided; a change of an approved entry waits as "
                            + "pendingChange until jpo-admin approves it (R-SEC-1: changes are approved beforehand). If-Match of the "
                            + "version read (428 without, 412 stale).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<HandlerView> change(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "役職の変更",
                                                            summary = "昇任に伴う役職の変更（他の項目は現在の登録どおり）",
                                                            value = CHANGE_EXAMPLE)))
                    @Valid
                    @NotNull
                    HandlerInput body) {
        HandlerView view = service.change(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary =
                    "情報取扱者の事前承認 / Approve beforehand (jpo-admin): grants the realm role approved-handler in Keycloak",
            description =
                    "確認した版（If-Match）の申請・変更を承認し、Keycloak のロール approved-handler を付与する（付与できなければ"
                            + "何も承認せず 503）。If-Match がなければ 428、古ければ 412。申請・変更したアカウントは承認できない（403、R-SEC-2）。"
                            + "Keycloak アカウントの org 属性が申請した組織でなければ 422（R-SEC-1）。\n\n"
                            + "R-SEC-2: If-Match of the version reviewed (428 without, 412 stale); the account that proposed "
                            + "the entry or its change never approves it (403 naming R-SEC-2). R-SEC-1: the Keycloak account "
                            + "must carry the proposing organisation in its org attribute (422 naming R-SEC-1).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<HandlerView> approve(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        HandlerView view = service.approve(id, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/rejection")
    @Operation(
            summary =
                    "情報取扱者の申請の却下 / Reject a proposal or a proposed change (jpo-admin); If-Match of the version reviewed (R-SEC-2)",
            description =
                    "確認した版（If-Match）の申請または変更申請を、理由を付けて却下する（R-SEC-1）。申請者自身は決定できない"
                            + "（403、R-SEC-2）。If-Match がなければ 428、古ければ 412。\n\n"
                            + "Rejects the proposal or the proposed change of the version reviewed, with a reason (R-SEC-1); the "
                            + "proposer never decides it (403 naming R-SEC-2); If-Match required (428/412).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<HandlerView> reject(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "却下理由",
                                                            value =
                                                                    "{\"reason\": \"情報セキュリティに係る研修の受講実績が確認できないため。"
                                                                            + "受講後に改めて申請してください。\"}")))
                    @Valid
                    @NotNull
                    Reason body) {
        HandlerView view = service.reject(id, ifMatch, body.reason());
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/reconciliation")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary =
                    "名簿と Keycloak の突合の即時実行 / Run the reconciler now (jpo-admin): R-SEC-1, every Keycloak account holding approved-handler "
                            + "that is not approved on the list loses the role (audited, counted in "
                            + HandlerService.ROLE_REMOVED_METRIC
                            + "); it also runs every few minutes and at start",
            description =
                    "名簿が正（R-SEC-1）：approved-handler ロールを持つ Keycloak アカウントのうち、名簿で承認されていない"
                            + "ものからロールを外す（監査証跡に記録）。数分ごとと起動時にも自動で実行する。\n\n"
                            + "R-SEC-1, the list is the truth: every Keycloak account holding approved-handler that is not an "
                            + "APPROVED entry of the list loses the role (audited, counted); the same pass runs every few minutes "
                            + "and at start.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public HandlerDtos.ReconcileResult reconcile() {
        return service.reconcile();
    }

    @GET
    @Path("/organisations/{organisation}")
    @Operation(
            summary =
                    "受注者組織の情報の照会 / R-SEC-1: a vendor organisation's capital relations, officers and place of work (recorded once "
                            + "per vendor); a vendor reads its own",
            description =
                    "受注者の組織ごとに一度記録する資本関係・役員・作業場所を返す（R-SEC-1）。受注者は自組織のもののみ"
                            + "読める。\n\n"
                            + "The capital relations, officers and place of work recorded once per vendor organisation (R-SEC-1); a "
                            + "vendor reads its own organisation's only.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR
    })
    public RestResponse<HandlerDtos.OrganisationView> organisation(@RestPath String organisation) {
        HandlerDtos.OrganisationView view = service.organisation(organisation);
        return Responses.ok(view, view.version());
    }

    @PUT
    @Path("/organisations/{organisation}")
    @Operation(
            summary =
                    "受注者組織の情報の記録 / R-SEC-1: record a vendor organisation's capital relations, officers and place of work (the "
                            + "vendor for its own organisation, or jpo-admin); If-Match once a record exists; audited",
            description =
                    "資本関係・役員・作業場所を記録する（R-SEC-1）。受注者は自組織のみ、jpo-admin はどの組織も記録できる。"
                            + "既に記録があれば If-Match が必要（なければ 428、古ければ 412）。監査証跡に記録する。\n\n"
                            + "Records the organisation's capital relations, officers and place of work (R-SEC-1): the vendor for its "
                            + "own organisation, jpo-admin for any; If-Match once a record exists (428/412); audited.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<HandlerDtos.OrganisationView> recordOrganisation(
            @RestPath String organisation,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "受注者の組織情報",
                                                            value = ORGANISATION_EXAMPLE)))
                    @Valid
                    @NotNull
                    HandlerDtos.OrganisationInput body) {
        HandlerDtos.OrganisationView view = service.recordOrganisation(organisation, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/removal")
    @Operation(
            summary =
                    "情報取扱者の名簿からの削除 / Remove at once (jpo-admin, or the vendor for its own people): the Keycloak role is removed",
            description =
                    "異動・退職などで作業から外れた者を直ちに名簿から外す（jpo-admin、または受注者が自組織の者を）。削除は"
                            + "即時に記録し、Keycloak のロール削除は受け付けられるまで毎分再試行する（roleSynced、R-SEC-1）。\n\n"
                            + "Removes the entry at once (jpo-admin, or the vendor for its own people): the removal is recorded "
                            + "immediately and the Keycloak role removal is retried every minute until Keycloak accepts it "
                            + "(roleSynced, R-SEC-1).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public HandlerView remove(
            @RestPath long id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "削除理由",
                                                            value =
                                                                    "{\"reason\": \"令和10年4月1日付けの人事異動により"
                                                                            + "本業務の担当を外れたため\"}")))
                    @Valid
                    @NotNull
                    Reason body) {
        return service.remove(id, body.reason());
    }

    /** The documented proposal: an engineer of vendor-a with the fields of the list (R-SEC-1). */
    static final String PROPOSE_EXAMPLE =
            """
            {"name": "山田 太郎", "organisation": "vendor-a", "address": "神奈川県川崎市中原区小杉町一丁目2番3号",
             "dateOfBirth": "1985-04-12", "department": "公共システム事業部 インフラ保守課", "position": "主任技術者",
             "role": "本番環境・検証環境のハードウェア保守及び障害対応", "affiliation": "株式会社ベンダA",
             "expertise": "情報処理安全確保支援士（登録番号 012345）、令和8年度 情報セキュリティ研修修了",
             "trackRecord": "中央省庁のオンプレミス基盤の構築・保守 10年（うち GPU サーバ 3年）", "nationality": "日本",
             "accountId": "yamada.taro"}""";

    /** The documented change: the same engineer after a promotion. */
    static final String CHANGE_EXAMPLE =
            """
            {"name": "山田 太郎", "organisation": "vendor-a", "address": "神奈川県川崎市中原区小杉町一丁目2番3号",
             "dateOfBirth": "1985-04-12", "department": "公共システム事業部 インフラ保守課", "position": "課長代理",
             "role": "本番環境・検証環境のハードウェア保守及び障害対応", "affiliation": "株式会社ベンダA",
             "expertise": "情報処理安全確保支援士（登録番号 012345）、令和8年度 情報セキュリティ研修修了",
             "trackRecord": "中央省庁のオンプレミス基盤の構築・保守 10年（うち GPU サーバ 3年）", "nationality": "日本",
             "accountId": "yamada.taro"}""";

    /** The documented organisation facts (R-SEC-1). */
    static final String ORGANISATION_EXAMPLE =
            """
            {"capitalRelations": "株式会社ベンダAホールディングスの100%子会社（外国資本の出資なし）",
             "officers": "代表取締役社長 鈴木 一郎、取締役 佐藤 花子、監査役 高橋 次郎",
             "placeOfWork": "特許庁庁舎内 サーバ室（東京都千代田区霞が関三丁目4番3号）及び受注者本社 保守センター"}""";
}
