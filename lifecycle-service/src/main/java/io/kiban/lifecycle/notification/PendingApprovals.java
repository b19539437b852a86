package io.kiban.lifecycle.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What waits for jpo-admin's decision in this service, read from its tables (read only): submitted
 * deliverables, proposed delivery extensions, handlers and handler changes, contract amendments and
 * production-start delays, vendor copies disposed of and awaiting confirmation, restoration
 * checklist items with evidence not yet signed off. {@code eventId} changes with each submission (a
 * resubmitted deliverable is a new request), {@code at} is when it was submitted (null when the
 * table does not record it).
 */
@ApplicationScoped
class PendingApprovals {

    public record Pending(String eventId, String what, String title, Instant at) {}

    private final EntityManager em;

    public PendingApprovals(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<Pending> all() {
        List<Pending> list = new ArrayList<>();
        for (Object[] r :
                rows(
                        "SELECT d.id, d.title, s.id, "
                                + utc("s.submitted_at")
                                + " FROM deliverable d JOIN deliverable_submission s "
                                + "ON s.id = (SELECT MAX(x.id) FROM deliverable_submission x WHERE x.deliverable_id = d.id) "
                                + "WHERE d.status = 'SUBMITTED' ORDER BY s.submitted_at, d.id")) {
            list.add(
                    new Pending(
                            "approval:deliverable:" + r[0] + ":" + r[2],
                            "成果物",
                            (String) r[1],
                            at(r[3])));
        }
        for (Object[] r :
                rows(
                        "SELECT id, CONCAT(environment, ' ', baseline_item, ' → ', new_date), "
                                + utc("proposed_at")
                                + " "
                                + "FROM delivery_extension WHERE status = 'PROPOSED' ORDER BY proposed_at, id")) {
            list.add(
                    new Pending(
                            "approval:delivery-extension:" + r[0],
                            "納入期限の延長",
                            (String) r[1],
                            at(r[2])));
        }
        for (Object[] r :
                rows(
                        "SELECT id, CONCAT(name, '（', organisation, '）'), "
                                + utc("proposed_at")
                                + " FROM approved_handler "
                                + "WHERE status = 'PROPOSED' ORDER BY proposed_at, id")) {
            list.add(new Pending("approval:handler:" + r[0], "情報取扱者の追加", (String) r[1], at(r[2])));
        }
        for (Object[] r :
                rows(
                        "SELECT id, CONCAT(name, '（', organisation, '）'), version FROM approved_handler "
                                + "WHERE status = 'APPROVED' AND pending_change IS NOT NULL ORDER BY id")) {
            list.add(
                    new Pending(
                            "approval:handler-change:" + r[0] + ":" + r[2],
                            "情報取扱者の変更",
                            (String) r[1],
                            null));
        }
        for (Object[] r :
                rows(
                        "SELECT id, reason, "
                                + utc("proposed_at")
                                + " FROM contract_amendment WHERE status = 'PROPOSED' "
                                + "ORDER BY proposed_at, id")) {
            list.add(new Pending("approval:amendment:" + r[0], "契約の変更", (String) r[1], at(r[2])));
        }
        for (Object[] r :
                rows(
                        "SELECT id, CONCAT(start_date, '〜', end_date, ' ', cause), "
                                + utc("recorded_at")
                                + " FROM production_delay "
                                + "WHERE status = 'PROPOSED' ORDER BY recorded_at, id")) {
            list.add(new Pending("approval:delay:" + r[0], "本番開始の遅延", (String) r[1], at(r[2])));
        }
        for (Object[] r :
                rows(
                        "SELECT id, CONCAT(description, '（', organisation, '）'), version, "
                                + utc("disposed_at")
                                + " "
                                + "FROM vendor_copy WHERE status = 'DISPOSED' ORDER BY disposed_at, id")) {
            list.add(
                    new Pending(
                            "approval:vendor-copy:" + r[0] + ":" + r[2],
                            "作業情報の複製の返却・廃棄の確認",
                            (String) r[1],
                            at(r[3])));
        }
        for (Object[] r :
                rows(
                        "SELECT i.id, CONCAT(i.environment, ' ', i.label), MAX(e.id), "
                                + utc("MAX(e.uploaded_at)")
                                + " "
                                + "FROM restoration_item i JOIN restoration_evidence e ON e.restoration_item_id = i.id "
                                + "WHERE i.signed_at IS NULL GROUP BY i.id, i.environment, i.label ORDER BY i.id")) {
            list.add(
                    new Pending(
                            "approval:restoration:" + r[0] + ":" + r[2],
                            "原状復帰の確認",
                            (String) r[1],
                            at(r[3])));
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    /**
     * A DATETIME(6) column (UTC) as ISO text, read without any time-zone conversion by the driver.
     */
    private static String utc(String column) {
        return "DATE_FORMAT(" + column + ", '%Y-%m-%dT%H:%i:%s.%fZ')";
    }

    private static Instant at(Object o) {
        return o == null ? null : Instant.parse(o.toString());
    }
}
