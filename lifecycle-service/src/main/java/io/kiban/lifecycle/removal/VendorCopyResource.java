package io.kiban.lifecycle.removal;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.removal.VendorCopyService.CopyInput;
import io.kiban.lifecycle.removal.VendorCopyService.CopyView;
import io.kiban.lifecycle.removal.VendorCopyService.DispositionInput;
import io.kiban.lifecycle.support.DocumentStore;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
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

@Path("/vendor-copies")
@Tag(
        name = "vendor-copies",
        description =
                "Copies of the work's information a vendor held, returned, destroyed or "
                        + "erased with evidence, confirmed by JPO (R-RM-4, security 8))")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VendorCopyResource {

    private final VendorCopyService service;
    private final DocumentStore store;

    public VendorCopyResource(VendorCopyService service, DocumentStore store) {
        this.service = service;
        this.store = store;
    }

    @GET
    @Operation(
            summary =
                    "受注者が保有する複製の一覧 / The copies (a vendor sees its own organisation's); ?status=OPEN|DISPOSED|CONFIRMED",
            description =
                    "受注者が保有した本業務の情報の複製（持ち込んだ機器、庁外で作成した複製、貸与された資料）を状態で"
                            + "絞り込んで返す（R-RM-4、情報セキュリティに関する事項 8)）。受注者は自組織のもののみ見える。未知の status は"
                            + "許される値を示して 400。\n\n"
                            + "The copies of the work's information a vendor held (devices brought in, copies made outside JPO, "
                            + "lent documents; R-RM-4, security 8)), filtered by status; a vendor sees its own organisation's.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR
    })
    public RestResponse<List<CopyView>> list(
            @RestQuery VendorCopy.Status status,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(service.list(status), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary =
                    "受注者が保有する複製の照会 / One copy with its evidence, and the ETag its confirmation names",
            description =
                    "複製の記録、返却・廃棄・消去の方法、証跡ファイル、特許庁の確認を返す。他組織の受注者には 404。ETag は"
                            + "処分の記録と確認で If-Match に指定する版（R-SEC-2）。\n\n"
                            + "One copy with its disposition, evidence files and JPO's confirmation; another vendor organisation's "
                            + "copy is 404; its ETag is what the disposition and the confirmation name in If-Match (R-SEC-2).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR
    })
    public RestResponse<CopyView> get(@RestPath long id) {
        CopyView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "受注者が保有する複製の登録 / Record a copy of the work's information the vendor held (R-RM-4, security 8)): a device "
                            + "brought in, a copy made outside JPO, or a lent document",
            description =
                    "受注者が保有した本業務の情報の複製を登録する（持ち込んだ機器、庁外で作成した複製、貸与された資料）。"
                            + "特許庁が返却・廃棄・消去を確認していない複製は本番環境の撤去を妨げる（VENDOR_COPY_NOT_CONFIRMED、R-RM-4）。"
                            + "受注者は自組織の分を、jpo-admin は組織を指定して登録する。\n\n"
                            + "R-RM-4: every copy not confirmed by JPO blocks the removal of PRODUCTION and is listed by its "
                            + "readiness (VENDOR_COPY_NOT_CONFIRMED). The vendor records for its own organisation; jpo-admin names "
                            + "the organisation. Honours Idempotency-Key.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<CopyView> record(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "持ち込んだ保守用端末",
                                                            summary = "障害対応のため庁内に持ち込んだ保守用ノート PC",
                                                            value = RECORD_EXAMPLE)))
                    @Valid
                    @NotNull
                    CopyInput body) {
        CopyView view = service.record(body);
        return Responses.created(URI.create("/vendor-copies/" + view.id()), view, view.version());
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @BodyLimit(property = "kiban.restoration.max-file", defaultValue = "50M")
    @Operation(
            summary =
                    "複製の処分の証跡ファイルの追加 / Add an evidence file of how the copy was returned, destroyed or erased: a photo (JPEG, PNG) or "
                            + "a PDF, ?fileName= (stored by SHA-256, never rewritten; audited)",
            description =
                    "複製の返却・廃棄・消去の証跡ファイル（写真 JPEG・PNG、または PDF）を ?fileName= で追加する（SHA-256 で"
                            + "保管し書き換えない、監査証跡に記録）。同じファイルは 200、それ以外の形式は 415、確認済みの複製は 422"
                            + "（R-RM-4）。\n\n"
                            + "201, or 200 when this file was already attached; 415 for another content; 422 naming R-RM-4 "
                            + "once the copy is confirmed. Honours Idempotency-Key.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<CopyView> addEvidence(
            @RestPath long id, @RestQuery String fileName, java.nio.file.Path body) {
        service.requireOpenForEvidence(id);
        DocumentStore.safeName(fileName);
        try (InputStream in = Files.newInputStream(body)) {
            DocumentStore.Typed typed = DocumentStore.photoOrPdf(in);
            DocumentStore.Stored stored = store.store(typed.in());
            VendorCopyService.Added added =
                    service.addEvidence(id, fileName, typed.contentType(), stored);
            if (!added.created()) {
                return Responses.ok(added.copy(), added.copy().version());
            }
            return Responses.created(
                    URI.create("/vendor-copies/" + id + "/evidence/" + stored.sha256()),
                    added.copy(),
                    added.copy().version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/{id}/evidence/{sha256}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(
            summary =
                    "複製の処分の証跡ファイルのダウンロード / Download one evidence file of a vendor copy (as uploaded; its type in X-Uploaded-Content-Type)",
            description =
                    "複製の処分の証跡ファイルを登録されたとおりに返す（形式は X-Uploaded-Content-Type）。\n\n"
                            + "The evidence file exactly as uploaded (its type in X-Uploaded-Content-Type).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR
    })
    public RestResponse<StreamingOutput> evidenceFile(@RestPath long id, @RestPath String sha256) {
        io.kiban.lifecycle.deliverable.AttachedFiles.FileRef ref = service.evidenceFile(id, sha256);
        StreamingOutput out =
                o -> {
                    try (InputStream in = store.open(ref.sha256())) {
                        in.transferTo(o);
                    }
                };
        return io.kiban.commons.web.Downloads.storedFile(
                        out,
                        MediaType.APPLICATION_OCTET_STREAM,
                        ref.fileName(),
                        "vendor-copy-" + id + "-evidence",
                        ref.size(),
                        ref.sha256())
                .header("X-Uploaded-Content-Type", ref.contentType())
                .build();
    }

    @POST
    @Path("/{id}/disposition")
    @Operation(
            summary =
                    "複製の処分の記録 / Record how the copy was returned, destroyed or erased (the vendor; If-Match)",
            description =
                    "複製をどのように返却・廃棄・消去したかを記録する（受注者、If-Match）。証跡ファイルが1件以上なければ 422"
                            + "（R-RM-4）。\n\n"
                            + "R-RM-4: at least one evidence file first (422 naming R-RM-4 otherwise).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<CopyView> dispose(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "データ消去",
                                                            value =
                                                                    "{\"disposition\": \"ERASED\", \"note\": \"保守用ノート PC の SSD を"
                                                                            + "装置の暗号化消去機能（Crypto Erase）で消去し、読み出せないことを確認した（消去ツールの結果報告書を証跡として登録済み）\"}")))
                    @Valid
                    @NotNull
                    DispositionInput body) {
        CopyView view = service.dispose(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary =
                    "複製の処分の確認 / JPO confirms the copy's return, destruction or erasure (jpo-admin)",
            description =
                    "特許庁（jpo-admin）が、確認した版（If-Match）の返却・廃棄・消去を確認する。If-Match がなければ 428、"
                            + "古ければ 412（その後に証跡ファイルが追加された場合も）。複製・処分・証跡を登録したアカウントは確認できない"
                            + "（403、R-SEC-2）。処分の記録前は 422（R-RM-4）。\n\n"
                            + "R-SEC-2: If-Match of the version reviewed (428 without, 412 stale; an evidence file added "
                            + "since makes it stale); the account that recorded the copy, its disposition or an evidence file "
                            + "never confirms it (403 naming R-SEC-2). 422 naming R-RM-4 before the disposition is recorded.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<CopyView> confirm(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        CopyView view = service.confirm(id, ifMatch);
        return Responses.ok(view, view.version());
    }

    /** The documented copy: a maintenance laptop brought in for a failure. */
    static final String RECORD_EXAMPLE =
            "{\"kind\": \"DEVICE_BROUGHT_IN\", \"description\": \"障害対応のため庁内に"
                    + "持ち込んだ保守用ノート PC（管理番号 VA-PC-017）。本番環境のログを一時保存した\", \"holder\": \"山田 太郎\", \"organisation\": \"vendor-a\"}";
}
