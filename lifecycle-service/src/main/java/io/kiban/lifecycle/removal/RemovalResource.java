package io.kiban.lifecycle.removal;

import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.commons.web.BodyLimit;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.phase.Blocker;
import io.kiban.lifecycle.phase.PhaseDtos.ChecklistItemView;
import io.kiban.lifecycle.phase.PhaseDtos.EvidenceFileView;
import io.kiban.lifecycle.phase.PhaseDtos.NoteInput;
import io.kiban.lifecycle.phase.PhaseDtos.PhaseView;
import io.kiban.lifecycle.phase.PhaseDtos.ReasonInput;
import io.kiban.lifecycle.phase.PhaseService;
import io.kiban.lifecycle.phase.RestorationService;
import io.kiban.lifecycle.removal.RemovalDtos.Readiness;
import io.kiban.lifecycle.support.DocumentStore;
import io.kiban.lifecycle.support.Environment;
import io.kiban.lifecycle.support.Lists;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/removal/{environment}")
@Tag(
        name = "removal",
        description =
                "Removal gate (R-RM-1, R-RM-3, R-RM-4, R-LC-8) and restoration checklist 原状復帰")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RemovalResource {

    private final RemovalGate gate;
    private final PhaseService phases;
    private final RestorationService restoration;
    private final ContractService contracts;
    private final DocumentStore store;
    private final io.kiban.lifecycle.phase.RemovalObligation obligation;

    public RemovalResource(
            RemovalGate gate,
            PhaseService phases,
            RestorationService restoration,
            ContractService contracts,
            DocumentStore store,
            io.kiban.lifecycle.phase.RemovalObligation obligation) {
        this.obligation = obligation;
        this.store = store;
        this.gate = gate;
        this.phases = phases;
        this.restoration = restoration;
        this.contracts = contracts;
    }

    @GET
    @Path("/readiness")
    @Operation(
            summary =
                    "撤去の可否 / What still blocks removal of this environment, each with id and source; days left to R-LC-8",
            description =
                    "環境（PRODUCTION 本番環境、STAGING 検証環境、SHARED 共用）の撤去を妨げているものを、記録の ID と出所"
                            + "とともに挙げる：消去・破壊の証跡が受理されていない媒体（R-RM-3）、扱いの確認されていないバックアップ、未了の"
                            + "データ消去、署名のない原状復帰項目（R-RM-1）、本番環境ではアーカイブの引渡し・受領・最新の証跡を含むこと"
                            + "（R-RM-4）と受注者の複製の返却・廃棄・消去の確認（情報セキュリティに関する事項 8)）。問い合わせられない"
                            + "サービスも妨げとして示す（SERVICE_UNAVAILABLE）。撤去期限（R-LC-8）を過ぎても撤去は妨げず、違反は"
                            + "removalBreaches に示し、記録した理由でも消えない。\n\n"
                            + "Blockers: MEDIUM_WITHOUT_ACCEPTED_EVIDENCE (asset media ever installed × maintenance evidence, "
                            + "R-RM-3), BACKUP_COPY_NOT_ACCOUNTED_FOR (not asked for SHARED, which holds no backups), "
                            + "OUTSTANDING_SANITIZATION (maintenance-service's outstanding entries for the environment, any kind, "
                            + "R-RM-3), RESTORATION_NOT_SIGNED (R-RM-1), for PRODUCTION ARCHIVE_NOT_HANDED_OVER, "
                            + "ARCHIVE_RECEIPT_NOT_RECORDED, ARCHIVE_OLDER_THAN_EVIDENCE (R-RM-4: an archive built after the last "
                            + "accepted evidence, received by JPO) and VENDOR_COPY_NOT_CONFIRMED (R-RM-4, security 8)), "
                            + "ENVIRONMENT_NOT_REMOVED (SHARED), and "
                            + "SERVICE_UNAVAILABLE when another service cannot be asked. REMOVED and CLOSED both require it empty. "
                            + "R-LC-8: a passed removal deadline blocks nothing and no note clears it: removalBreaches lists the "
                            + "environment's breach (NOT_REMOVED, later REMOVED_LATE), which the overview, deadlines and archive show.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public Readiness readiness(@RestPath Environment environment) {
        Environment env = environment;
        List<Blocker> blockers = gate.blockers(env);
        Contract c = contracts.contract();
        return new Readiness(
                env,
                phases.get(env).phase(),
                blockers.isEmpty(),
                c.removalDeadline,
                ReiwaDates.format(c.removalDeadline),
                ChronoUnit.DAYS.between(gate.today(), c.removalDeadline),
                blockers,
                obligation.breaches().stream().filter(b -> b.environment() == env).toList());
    }

    @POST
    @Path("/late-reason")
    @Operation(
            summary =
                    "撤去遅延の理由の記録 / Record why removal completes after the removal deadline (R-LC-8), jpo-admin",
            description =
                    "撤去が撤去期限（R-LC-8）の後になる理由を記録する（jpo-admin）。理由は違反の横に示すが、違反を消さず、"
                            + "撤去の条件でもない。\n\n"
                            + "R-LC-8: the reason is shown beside the breach; it neither clears the breach nor is needed to remove.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public PhaseView lateReason(
            @RestPath Environment environment,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "撤去遅延の理由",
                                                            value =
                                                                    "{\"reason\": \"次期サーバー式への移行が令和13年3月の障害対応で2週間遅れ、本番環境の使用終了が"
                                                                            + "令和13年3月25日となったため、撤去の完了は令和13年4月10日の見込み\"}")))
                    @Valid
                    @NotNull
                    ReasonInput body) {
        return phases.recordLateReason(environment, body.reason());
    }

    @GET
    @Path("/checklist")
    @Operation(
            summary = "原状復帰チェックリスト / The restoration checklist 原状復帰 of the environment (R-RM-1)",
            description =
                    "撤去後の原状復帰（R-RM-1）の項目ごとに、受注者の記録、証跡ファイル、特許庁の確認署名を返す。"
                            + "ページ単位（page、size ≤ 200）。\n\n"
                            + "Each item of the restoration checklist (R-RM-1) with the vendor's note, its evidence files and JPO's "
                            + "sign-off. Paged (page, size ≤ 200; X-Total-Count, Link).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<List<ChecklistItemView>> checklist(
            @RestPath Environment environment,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(restoration.checklist(environment), PageRequest.of(page, size))
                .toResponse(uri);
    }

    @GET
    @Path("/checklist/{item}")
    @Operation(
            summary =
                    "原状復帰項目の照会 / One restoration item with its evidence; its ETag is what a signature's If-Match names",
            description =
                    "原状復帰の1項目を受注者の記録と証跡ファイルとともに返す。ETag は確認署名で If-Match に指定する版"
                            + "（R-SEC-2）。\n\n"
                            + "One restoration item (R-RM-1) with the vendor's note and evidence files; its ETag is what the "
                            + "sign-off names in If-Match (R-SEC-2).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<ChecklistItemView> item(
            @RestPath Environment environment, @RestPath String item) {
        ChecklistItemView view = restoration.item(environment, item);
        return io.kiban.commons.web.Responses.ok(view, view.version());
    }

    @PUT
    @Path("/checklist/{item}/note")
    @Operation(
            summary = "原状復帰の実施内容の記録 / The vendor's note of what was restored for one item",
            description =
                    "受注者が原状復帰の項目ごとに実施した内容を記録する（R-RM-1）。記録した者はその項目に署名できない"
                            + "（R-SEC-2）。\n\n"
                            + "The vendor records what was restored for one item (R-RM-1); whoever wrote the note never signs the "
                            + "item off (R-SEC-2).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public ChecklistItemView note(
            @RestPath Environment environment,
            @RestPath String item,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "実施内容",
                                                            value =
                                                                    "{\"note\": \"サーバラック2架を搬出し、床のケーブル開口部を養生材で塞いだ。"
                                                                            + "床面の固定金具の跡は補修済み（写真3枚を証跡として登録）\"}")))
                    @Valid
                    @NotNull
                    NoteInput body) {
        return restoration.note(environment, item, body.note());
    }

    @POST
    @Path("/checklist/{item}/evidence")
    @Consumes(MediaType.WILDCARD)
    @BodyLimit(property = "kiban.restoration.max-file", defaultValue = "50M")
    @io.kiban.commons.idempotency.Idempotent
    @Operation(
            summary =
                    "原状復帰の証跡ファイルの追加 / Add an evidence file of one restoration item: a photo (JPEG, PNG) or a PDF, ?fileName= "
                            + "(stored by SHA-256, never rewritten; audited); the contracted vendor or jpo-admin",
            description =
                    "原状復帰の項目に証跡ファイル（写真 JPEG・PNG、または PDF）を ?fileName= で追加する（SHA-256 で保管し"
                            + "書き換えない、監査証跡に記録）。契約の受注者または jpo-admin。同じファイルは 200、それ以外の形式は 415、"
                            + "署名済みの項目は 422（R-RM-1）。追加すると項目の版が変わる。\n\n"
                            + "201 with the item and its evidence; 200 when this file was already attached. 415 when the "
                            + "content is not JPEG, PNG or PDF; 422 naming R-RM-1 once the item is signed off. An added file "
                            + "changes the item's version (a signature's If-Match must name the version with it). Honours "
                            + "Idempotency-Key.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<ChecklistItemView> addEvidence(
            @RestPath Environment environment,
            @RestPath String item,
            @RestQuery String fileName,
            java.nio.file.Path file)
            throws java.io.IOException {
        Environment env = environment;
        restoration.requireOpenForEvidence(env, item);
        DocumentStore.safeName(fileName);
        try (InputStream body = java.nio.file.Files.newInputStream(file)) {
            return addEvidence(env, item, fileName, body);
        }
    }

    private RestResponse<ChecklistItemView> addEvidence(
            Environment env, String item, String fileName, InputStream body) {
        DocumentStore.Typed typed = DocumentStore.photoOrPdf(body);
        DocumentStore.Stored stored = store.store(typed.in());
        RestorationService.Added added =
                restoration.addEvidence(env, item, fileName, typed.contentType(), stored);
        if (!added.created()) {
            return RestResponse.ok(added.item());
        }
        URI location =
                URI.create(
                        "/removal/"
                                + env
                                + "/checklist/"
                                + URLEncoder.encode(item, StandardCharsets.UTF_8)
                                        .replace("+", "%20")
                                + "/evidence/"
                                + stored.sha256());
        return RestResponse.ResponseBuilder.<ChecklistItemView>created(location)
                .entity(added.item())
                .build();
    }

    @GET
    @Path("/checklist/{item}/evidence")
    @Operation(
            summary = "原状復帰の証跡ファイルの一覧 / The evidence files of one restoration item",
            description =
                    "原状復帰の項目の証跡ファイル（SHA-256、ファイル名、形式、登録者）を返す（R-RM-1）。ページ単位。\n\n"
                            + "The evidence files of one restoration item (R-RM-1): SHA-256, file name, type and who uploaded them. "
                            + "Paged (page, size ≤ 200).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<List<EvidenceFileView>> evidence(
            @RestPath Environment environment,
            @RestPath String item,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(restoration.evidence(environment, item), PageRequest.of(page, size))
                .toResponse(uri);
    }

    @GET
    @Path("/checklist/{item}/evidence/{sha256}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(
            summary =
                    "原状復帰の証跡ファイルのダウンロード / Download one evidence file of a restoration item (streamed, as uploaded; its type in "
                            + "X-Uploaded-Content-Type)",
            description =
                    "原状復帰の証跡ファイルを登録されたとおりに返す（形式は X-Uploaded-Content-Type、Repr-Digest（RFC 9530）に SHA-256）。\n\n"
                            + "The evidence file exactly as uploaded (its type in X-Uploaded-Content-Type, its SHA-256 in Repr-Digest (RFC 9530)).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<StreamingOutput> evidenceFile(
            @RestPath Environment environment, @RestPath String item, @RestPath String sha256) {
        io.kiban.lifecycle.deliverable.AttachedFiles.FileRef ref =
                restoration.evidenceFile(environment, item, sha256);
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
                        "restoration-" + item + "-evidence",
                        ref.size(),
                        ref.sha256())
                .header("X-Uploaded-Content-Type", ref.contentType())
                .build();
    }

    @POST
    @Path("/checklist/{item}/signature")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary =
                    "原状復帰項目の確認署名 / Sign off one restoration item (jpo-admin) while the environment is REMOVING",
            description =
                    "撤去中（REMOVING）の環境の原状復帰項目を、確認した版（If-Match）で確認署名する（jpo-admin）。If-Match が"
                            + "なければ 428、古ければ 412。その項目の記録や証跡ファイルを登録した者は署名できない（403、R-SEC-2）。撤去中でない、"
                            + "署名済み、証跡ファイルがない場合は 422（R-RM-1）。\n\n"
                            + "R-SEC-2: If-Match of the item version reviewed (428 without, 412 stale); the account that "
                            + "wrote its note or one of its evidence files never signs it (403 naming R-SEC-2). 422 naming "
                            + "R-RM-1 when the environment is not REMOVING, the item is signed already, or it has no evidence "
                            + "file yet.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ChecklistItemView> sign(
            @RestPath Environment environment,
            @RestPath String item,
            @org.jboss.resteasy.reactive.RestHeader("If-Match") String ifMatch) {
        ChecklistItemView view = restoration.sign(environment, item, ifMatch);
        return io.kiban.commons.web.Responses.ok(view, view.version());
    }
}
