package io.kiban.lifecycle.archive;

import io.kiban.commons.problem.ProblemException;
import io.kiban.lifecycle.archive.ArchiveDtos.ArchiveView;
import io.kiban.lifecycle.support.DocumentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * R-RM-4: the archives made, as they are recorded — the list, one archive, its file, and the media
 * whose accepted destruction evidence it holds (read by the removal gate). Building an archive is
 * {@link ArchiveBuilder}'s job, recording JPO's receipt {@link ArchiveReceipts}'.
 */
@ApplicationScoped
public class ArchiveService {

    private final ArchiveRepository archives;
    private final EntityManager em;
    private final DocumentStore store;

    public ArchiveService(ArchiveRepository archives, EntityManager em, DocumentStore store) {
        this.archives = archives;
        this.em = em;
        this.store = store;
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArchiveView> list() {
        return archives.list("order by id desc").stream().map(ArchiveView::of).toList();
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public ArchiveView get(long id) {
        return ArchiveView.of(find(id));
    }

    /** The archive's file (404 for an archive that does not exist). */
    // #16 §3: a read writes nothing: no JTA transaction (was a new one of its own)
    @Transactional(Transactional.TxType.SUPPORTS)
    public Path file(long id) {
        Archive a = find(id);
        return store.archives().resolve(a.fileName);
    }

    /**
     * The serials whose destruction evidence had been accepted in maintenance-service's records of
     * this archive.
     */
    @Transactional
    public Set<String> acceptedMedia(long archiveId) {
        @SuppressWarnings("unchecked")
        List<String> serials =
                em.createNativeQuery(
                                "SELECT serial FROM archive_accepted_medium WHERE archive_id = ?1")
                        .setParameter(1, archiveId)
                        .getResultList();
        return new HashSet<>(serials);
    }

    private Archive find(long id) {
        return archives.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("archive", id));
    }
}
