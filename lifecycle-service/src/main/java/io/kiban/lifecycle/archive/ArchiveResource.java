package io.kiban.lifecycle.archive;

import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.lifecycle.archive.ArchiveDtos.ArchiveView;
import io.kiban.lifecycle.archive.ArchiveDtos.ReceiptInput;
import io.kiban.lifecycle.support.Lists;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@jakarta.ws.rs.Path("/archive")
@Tag(
        name = "archive",
        description = "Archive handover to JPO before production is removed (R-RM-4)")
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    private final ArchiveService service;
    private final ArchiveBuilder builder;
    private final ArchiveReceipts receipts;

    public ArchiveResource(
            ArchiveService service, ArchiveBuilder builder, ArchiveReceipts receipts) {
        this.service = service;
        this.builder = builder;
        this.receipts = receipts;
    }

    @POST
    @io.kiban.commons.idempotency.Idempotent
    @jakarta.ws.rs.Consumes(MediaType.WILDCARD)
    @Operation(
            summary =
                    "アーカイブの作成 / Build the archive (jpo-admin): every service's records export, this service's records and "
                            + "documents, manifest.json with SHA-256 per entry; the archive's own SHA-256 and time are recorded",
            description =
                    "本番環境の撤去前に特許庁へ引き渡すアーカイブ（R-RM-4）を作成する（jpo-admin）：各サービスの記録、"
                            + "監査証跡、本サービスの記録と文書、エントリごとの SHA-256 を記した manifest.json。出力できないサービスがあれば"
                            + "そのサービスを示して 503 とし、不完全なアーカイブは引き渡さない。受理済みの消去・破壊の証跡を含むアーカイブ"
                            + "のみが本番環境の撤去に数えられる。\n\n"
                            + "R-RM-4: 503 naming the service when one cannot export: an incomplete archive is never handed "
                            + "over. The media whose destruction evidence maintenance-service had accepted are noted: PRODUCTION's "
                            + "removal counts only an archive that holds every accepted evidence of its media. Honours "
                            + "Idempotency-Key.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ArchiveView> create() {
        ArchiveView view = builder.create();
        return RestResponse.ResponseBuilder.<ArchiveView>created(
                        URI.create("/archive/" + view.id()))
                .entity(view)
                .build();
    }

    @GET
    @Operation(
            summary = "アーカイブの一覧 / The archives built, with SHA-256 and JPO's receipt (R-RM-4)",
            description =
                    "作成したアーカイブを SHA-256、大きさ、特許庁の受領記録とともに返す（R-RM-4）。ページ単位。\n\n"
                            + "Every archive built with its SHA-256, size and JPO's receipt (R-RM-4). Paged (page, size ≤ 200).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.AUDITOR})
    public RestResponse<List<ArchiveView>> list(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.list(), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @jakarta.ws.rs.Path("/{id}")
    @Operation(
            summary = "アーカイブの照会 / One archive with its SHA-256 and JPO's receipt (R-RM-4)",
            description =
                    "アーカイブ1件の作成日時、SHA-256、大きさ、受理済み証跡の媒体、特許庁の受領記録を返す（R-RM-4）。\n\n"
                            + "One archive: when it was built, its SHA-256 and size, the media whose accepted evidence it holds and "
                            + "JPO's receipt (R-RM-4).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.AUDITOR})
    public ArchiveView get(@RestPath long id) {
        return service.get(id);
    }

    @POST
    @jakarta.ws.rs.Path("/{id}/receipt")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @io.kiban.commons.idempotency.Idempotent
    @Operation(
            summary =
                    "アーカイブの受領の記録 / Record JPO's receipt of the archive (jpo-admin) with the SHA-256 JPO computed from the file",
            description =
                    "特許庁がダウンロードしたファイルから計算した SHA-256 を添えて、アーカイブの受領を記録する（jpo-admin）。"
                            + "本番環境の撤去には受領を記録したアーカイブが必要（R-RM-4）。SHA-256 が一致しなければ 409 で何も記録せず、"
                            + "2回目の受領も 409。監査証跡に記録する。\n\n"
                            + "R-RM-4: PRODUCTION is removed only with an archive whose receipt JPO recorded; a SHA-256 "
                            + "that is not the archive's → 409 naming R-RM-4 and nothing recorded; a second receipt → 409; "
                            + "audited. Honours Idempotency-Key.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ArchiveView> receipt(
            @RestPath long id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "受領したファイルの SHA-256",
                                                            summary =
                                                                    "ダウンロードしたファイルから計算した値（sha256sum の出力）",
                                                            value =
                                                                    "{\"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}")))
                    @jakarta.validation.Valid
                    @jakarta.validation.constraints.NotNull
                    ReceiptInput body) {
        return RestResponse.ok(receipts.receive(id, body.sha256()));
    }

    @GET
    @jakarta.ws.rs.Path("/{id}/file")
    @Produces("application/zip")
    @Operation(
            summary = "アーカイブのダウンロード / Download the archive (streamed)",
            description =
                    "アーカイブ（zip）を返す。Repr-Digest ヘッダの SHA-256 と、受け取ったファイルから計算した値を照合し、受領の"
                            + "記録に用いる（R-RM-4）。\n\n"
                            + "The archive (zip), streamed; its SHA-256 is in Repr-Digest (RFC 9530), to compare with the value computed from the "
                            + "file received before recording the receipt (R-RM-4).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.AUDITOR})
    public RestResponse<StreamingOutput> file(@RestPath long id) {
        ArchiveView view = service.get(id);
        java.nio.file.Path file = service.file(id);
        StreamingOutput body =
                out -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                };
        return io.kiban.commons.web.Downloads.storedFile(
                        body,
                        "application/zip",
                        view.fileName(),
                        view.fileName(),
                        view.size(),
                        view.sha256())
                .build();
    }
}
