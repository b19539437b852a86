package io.kiban.asset.software;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SoftwareRepository implements PanacheRepository<Software> {}
