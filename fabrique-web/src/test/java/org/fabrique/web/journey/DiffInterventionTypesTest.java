package org.fabrique.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DiffInterventionTypesTest {

  @Test
  void detectedChangesBecomeTheirInterventionTypes() {
    assertEquals("recoding", DiffInterventionTypes.interventionType("recoding"));
    assertEquals("selection", DiffInterventionTypes.interventionType("row-filter"));
    assertEquals("small-cell-suppression", DiffInterventionTypes.interventionType("suppression"));
    assertEquals("noise-addition", DiffInterventionTypes.interventionType("noise"));
    assertEquals("pseudonymisation", DiffInterventionTypes.interventionType("pseudonymisation"));
  }

  @Test
  void theDetectorsOfRenamedAndTransformedColumnsSuggestATypeOfTheirOwn() {
    // Not "other": a researcher creating drafts from a comparison would have to retype each.
    assertEquals("generalisation", DiffInterventionTypes.interventionType("top-coding"));
    assertEquals("generalisation", DiffInterventionTypes.interventionType("bottom-coding"));
    assertEquals("noise-addition", DiffInterventionTypes.interventionType("date-shift"));
    assertEquals("harmonisation", DiffInterventionTypes.interventionType("unit-conversion"));
    assertEquals("harmonisation", DiffInterventionTypes.interventionType("format-change"));
    assertEquals("feature-engineering", DiffInterventionTypes.interventionType("column-split"));
    assertEquals("feature-engineering", DiffInterventionTypes.interventionType("column-merge"));
  }

  @Test
  void aColumnRenamedAndTransformedIsTheActItUnderwent() {
    assertEquals(
        "pseudonymisation",
        DiffInterventionTypes.interventionType("column-renamed", "pseudonymised"));
    assertEquals(
        "generalisation", DiffInterventionTypes.interventionType("column-renamed", "generalised"));
    assertEquals(
        "noise-addition", DiffInterventionTypes.interventionType("column-renamed", "date-shifted"));
    assertEquals(
        "generalisation", DiffInterventionTypes.interventionType("column-renamed", "top-coded"));
    assertEquals(
        "harmonisation", DiffInterventionTypes.interventionType("column-renamed", "converted"));
    // A rename alone stays a harmonisation.
    assertEquals("harmonisation", DiffInterventionTypes.interventionType("column-renamed", null));
    // The transformation of another kind of change does not count.
    assertEquals("recoding", DiffInterventionTypes.interventionType("recoding", "pseudonymised"));
  }

  @Test
  void unknownOrUnmappedTypesBecomeOther() {
    assertEquals("other", DiffInterventionTypes.interventionType("distribution-shift"));
    assertEquals("other", DiffInterventionTypes.interventionType("something-new"));
    assertEquals("other", DiffInterventionTypes.interventionType(null));
  }

  @Test
  void everyTermIsInTheInterventionTypesVocabulary() throws IOException {
    Set<String> terms;
    try (InputStream in =
        getClass().getResourceAsStream("/org/fabrique/core/vocabulary/intervention-types.csv")) {
      terms =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.startsWith("#") && !l.startsWith("id,"))
              .map(l -> l.substring(0, l.indexOf(',')))
              .collect(Collectors.toSet());
    }
    for (String type :
        List.of(
            "recoding",
            "generalisation",
            "pseudonymisation",
            "suppression",
            "noise",
            "row-filter",
            "column-added",
            "column-removed",
            "column-renamed",
            "type-change",
            "top-coding",
            "bottom-coding",
            "date-shift",
            "unit-conversion",
            "format-change",
            "column-split",
            "column-merge",
            "distribution-shift")) {
      String term = DiffInterventionTypes.interventionType(type);
      assertTrue(terms.contains(term), type + " → " + term + " is not a vocabulary term");
    }
  }
}
