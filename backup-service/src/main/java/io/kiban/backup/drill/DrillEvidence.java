package io.kiban.backup.drill;

import io.kiban.backup.support.BackupConfig;
import io.kiban.commons.files.ContentStore;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * R-BK-4: restore drill evidence files, by SHA-256 on the evidence volume ({@link ContentStore}): PDF, PNG or
 * JPEG by content, at most {@code kiban.backup.evidence.max-file-size}; served only while their content still
 * matches their hash.
 */
@ApplicationScoped
public class DrillEvidence {

    private static final Logger LOG = Logger.getLogger(DrillEvidence.class);
    private static final Set<String> DECLARABLE = Set.of("application/pdf", "image/png", "image/jpeg");

    private final ContentStore store;
    private final long maxBytes;

    public DrillEvidence(BackupConfig config) {
        this.store = new ContentStore(Path.of(config.evidence().dir()));
        this.maxBytes = config.evidence().maxFileSize().asLongValue();
    }

    /** Streams the upload into the store; 413 past the limit, 415 when it is not PDF/PNG/JPEG by content. */
    public ContentStore.Stored store(InputStream body, String declaredType) {
        ContentStore.Stored stored;
        try {
            stored = store.store(body, maxBytes);
        } catch (ContentStore.TooLarge e) {
            throw ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE, "evidence files may have at most " + maxBytes
                    + " bytes");
        }
        if (stored.sniffedType() == null) {
            throw ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "evidence files must be PDF, PNG or JPEG (checked by content, not by name)");
        }
        String declared = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase();
        if (DECLARABLE.contains(declared) && !declared.equals(stored.sniffedType())) {
            throw ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the file was declared " + declared
                    + " but its content is " + stored.sniffedType());
        }
        return stored;
    }

    /** The file, checked against its hash first; 409 when it is missing or altered (it is then never served). */
    public Path verified(String sha256) {
        return store.verified(sha256).orElseThrow(() -> {
            LOG.errorf("R-BK-4: restore drill evidence %s is missing or fails its checksum", sha256);
            return ProblemException.conflict("R-BK-4", "evidence file " + sha256
                    + " is missing or no longer matches its SHA-256; it is not served", null);
        });
    }
}
