package io.kiban.commons.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.kiban.commons.testing.ArchitectureContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #19: commons is the bottom of the suite — it depends on no service, and its own packages have no
 * cycle.
 */
class CommonsArchitectureTest {

    private final JavaClasses commons =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.kiban.commons");

    @Test
    @DisplayName("#19 commons depends on no service")
    void commons_depends_on_no_service() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ArchitectureContract.SERVICES.stream()
                                .map(s -> s + "..")
                                .toArray(String[]::new))
                .check(commons);
    }

    @Test
    @DisplayName("#19 commons' own packages are free of cycles")
    void commons_packages_are_free_of_cycles() {
        slices().matching("io.kiban.commons.(*)..").should().beFreeOfCycles().check(commons);
    }

    @Test
    @DisplayName(
            "#19 commons' resources stay thin too: no REST resource touches a repository (the rule"
                    + " every service runs)")
    void commons_resources_do_not_touch_repositories() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(io.quarkus.hibernate.orm.panache.PanacheRepositoryBase.class)
                .check(commons);
    }
}
