package io.kiban.asset.software;

import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.software.SoftwareDtos.Drift;
import io.kiban.asset.software.SoftwareDtos.SoftwareInput;
import io.kiban.asset.software.SoftwareDtos.SoftwareView;
import io.kiban.asset.software.SoftwareDtos.SupportRisk;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.asset.support.Lists;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/software")
@Tag(
        name = "software",
        description = "Sheet 2 (ソフトウェア): installed software and its support deadline (サポート期限)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SoftwareResource {

    private final SoftwareService service;
    private final HistoryService history;
    private final LedgerWriters writers;

    public SoftwareResource(
            SoftwareService service, HistoryService history, LedgerWriters writers) {
        this.service = service;
        this.history = history;
        this.writers = writers;
    }

    @GET
    @Operation(
            summary =
                    "ソフトウェアの検索 / "
                            + "Search software by environment, hardware, class, name prefix, SBOM subject",
            description =
                    "様式2（ソフトウェア）を環境・導入先ハードウェア・ソフトウェア区分（class）・製品名の前方一致・SBOM対象で検索する。列挙値以外の environment・class は許容値を示して400。ページング。\n\n"
                            + "Sheet 2 filtered by environment, hardware, class (software class), name prefix and SBOM subject; an unknown environment or class → 400 naming the allowed values. Paged (page, size ≤ 200, X-Total-Count, Link).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<SoftwareView>> list(
            @RestQuery Environment environment,
            @RestQuery Long hardwareId,
            @RestQuery("class") SoftwareClass softwareClass,
            @RestQuery String name,
            @RestQuery String sbomSubject,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(
                        environment,
                        hardwareId,
                        softwareClass,
                        name,
                        sbomSubject,
                        PageRequest.of(page, size))
                .toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    @Operation(
            summary = "ソフトウェアの参照 / One software entry (ETag = its version)",
            description =
                    "1件のソフトウェア。ETag はその版。\n\n"
                            + "One installed software entry; its ETag is its version, to be sent as If-Match by an update or delete.")
    public RestResponse<SoftwareView> get(@RestPath long id) {
        SoftwareView view = service.get(id);
        return Responses.ok(view, view.lockVersion());
    }

    @POST
    @Idempotent
    @Operation(
            summary = "ソフトウェアの登録 / " + "Register installed software",
            description =
                    "導入済みソフトウェアを登録する（製品名、エディション、バージョン、区分、サポート期限、導入先）。導入先がハードウェアなら hardwareId、クラスタ・仮想マシンなら host を指定する。Idempotency-Key に対応。\n\n"
                            + "Installed software with product name, edition, version, class, support deadline and where it runs (hardwareId for HARDWARE, host for CLUSTER or VM). Idempotency-Key honoured.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<SoftwareView> create(@Valid @NotNull SoftwareInput body) {
        writers.require();
        SoftwareView view = service.create(body);
        return Responses.created(URI.create("/software/" + view.id()), view, view.lockVersion());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    @Operation(
            summary = "ソフトウェアの更新 / Update a software entry (If-Match required)",
            description =
                    "ソフトウェアの項目を更新する。If-Match 必須（428/412）。\n\n"
                            + "Replaces the descriptive fields of a software entry. If-Match required (428 without, 412 when stale).")
    public RestResponse<SoftwareView> update(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull SoftwareInput body) {
        writers.require();
        SoftwareView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.lockVersion());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    @Operation(
            summary = "ソフトウェアの削除 / Delete a software entry (If-Match required)",
            description =
                    "誤登録または撤去したソフトウェアを削除する。変更履歴には残る。If-Match 必須（428/412）。\n\n"
                            + "Removes a software entry registered by mistake or uninstalled; the change history keeps it. If-Match required (428/412).")
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        writers.require();
        service.delete(id, ifMatch);
    }

    @GET
    @Path("/support-risks")
    @Operation(
            summary =
                    "サポート期限切れリスク（R-AS-4） / "
                            + "R-AS-4: software whose support has ended or ends before the contract end, with days left; "
                            + "WARNING = inside the warning horizon",
            description =
                    "サポートが終了済み、または契約終了前に終了するソフトウェアと残日数（R-AS-4）。警告期間内は WARNING。契約終了日は lifecycle-service の契約（変更反映後）による。ヘッダ Kiban-Contract-As-Of・Kiban-Contract-Stale が用いた写しを示し、写しがなければ503。期限不明のソフトウェアは既定で UNKNOWN として載る（includeUnknown=false で除外）。手入力の期限が endoflife.date の情報と矛盾する場合は supportConflict 付きで必ず載る。ページング。\n\n"
                            + "The contract end is lifecycle-service's contract as amended; headers Kiban-Contract-As-Of "
                            + "and Kiban-Contract-Stale (and each row's contractAsOf/contractStale) say which copy was used — "
                            + "the last one when lifecycle-service is down; 503 when there is none. R-AS-4 (issue 18): software "
                            + "with no known deadline is listed as UNKNOWN by default (includeUnknown=false leaves it out), and "
                            + "a hand-entered deadline contradicting the stored endoflife.date cycle is always listed with "
                            + "supportConflict. Paged.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<SupportRisk>> supportRisks(
            @RestQuery Environment environment,
            @RestQuery Boolean includeUnknown,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.supportRisks(
                        environment,
                        !Boolean.FALSE.equals(includeUnknown),
                        PageRequest.of(page, size))
                .toResponse(uri);
    }

    @GET
    @Path("/drift")
    @Operation(
            summary =
                    "本番環境・検証環境のバージョン差異 / "
                            + "Products whose versions differ between PRODUCTION and STAGING",
            description =
                    "本番環境と検証環境でバージョンが異なる製品の一覧。ページング。\n\n"
                            + "Each product installed in both PRODUCTION and STAGING whose versions differ, with the versions on each side; paged (page, size ≤ 200, X-Total-Count, Link).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<Drift>> drift(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.drift(), page, size).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(
            summary =
                    "ソフトウェアの変更履歴（様式10） / " + "Sheet 10 (変更管理): every change of this software entry",
            description =
                    "様式10（変更管理）：このソフトウェアの変更の全件。ページング。\n\n"
                            + "Every change of this software entry from the audited revisions (who, when, which fields from what to what), paged.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<RevisionView>> history(
            @RestPath long id,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(history.history(Software.class, "software", id), page, size)
                .toResponse(uri);
    }
}
