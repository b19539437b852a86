package io.kiban.lifecycle.deliverable;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the deliverable feature (moved out of {@code DeliverableService}, #19). */
@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<StoredDocument, String> {

    /** The document row of a stored file (content-addressed: one row per SHA-256, written once). */
    public void recordIfAbsent(
            io.kiban.lifecycle.support.DocumentStore.Stored stored,
            String contentType,
            java.time.Instant at) {
        if (findByIdOptional(stored.sha256()).isEmpty()) {
            StoredDocument doc = new StoredDocument();
            doc.sha256 = stored.sha256();
            doc.size = stored.size();
            doc.contentType = contentType;
            doc.storedAt = at;
            persist(doc);
        }
    }
}
