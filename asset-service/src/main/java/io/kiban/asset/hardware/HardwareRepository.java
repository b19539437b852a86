package io.kiban.asset.hardware;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class HardwareRepository implements PanacheRepository<Hardware> {

    public Optional<Hardware> findBySerial(String serial) {
        return find("serialNumber", serial).firstResultOptional();
    }
}
