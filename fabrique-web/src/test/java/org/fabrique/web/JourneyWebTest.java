package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The journey pages, forms and API, on the real store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyWebTest {
  private final ObjectMapper json = Json.mapper();
  private TestApp web;
  private Inquiry inquiry;
  private Case theCase;
  private User user;

  @BeforeAll
  void start() {
    web = new TestApp();
    inquiry = web.fabrique.inquiries().create("Journeys", "");
    user = web.fabrique.users().defaultUser();
    theCase =
        web.fabrique
            .inquiries()
            .createCase(inquiry.id(), user.id(), "Cohort to model", Domain.COHORT, "");
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private JsonNode read(HttpResponse<String> response, int status) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    return json.readTree(response.body());
  }

  @Test
  void formsAddDataObjectsAndAnInterventionThatTheGraphAndLineageShow() throws IOException {
    String base = "/cases/" + theCase.id() + "/journey";
    assertEquals(
        303,
        web.postForm(
                base + "/data-objects",
                Map.of("label", "Raw extract", "type", "dataset", "identifiability", "identifying"))
            .statusCode());
    assertEquals(
        303,
        web.postForm(
                base + "/data-objects", Map.of("label", "Pseudonymised extract", "type", "dataset"))
            .statusCode());
    List<DataObject> objects = web.fabrique.journeys().list(inquiry.id(), DataObject.class);
    long raw =
        objects.stream()
            .filter(o -> o.label().equals("Raw extract"))
            .findFirst()
            .orElseThrow()
            .id()
            .value();
    long pseudo =
        objects.stream()
            .filter(o -> o.label().equals("Pseudonymised extract"))
            .findFirst()
            .orElseThrow()
            .id()
            .value();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("label", "Pseudonymisation by the CHU");
    form.put("type", "pseudonymisation");
    form.put("inputs", Long.toString(raw));
    form.put("outputs", Long.toString(pseudo));
    form.put("startedAt", "2025-03-12T09:30");
    form.put("knownBy", "declared");
    assertEquals(303, web.postForm(base + "/interventions", form).statusCode());

    HttpResponse<String> page = web.get(base);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Pseudonymisation by the CHU"));
    assertTrue(page.body().contains("cytoscape.min.js"));
    assertEquals(200, web.get("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js").statusCode());

    JsonNode graph = read(web.json("GET", "/api/cases/" + theCase.id() + "/journey", null), 200);
    assertEquals(3, graph.get("nodes").size());
    assertEquals(2, graph.get("edges").size());
    Intervention intervention =
        web.fabrique.journeys().list(inquiry.id(), Intervention.class).get(0);
    JsonNode upstream =
        read(web.json("GET", "/api/journey/elements/" + pseudo + "/upstream?depth=3", null), 200);
    assertEquals(intervention.id().value(), upstream.get("nodes").get(0).get("id").asLong());
    assertEquals(raw, upstream.get("nodes").get(1).get("id").asLong());
  }

  @Test
  void theGraphAndTheWalksFollowDatasetVersions() throws IOException {
    var journeys = web.fabrique.journeys();
    java.util.function.Function<String, org.fabrique.core.journey.ElementHeader> header =
        label ->
            org.fabrique.core.journey.ElementHeader.of(
                journeys.newId(), inquiry.id(), theCase.id(), label);
    DataObject apples =
        journeys.create(
            user.id(),
            DataObject.of(
                header.apply("Crab apples"), org.fabrique.core.journey.DataObjectType.DATASET));
    DataObject cider =
        journeys.create(
            user.id(),
            DataObject.of(header.apply("Cider"), org.fabrique.core.journey.DataObjectType.DATASET));
    java.util.function.BiFunction<Intervention, String, Intervention> dated =
        (intervention, day) -> {
          java.time.Instant at = java.time.Instant.parse("2026-" + day + "T10:00:00Z");
          return journeys.create(
              user.id(),
              intervention.withTimes(java.util.Optional.of(at), java.util.Optional.of(at)));
        };
    Intervention september =
        dated.apply(
            Intervention.of(header.apply("Pick"), "extraction", List.of(), List.of(apples.id())),
            "09-15");
    Intervention press =
        dated.apply(
            Intervention.of(
                header.apply("Press"), "cleaning", List.of(apples.id()), List.of(cider.id())),
            "09-20");
    dated.apply(
        Intervention.of(header.apply("Pick"), "extraction", List.of(), List.of(apples.id())),
        "10-15");

    JsonNode graph = read(web.json("GET", "/api/cases/" + theCase.id() + "/journey", null), 200);
    JsonNode pressInput = null;
    for (JsonNode edge : graph.get("edges")) {
      if (edge.get("target").asLong() == press.id().value()) {
        pressInput = edge;
      }
    }
    assertEquals("v1", pressInput.get("version").asText(), graph.toString());
    String base = "/api/journey/elements/" + apples.id();
    JsonNode first = read(web.json("GET", base + "/downstream?version=1", null), 200);
    assertEquals(2, first.get("nodes").size(), first.toString());
    JsonNode second = read(web.json("GET", base + "/downstream?version=2", null), 200);
    assertEquals(0, second.get("nodes").size(), second.toString());
    JsonNode up = read(web.json("GET", base + "/upstream?version=1", null), 200);
    assertEquals(september.id().value(), up.get("nodes").get(0).get("id").asLong());
    JsonNode pressUp =
        read(web.json("GET", "/api/journey/elements/" + press.id() + "/upstream", null), 200);
    assertEquals(1, pressUp.get("nodes").get(0).get("version").get("number").asInt());
    read(web.json("GET", base + "/downstream?version=7", null), 404);

    // the focused view: one step around the press, the apples marked as having more beyond
    JsonNode focused =
        read(
            web.json(
                "GET",
                "/api/cases/" + theCase.id() + "/journey?focus=" + press.id() + "&depth=1",
                null),
            200);
    assertEquals(press.id().value(), focused.get("focus").asLong());
    java.util.Map<Long, Boolean> border = new java.util.HashMap<>();
    // the elements' nodes (the apples' version read by the press has a node of its own)
    focused
        .get("nodes")
        .forEach(
            n -> {
              if (n.get("version").isNull()) {
                border.put(n.get("id").asLong(), n.get("border").asBoolean());
              }
            });
    assertEquals(
        java.util.Map.of(
            press.id().value(), false, apples.id().value(), true, cider.id().value(), false),
        border);
    JsonNode whole =
        read(web.json("GET", "/api/cases/" + theCase.id() + "/journey?whole=true", null), 200);
    assertTrue(whole.get("focus").isNull());
    assertTrue(whole.get("nodes").size() > focused.get("nodes").size());
    read(
        web.json(
            "GET",
            "/api/cases/" + theCase.id() + "/journey?focus=" + press.id() + "&depth=11",
            null),
        400);
    assertEquals(200, web.get("/webjars/dagre/0.8.4/dist/dagre.min.js").statusCode());
    String page = web.get("/cases/" + theCase.id() + "/journey").body();
    assertTrue(page.contains("data-graph-legend"), page);
    // a run known by its end only is dated by it on the timeline
    Intervention ended =
        journeys.create(
            user.id(),
            Intervention.of(header.apply("Bottled"), "storage", List.of(cider.id()), List.of())
                .withTimes(
                    java.util.Optional.empty(),
                    java.util.Optional.of(java.time.Instant.parse("2026-11-02T10:00:00Z"))));
    String timeline = web.get("/cases/" + theCase.id() + "/journey").body();
    int at = timeline.indexOf(">" + ended.label() + "</a>");
    assertTrue(at > 0, timeline);
    assertFalse(
        timeline.substring(timeline.lastIndexOf("<li>", at), at).contains("undated"),
        timeline.substring(timeline.lastIndexOf("<li>", at), at));
  }

  @Test
  void theGraphLightsTheElementsOfAnActorADimensionAndADateRange() throws IOException {
    var journeys = web.fabrique.journeys();
    Case other =
        web.fabrique
            .inquiries()
            .createCase(inquiry.id(), user.id(), "Registry to filter", Domain.REGISTRY, "");
    java.util.function.Function<String, org.fabrique.core.journey.ElementHeader> header =
        label ->
            org.fabrique.core.journey.ElementHeader.of(
                journeys.newId(), inquiry.id(), other.id(), label);
    var dataset = org.fabrique.core.journey.DataObjectType.DATASET;
    DataObject raw = journeys.create(user.id(), DataObject.of(header.apply("Raw"), dataset));
    DataObject pseudo = journeys.create(user.id(), DataObject.of(header.apply("Pseudo"), dataset));
    DataObject table = journeys.create(user.id(), DataObject.of(header.apply("Table"), dataset));
    var person = org.fabrique.core.journey.ActorType.PERSON;
    var manager =
        journeys.create(
            user.id(),
            new org.fabrique.core.journey.Actor(
                header.apply("Manager M"), person, java.util.Optional.empty(), "data-manager", ""));
    var lawyer =
        journeys.create(
            user.id(),
            new org.fabrique.core.journey.Actor(
                header.apply("Lawyer L"), person, java.util.Optional.empty(), "lawyer", ""));
    java.util.function.BiFunction<Intervention, String, Intervention> dated =
        (intervention, day) -> {
          java.time.Instant at = java.time.Instant.parse(day + "T10:00:00Z");
          return journeys.create(
              user.id(),
              intervention.withTimes(java.util.Optional.of(at), java.util.Optional.empty()));
        };
    Intervention pseudonymise =
        dated.apply(
            Intervention.of(
                header.apply("Pseudonymise"),
                "pseudonymisation",
                List.of(raw.id()),
                List.of(pseudo.id())),
            "2025-03-12");
    Intervention extract =
        dated.apply(
            Intervention.of(
                header.apply("Extract"), "extraction", List.of(pseudo.id()), List.of(table.id())),
            "2025-09-01");
    journeys.addParticipation(user.id(), manager.id(), "data-manager", pseudonymise.id());
    journeys.addParticipation(user.id(), lawyer.id(), "data-controller", extract.id());
    var birthYear =
        journeys.create(
            user.id(),
            org.fabrique.core.journey.Choice.of(
                    header.apply("Keep the year of birth only"),
                    java.util.Set.of(org.fabrique.core.journey.Dimension.NATURE),
                    List.of(pseudonymise.id()))
                .decided(
                    List.of(new org.fabrique.core.journey.ChoiceOption("Yes", List.of())),
                    0,
                    "",
                    "",
                    List.of(manager.id()),
                    java.util.Optional.of(java.time.LocalDate.parse("2025-03-01"))));
    var legalBasis =
        journeys.create(
            user.id(),
            org.fabrique.core.journey.Choice.of(
                    header.apply("Public interest"),
                    java.util.Set.of(org.fabrique.core.journey.Dimension.REGULATION),
                    List.of(extract.id()))
                .decided(
                    List.of(new org.fabrique.core.journey.ChoiceOption("Yes", List.of())),
                    0,
                    "",
                    "",
                    List.of(lawyer.id()),
                    java.util.Optional.of(java.time.LocalDate.parse("2025-08-20"))));
    String api = "/api/cases/" + other.id() + "/journey?whole=true";
    java.util.function.Function<String, java.util.Set<Long>> lit =
        filters -> {
          try {
            JsonNode graph = read(web.json("GET", api + "&" + filters, null), 200);
            assertEquals(9, graph.get("nodes").size(), graph.toString());
            java.util.Set<Long> out = new java.util.TreeSet<>();
            graph
                .get("nodes")
                .forEach(
                    n -> {
                      if (n.get("matches").asBoolean()) {
                        out.add(n.get("id").asLong());
                      }
                    });
            return out;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    java.util.function.Function<Object[], java.util.Set<Long>> ids =
        elements -> {
          java.util.Set<Long> out = new java.util.TreeSet<>();
          for (Object e : elements) {
            out.add(((org.fabrique.core.journey.JourneyElement) e).id().value());
          }
          return out;
        };
    assertEquals(
        ids.apply(new Object[] {manager, pseudonymise, birthYear}),
        lit.apply("actor=" + manager.id()));
    assertEquals(
        ids.apply(new Object[] {lawyer, extract, legalBasis}), lit.apply("actor-category=lawyer"));
    // an actor is lit by the elements it takes part in, decides or is named by
    assertEquals(
        ids.apply(new Object[] {lawyer, extract, legalBasis}), lit.apply("dimension=regulation"));
    assertEquals(
        ids.apply(new Object[] {manager, pseudonymise, birthYear}),
        lit.apply("from=2025-01-01&to=2025-06-30"));
    // filters combine
    assertEquals(
        ids.apply(new Object[] {manager, pseudonymise, birthYear}),
        lit.apply("dimension=nature&actor=" + manager.id() + "&to=2025-12-31"));
    // no filter (or empty ones, as the page's "any" sends): everything is lit
    assertEquals(9, lit.apply("actor=&dimension=").size());
    JsonNode echoed = read(web.json("GET", api + "&dimension=uses,regulation", null), 200);
    assertEquals("[\"uses\",\"regulation\"]", echoed.get("filters").get("dimension").toString());
    // the focused view is filtered the same way
    JsonNode focused =
        read(
            web.json(
                "GET",
                "/api/cases/"
                    + other.id()
                    + "/journey?focus="
                    + extract.id()
                    + "&depth=1&dimension=regulation",
                null),
            200);
    java.util.Map<Long, Boolean> matches = new java.util.HashMap<>();
    focused
        .get("nodes")
        .forEach(n -> matches.put(n.get("id").asLong(), n.get("matches").asBoolean()));
    assertEquals(Boolean.TRUE, matches.get(extract.id().value()), focused.toString());
    assertEquals(Boolean.FALSE, matches.get(pseudo.id().value()), focused.toString());
    assertEquals(Boolean.TRUE, matches.get(legalBasis.id().value()), focused.toString());

    // bad values are refused with a problem naming the parameter
    for (String bad :
        List.of(
            "dimension=colour",
            "from=2025-13-01",
            "from=2025-06-01&to=2025-01-01",
            "actor-category=astronaut",
            "actor=" + table.id(),
            "actor=somebody")) {
      HttpResponse<String> refused = web.json("GET", api + "&" + bad, null);
      assertEquals(400, refused.statusCode(), bad + " " + refused.body());
      assertTrue(
          refused.headers().firstValue("content-type").orElse("").contains("problem+json"), bad);
      JsonNode problem = json.readTree(refused.body());
      assertTrue(problem.hasNonNull("detail"), refused.body());
      assertFalse(refused.body().contains("Exception"), refused.body());
    }
    String page = web.get("/cases/" + other.id() + "/journey").body();
    assertTrue(page.contains("data-graph-lit"), page);
    assertTrue(page.contains("<option value=\"" + lawyer.id() + "\">Lawyer L</option>"), page);
  }

  @Test
  void tensionsAndInterventionsShowTheirEvidenceAndTheCasePageTheShareBacked() throws IOException {
    Inquiry own = web.fabrique.inquiries().create("Coverage", "");
    Case ownCase =
        web.fabrique.inquiries().createCase(own.id(), user.id(), "Registry", Domain.COHORT, "");
    Source note = TestSources.importText(web, own, "note.txt", "We linked the registry twice.");
    var journeys = web.fabrique.journeys();
    java.util.function.Function<String, org.fabrique.core.journey.ElementHeader> header =
        label ->
            org.fabrique.core.journey.ElementHeader.of(
                journeys.newId(), own.id(), ownCase.id(), label);
    DataObject registry =
        journeys.create(
            user.id(),
            DataObject.of(
                header.apply("Registry"), org.fabrique.core.journey.DataObjectType.DATASET));
    Intervention backed =
        journeys.create(
            user.id(),
            Intervention.of(
                header.apply("Linked twice"), "linkage", List.of(registry.id()), List.of()));
    journeys.create(
        user.id(),
        Intervention.of(
            header.apply("Cleaned quietly"), "cleaning", List.of(registry.id()), List.of()));
    var tension =
        journeys.create(
            user.id(),
            org.fabrique.core.journey.Tension.open(
                header.apply("Precision against privacy"),
                List.of(backed.id()),
                "utility-privacy",
                List.of()));
    journeys.addEvidence(user.id(), backed.id(), note.id(), java.util.Optional.empty(), "");

    String base = "/inquiries/" + own.id();
    String without = web.get(base + "/interventions?evidence=without").body();
    assertTrue(without.contains("Cleaned quietly"), without);
    assertFalse(without.contains("Linked twice"));
    String with = web.get(base + "/interventions?evidence=with").body();
    assertTrue(with.contains("Linked twice"));
    assertFalse(with.contains("Cleaned quietly"));
    assertTrue(with.contains("data-evidence=\"1\""), with);
    String french = web.get(base + "/interventions?lang=fr", "Accept-Language", "fr").body();
    assertTrue(french.contains("sans élément de preuve"), french);
    String tensions = web.get(base + "/tensions?evidence=without").body();
    assertTrue(tensions.contains(tension.label()), tensions);
    assertTrue(tensions.contains("without evidence"), tensions);
    assertFalse(web.get(base + "/tensions?evidence=with").body().contains(tension.label()));
    // four elements, one backed: 25 %
    String casePage = web.get("/cases/" + ownCase.id()).body();
    assertTrue(casePage.contains("data-evidence-share=\"25\""), casePage);
    assertTrue(casePage.contains("field material: 1 of 4 (25 %)"), casePage);
    String casePageFr =
        web.get("/cases/" + ownCase.id() + "?lang=fr", "Accept-Language", "fr").body();
    assertTrue(casePageFr.contains("matériau de terrain : 1 sur 4 (25 %)"), casePageFr);
  }

  @Test
  void evidenceFromASelectionShowsItsQuoteAndLinksBackToThePassage() throws IOException {
    Source note =
        TestSources.importText(
            web, inquiry, "note.txt", "The data manager said: we keep the year of birth only.");
    String base = "/cases/" + theCase.id() + "/journey";
    web.postForm(
        base + "/choices",
        Map.of(
            "question",
            "Keep the full date of birth?",
            "dimension",
            "nature",
            "options",
            "full date\nyear only",
            "selected",
            "2"));
    long choice =
        web.fabrique.journeys().list(inquiry.id(), org.fabrique.core.journey.Choice.class).stream()
            .filter(c -> c.question().equals("Keep the full date of birth?"))
            .findFirst()
            .orElseThrow()
            .id()
            .value();
    JsonNode evidence =
        read(
            web.json(
                "POST",
                "/api/journey/evidence",
                "{\"element\":"
                    + choice
                    + ",\"source\":"
                    + note.id()
                    + ",\"start\":23,\"end\":54,\"note\":\"\"}"),
            201);
    assertEquals("we keep the year of birth only.", evidence.get("quote").asText());
    HttpResponse<String> page = web.get("/journey/elements/" + choice);
    assertTrue(page.body().contains("we keep the year of birth only."));
    assertTrue(page.body().contains("/sources/" + note.id() + "?at=23&amp;end=54"));
    HttpResponse<String> document = web.get("/sources/" + note.id());
    assertTrue(document.body().contains("data-evidence-picker"));
    assertTrue(
        web.get("/inquiries/" + inquiry.id() + "/choices?dimension=nature")
            .body()
            .contains("Keep the full date of birth?"));
    assertFalse(
        web.get("/inquiries/" + inquiry.id() + "/choices?dimension=uses")
            .body()
            .contains("Keep the full date of birth?"));
    assertEquals(200, web.get("/inquiries/" + inquiry.id() + "/tensions").statusCode());
    assertEquals(
        200,
        web.get("/inquiries/" + inquiry.id() + "/tensions?lang=fr", "Accept-Language", "fr")
            .statusCode());

    web.postForm(
        base + "/choices",
        Map.of("question", "Publish the code lists?", "dimension", "uses", "options", "yes\nno"));
    String without = web.get("/inquiries/" + inquiry.id() + "/choices?evidence=without").body();
    assertTrue(without.contains("Publish the code lists?"), without);
    assertFalse(without.contains("Keep the full date of birth?"));
    String with = web.get("/inquiries/" + inquiry.id() + "/choices?evidence=with").body();
    assertTrue(with.contains("Keep the full date of birth?"));
    assertFalse(with.contains("Publish the code lists?"));
    String french =
        web.get("/inquiries/" + inquiry.id() + "/choices?lang=fr", "Accept-Language", "fr").body();
    assertTrue(french.contains("sans élément de preuve"), french);
    JsonNode graph = read(web.json("GET", "/api/cases/" + theCase.id() + "/journey", null), 200);
    for (JsonNode node : graph.get("nodes")) {
      if (node.get("id").asLong() == choice) {
        assertEquals(1, node.get("evidence").asLong());
      } else if (node.get("label").asText().equals("Publish the code lists?")) {
        assertEquals(0, node.get("evidence").asLong());
      }
    }
  }

  @Test
  void invalidOpenLineageEventsAreRefusedWithTheSchemaErrorsAndNothingIsImported()
      throws IOException {
    int before = web.fabrique.journeys().elements(inquiry.id()).size();
    String bad =
        "{\"eventTime\":\"2025-01-01T00:00:00Z\",\"run\":{\"runId\":\"x\"},\"job\":{\"namespace\":\"n\",\"name\":\"j\"}}";
    JsonNode problem = read(web.json("POST", "/api/v1/lineage?inquiry=" + inquiry.id(), bad), 400);
    assertTrue(problem.get("errors").size() > 0);
    assertTrue(problem.toString().contains("producer"), problem.toString());
    assertEquals(before, web.fabrique.journeys().elements(inquiry.id()).size());
    read(web.json("POST", "/api/v1/lineage", "{}"), 400);
  }

  @Test
  void eventsSentByTheOfficialOpenLineageClientBecomeObservedInterventions() {
    Inquiry target = web.fabrique.inquiries().create("Lineage", "");
    HttpConfig config = new HttpConfig();
    config.setUrl(URI.create(web.base));
    config.setEndpoint("/api/v1/lineage");
    config.setUrlParams(Map.of("inquiry", Long.toString(target.id().value())));
    OpenLineageClient client =
        OpenLineageClient.builder().transport(new HttpTransport(config)).build();
    OpenLineage ol = new OpenLineage(URI.create("https://example.org/etl"));
    UUID runId = UUID.fromString("3f5e83fa-3480-44ff-99c5-ff943904e5e8");
    OpenLineage.RunEvent start =
        ol.newRunEventBuilder()
            .eventType(OpenLineage.RunEvent.EventType.START)
            .eventTime(ZonedDateTime.parse("2025-03-01T09:00:00Z"))
            .run(ol.newRunBuilder().runId(runId).build())
            .job(ol.newJobBuilder().namespace("cohort").name("harmonise").build())
            .inputs(List.of(ol.newInputDatasetBuilder().namespace("cohort").name("pseudo").build()))
            .outputs(List.of())
            .build();
    OpenLineage.RunEvent complete =
        ol.newRunEventBuilder()
            .eventType(OpenLineage.RunEvent.EventType.COMPLETE)
            .eventTime(ZonedDateTime.parse("2025-03-01T09:20:00Z"))
            .run(ol.newRunBuilder().runId(runId).build())
            .job(ol.newJobBuilder().namespace("cohort").name("harmonise").build())
            .inputs(List.of())
            .outputs(
                List.of(
                    ol.newOutputDatasetBuilder()
                        .namespace("cohort")
                        .name("omop")
                        .facets(
                            ol.newDatasetFacetsBuilder()
                                .schema(
                                    ol.newSchemaDatasetFacetBuilder()
                                        .fields(
                                            List.of(
                                                ol.newSchemaDatasetFacetFieldsBuilder()
                                                    .name("person_id")
                                                    .type("integer")
                                                    .build()))
                                        .build())
                                .build())
                        .build()))
            .build();
    client.emit(start);
    client.emit(complete);

    List<Intervention> interventions =
        web.fabrique.journeys().list(target.id(), Intervention.class);
    assertEquals(1, interventions.size());
    Intervention run = interventions.get(0);
    assertEquals("cohort/harmonise#" + runId, run.externalName());
    assertEquals(1, run.inputs().size());
    assertEquals(1, run.outputs().size());
    assertTrue(run.endedAt().isPresent());
    DataObject omop = web.fabrique.journeys().get(run.outputs().get(0), DataObject.class);
    assertEquals("person_id", omop.fields().get(0).name());
  }
}
