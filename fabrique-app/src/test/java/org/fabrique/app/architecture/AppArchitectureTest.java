package org.fabrique.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.fabrique.app.Workbench;
import org.fabrique.app.cli.ServeCommand;
import org.junit.jupiter.api.Test;

/**
 * Keeps the app module a composition root and thin commands: only {@link Workbench} builds the
 * store, the search index and the text extractor; commands call services; the demo is written with
 * the services of core alone (decision 0001).
 */
class AppArchitectureTest {
  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.fabrique.app");

  @Test
  void onlyTheCompositionRootBuildsTheStoreTheIndexAndTheExtractor() {
    noClasses()
        .that()
        .resideInAPackage("org.fabrique.app..")
        .and()
        .doNotBelongToAnyOf(Workbench.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.fabrique.store..",
            "org.fabrique.search..",
            "org.fabrique.formats.text..",
            "org.fabrique.formats.refi..")
        .because("the adapters are wired once, in Workbench; commands use the services")
        .check(APP);
  }

  @Test
  void theAppReachesNoDatabaseOrIndexLibraryDirectly() {
    noClasses()
        .that()
        .resideInAPackage("org.fabrique.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "org.jdbi..",
            "org.flywaydb..",
            "org.apache.lucene..",
            "org.apache.tika..")
        .because("storage, search and extraction belong to their modules")
        .check(APP);
  }

  @Test
  void onlyTheServeCommandKnowsTheWebApp() {
    noClasses()
        .that()
        .resideInAPackage("org.fabrique.app..")
        .and()
        .doNotBelongToAnyOf(ServeCommand.class)
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage("org.fabrique.web..", "io.javalin..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.resideInAPackage("org.fabrique.web.i18n.."))))
        .because(
            "the command line speaks the interface's languages from its message bundles"
                + " (org.fabrique.web.i18n), and knows nothing else of the web")
        .check(APP);
  }

  @Test
  void theDemoIsWrittenWithTheServicesOfCore() {
    classes()
        .that()
        .resideInAPackage("org.fabrique.app.demo..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("org.fabrique.app.demo..", "org.fabrique.core..", "java..")
        .because("the demo must load the same way from the command line, the web app or a test")
        .check(APP);
  }
}
