package io.kiban.commons.mechanics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.testing.OidcTestServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import org.junit.jupiter.api.Test;

/**
 * What a database outage looks like to a client: 503, never a 404 or 422 for a row that exists,
 * never a 500 (the e2e DatabaseRestartDrill stops MariaDB under load; these are the two cases it
 * found).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class DatabaseOutageTest {

    @Inject TransactionManager tm;

    @Test
    void a_lookup_that_found_nothing_in_a_transaction_marked_for_rollback_is_an_outage_not_a_404()
            throws Exception {
        tm.begin();
        try {
            assertThat(ProblemException.notFound("hardware", 7).type())
                    .isEqualTo(ProblemType.NOT_FOUND);
            // what Hibernate leaves behind when the connection failed inside find(): null, and a
            // doomed transaction
            tm.setRollbackOnly();
            assertThat(ProblemException.notFound("hardware", 7).type())
                    .isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
            assertThat(ProblemException.unknownReference("hardwareId", 7).type())
                    .isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        } finally {
            tm.rollback();
        }
        assertThat(ProblemException.unknownReference("hardwareId", 7).type())
                .isEqualTo(ProblemType.UNKNOWN_REFERENCE);
    }
}
