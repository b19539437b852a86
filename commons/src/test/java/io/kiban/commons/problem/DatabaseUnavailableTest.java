package io.kiban.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void a_commit_that_failed_because_the_connection_broke_is_an_outage_even_when_the_cause_is_only_suppressed() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new IllegalStateException("commit failed",
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
        assertThat(ProblemMappers.isDatabaseUnavailable(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void a_client_that_hung_up_is_recognised() {
        assertThat(ProblemMappers.isClientAbort(new RuntimeException(new IOException("Connection was closed")))).isTrue();
        assertThat(ProblemMappers.isClientAbort(new IOException("disk full"))).isFalse();
    }
}
