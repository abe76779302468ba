package org.fabrique.formats.openlineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DatasetVersions;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyFixture;
import org.fabrique.core.journey.Lineage;
import org.fabrique.core.journey.LineageService;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;
import org.fabrique.formats.prov.ProvExporter;
import org.fabrique.formats.prov.ProvFormat;
import org.fabrique.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprovenance.prov.model.Bundle;
import org.openprovenance.prov.model.Document;
import org.openprovenance.prov.model.Statement;
import org.openprovenance.prov.model.StatementOrBundle;
import org.openprovenance.prov.model.WasGeneratedBy;

/**
 * The story of issue 13, as OpenLineage events: crab apples picked in September, pressed into cider
 * and baked into a pie; crab apples picked again in October (a run that names the version it wrote)
 * and boiled into jelly. The jelly's apples are the October ones: nothing made in September lies
 * downstream of them, and PROV gives every entity at most one generation.
 */
class CrabAppleStoryTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

  private static List<JsonNode> story() {
    OpenLineageEvents.Parsed parsed =
        OpenLineageEvents.read(OpenLineageEventsTest.resource("stories/crab-apples.ndjson"));
    assertTrue(parsed.valid(), parsed.problems().toString());
    return parsed.events();
  }

  /** The story imported into a fresh SQLite database. */
  private record Orchard(
      JourneyFixture f,
      Map<String, DataObject> datasets,
      Map<String, List<Intervention>> jobs,
      JourneySnapshot snapshot) {
    Intervention job(String name, int run) {
      return jobs.get(name).get(run);
    }

    Set<String> labels(Lineage lineage) {
      Map<ElementId, JourneyElement> byId = new HashMap<>();
      snapshot.elements().forEach(e -> byId.put(e.id(), e));
      return lineage.nodes().stream()
          .map(n -> byId.get(n.id()).label())
          .collect(Collectors.toSet());
    }
  }

  private static Orchard importStory(JdbcStore store) {
    JourneyFixture f = new JourneyFixture(store);
    new OpenLineageImporter(f.journeys).importEvents(f.inquiry, Optional.empty(), f.user, story());
    List<JourneyElement> elements = f.journeys.elements(f.inquiry);
    Map<String, DataObject> datasets = new HashMap<>();
    Map<String, List<Intervention>> jobs = new HashMap<>();
    for (JourneyElement element : elements) {
      if (element instanceof DataObject object) {
        datasets.put(object.label(), object);
      } else if (element instanceof Intervention run) {
        jobs.computeIfAbsent(run.label(), k -> new ArrayList<>()).add(run);
      }
    }
    jobs.values()
        .forEach(
            runs ->
                runs.sort(
                    Comparator.comparing(
                        (Intervention run) -> run.endedAt().or(run::startedAt).orElseThrow())));
    JourneySnapshot snapshot =
        new JourneySnapshot(f.inquiry, List.of(), elements, List.of(), List.of(), Map.of());
    return new Orchard(f, datasets, jobs, snapshot);
  }

  @Test
  void nothingMadeInSeptemberLiesDownstreamOfTheApplesPickedInOctober(@TempDir Path folder) {
    try (JdbcStore store = JdbcStore.openSqlite(folder)) {
      Orchard o = importStory(store);
      LineageService lineage = o.f().lineage;
      Intervention boil = o.job("boil", 0);
      DataObject apples = o.datasets().get("crab-apples");
      DatasetVersions.Version read =
          lineage.versions(o.f().inquiry).used(boil.id(), apples.id()).orElseThrow();
      assertEquals("2026-10", read.label());
      assertEquals(Optional.of(o.job("pick", 1).id()), read.generatedBy());

      // the apples the jelly job read: downstream of them, the jelly only
      Lineage fromOctober =
          lineage.downstream(apples.id(), read.number(), LineageService.UNLIMITED);
      assertEquals(Set.of("boil", "jelly"), o.labels(fromOctober));
      // and upstream of the jelly, the October picking only
      assertEquals(
          List.of(boil.id(), apples.id(), o.job("pick", 1).id()),
          lineage
              .upstream(o.datasets().get("jelly").id(), LineageService.UNLIMITED)
              .nodes()
              .stream()
              .map(Lineage.Node::id)
              .toList());
      // the September apples made the cider and the pie
      assertEquals(
          Set.of("crab-apples", "press", "cider", "bake", "pie"),
          o.labels(lineage.downstream(o.job("pick", 0).id(), LineageService.UNLIMITED)));
      // the apples as a whole made everything
      assertEquals(
          Set.of("press", "cider", "bake", "pie", "boil", "jelly"),
          o.labels(lineage.downstream(apples.id(), LineageService.UNLIMITED)));
    }
  }

  @Test
  void provGivesEveryEntityAtMostOneGenerationAsProvToolboxReadsIt(@TempDir Path folder)
      throws Exception {
    try (JdbcStore store = JdbcStore.openSqlite(folder)) {
      Orchard o = importStory(store);
      ProvExporter exporter = new ProvExporter();
      ByteArrayOutputStream provn = new ByteArrayOutputStream();
      exporter.write(o.snapshot(), RedactionProfile.DEFAULT, ProvFormat.PROVN, provn);
      Document read =
          new org.openprovenance.prov.notation.ProvDeserialiser(
                  new org.openprovenance.prov.vanilla.ProvFactory())
              .deserialiseDocument(new ByteArrayInputStream(provn.toByteArray()));
      Map<String, Integer> generations = generations(read);
      // two versions of the apples, each generated once; cider, pie and jelly once each
      assertEquals(5, generations.size(), generations.toString());
      generations.forEach((entity, count) -> assertEquals(1, count, entity));
      assertEquals(
          exporter.graph(o.snapshot(), RedactionProfile.DEFAULT).counts().get("specializationOf"),
          2L);
      // for the read-back run on ProvToolbox's own Jackson (ProvReadBackTest)
      Path exports = Files.createDirectories(Path.of("target", "prov-exports"));
      try (var out = Files.newOutputStream(exports.resolve("crab-apples.json"))) {
        exporter.write(o.snapshot(), RedactionProfile.DEFAULT, ProvFormat.JSON, out);
      }
    }
  }

  /** How many times each entity of a document read by ProvToolbox is generated. */
  static Map<String, Integer> generations(Document document) {
    Map<String, Integer> generations = new HashMap<>();
    for (StatementOrBundle item : document.getStatementOrBundle()) {
      List<Statement> statements =
          item instanceof Bundle bundle ? bundle.getStatement() : List.of((Statement) item);
      for (Statement statement : statements) {
        if (statement instanceof WasGeneratedBy generation) {
          generations.merge(generation.getEntity().getLocalPart(), 1, Integer::sum);
        }
      }
    }
    return generations;
  }

  @Test
  void theStorySurvivesTheOpenLineageRoundTripWithTheVersionEachRunWrote(@TempDir Path folder) {
    OpenLineageExporter exporter = new OpenLineageExporter(CLOCK);
    List<ObjectNode> first;
    try (JdbcStore store = JdbcStore.openSqlite(folder.resolve("a"))) {
      first = exporter.events(importStory(store).snapshot(), RedactionProfile.DEFAULT);
    }
    List<ObjectNode> second;
    try (JdbcStore store = JdbcStore.openSqlite(folder.resolve("b"))) {
      JourneyFixture f = new JourneyFixture(store);
      new OpenLineageImporter(f.journeys)
          .importEvents(f.inquiry, Optional.empty(), f.user, List.copyOf(first));
      second =
          exporter.events(
              new JourneySnapshot(
                  f.inquiry,
                  List.of(),
                  f.journeys.elements(f.inquiry),
                  List.of(),
                  List.of(),
                  Map.of()),
              RedactionProfile.DEFAULT);
    }
    Comparator<JsonNode> byText = Comparator.comparing(JsonNode::toString);
    List<JsonNode> a = new ArrayList<>(first);
    List<JsonNode> b = new ArrayList<>(second);
    a.sort(byText);
    b.sort(byText);
    assertEquals(a, b);
    List<JsonNode> received = new ArrayList<>(story());
    received.sort(byText);
    assertEquals(received, a, "each event written back as received");
    // the September pickings' events carry no version; the October one carries its own
    for (ObjectNode event : first) {
      JsonNode version = event.at("/outputs/0/facets/version/datasetVersion");
      boolean october =
          event.path("run").path("runId").asText().equals("0b5c1c3e-0004-4c55-9c1e-6a1f00000004")
              && event.path("eventType").asText().equals("COMPLETE");
      assertEquals(october, !version.isMissingNode(), event.toString());
      assertFalse(event.at("/inputs/0/facets/version").isObject(), event.toString());
    }
  }
}
