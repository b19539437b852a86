package io.kiban.backup.target;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TargetRepository implements PanacheRepository<BackupTarget> {
}
