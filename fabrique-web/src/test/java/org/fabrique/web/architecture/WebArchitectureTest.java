package org.fabrique.web.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.fabrique.core.Fabrique;
import org.fabrique.web.WebApp;
import org.fabrique.web.auth.Routes;
import org.junit.jupiter.api.Test;

/**
 * Keeps the web module an edge: it renders what the services of core (and the formats and the diff)
 * give it, and reaches no database, index or command line (decision 0001).
 */
class WebArchitectureTest {
  private static final JavaClasses WEB =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.fabrique.web");

  @Test
  void webReachesNoDatabaseIndexOrCommandLineLibrary() {
    noClasses()
        .that()
        .resideInAPackage("org.fabrique.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "org.jdbi..",
            "org.flywaydb..",
            "org.sqlite..",
            "org.postgresql..",
            "org.apache.lucene..",
            "org.apache.tika..",
            "picocli..")
        .because("the web module works through the services and ports of fabrique-core")
        .check(WEB);
  }

  @Test
  void webDependsOnCoreFormatsAndDiffOnly() {
    noClasses()
        .that()
        .resideInAPackage("org.fabrique.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.fabrique.store..", "org.fabrique.search..", "org.fabrique.app..")
        .because(
            "the store and the search index are wired by the composition root"
                + " (decision 0001, amendment)")
        .check(WEB);
  }

  @Test
  void routesAreRegisteredOnlyThroughTheRegistrarThatTakesTheirAccess() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(Routes.class.getName())
        .should()
        .callMethodWhere(
            target(owner(assignableTo(JavalinDefaultRoutingApi.class)))
                .and(
                    target(
                        name("get")
                            .or(name("post"))
                            .or(name("put"))
                            .or(name("patch"))
                            .or(name("delete"))
                            .or(name("head"))
                            .or(name("addHttpHandler")))))
        .because(
            "every route declares what it requires where it is registered (decision 0008):"
                + " route classes receive org.fabrique.web.auth.Routes, never Javalin's router")
        .check(WEB);
  }

  @Test
  void onlyTheCompositionRootSeesAllTheServices() {
    noClasses()
        .that()
        .resideInAPackage("org.fabrique.web..")
        .and()
        .doNotHaveFullyQualifiedName(WebApp.class.getName())
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(Fabrique.class.getName())
        .because(
            "route classes receive only the services they use, wired by WebApp (issue 10):"
                + " what a class can reach is what its constructor says")
        .check(WEB);
  }
}
