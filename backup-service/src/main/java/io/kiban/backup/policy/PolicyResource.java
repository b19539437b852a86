package io.kiban.backup.policy;

import io.kiban.backup.policy.PolicyDtos.PolicyInput;
import io.kiban.backup.policy.PolicyDtos.PolicyView;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/policies")
@Tag(name = "Policies", description = "Schedules, retention and drivers (R-BK-1, R-BK-2)")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    /**
     * A real policy: target 1 (the AI-OCR production namespace) backed up by Velero every night at
     * 03:00 JST, seven generations plus 7 daily, 4 weekly and 3 monthly copies, nothing started
     * during the building's power outage.
     */
    static final String CREATE_EXAMPLE =
            "{\"name\": \"ai-ocr-production-nightly\", \"cron\": \"0 0 3 * * ?\", "
                    + "\"timeZone\": \"Asia/Tokyo\", \"level\": \"FULL\", "
                    + "\"retention\": {\"keepLast\": 7, \"daily\": 7, \"weekly\": 4, \"monthly\": 3}, "
                    + "\"completionWindowMinutes\": 240, \"blackoutWindows\": [{\"from\": \"2027-03-13T20:00:00+09:00\", "
                    + "\"until\": \"2027-03-14T08:00:00+09:00\", \"reason\": \"庁舎の法定停電点検\"}], "
                    + "\"holdDuringMaintenance\": true, \"catchUp\": true, \"backupBeforeMaintenance\": true, "
                    + "\"targetIds\": [1], \"driver\": \"velero\", "
                    + "\"driverSettings\": {\"storageLocation\": \"default\", \"snapshotVolumes\": true}}";

    /** jpo-admin keeps 14 generations instead of 7 (the rest of the policy unchanged). */
    static final String UPDATE_EXAMPLE =
            "{\"name\": \"ai-ocr-production-nightly\", \"cron\": \"0 0 3 * * ?\", "
                    + "\"timeZone\": \"Asia/Tokyo\", \"level\": \"FULL\", "
                    + "\"retention\": {\"keepLast\": 14, \"daily\": 7, \"weekly\": 4, \"monthly\": 3}, "
                    + "\"completionWindowMinutes\": 240, \"blackoutWindows\": [{\"from\": \"2027-03-13T20:00:00+09:00\", "
                    + "\"until\": \"2027-03-14T08:00:00+09:00\", \"reason\": \"庁舎の法定停電点検\"}], "
                    + "\"holdDuringMaintenance\": true, \"catchUp\": true, \"backupBeforeMaintenance\": true, "
                    + "\"targetIds\": [1], \"driver\": \"velero\", "
                    + "\"driverSettings\": {\"storageLocation\": \"default\", \"snapshotVolumes\": true}}";

    private final PolicyService service;

    public PolicyResource(PolicyService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "バックアップ方針の一覧 / List policies",
            description =
                    "バックアップ方針（スケジュール、世代管理、対象、ドライバ）をID順にページ単位で返す（page、size は200"
                            + "まで、既定50。X-Total-Count、Link）。R-BK-1、R-BK-2。\n\n"
                            + "The backup policies (schedule, retention, targets, driver) in id order, paged (page, size ≤ 200, "
                            + "default 50; X-Total-Count, Link). R-BK-1, R-BK-2.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RestResponse<List<PolicyView>> list(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "バックアップ方針の参照 / One policy with its next fire time (ETag)",
            description =
                    "R-BK-1: 方針を一件、次回の実行予定時刻（nextFireTime）とともに返す。変更・削除の If-Match に使う版を"
                            + " ETag に載せる。\n\n"
                            + "R-BK-1: one policy with its next fire time (nextFireTime); its version is the ETag for the "
                            + "If-Match of a change or deletion.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RestResponse<PolicyView> get(@RestPath long id) {
        PolicyView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "バックアップ方針の登録 / Create a policy: cron (Quartz, seconds first), time zone (default "
                            + "Asia/Tokyo), level, retention, windows, targets, driver and settings; it is scheduled at once",
            description =
                    "R-BK-1、R-BK-2: バックアップ方針を登録し、直ちにスケジュールに載せる。cron（Quartz 形式、秒から）、"
                            + "タイムゾーン（既定 Asia/Tokyo）、レベル、世代数（keepLast と日・週・月の世代）、取得禁止期間、対象、"
                            + "ドライバとその設定を指定する。ベンダは方針を登録して提案し、変更・一時停止・削除は jpo-admin のみ"
                            + "（SEC-BK-3）。kiban.backup.min-schedule-interval より短い間隔のスケジュールは422（SEC-BK-3）。対象の"
                            + "アレイに設定されていない http の送信先・メソッド・資格情報は422（SEC-BK-1）、許可されていない velero の "
                            + "namespace・保存先は422（SEC-BK-2）、引数パターンに合わない値が入る exec の引数は422（SEC-BK-5）。\n\n"
                            + "R-BK-1, R-BK-2: the policy is scheduled at once. Vendors propose backups by creating policies; "
                            + "only jpo-admin changes, pauses or deletes them "
                            + "(SEC-BK-3). A schedule firing more often than kiban.backup.min-schedule-interval is 422 "
                            + "(SEC-BK-3); an http destination, method or credential not configured for the targets' arrays "
                            + "is 422 (SEC-BK-1); a velero namespace or storage location not allowed is 422 (SEC-BK-2); an "
                            + "exec argument a target fills with a value outside the argument pattern is 422 (SEC-BK-5).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<PolicyView> create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "AI-OCR 本番の夜間フルバックアップ",
                                                            value = CREATE_EXAMPLE)))
                    @Valid
                    @NotNull
                    PolicyInput body) {
        PolicyView view = service.create(body);
        return Responses.created(URI.create("/policies/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "バックアップ方針の変更（jpo-admin のみ） / Change a policy (If-Match): jpo-admin only",
            description =
                    "SEC-BK-3: 方針（スケジュール、世代数、対象、ドライバ）の変更はバックアップを弱め得るため、jpo-admin "
                            + "だけが行える。If-Match が必要（無ければ428、古ければ412）。kiban.backup.min-schedule-interval（15分）"
                            + "より短い間隔のスケジュールは422。\n\n"
                            + "SEC-BK-3: changing a policy (schedule, retention, targets, driver) can weaken it, so only "
                            + "jpo-admin may; a schedule firing more often than kiban.backup.min-schedule-interval (15 min) is "
                            + "422. If-Match is required (428 without it, 412 when stale).")
    @RolesAllowed({Roles.JPO_ADMIN})
    public RestResponse<PolicyView> update(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "世代数を14に",
                                                            value = UPDATE_EXAMPLE)))
                    @Valid
                    @NotNull
                    PolicyInput body) {
        PolicyView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary =
                    "バックアップ方針の削除（jpo-admin のみ） / Delete a policy that has no runs yet (If-Match); "
                            + "otherwise pause it: jpo-admin only",
            description =
                    "SEC-BK-3: 方針の削除はバックアップを弱めるため、jpo-admin だけが行える。実行記録のまだ無い方針に限り、"
                            + "実行記録のある方針は台帳（R-BK-3）に残すため一時停止とする。If-Match が必要（無ければ428、古ければ412）。"
                            + "\n\n"
                            + "SEC-BK-3: deleting a policy weakens the backups, so only jpo-admin may; a policy with runs stays "
                            + "for the ledger (R-BK-3) and is paused instead. If-Match is required (428 without it, 412 when "
                            + "stale).")
    @RolesAllowed({Roles.JPO_ADMIN})
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(
            summary =
                    "バックアップ方針の一時停止（jpo-admin のみ） / Pause: nothing fires until resumed; jpo-admin only",
            description =
                    "SEC-BK-3: 一時停止はバックアップを止めるため、jpo-admin だけが行える。再開まで何も実行されず、"
                            + "一時停止中の方針は即時実行もできない（409）。Idempotency-Key は受け付けない（付けた要求は400）。\n\n"
                            + "SEC-BK-3: pausing stops the backups, so only jpo-admin may; a paused policy cannot be run "
                            + "now (409). Idempotency-Key is not accepted (a request carrying it answers 400).")
    @RolesAllowed({Roles.JPO_ADMIN})
    public RestResponse<PolicyView> pause(@RestPath long id) {
        PolicyView view = service.setPaused(id, true);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/resume")
    @Operation(
            summary =
                    "バックアップ方針の再開 / Resume: the schedule starts again from now; the time missed while "
                            + "paused is not fired",
            description =
                    "R-BK-1: 一時停止した方針のスケジュールを現時点から再開する。停止中に過ぎた予定時刻は実行しない。"
                            + "バックアップを強めるだけなので、ベンダとサポートベンダも行える（SEC-BK-3）。Idempotency-Key は受け付けない"
                            + "（付けた要求は400）。\n\n"
                            + "R-BK-1: the schedule starts again from now; the fire times passed while paused are not fired. "
                            + "Resuming only strengthens the backups, so vendors and support-vendor may too (SEC-BK-3). "
                            + "Idempotency-Key is not accepted (a request carrying it answers 400).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<PolicyView> resume(@RestPath long id) {
        PolicyView view = service.setPaused(id, false);
        return Responses.ok(view, view.version());
    }
}
