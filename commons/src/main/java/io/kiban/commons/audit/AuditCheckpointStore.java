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
 * Copies the chain head outside the table — to a file on a separate volume and as a structured log
 * line — every {@code kiban.audit.checkpoint-every} (default 2 s, so a deleted tail goes unseen for
 * at most that long plus one commit, ≤ 5 s, #15 item 7) and at shutdown, so that a deleted tail or
 * a rebuilt chain is detected. Each replica writes its own file, {@code <chain>.<instance
 * id>.audit-checkpoint.json} (written to a temporary file and moved into place atomically, so a
 * reader never sees half a file and two replicas never overwrite each other); the verifier checks
 * the chain against every replica's file. A checkpoint never moves backwards: a head below the last
 * checkpoint is reported, not saved.
 */
@ApplicationScoped
public class AuditCheckpointStore {

    private static final Logger LOG = Logger.getLogger("kiban.audit.checkpoint");

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path file;
    private final Path directory;
    private final String chain;

    public AuditCheckpointStore(
            EntityManager em, ObjectMapper json, Clock clock, AuditConfig config) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.chain = config.chainName();
        this.directory = config.checkpointDir();
        this.file = directory.resolve(chain + "." + instanceId(config) + SUFFIX);
    }

    private static final String SUFFIX = ".audit-checkpoint.json";

    /**
     * This replica's name in its checkpoint file: kiban.audit.instance-id, else the pod/host name.
     */
    static String instanceId(AuditConfig config) {
        String id =
                config.instanceId()
                        .filter(s -> !s.isBlank())
                        .orElseGet(
                                () -> {
                                    String host = System.getenv("HOSTNAME");
                                    if (host != null && !host.isBlank()) {
                                        return host;
                                    }
                                    try {
                                        return java.net.InetAddress.getLocalHost().getHostName();
                                    } catch (IOException e) {
                                        return "local";
                                    }
                                });
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Scheduled(
            every = "${kiban.audit.checkpoint-every:2s}",
            delayed = "1s",
            identity = "audit-checkpoint",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (stopping) {
            return;
        }
        try {
            checkpoint();
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warnf(
                        "no audit checkpoint this time (next in %s): %s",
                        "kiban.audit.checkpoint-every", e.getMessage());
            }
        }
    }

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
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
                LOG.errorf(
                        "audit chain %s: head seq %d is below the checkpoint seq %d; checkpoint kept",
                        chain, head.seq, last.get().seq());
                return last.get();
            }
            if (head.seq == last.get().seq()) {
                return last.get();
            }
        } else if (last.isPresent()) {
            LOG.errorf(
                    "audit chain %s: chain id %s differs from the checkpoint's %s; checkpoint kept",
                    chain, head.chainId, last.get().chainId());
            return last.get();
        }
        AuditCheckpoint cp =
                new AuditCheckpoint(chain, head.chainId, head.seq, head.mac, clock.instant());
        write(cp);
        LOG.infof(
                "audit-checkpoint chain=%s chainId=%s seq=%d mac=%s",
                chain, cp.chainId(), cp.seq(), cp.mac());
        return cp;
    }

    /** This replica's checkpoint. */
    public Optional<AuditCheckpoint> read() {
        return read(file);
    }

    private Optional<AuditCheckpoint> read(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(path.toFile(), AuditCheckpoint.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit checkpoint " + path, e);
        }
    }

    /**
     * The checkpoints of every replica of this chain (and the single file of earlier versions,
     * {@code <chain>.audit-checkpoint.json}), highest seq first.
     */
    public java.util.List<AuditCheckpoint> readAll() {
        if (!Files.isDirectory(directory)) {
            return java.util.List.of();
        }
        try (var files = Files.list(directory)) {
            return files.filter(
                            p -> {
                                String name = p.getFileName().toString();
                                return name.startsWith(chain + ".") && name.endsWith(SUFFIX);
                            })
                    .sorted()
                    .map(this::read)
                    .flatMap(Optional::stream)
                    .filter(cp -> chain.equals(cp.chain()))
                    .sorted(java.util.Comparator.comparingLong(AuditCheckpoint::seq).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list audit checkpoints in " + directory, e);
        }
    }

    private void write(AuditCheckpoint cp) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            json.writeValue(tmp.toFile(), cp);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit checkpoint " + file, e);
        }
    }

    public Path file() {
        return file;
    }
}
