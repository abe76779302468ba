package org.fabrique.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the core free of frameworks, storage and web: dependencies point one way. */
class CoreArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.fabrique.core");

  @Test
  void coreDependsOnNoFrameworkStorageOrWebLibrary() {
    noClasses()
        .that()
        .resideInAPackage("org.fabrique.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "org.jdbi..",
            "org.flywaydb..",
            "io.javalin..",
            "gg.jte..",
            "com.fasterxml..",
            "org.apache..",
            "jakarta..",
            "javax.servlet..",
            "org.eclipse..",
            "picocli..",
            "org.slf4j..",
            "ch.qos..",
            "java.awt..",
            "javax.swing..")
        .because("fabrique-core knows no framework (see ARCHITECTURE.md)")
        .check(CORE);
  }

  @Test
  void coreDependsOnNoOtherFabriqueModule() {
    noClasses()
        .that()
        .resideInAPackage("org.fabrique.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.fabrique.store..",
            "org.fabrique.formats..",
            "org.fabrique.search..",
            "org.fabrique.diff..",
            "org.fabrique.web..",
            "org.fabrique.app..")
        .check(CORE);
  }
}
