package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.audit.AuditCheckpoint;
import io.kiban.commons.audit.AuditCheckpointStore;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** #15 item 7: checkpoints within 5 s, one file per replica, written atomically, all checked. */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class AuditCheckpointTest {

    @Inject AuditCheckpointStore checkpoints;

    @Inject ObjectMapper json;

    private static long createWidgetAndSeq() {
        long id =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .body(ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1))
                        .post("/widgets")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        return given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("entityType", "widget")
                .queryParam("entityId", String.valueOf(id))
                .get("/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("[0].seq");
    }

    private static JsonPath verify() {
        return given().auth()
                .oauth2(Tokens.auditor())
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    @DisplayName(
            "SEC_audit_checkpoint: a committed entry is in this replica's checkpoint within 5 s, without being asked")
    void SEC_audit_checkpoint_window_is_at_most_5_seconds() throws Exception {
        long seq = createWidgetAndSeq();
        long committed = System.nanoTime();
        long seen = -1;
        while (System.nanoTime() - committed < 6_000_000_000L) {
            if (checkpoints.read().map(AuditCheckpoint::seq).orElse(0L) >= seq) {
                seen = System.nanoTime();
                break;
            }
            Thread.sleep(100);
        }
        assertThat(seen).as("the checkpoint reached seq %d", seq).isPositive();
        assertThat((seen - committed) / 1_000_000)
                .as("milliseconds until the checkpoint saw the entry")
                .isLessThanOrEqualTo(5_000);
    }

    @Test
    @DisplayName(
            "SEC_audit_checkpoint: one file per replica, named by instance id, no temporary file left behind")
    void SEC_audit_checkpoint_one_file_per_replica() throws Exception {
        createWidgetAndSeq();
        checkpoints.checkpoint();
        assertThat(checkpoints.file().getFileName().toString())
                .isEqualTo("commons-sample.replica-a.audit-checkpoint.json");
        assertThat(checkpoints.file()).exists();
        try (Stream<Path> files = Files.list(checkpoints.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    @DisplayName(
            "SEC_audit_checkpoint: every replica's checkpoint is checked: a tail another replica saw must still be there")
    void SEC_audit_checkpoint_of_another_replica_is_checked() throws Exception {
        long seq = createWidgetAndSeq();
        AuditCheckpoint mine = checkpoints.checkpoint();
        Path other =
                checkpoints.file().resolveSibling("commons-sample.replica-b.audit-checkpoint.json");
        try {
            // replica b saw 3 more entries than the table now holds: they were deleted
            json.writeValue(
                    other.toFile(),
                    new AuditCheckpoint(
                            "commons-sample",
                            mine.chainId(),
                            mine.seq() + 3,
                            "f".repeat(64),
                            Instant.now()));
            JsonPath broken = verify();
            assertThat(broken.getBoolean("valid")).isFalse();
            assertThat(broken.getString("reason")).contains("missing").contains("checkpoint");
            // replica b saw an entry that is still there but with another MAC: rewritten
            json.writeValue(
                    other.toFile(),
                    new AuditCheckpoint(
                            "commons-sample", mine.chainId(), seq, "e".repeat(64), Instant.now()));
            JsonPath rewritten = verify();
            assertThat(rewritten.getBoolean("valid")).isFalse();
            assertThat(rewritten.getLong("firstBadSeq")).isEqualTo(seq);
            assertThat(rewritten.getString("reason")).contains("rewritten");
        } finally {
            Files.deleteIfExists(other);
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }
}
