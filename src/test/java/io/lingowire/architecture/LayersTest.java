package io.lingowire.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies point down only (docs/architecture.md): the editors' entry points and operations on top, then
 * syndication, translation, ingest, article, and the ground (security, event, common, locale). A lower layer that
 * needs a higher one's answer declares an interface that the higher one implements.
 */
class LayersTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lingowire");
        assertTrue(main.size() > 100, "the main classes were found: " + main.size());
    }

    @Test
    void dependenciesPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Top").definedBy("io.lingowire.desk..", "io.lingowire.ops..")
                .layer("Syndication").definedBy("io.lingowire.syndication..")
                .layer("Translation").definedBy("io.lingowire.translation..")
                .layer("Ingest").definedBy("io.lingowire.ingest..")
                .layer("Article").definedBy("io.lingowire.article..")
                .layer("Ground").definedBy("io.lingowire.security..", "io.lingowire.event..", "io.lingowire.common..",
                        "io.lingowire.locale..")
                .whereLayer("Top").mayNotBeAccessedByAnyLayer()
                .whereLayer("Syndication").mayOnlyBeAccessedByLayers("Top")
                .whereLayer("Translation").mayOnlyBeAccessedByLayers("Top", "Syndication")
                .whereLayer("Ingest").mayOnlyBeAccessedByLayers("Top", "Syndication", "Translation")
                .whereLayer("Article").mayOnlyBeAccessedByLayers("Top", "Syndication", "Translation", "Ingest")
                .check(main);
    }

    @Test
    void commonDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.lingowire.common..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lingowire.security..", "io.lingowire.event..",
                        "io.lingowire.locale..", "io.lingowire.article..", "io.lingowire.ingest..",
                        "io.lingowire.translation..", "io.lingowire.syndication..", "io.lingowire.desk..",
                        "io.lingowire.ops..")
                .check(main);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("io.lingowire.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void everyClassIsInALayer() {
        noClasses().should().resideOutsideOfPackages("io.lingowire.desk..", "io.lingowire.ops..",
                        "io.lingowire.syndication..", "io.lingowire.translation..", "io.lingowire.ingest..",
                        "io.lingowire.article..", "io.lingowire.security..", "io.lingowire.event..",
                        "io.lingowire.common..", "io.lingowire.locale..")
                .check(main);
    }
}
