package io.kiban.asset.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One Envers revision (sheet 10, 変更管理): when, and who (token subject and readable name). */
@Entity
@Table(name = "revinfo")
@RevisionEntity(AssetRevisionListener.class)
public class AssetRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    @Column(name = "rev")
    public int id;

    @RevisionTimestamp
    @Column(name = "revtstmp", nullable = false)
    public long timestamp;

    @Column(name = "subject", nullable = false)
    public String subject;

    @Column(name = "actor_name")
    public String actorName;
}
