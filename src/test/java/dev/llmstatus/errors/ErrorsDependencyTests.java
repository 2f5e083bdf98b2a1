package dev.llmstatus.errors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The knowledge base sits beside the data flow: it may read the catalog, and no other feature.
 */
class ErrorsDependencyTests {

    @Test
    void theKnowledgeBaseKnowsOnlyTheCatalog() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.llmstatus");
        noClasses().that()
            .resideInAPackage("dev.llmstatus.errors..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.llmstatus.probe..", "dev.llmstatus.status..", "dev.llmstatus.web..",
                    "dev.llmstatus.api..", "dev.llmstatus.report..", "dev.llmstatus.official..",
                    "dev.llmstatus.model..")
            .check(classes);
    }

}
