package io.kiban.lifecycle.contract;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the contract feature (moved out of {@code ContractService}, #19). */
@ApplicationScoped
class ContractRepository implements PanacheRepositoryBase<Contract, Byte> {}
