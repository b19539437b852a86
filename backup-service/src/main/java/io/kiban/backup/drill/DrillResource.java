package io.kiban.backup.drill;

import io.kiban.backup.drill.DrillDtos.DrillInput;
import io.kiban.backup.drill.DrillDtos.DrillView;
import io.kiban.commons.files.ContentStore;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import io.kiban.commons.web.Responses;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
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

@Path("/restore-drills")
@Tag(name = "Restore drills", description = "Restores that were tried (R-BK-4)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DrillResource {

    /**
     * A real drill: support restored the production VM from its copy of run 42 beside the original,
     * in 21 min.
     */
    static final String RECORD_EXAMPLE =
            "{\"targetId\": 3, \"runId\": 42, "
                    + "\"performedAt\": \"2026-10-15T14:00:00+09:00\", \"durationSeconds\": 1260, \"result\": \"SUCCEEDED\", "
                    + "\"notes\": \"検証用ネットワークに VM を復元し、OCR の試験要求に正常応答することを確認\", "
                    + "\"evidence\": \"作業報告書 BK-2026-017（復元ログ・画面写しを添付）\"}";

    private final DrillService service;
    private final DrillEvidence evidence;

    public DrillResource(DrillService service, DrillEvidence evidence) {
        this.service = service;
        this.evidence = evidence;
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "リストア訓練記録の参照 / One restore drill",
            description =
                    "R-BK-4: リストア訓練の記録を一件返す（対象、復元元の実行、実施者とその所属、日時、所要時間、結果、"
                            + "所見、証跡ファイル）。\n\n"
                            + "R-BK-4: one restore drill: the target, the run restored from, who performed it and their "
                            + "organisation, when, how long, the result, notes and the evidence file.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public DrillView get(@RestPath long id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}/evidence")
    @Consumes(MediaType.WILDCARD)
    @BodyLimit(property = "kiban.backup.evidence.max-file-size", defaultValue = "20M")
    @Operation(
            summary =
                    "リストア訓練の証跡ファイルの添付 / Attach the drill's evidence file (PDF, PNG or JPEG; "
                            + "streamed; stored by SHA-256, never replaced): jpo-admin or the organisation that performed the drill",
            description =
                    "R-BK-4: 訓練の証跡ファイル（PDF、PNG、JPEG）を本文で送り、?fileName= で名前を付ける。SHA-256 で保管し、"
                            + "差し替えはできない（同じファイルの再送は前と同じ応答、別のファイルは409）。jpo-admin か訓練を実施した"
                            + "組織だけが添付でき（403）、種類（415）と大きさ（413）は書き込み前に確かめる（SEC-BK-6）。\n\n"
                            + "The body is the file; ?fileName= names it. The same file again answers as before; "
                            + "another file is 409 (R-BK-4). Organisation (403), type (415) and size (413) are checked before "
                            + "anything is written to the write-once store (SEC-BK-6).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public DrillView attach(
            @RestPath long id,
            @RestQuery String fileName,
            @RestHeader("Content-Type") String contentType,
            InputStream body) {
        if (!ContentStore.isSafeName(fileName)) {
            throw ProblemException.badField(
                    "fileName",
                    "required; no path separators or control characters, at most 200 characters");
        }
        service.requireMayAttach(id);
        ContentStore.Stored stored = evidence.store(body, contentType);
        return service.attach(id, fileName, stored);
    }

    @GET
    @Path("/{id}/evidence")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(
            summary =
                    "リストア訓練の証跡ファイルの取得 / Download the drill's evidence file, checked against its "
                            + "SHA-256 first (409 if altered); its type in X-Uploaded-Content-Type",
            description =
                    "R-BK-4: 訓練の証跡ファイルを返す。返す前に SHA-256 と照合し、改変されていれば409。ファイルの種類は "
                            + "X-Uploaded-Content-Type、ハッシュは Repr-Digest ヘッダ（RFC 9530）に載せる。ファイルの無い訓練は404。\n\n"
                            + "R-BK-4: the evidence file, checked against its SHA-256 before it is sent (409 if altered); its "
                            + "type in X-Uploaded-Content-Type, its hash in Repr-Digest (RFC 9530); 404 when the drill has no file.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RestResponse<StreamingOutput> evidence(@RestPath long id) {
        DrillDtos.EvidenceFile file = service.get(id).evidenceFile();
        if (file == null) {
            throw ProblemException.notFound("evidence file of restore drill", id);
        }
        java.nio.file.Path path = evidence.verified(file.sha256());
        StreamingOutput body = out -> java.nio.file.Files.copy(path, out);
        return io.kiban.commons.web.Downloads.storedFile(
                        body,
                        MediaType.APPLICATION_OCTET_STREAM,
                        file.fileName(),
                        "restore-drill-" + id + "-evidence",
                        file.size(),
                        file.sha256())
                .header("X-Uploaded-Content-Type", file.contentType())
                .build();
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "リストア訓練の記録 / Record a restore drill; the caller is recorded as who performed it",
            description =
                    "R-BK-4: リストア訓練を記録する。対象、復元元の実行（その対象のバックアップで、複製の残っているもの）、"
                            + "実施日時（省略時は現在。未来は不可）、所要時間（秒）、結果、所見を送る。実施者は呼び出した利用者とその組織"
                            + "として記録され、本文では指定できない。\n\n"
                            + "R-BK-4: the target, the run restored from (a backup of that target that left a copy), when "
                            + "(default now; not in the future), how long in seconds, the result and notes. Who performed it is "
                            + "the caller and their organisation, never a field of the body.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<DrillView> record(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "本番 VM のリストア訓練",
                                                            value = RECORD_EXAMPLE)))
                    @Valid
                    @NotNull
                    DrillInput body) {
        DrillView view = service.record(body);
        return Responses.created(URI.create("/restore-drills/" + view.id()), view);
    }

    @GET
    @Operation(
            summary = "リストア訓練記録の一覧 / Restore drills, newest first",
            description =
                    "R-BK-4: リストア訓練の記録を新しい順にページ単位で返す（page、size は200まで、既定50。"
                            + "X-Total-Count、Link）。対象（targetId）で絞り込める。\n\n"
                            + "R-BK-4: the restore drills, newest first, paged (page, size ≤ 200, default 50; X-Total-Count, "
                            + "Link); optionally by targetId.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RestResponse<List<DrillView>> list(
            @RestQuery Long targetId,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(targetId, PageRequest.of(page, size)).toResponse(uri);
    }
}
