package org.fabrique.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ConditionReport;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.LineageService;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.TensionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoJourneysTest {
  @TempDir Path data;

  @Test
  void theDemoJourneyGoesFromTheCohortToTheModelWithChoicesTensionsAndEvidence() {
    try (Workbench workbench = Workbench.embedded(data)) {
      Fabrique fabrique = workbench.fabrique();
      Inquiry inquiry = new DemoInquiry(fabrique).load();
      var journeys = fabrique.journeys();
      List<Intervention> interventions = journeys.list(inquiry.id(), Intervention.class);
      assertEquals(
          List.of(
              "selection",
              "pseudonymisation",
              "harmonisation",
              "linkage",
              "generalisation",
              "model-training",
              "linkage",
              "extraction",
              "transfer",
              "selection",
              "generalisation"),
          interventions.stream().map(Intervention::type).toList());
      DataObject model =
          journeys.list(inquiry.id(), DataObject.class).stream()
              .filter(d -> d.type() == DataObjectType.MODEL)
              .findFirst()
              .orElseThrow();
      Set<String> upstream =
          fabrique.lineage().upstream(model.id(), LineageService.UNLIMITED).nodes().stream()
              .map(n -> journeys.get(n.id()).label())
              .collect(Collectors.toSet());
      assertTrue(upstream.contains("Horizon production database"), upstream.toString());

      List<Choice> choices = journeys.list(inquiry.id(), Choice.class);
      Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
      choices.forEach(c -> dimensions.addAll(c.dimensions()));
      assertEquals(EnumSet.allOf(Dimension.class), dimensions);
      assertTrue(fabrique.lineage().choicesShaping(model.id()).size() >= 4);

      List<Tension> tensions = journeys.list(inquiry.id(), Tension.class);
      assertEquals(
          Set.of(TensionStatus.RESOLVED, TensionStatus.OPEN),
          tensions.stream().map(Tension::status).collect(Collectors.toSet()));
      for (JourneyElement element : List.<JourneyElement>copyOf(choices)) {
        assertFalse(journeys.evidenceOf(element.id()).isEmpty(), element.label());
      }
      for (Tension tension : tensions) {
        assertFalse(journeys.evidenceOf(tension.id()).isEmpty(), tension.label());
      }
      ConditionReport conditions = fabrique.lineage().conditions(model.id());
      Set<String> terms =
          conditions.conditions().stream()
              .map(c -> c.condition().term())
              .collect(Collectors.toSet());
      assertEquals(Set.of("DUO:0000007", "DUO:0000019"), terms);
      assertEquals("DUO:0000046", conditions.lifted().get(0).condition().term());
    }
  }
}
