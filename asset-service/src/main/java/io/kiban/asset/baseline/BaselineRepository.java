package io.kiban.asset.baseline;

import io.kiban.asset.support.Environment;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class BaselineRepository implements PanacheRepository<BaselineLine> {

    public Optional<BaselineLine> findLine(String itemCode, Environment environment) {
        return find("itemCode = ?1 and environment = ?2", itemCode, environment)
                .firstResultOptional();
    }

    /**
     * The line a hardware item of this environment counts against: its own environment's, else the
     * SHARED one.
     */
    public Optional<BaselineLine> lineFor(String itemCode, Environment environment) {
        return findLine(itemCode, environment).or(() -> findLine(itemCode, Environment.SHARED));
    }
}
