package dev.llmstatus;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The feature packages point one way, as the data flows (catalog, then probe, then status, then web and api; report
 * and errors beside): see docs/architecture.md.
 */
class PackageDependencyTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.llmstatus");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.llmstatus.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCatalogDependsOnNoOtherFeature() {
        noClasses().that()
            .resideInAPackage("dev.llmstatus.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.llmstatus.probe..", "dev.llmstatus.status..", "dev.llmstatus.web..",
                    "dev.llmstatus.api..", "dev.llmstatus.report..", "dev.llmstatus.errors..",
                    "dev.llmstatus.official..", "dev.llmstatus.model..")
            .check(classes);
    }

    @Test
    void theProberKnowsNothingOfStatusOrPages() {
        noClasses().that()
            .resideInAPackage("dev.llmstatus.probe..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.llmstatus.status..", "dev.llmstatus.web..", "dev.llmstatus.api..",
                    "dev.llmstatus.report..", "dev.llmstatus.errors..")
            .check(classes);
    }

    @Test
    void statusKnowsNothingOfPages() {
        noClasses().that()
            .resideInAPackage("dev.llmstatus.status..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.llmstatus.web..", "dev.llmstatus.api..")
            .check(classes);
    }

    @Test
    void notificationsReadOnlyTheCatalogAndStatusEventsAndNothingReadsThem() {
        noClasses().that()
            .resideInAPackage("dev.llmstatus.notify..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.llmstatus.probe..", "dev.llmstatus.web..", "dev.llmstatus.api..",
                    "dev.llmstatus.report..", "dev.llmstatus.errors..", "dev.llmstatus.official..",
                    "dev.llmstatus.model..")
            .check(classes);
        noClasses().that()
            .resideOutsideOfPackage("dev.llmstatus.notify..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.llmstatus.notify..")
            .check(classes);
    }

}
