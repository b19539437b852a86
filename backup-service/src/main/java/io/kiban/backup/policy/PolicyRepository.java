package io.kiban.backup.policy;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PolicyRepository implements PanacheRepository<BackupPolicy> {

    public List<BackupPolicy> coveringTarget(long targetId) {
        return find(
                        "select distinct p from BackupPolicy p join p.targets t where t.id = ?1",
                        targetId)
                .list();
    }
}
