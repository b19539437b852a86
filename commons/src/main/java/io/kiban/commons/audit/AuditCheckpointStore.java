package io.kiban.commons.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Copies the chain head outside the table — to a file on a separate volume and as a structured
 * log line — every minute and at shutdown, so that a deleted tail or a rebuilt chain is detected.
 * A checkpoint never moves backwards: a head below the last checkpoint is reported, not saved.
 */
@ApplicationScoped
public class AuditCheckpointStore {

    private static final Logger LOG = Logger.getLogger("kiban.audit.checkpoint");

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path file;
    private final String chain;

    public AuditCheckpointStore(EntityManager em, ObjectMapper json, Clock clock, AuditConfig config) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.chain = config.chainName();
        this.file = config.checkpointDir().resolve(chain + ".audit-checkpoint.json");
    }

    @Scheduled(every = "${kiban.audit.checkpoint-every:60s}", delayed = "5s", identity = "audit-checkpoint",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        checkpoint();
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            LOG.warnf("no audit checkpoint at shutdown: %s", e.getMessage());
        }
    }

    /** Saves the current head; answers the checkpoint in force afterwards. */
    @Transactional
    public AuditCheckpoint checkpoint() {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        Optional<AuditCheckpoint> last = read();
        if (last.isPresent() && last.get().chainId().equals(head.chainId)) {
            if (head.seq < last.get().seq()) {
                LOG.errorf("audit chain %s: head seq %d is below the checkpoint seq %d; checkpoint kept",
                        chain, head.seq, last.get().seq());
                return last.get();
            }
            if (head.seq == last.get().seq()) {
                return last.get();
            }
        } else if (last.isPresent()) {
            LOG.errorf("audit chain %s: chain id %s differs from the checkpoint's %s; checkpoint kept",
                    chain, head.chainId, last.get().chainId());
            return last.get();
        }
        AuditCheckpoint cp = new AuditCheckpoint(chain, head.chainId, head.seq, head.mac, clock.instant());
        write(cp);
        LOG.infof("audit-checkpoint chain=%s chainId=%s seq=%d mac=%s", chain, cp.chainId(), cp.seq(), cp.mac());
        return cp;
    }

    public Optional<AuditCheckpoint> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), AuditCheckpoint.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit checkpoint " + file, e);
        }
    }

    private void write(AuditCheckpoint cp) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), chain, ".tmp");
            json.writeValue(tmp.toFile(), cp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit checkpoint " + file, e);
        }
    }

    public Path file() {
        return file;
    }
}
