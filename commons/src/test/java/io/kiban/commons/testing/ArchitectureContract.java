package io.kiban.commons.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * #19: the structure every service keeps, checked on its compiled classes (ArchUnit). A service's
 * {@code ArchitectureTest} extends this and names its root package. A violation fails the build
 * with the classes and the dependency that break the rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureContract {

    /** Every service's root package; a service may import none of the others. */
    public static final List<String> SERVICES =
            List.of(
                    "io.kiban.asset",
                    "io.kiban.maintenance",
                    "io.kiban.backup",
                    "io.kiban.lifecycle",
                    "io.kiban.console");

    private JavaClasses classes;

    /** The service's root package, e.g. {@code io.kiban.asset}. */
    protected abstract String rootPackage();

    @BeforeAll
    void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(rootPackage());
    }

    @Test
    @DisplayName(
            "#19 no package cycles inside the service: feature packages depend on each other one way")
    void feature_packages_are_free_of_cycles() {
        slices().matching(rootPackage() + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("#19 a service never imports another service's packages (they talk over HTTP)")
    void no_service_imports_another() {
        String[] others =
                SERVICES.stream()
                        .filter(s -> !s.equals(rootPackage()))
                        .map(s -> s + "..")
                        .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
    }

    @Test
    @DisplayName(
            "#19 resources stay thin: no REST resource touches a repository (services own data access)")
    void resources_do_not_touch_repositories() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase")
                // the console has no *Resource (its pages) and no repository: nothing to check
                // there
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    @DisplayName(
            "#19 a repository is a top-level class of its feature, never nested inside a service")
    void repositories_are_top_level_classes() {
        noClasses()
                .that()
                .areNestedClasses()
                .should()
                .beAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase")
                .check(classes);
    }
}
