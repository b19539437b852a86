package io.kiban.maintenance.evidence;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.evidence.EvidenceDtos.DecisionInput;
import io.kiban.maintenance.evidence.EvidenceDtos.EvidenceInput;
import io.kiban.maintenance.evidence.EvidenceDtos.EvidenceView;
import io.kiban.maintenance.evidence.EvidenceDtos.FileView;
import io.kiban.maintenance.support.ApiExamples;
import io.kiban.maintenance.support.ServedAs;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/")
@Tag(
        name = "Destruction evidence",
        description = "Certificates of sanitization and their files (R-MT-3…R-MT-6)")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    private final EvidenceService service;

    public EvidenceResource(EvidenceService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @Path("/custody-items/{id}/evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN})
    @Operation(
            summary =
                    "破壊・消去証跡の提出 / Submit destruction evidence (NIST SP 800-88 App. G fields); rules R-MT-4 and R-MT-5 apply",
            description =
                    "保管中の媒体について、破壊・消去の証明（NIST SP 800-88 付録 G の項目）を提出する。方法はその媒体の"
                            + "種類で達成できるものに限る（R-MT-5）：フラッシュ媒体への上書きは CLEAR にとどまり、フラッシュの PURGE は"
                            + "装置自身のサニタイズ・ブロック消去又は暗号化消去のみ、消磁は磁気媒体のみ。CLEAR は 422。産業廃棄物処理業者の"
                            + "証明書は、JPO がその業者の承認を記録した日以降、取消より前の破壊に限り有効（R-MT-4）。Idempotency-Key に対応する。\n\n"
                            + "R-MT-5: the technique must achieve the method on this kind of medium (overwriting flash is only"
                            + " CLEAR; PURGE on flash only by the device's sanitize / block erase or a cryptographic erase; degaussing"
                            + " only magnetic media). R-MT-4: a contractor certificate counts only for a destruction on or after the"
                            + " day JPO recorded the contractor's approval, before its revocation. Idempotency-Key honoured.")
    public RestResponse<EvidenceView> submit(
            @RestPath long id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "SSD の破砕",
                                                            summary = "取り外した NVMe SSD をベンダが破砕した証明",
                                                            value = ApiExamples.EVIDENCE)))
                    @Valid
                    @NotNull
                    EvidenceInput body) {
        EvidenceView view = service.submit(id, body);
        return Responses.created(URI.create("/evidence/" + view.id()), view, view.version());
    }

    @GET
    @Path("/custody-items/{id}/evidence")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary = "媒体の証跡の一覧 / The evidence records of a tracked medium, paged",
            description =
                    "媒体について提出された破壊・消去証跡を ID 順に返す（差戻し分を含む）。ページ単位（page、size は"
                            + "最大 200、既定 50。X-Total-Count、Link）。他組織の媒体は 404（R-MT-7）。\n\n"
                            + "#15 item 10: paged like every list (page, size ≤ 200, default 50; X-Total-Count, Link), in id"
                            + " order. R-MT-7: another organisation's item is 404.")
    public RestResponse<List<EvidenceView>> ofItem(
            @RestPath long id,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.ofItem(id, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/evidence/{id}")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary = "破壊・消去証跡の参照 / A destruction evidence record with its files",
            description =
                    "証跡と添付ファイル（SHA-256、大きさ、種類、登録者）を返す。版を ETag に載せ、受理・差戻しの If-Match"
                            + "に使う。ファイルを追加すると版が変わるので、確認した内容だけが受理される（R-SEC-2、R-MT-6）。他組織の証跡は"
                            + " 404（R-MT-7）。\n\n"
                            + "The evidence with its files (SHA-256, size, type, uploader); its version is the ETag, sent as If-Match"
                            + " to accept or reject it. A file upload raises the version, so a decision covers exactly what was read"
                            + " (R-SEC-2, R-MT-6). R-MT-7: another organisation's evidence is 404.")
    public RestResponse<EvidenceView> get(@RestPath long id) {
        EvidenceView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Path("/evidence/{id}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(property = UploadLimitConfigFactory.REQUEST, defaultValue = "20544K")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN})
    @Operation(
            summary =
                    "証跡ファイルの添付 / Attach a PDF, JPEG or PNG (checked by content; 415 otherwise, 413 above the limit);"
                            + " the evidence gets a new version (ETag of the response), so a decision on what was read before is 412;"
                            + " Idempotency-Key honoured (same key and same file: the same answer, one file)",
            description =
                    "証明書や破砕写真を multipart の file として添付する。PDF・JPEG・PNG のみで、内容（先頭のバイト列）で"
                            + "判定する（それ以外は 415）。上限を超えれば 413。ファイルは SHA-256 とともに変更不可で保管し（R-MT-6）、"
                            + "証跡の版が上がるので、添付前の版での受理・差戻しは 412。Idempotency-Key に対応する。\n\n"
                            + "R-MT-6: the file is kept unchanged with its SHA-256 and who uploaded it; PDF, JPEG or PNG by content"
                            + " (415 otherwise), 413 above kiban.evidence.max-file-size. The evidence gets a new version, so a"
                            + " decision on what was read before is 412. Idempotency-Key honoured.")
    public RestResponse<FileView> upload(@RestPath long id, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badField(
                    "file", "send the file as multipart part 'file' with a file name");
        }
        EvidenceService.Uploaded up =
                service.upload(id, file.uploadedFile(), file.contentType(), file.fileName());
        return Responses.created(
                URI.create("/evidence/" + id + "/files/" + up.file().id()),
                up.file(),
                up.evidenceVersion());
    }

    @GET
    @Path("/evidence/{id}/files")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary = "証跡ファイルの一覧 / The files of an evidence record, paged",
            description =
                    "証跡の添付ファイル（SHA-256、大きさ、種類、登録者）を添付順に返す（R-MT-6）。ページ単位（page、size は"
                            + "最大 200、既定 50。X-Total-Count、Link）。他組織の証跡は 404（R-MT-7）。\n\n"
                            + "R-MT-6 / #15 item 10: the files (SHA-256, size, type, uploader) in upload order, paged like"
                            + " every list (page, size ≤ 200, default 50; X-Total-Count, Link). R-MT-7: another organisation's"
                            + " evidence is 404.")
    public RestResponse<List<FileView>> files(
            @RestPath long id,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.files(id, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/evidence/{id}/files/{fileId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary =
                    "証跡ファイルのダウンロード / Download a file after its SHA-256 was verified (streamed from disk)",
            description =
                    "保管時の SHA-256 と照合してからファイルを返す。一致しなければ送らずに 409（R-MT-6）。Repr-Digest ヘッダ"
                            + "（RFC 9530、sha-256=:<Base64>:）に SHA-256 を載せる。他組織の証跡は 404（R-MT-7）。\n\n"
                            + "R-MT-6: the file's SHA-256 is verified before anything is sent (409, nothing served, when it no longer"
                            + " matches); the Repr-Digest header (RFC 9530) carries it. R-MT-7: another organisation's evidence is 404.")
    @ServedAs
    public RestResponse<StreamingOutput> download(@RestPath long id, @RestPath long fileId) {
        EvidenceService.Download d = service.download(id, fileId);
        StreamingOutput body = out -> java.nio.file.Files.copy(d.path(), out);
        // the real type (sniffed at upload: PDF, JPEG or PNG) replaces octet-stream once the writer
        // is chosen
        return io.kiban.commons.web.Downloads.storedFile(
                        body,
                        MediaType.APPLICATION_OCTET_STREAM,
                        EvidenceStore.displayName(d.file().originalName),
                        fallbackName(d.file()),
                        d.file().sizeBytes,
                        d.file().sha256)
                .header(ServedAs.HEADER, d.file().contentType)
                .build();
    }

    @GET
    @Path("/evidence-files/{sha256}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Roles.SERVICE)
    @Operation(
            summary =
                    "SHA-256 による証跡ファイルの取得 / An evidence file by its SHA-256, for the archive handed to JPO (R-RM-4, service role)",
            description =
                    "撤去時に JPO へ引き渡すアーカイブ（R-RM-4）のため、SHA-256 で証跡ファイルを返す（サービス用）。送る前に"
                            + "照合し、保管したファイルが一致しなければ 409（R-MT-6）、その SHA-256 のファイルが無ければ 404。"
                            + "Repr-Digest ヘッダ（RFC 9530）に SHA-256 を載せる。対象は"
                            + " GET /exports/records.json の evidence[].files[].sha256。\n\n"
                            + "The checksum is verified before anything is sent: 409 naming R-MT-6 when the stored file no "
                            + "longer matches it, 404 when no evidence has such a file; the Repr-Digest header (RFC 9530) "
                            + "carries it. The files are listed in GET /exports/records.json (evidence[].files[].sha256).")
    @ServedAs
    public RestResponse<StreamingOutput> fileByChecksum(@RestPath String sha256) {
        EvidenceService.Download d = service.byChecksum(sha256);
        StreamingOutput body = out -> java.nio.file.Files.copy(d.path(), out);
        return io.kiban.commons.web.Downloads.storedFile(
                        body,
                        MediaType.APPLICATION_OCTET_STREAM,
                        EvidenceStore.displayName(d.file().originalName),
                        fallbackName(d.file()),
                        d.file().sizeBytes,
                        d.file().sha256)
                .header(ServedAs.HEADER, d.file().contentType)
                .build();
    }

    @POST
    @Path("/evidence/{id}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(
            summary =
                    "破壊・消去証跡の受理 / jpo-admin accepts the evidence (If-Match: the ETag of the evidence as read, with its files);"
                            + " it can never change afterwards (R-MT-6)",
            description =
                    "jpo-admin が証跡を受理する。受理した証跡は以後変更できない（R-MT-6）。ファイルが 1 件以上必要。"
                            + "If-Match に確認した証跡の ETag が必要（無ければ 428、古ければ 412）。証跡を提出した又はファイルを添付した"
                            + "アカウントは受理できない（403、R-SEC-2）。監査記録が ID、状態、判断者、時刻、ファイルの SHA-256 を封印し、"
                            + "後で行が書き換えられれば GET /audit/verify が報告する。\n\n"
                            + "R-SEC-2: the account that submitted the evidence or uploaded one of its files cannot accept it"
                            + " (403); If-Match required (428 without, 412 stale). The decision's audit entry seals id, status,"
                            + " decider, time and file SHA-256s; its MAC is stored on the row and"
                            + " GET /audit/verify reports the row if it changes later (#15 item 7).")
    public RestResponse<EvidenceView> accept(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "照合して受理",
                                                            summary = "証明書と写真を照合した",
                                                            value = ApiExamples.ACCEPTANCE)))
                    @Valid
                    DecisionInput body) {
        EvidenceView view = service.accept(id, ifMatch, body == null ? null : body.reason());
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/evidence/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(
            summary =
                    "破壊・消去証跡の差戻し / jpo-admin rejects the evidence with a reason (If-Match required); the vendor submits new evidence",
            description =
                    "jpo-admin が理由を付けて証跡を差し戻し、ベンダは新しい証跡を提出する。理由が必要（無ければ 400）。"
                            + "If-Match に確認した証跡の ETag が必要（無ければ 428、古ければ 412）。証跡を提出した又はファイルを添付した"
                            + "アカウントは差し戻せない（403、R-SEC-2）。監査記録の MAC を行に保存し、後で行が書き換えられれば"
                            + " GET /audit/verify が報告する。\n\n"
                            + "R-SEC-2: the account that submitted the evidence or uploaded one of its files cannot reject it"
                            + " (403); If-Match required (428 without, 412 stale). The decision's audit entry seals id, status,"
                            + " decider, time and file SHA-256s; its MAC is stored on the row and"
                            + " GET /audit/verify reports the row if it changes later (#15 item 7).")
    public RestResponse<EvidenceView> reject(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "シリアル番号の不一致",
                                                            summary = "証明書の記載が媒体と合わない",
                                                            value = ApiExamples.REJECTION)))
                    @Valid
                    @NotNull
                    DecisionInput body) {
        EvidenceView view = service.reject(id, ifMatch, body.reason());
        return Responses.ok(view, view.version());
    }

    /** RFC 6266: a server-made ASCII name, and the client's (sanitised) name as filename*. */
    /**
     * The ASCII name an old client saves the file under: evidence-<evidence id>-<file id>.<ext of
     * its real type>.
     */
    static String fallbackName(EvidenceFile f) {
        String ext =
                switch (f.contentType) {
                    case "application/pdf" -> ".pdf";
                    case "image/png" -> ".png";
                    default -> ".jpg";
                };
        return "evidence-" + f.evidenceId + "-" + f.id + ext;
    }
}
