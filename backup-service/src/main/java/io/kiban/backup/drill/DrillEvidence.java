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
 * R-BK-4: restore drill evidence files, by SHA-256 on the evidence volume ({@link ContentStore}):
 * PDF, PNG or JPEG by content, at most {@code kiban.backup.evidence.max-file-size}; served only
 * while their content still matches their hash.
 */
@ApplicationScoped
class DrillEvidence {

    public static final String RULE = "SEC-BK-6";
    private static final Logger LOG = Logger.getLogger(DrillEvidence.class);
    private static final Set<String> DECLARABLE =
            Set.of("application/pdf", "image/png", "image/jpeg");

    private final ContentStore store;
    private final long maxBytes;

    public DrillEvidence(BackupConfig config) {
        this.store = new ContentStore(Path.of(config.evidence().dir()));
        this.maxBytes = config.evidence().maxFileSize().asLongValue();
    }

    /**
     * SEC-BK-6: the type is checked on the first bytes BEFORE anything is written (415: not
     * PDF/PNG/JPEG by content, or not what was declared), the size while streaming into a part file
     * that is deleted past the limit (413); only a file that passed both reaches the write-once
     * store. The organisation is checked by the caller before this ({@link
     * DrillService#requireMayAttach}).
     */
    public ContentStore.Stored store(InputStream body, String declaredType) {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(body, 64);
        byte[] head = new byte[8];
        int n = 0;
        try {
            in.mark(head.length);
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) != -1; ) {
                n += r;
            }
            in.reset();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String sniffed = ContentStore.sniff(head, n);
        if (sniffed == null || !DECLARABLE.contains(sniffed)) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "evidence files must be PDF, PNG or JPEG (checked by content, not by name); nothing was stored",
                    RULE,
                    null,
                    null);
        }
        String declared =
                declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase();
        if (DECLARABLE.contains(declared) && !declared.equals(sniffed)) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "the file was declared "
                            + declared
                            + " but its content is "
                            + sniffed
                            + "; nothing was stored",
                    RULE,
                    null,
                    null);
        }
        try {
            return store.store(in, maxBytes);
        } catch (ContentStore.TooLarge e) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "evidence files may have at most " + maxBytes + " bytes; nothing was stored",
                    RULE,
                    null,
                    null);
        }
    }

    /**
     * The file, checked against its hash first; 409 when it is missing or altered (it is then never
     * served).
     */
    public Path verified(String sha256) {
        return store.verified(sha256)
                .orElseThrow(
                        () -> {
                            LOG.errorf(
                                    "R-BK-4: restore drill evidence %s is missing or fails its checksum",
                                    sha256);
                            return ProblemException.conflict(
                                    "R-BK-4",
                                    "evidence file "
                                            + sha256
                                            + " is missing or no longer matches its SHA-256; it is not served",
                                    null);
                        });
    }
}
