package io.kiban.lifecycle.archive;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.lifecycle.archive.ArchiveDtos.ArchiveView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * R-RM-4: JPO's receipt of an archive, recorded with the SHA-256 JPO computed from the file it
 * downloaded, checked against the archive's and sealed (#15 item 7).
 */
@ApplicationScoped
class ArchiveReceipts {

    private final ArchiveRepository archives;
    private final ArchiveSeals seals;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    ArchiveReceipts(
            ArchiveRepository archives,
            ArchiveSeals seals,
            AuditTrail audit,
            Caller caller,
            Clock clock) {
        this.archives = archives;
        this.seals = seals;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * R-RM-4: JPO records that it received the archive, with the SHA-256 it computed from the file
     * it downloaded; a hash that is not the archive's → 409 and nothing is recorded; a second
     * receipt → 409; audited.
     */
    @Transactional
    public ArchiveView receive(long id, String sha256) {
        Archive a =
                archives.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                        .orElseThrow(() -> ProblemException.notFound("archive", id));
        String given = sha256.toLowerCase(Locale.ROOT);
        if (a.receivedAt != null) {
            throw ProblemException.conflict(
                    "R-RM-4",
                    "archive "
                            + id
                            + " was received already by "
                            + a.receivedBy
                            + " at "
                            + a.receivedAt,
                    List.of());
        }
        if (!given.equals(a.sha256)) {
            // the refusal is audited in its own transaction: the request's own is rolled back
            Long archiveId = a.id;
            String archiveSha = a.sha256;
            QuarkusTransaction.requiringNew()
                    .run(
                            () ->
                                    audit.append(
                                            "receipt-refused",
                                            "archive",
                                            archiveId,
                                            Map.of(
                                                    "archiveSha256",
                                                    archiveSha,
                                                    "receivedSha256",
                                                    given)));
            throw ProblemException.conflict(
                    "R-RM-4",
                    "the SHA-256 JPO computed ("
                            + given
                            + ") is not the archive's ("
                            + a.sha256
                            + "): the file received is not the archive; nothing was recorded",
                    List.of());
        }
        a.receivedSha256 = given;
        a.receivedBy = caller.name();
        a.receivedAt = clock.instant();
        a.auditMac = seals.seal("receipt", a); // #15 item 7
        archives.flush();
        return ArchiveView.of(a);
    }
}
