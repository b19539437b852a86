package io.kiban.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void
            a_commit_that_failed_because_the_connection_broke_is_an_outage_even_when_the_cause_is_only_suppressed() {
        RollbackException commit =
                new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(
                new IllegalStateException(
                        "commit failed",
                        new SQLNonTransientConnectionException("socket closed", "08000")));
        RuntimeException thrown = new RuntimeException("undeclared", commit);
        assertThat(ProblemMappers.isDatabaseUnavailable(thrown)).isTrue();
    }

    @Test
    void other_failures_are_not_outages_and_cycles_end() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertThat(ProblemMappers.isDatabaseUnavailable(b)).isFalse();
        assertThat(ProblemMappers.isDatabaseUnavailable(new IllegalArgumentException("bad")))
                .isFalse();
    }

    @Test
    void a_lost_race_for_a_unique_row_is_a_conflict_not_an_outage() {
        RuntimeException lost =
                new jakarta.persistence.PersistenceException(
                        "could not execute statement",
                        new java.sql.SQLIntegrityConstraintViolationException(
                                "Duplicate entry '7-abc' for key 'uk'", "23000", 1062));
        assertThat(ProblemMappers.isDuplicateKey(new RuntimeException(lost))).isTrue();
        assertThat(ProblemMappers.isDatabaseUnavailable(lost)).isFalse();
        // a missing parent (1452) is not a race
        assertThat(
                        ProblemMappers.isDuplicateKey(
                                new java.sql.SQLIntegrityConstraintViolationException(
                                        "Cannot add or update a child row", "23000", 1452)))
                .isFalse();
        assertThat(ProblemMappers.isDuplicateKey(new IllegalStateException("other"))).isFalse();
    }

    @Test
    void a_client_that_hung_up_is_recognised() {
        assertThat(
                        ProblemMappers.isClientAbort(
                                new RuntimeException(new IOException("Connection was closed"))))
                .isTrue();
        assertThat(ProblemMappers.isClientAbort(new IOException("disk full"))).isFalse();
    }
}
