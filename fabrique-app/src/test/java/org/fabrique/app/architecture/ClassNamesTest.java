package org.fabrique.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * One simple name means one thing across the modules (decision 0018): a reader who meets {@code
 * Problem} or {@code Choice} in a file must not have to check its import to know which one it is.
 */
class ClassNamesTest {

  @Test
  void noTwoTopLevelClassesShareASimpleName() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.fabrique");
    Map<String, List<String>> byName =
        StreamSupport.stream(classes.spliterator(), false)
            .filter(JavaClass::isTopLevelClass)
            .filter(c -> !c.getSimpleName().equals("package-info"))
            // jte generates one class per template, named after the template file
            .filter(c -> !c.getPackageName().startsWith("org.fabrique.web.templates"))
            .collect(
                Collectors.groupingBy(
                    JavaClass::getSimpleName,
                    TreeMap::new,
                    Collectors.mapping(JavaClass::getName, Collectors.toList())));
    byName.values().removeIf(names -> names.size() < 2);

    assertEquals(
        Map.of(),
        byName,
        "simple names used for several classes (rename one so that each name means one thing)");
  }
}
