package io.kiban.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.StatementCounting;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 §3: a GET that writes nothing runs without a JTA transaction. Inside one, the driver
 * issued {@code set autocommit=0 · select… · COMMIT · set autocommit=1}; without it, the selects
 * alone. Counted with Hibernate's statistics (prepared statements and completed transactions of
 * this JVM), switched on for the duration of each test only. The statistics count every transaction
 * of the JVM, and the notification digest, the immediate notices, the handler reconciliation and
 * commons' audit checkpointer run on timers, so this class runs with the scheduler off ({@link
 * NoTimers}): a transaction of a timer is not the GET's.
 */
@QuarkusTest
@TestProfile(StatementCounting.NoTimers.class)
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class ReadWithoutTransactionTest extends StatementCounting {

    @Override
    protected void beforeCounting() {
        Fixtures.reset(); // writes (the schedule is regenerated): before the counting starts
        Stubs.reset();
    }

    private static RequestSpecification auditor() {
        return given().auth().oauth2(Tokens.auditor());
    }

    private void noTransactionNoWrites(String what) {
        assertThat(statistics.getTransactionCount()).as(what + ": transactions").isZero();
        assertThat(statistics.getEntityInsertCount() + statistics.getEntityUpdateCount())
                .as(what + ": writes")
                .isZero();
    }

    @Test
    @DisplayName("#16 §3 GET /phases, /phases/{env}, /phases/{env}/transitions: no transaction")
    void phases_are_read_without_a_transaction() {
        auditor()
                .get("/phases/PRODUCTION")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("phase", equalTo("CONTRACTED"));
        noTransactionNoWrites("phase");
        // the environment_phase row by its primary key: one select
        assertThat(statistics.getPrepareStatementCount()).as("phase: statements").isEqualTo(1);

        statistics.clear();
        auditor().get("/phases").then().statusCode(200).body("", hasSize(3));
        noTransactionNoWrites("phases");
        // PRODUCTION, STAGING, SHARED: one select by primary key each
        assertThat(statistics.getPrepareStatementCount()).as("phases: statements").isEqualTo(3);

        statistics.clear();
        auditor().get("/phases/STAGING/transitions").then().statusCode(200).body("", hasSize(0));
        noTransactionNoWrites("transitions");
        // the environment's transitions in one select (none after the reset)
        assertThat(statistics.getPrepareStatementCount())
                .as("transitions: statements")
                .isEqualTo(1);

        // the counter does see JTA transactions: a transition is written in one
        statistics.clear();
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType("application/json")
                .body(Map.of("to", "BUILDING"))
                .post("/phases/STAGING/transitions")
                .then()
                .statusCode(200)
                .body("phase", equalTo("BUILDING"));
        assertThat(statistics.getTransactionCount()).as("transactions of the POST").isPositive();
    }

    @Test
    @DisplayName("#16 §3 GET /contract and /contract/amendments: no transaction, ETag kept")
    void the_contract_is_read_without_a_transaction() {
        auditor()
                .get("/contract")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("vendorOrganisation", equalTo("vendor-a"))
                .body("amounts", hasSize(5));
        noTransactionNoWrites("contract");
        // the contract row by its primary key, its amounts (EAGER) joined in the same select
        assertThat(statistics.getPrepareStatementCount()).as("contract: statements").isEqualTo(1);

        statistics.clear();
        auditor().get("/contract/amendments").then().statusCode(200).body("", hasSize(0));
        noTransactionNoWrites("amendments");
        // the amendments in one select (none after the reset)
        assertThat(statistics.getPrepareStatementCount()).as("amendments: statements").isEqualTo(1);
    }

    @Test
    @DisplayName(
            "#16 §3 GET /deliverables (list), /deliverables/{id}, …/compliance: no transaction,"
                    + " an unknown id 404 without one")
    void deliverables_are_read_without_a_transaction() {
        int id =
                auditor()
                        .get("/deliverables?kind=SECURITY_CONFIRMATION")
                        .then()
                        .statusCode(200)
                        .header("X-Total-Count", "1")
                        .body("[0].dueDate", equalTo("2026-07-14"))
                        .extract()
                        .jsonPath()
                        .getInt("[0].id");
        noTransactionNoWrites("list");
        // 1 the last approval per kind, 2 the contract (amounts joined), 3 the deliverables of
        // the kind (one: due 2026-07-14, two weeks after signing), 4 is 2026-07-14 (a Tuesday) a
        // holiday (no: it is the practical due date), 5 the last officially listed year
        // (isComputed); the page is cut in memory
        assertThat(statistics.getPrepareStatementCount()).as("list: statements").isEqualTo(5);

        statistics.clear();
        auditor()
                .get("/deliverables/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("kind", equalTo("SECURITY_CONFIRMATION"))
                .body("submissions", hasSize(0));
        noTransactionNoWrites("get");
        // 1 the deliverable by id, 2 the contract, 3 the last approvals, 4 the holiday lookup of
        // 2026-07-14, 5 its submissions, 6 the last officially listed year
        assertThat(statistics.getPrepareStatementCount()).as("get: statements").isEqualTo(6);

        statistics.clear();
        auditor()
                .get("/deliverables/" + id + "/compliance")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        noTransactionNoWrites("compliance");
        // the deliverable (404 otherwise), then its compliance lines
        assertThat(statistics.getPrepareStatementCount()).as("compliance: statements").isEqualTo(2);

        statistics.clear();
        auditor()
                .get("/deliverables/987654321")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(statistics.getTransactionCount()).as("transactions of a 404").isZero();
    }
}
