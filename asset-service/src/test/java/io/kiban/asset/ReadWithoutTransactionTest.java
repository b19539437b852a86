package io.kiban.asset;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.StatementCounting;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 §3: a GET by id of the ledger writes nothing, so it runs without a JTA transaction.
 * Inside one, the driver issued {@code set autocommit=0 · select · COMMIT · set autocommit=1} for
 * one row; without it, the select alone. Counted with Hibernate's statistics (prepared statements
 * and completed transactions of this JVM), which are switched on for the duration of each test
 * only. The statistics count every transaction of the JVM, and commons' audit checkpointer (every 2
 * s) and verifier run on timers, so this class runs with the scheduler off ({@link NoTimers}): a
 * checkpoint committed during the GET is not the GET's transaction.
 */
@QuarkusTest
@TestProfile(StatementCounting.NoTimers.class)
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class ReadWithoutTransactionTest extends StatementCounting {

    @Test
    @DisplayName("#16 §3 GET /hardware/{id}: one select, no transaction, ETag kept, unknown id 404")
    void get_hardware_by_id_is_one_select_without_a_transaction() {
        long id = newHardware();
        // the counter sees JTA transactions: the POST that registered the item committed one
        assertThat(statistics.getTransactionCount()).as("transactions of the POST").isPositive();
        statistics.clear();

        as(Tokens.auditor())
                .get("/hardware/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo((int) id));

        assertThat(statistics.getTransactionCount()).as("transactions").isZero();
        assertThat(statistics.getPrepareStatementCount()).as("statements").isEqualTo(1);
        assertThat(statistics.getEntityUpdateCount() + statistics.getEntityInsertCount())
                .as("writes")
                .isZero();

        statistics.clear();
        as(Tokens.auditor())
                .get("/hardware/987654321")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(statistics.getTransactionCount()).as("transactions of a 404").isZero();
    }

    @Test
    @DisplayName("#16 §3 GET /software/{id}: no transaction, ETag kept")
    void get_software_by_id_runs_without_a_transaction() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("MW"));
        body.put("edition", "Enterprise");
        body.put("version", "1.0");
        body.put("softwareClass", "MIDDLEWARE");
        body.put("licenseForm", "subscription");
        body.put("supportDeadline", "2032-05-31");
        body.put("installedOn", "CLUSTER");
        body.put("host", "k8s-staging");
        body.put("environment", "STAGING");
        long id =
                admin().body(body)
                        .post("/software")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        statistics.clear();

        as(Tokens.auditor())
                .get("/software/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo((int) id));

        assertThat(statistics.getTransactionCount()).as("transactions").isZero();
        assertThat(statistics.getEntityUpdateCount() + statistics.getEntityInsertCount())
                .as("writes")
                .isZero();
    }

    @Test
    @DisplayName("#16 §3 GET /media/{id}: the medium and its hardware, no transaction, ETag kept")
    void get_medium_by_id_is_two_selects_without_a_transaction() {
        long hw = newHardware("environment", "PRODUCTION");
        long id =
                admin().body(
                                Map.of(
                                        "kind",
                                        "NVME",
                                        "serial",
                                        unique("DISK"),
                                        "make",
                                        "Samsung",
                                        "model",
                                        "PM9A3",
                                        "condition",
                                        "NEW",
                                        "installedOn",
                                        "2027-01-10"))
                        .post("/hardware/" + hw + "/media")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        statistics.clear();

        as(Tokens.auditor())
                .get("/media/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("environment", equalTo("PRODUCTION"));

        assertThat(statistics.getTransactionCount()).as("transactions").isZero();
        assertThat(statistics.getPrepareStatementCount()).as("statements").isEqualTo(2);
        assertThat(statistics.getEntityUpdateCount() + statistics.getEntityInsertCount())
                .as("writes")
                .isZero();
    }

    @Test
    @DisplayName(
            "#16 §3 GET /hardware, /media, /software (lists): no transaction, the count and the page only")
    void lists_run_without_a_transaction() {
        long hw = newHardware("environment", "STAGING");
        admin().body(
                        Map.of(
                                "kind",
                                "SSD",
                                "serial",
                                unique("DISK"),
                                "make",
                                "Kioxia",
                                "model",
                                "CM7",
                                "condition",
                                "NEW",
                                "installedOn",
                                "2027-01-10"))
                .post("/hardware/" + hw + "/media")
                .then()
                .statusCode(201);
        statistics.clear();

        as(Tokens.auditor())
                .get("/hardware?environment=STAGING&size=5")
                .then()
                .statusCode(200)
                .header("X-Total-Count", org.hamcrest.Matchers.notNullValue());
        // select count(*) … and select … limit 5: two statements, nothing else
        assertThat(statistics.getTransactionCount()).as("hardware: transactions").isZero();
        assertThat(statistics.getPrepareStatementCount()).as("hardware: statements").isEqualTo(2);

        statistics.clear();
        as(Tokens.auditor())
                .get("/media?hardwareId=" + hw)
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1");
        // the count, then the media joined with their hardware in one select
        assertThat(statistics.getTransactionCount()).as("media: transactions").isZero();
        assertThat(statistics.getPrepareStatementCount()).as("media: statements").isEqualTo(2);

        statistics.clear();
        as(Tokens.auditor()).get("/software?environment=STAGING&size=5").then().statusCode(200);
        assertThat(statistics.getTransactionCount()).as("software: transactions").isZero();
        assertThat(statistics.getEntityUpdateCount() + statistics.getEntityInsertCount())
                .as("writes")
                .isZero();
    }
}
