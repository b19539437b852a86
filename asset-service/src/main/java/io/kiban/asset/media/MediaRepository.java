package io.kiban.asset.media;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class MediaRepository implements PanacheRepository<Medium> {

    public Optional<Medium> findBySerial(String serial) {
        return find("serialNumber", serial).firstResultOptional();
    }
}
