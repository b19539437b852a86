package io.kiban.commons.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/audit")
@Tag(
        name = "Audit trail",
        description = "Tamper-evident record of every state change (jpo-admin, auditor)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.JPO_ADMIN, Roles.AUDITOR})
public class AuditResource {

    private static final int EXPORT_BATCH = 1000;

    private final AuditReads reads;
    private final AuditVerifier verifier;
    private final AuditCheckpointStore checkpoints;
    private final ObjectMapper json;

    public AuditResource(
            AuditReads reads,
            AuditVerifier verifier,
            AuditCheckpointStore checkpoints,
            ObjectMapper json) {
        this.reads = reads;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.json = json;
    }

    @GET
    @Path("/export")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            summary =
                    "監査証跡の全件出力 / The whole audit trail, oldest first, with a checkpoint of its head (streamed)",
            description =
                    "撤去時の引継ぎ（R-RM-4）のため、監査証跡を古い順に全件出力する。先頭でチェーンの先頭のチェックポイントを"
                            + "書き出すので、checkpoint.seq までの記録はそれに照らして検証できる。出力中に記録された分が続くことがある。\n\n"
                            + "For the archive handover (R-RM-4): {chain, checkpoint, entries}. A checkpoint of the "
                            + "current head is written first, so the entries up to checkpoint.seq can be verified against "
                            + "it; entries recorded while the export runs may follow.")
    public StreamingOutput export() {
        AuditCheckpoint checkpoint = checkpoints.checkpoint();
        return out -> {
            try (JsonGenerator gen = json.getFactory().createGenerator(out)) {
                gen.writeStartObject();
                gen.writeStringField("chain", checkpoint.chain());
                gen.writeObjectField("checkpoint", checkpoint);
                gen.writeArrayFieldStart("entries");
                long after = 0;
                while (true) {
                    long from = after;
                    List<AuditRecord> batch = reads.after(from, EXPORT_BATCH);
                    for (AuditRecord record : batch) {
                        gen.writeObject(record);
                    }
                    gen.flush();
                    if (batch.size() < EXPORT_BATCH) {
                        break;
                    }
                    after = batch.get(batch.size() - 1).seq();
                }
                gen.writeEndArray();
                gen.writeEndObject();
            }
        };
    }

    @GET
    @Operation(
            summary = "監査証跡の一覧 / Page the audit trail, newest first",
            description =
                    "監査証跡を新しい順にページ単位で返す。entityType と entityId で絞り込める。\n\n"
                            + "Pages the audit trail, newest first. Filter by entityType and entityId.")
    public RestResponse<List<AuditRecord>> list(
            @RestQuery String entityType,
            @RestQuery String entityId,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return reads.page(entityType, entityId, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/verify")
    @Operation(
            summary = "監査チェーンの検証 / Recompute the chain against the last checkpoint",
            description =
                    "監査証跡のハッシュチェーンと MAC を最後のチェックポイントに照らして再計算する。valid=false のときは、"
                            + "最初に一致しない記録（firstBadSeq）とその理由、または封印（承認・受理済み証跡）と状態が食い違う行を"
                            + "sealViolations に挙げる。\n\n"
                            + "valid=false names the first entry that does not match (firstBadSeq) and why, or lists in "
                            + "sealViolations every decided row (accepted evidence, approvals) whose state differs from what "
                            + "its audit entry sealed, whose MAC is missing or copied from another entry (#15 item 7).")
    public AuditVerification verify() {
        return verifier.verify();
    }
}
