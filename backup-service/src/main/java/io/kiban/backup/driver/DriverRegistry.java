package io.kiban.backup.driver;

import io.kiban.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The drivers present in this build, by name. */
@ApplicationScoped
public class DriverRegistry {

    private final Map<String, BackupDriver> drivers = new TreeMap<>();

    public DriverRegistry(Instance<BackupDriver> all) {
        all.forEach(d -> drivers.put(d.name(), d));
    }

    public Optional<BackupDriver> find(String name) {
        return Optional.ofNullable(drivers.get(name));
    }

    /** 400 naming {@code driver} when no driver has this name. */
    public BackupDriver require(String name) {
        return find(name)
                .orElseThrow(
                        () ->
                                ProblemException.badField(
                                        "driver",
                                        "unknown driver "
                                                + name
                                                + "; one of "
                                                + String.join(", ", drivers.keySet())));
    }
}
