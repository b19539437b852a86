package io.kiban.asset.bulk;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.hardware;
import static io.kiban.asset.AssetApi.unique;
import static io.kiban.asset.bulk.BulkImportTest.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.asset.hardware.Hardware;
import io.kiban.commons.testing.OidcTestServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * #18: {@link BulkHistory} writes the Envers history of a bulk import's transaction chunk by chunk,
 * and Envers itself sees nothing of that transaction (it would otherwise hold a work unit per row
 * until the commit, and write a second revision).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class BulkHistoryTest {

    @Inject BulkHistory history;
    @Inject EntityManager em;

    private static long newHardware(String serial) {
        return admin().body(hardware(serial))
                .post("/hardware")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private String historyInsideTransaction(long id) {
        return String.valueOf(
                em.createNativeQuery(
                                "select concat_ws('/', count(*), max(revtype), max(rack))"
                                        + " from hardware_aud where id = ?1 and rev > ?2")
                        .setParameter(1, id)
                        .setParameter(2, Integer.parseInt(sql("select max(rev) from revinfo")))
                        .getSingleResult());
    }

    @Test
    void
            R_18_a_change_flushed_in_a_bulk_transaction_has_its_history_row_before_the_commit_and_only_one()
                    throws Exception {
        long id = newHardware(unique("BULK-H-MOD"));
        // the POST's own history, written by Envers: one row, an addition, rack R1
        assertThat(
                        sql(
                                "select concat_ws('/', count(*), max(revtype), max(rack)) from hardware_aud where id = ?",
                                id))
                .isEqualTo("1/0/R1");
        String[] inside = new String[2];
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            history.begin();
                            em.find(Hardware.class, id).rack = "R7";
                            em.flush();
                            inside[0] = historyInsideTransaction(id);
                            history.write();
                            inside[1] = historyInsideTransaction(id);
                        });
        // nothing after the flush (Envers would write it at the commit), the row right after
        // write()
        assertThat(inside[0]).isEqualTo("0");
        assertThat(inside[1]).isEqualTo("1/1/R7");
        // after the commit: the POST's row and one modification, not a second one by Envers
        assertThat(
                        sql(
                                "select concat_ws('/', count(*), count(distinct rev), max(revtype)) from hardware_aud where id = ?",
                                id))
                .isEqualTo("2/2/1");
        assertThat(
                        sql(
                                "select rack from hardware_aud where id = ? and rev = (select max(rev) from hardware_aud where id = ?)",
                                id,
                                id))
                .isEqualTo("R7");
    }

    @Test
    void R_18_a_bulk_transaction_whose_last_changes_have_no_history_does_not_commit() {
        String serial = unique("BULK-H-LOST");
        long id = newHardware(serial);
        String before = sql("select count(*) from hardware_aud where id = ?", id);
        assertThatThrownBy(
                        () ->
                                QuarkusTransaction.requiringNew()
                                        .run(
                                                () -> {
                                                    history.begin();
                                                    em.find(Hardware.class, id).rack = "R9";
                                                    em.flush();
                                                }))
                .hasStackTraceContaining("history was not written");
        assertThat(sql("select rack from hardware where id = ?", id)).isEqualTo("R1");
        assertThat(sql("select count(*) from hardware_aud where id = ?", id)).isEqualTo(before);
    }

    @Test
    void R_18_other_transactions_keep_envers() {
        long id = newHardware(unique("BULK-H-ENVERS"));
        QuarkusTransaction.requiringNew().run(() -> em.find(Hardware.class, id).rack = "R5");
        assertThat(
                        sql(
                                "select concat_ws('/', count(*), max(revtype), max(rack)) from hardware_aud where id = ? and revtype = 1",
                                id))
                .isEqualTo("1/1/R5");
    }
}
