package io.kiban.lifecycle.phase;

import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.phase.PhaseDtos.PhaseView;
import io.kiban.lifecycle.phase.PhaseDtos.TransitionInput;
import io.kiban.lifecycle.phase.PhaseDtos.TransitionView;
import io.kiban.lifecycle.support.Environment;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/phases")
@Tag(
        name = "phases",
        description = "Phase per environment CONTRACTED → … → CLOSED, fallback (R-RM-2)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PhaseResource {

    private final PhaseService service;

    public PhaseResource(PhaseService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "環境ごとのフェーズ一覧 / The phase of each environment (PRODUCTION, STAGING, SHARED)",
            description =
                    "本番環境・検証環境・共用（分電盤）それぞれの現在のフェーズ（契約～構築～稼働～使用終了～撤去中～"
                            + "撤去済み～終了）と、次に移れるフェーズを返す。ページ単位。\n\n"
                            + "The current phase of PRODUCTION, STAGING and SHARED (the distribution board), CONTRACTED → BUILDING "
                            + "→ IN_SERVICE → END_OF_USE → REMOVING → REMOVED → CLOSED, with the transitions allowed next. Paged.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<PhaseView>> list(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.list(), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{environment}")
    @Operation(
            summary = "環境のフェーズの照会 / The phase of one environment, with the ETag a fallback names",
            description =
                    "指定した環境の現在のフェーズ、撤去中に入った日時、撤去遅延の理由、次に移れるフェーズを返す。ETag は"
                            + "切り戻し（R-RM-2）などの遷移で If-Match に指定する版。\n\n"
                            + "One environment's phase, when it entered REMOVING, the late-removal reason and the transitions "
                            + "allowed next; its ETag is what a transition such as a fallback (R-RM-2) names in If-Match.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<PhaseView> get(@RestPath Environment environment) {
        PhaseView view = service.get(environment);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("/{environment}/transitions")
    @Operation(
            summary = "フェーズ遷移の履歴 / The phase transitions of one environment, with actor and reason",
            description =
                    "環境のフェーズ遷移を、実施者、理由、切り戻しの費用の覚え書き（R-RM-2）とともに返す。ページ単位。\n\n"
                            + "Every phase transition of the environment with who made it, the reason and, for a fallback, the "
                            + "cost note (R-RM-2). Paged (page, size ≤ 200).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<List<TransitionView>> history(
            @RestPath Environment environment,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(service.history(environment), PageRequest.of(page, size)).toResponse(uri);
    }

    @POST
    @Path("/{environment}/transitions")
    @io.kiban.commons.idempotency.Idempotent
    @Operation(
            summary = "フェーズの遷移 / Move an environment to its next phase (jpo-admin)",
            description =
                    "環境を次のフェーズに移す（jpo-admin）。許されない遷移は 422（R-RM-1）。使用終了・撤去中から稼働への切り戻し"
                            + "（R-RM-2）には理由と、確認した版の If-Match が必要（なければ 428、古ければ 412）。新たな費用が生じる場合のみ"
                            + "newCost=true と costNote を記す。撤去中から撤去済みへは撤去の妨げがないこと、撤去済みから終了へはそれが"
                            + "続いていることが必要（妨げを示して 409）。共用（分電盤）は両環境の後に撤去する。\n\n"
                            + "Illegal transitions → 422 naming R-RM-1; a fallback (END_OF_USE or REMOVING → IN_SERVICE, R-RM-2) "
                            + "needs reason (costNote only when newCost is true) and If-Match of the phase reviewed (R-SEC-2: 428 without, 412 stale; "
                            + "If-Match is checked on any transition that sends it); REMOVING → REMOVED passes the removal gate or "
                            + "answers 409 with the blockers, and REMOVED → CLOSED requires that the readiness is still empty "
                            + "(409 with the blockers, R-RM-1); SHARED (the distribution board) enters REMOVING only after both "
                            + "environments did, and REMOVED only after both are REMOVED (blockers phase:PRODUCTION, "
                            + "phase:STAGING). Honours Idempotency-Key.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<PhaseView> transition(
            @RestPath Environment environment,
            @org.jboss.resteasy.reactive.RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = {
                                                @ExampleObject(
                                                        name = "構築開始",
                                                        summary = "契約から構築へ",
                                                        value = "{\"to\": \"BUILDING\"}"),
                                                @ExampleObject(
                                                        name = "切り戻し",
                                                        summary =
                                                                "使用終了から稼働への切り戻し（R-RM-2、If-Match が必要）",
                                                        value =
                                                                "{\"to\": \"IN_SERVICE\", \"reason\": \"次期サーバー式で文献 OCR の精度不良が判明し、"
                                                                        + "是正まで本サーバー式でサービスを再開する\", \"newCost\": true, \"costNote\": "
                                                                        + "\"再開に伴う保守の延長費用は別途協議する\"}")
                                            }))
                    @Valid
                    @NotNull
                    TransitionInput body) {
        PhaseView view = service.transition(environment, body, ifMatch);
        return Responses.ok(view, view.version());
    }
}
