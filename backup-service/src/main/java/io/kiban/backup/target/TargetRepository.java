package io.kiban.backup.target;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class TargetRepository implements PanacheRepository<BackupTarget> {

    /** Targets by array kind, environment and array hardware id (each optional), ordered by id. */
    public PanacheQuery<BackupTarget> filtered(
            BackupTarget.ArrayKind array,
            BackupTarget.Environment environment,
            String arrayHardwareId) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (array != null) {
            where.add("arrayKind = :array");
            params.and("array", array);
        }
        if (environment != null) {
            where.add("environment = :environment");
            params.and("environment", environment);
        }
        if (arrayHardwareId != null && !arrayHardwareId.isBlank()) {
            where.add("arrayHardwareId = :hardware");
            params.and("hardware", arrayHardwareId);
        }
        return where.isEmpty()
                ? findAll(Sort.by("id"))
                : find(String.join(" and ", where), Sort.by("id"), params);
    }
}
