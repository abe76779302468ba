package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The forms that add uses and regulatory acts, and edit the rows of choices and tensions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyFormsWebTest {
  private TestApp web;
  private Inquiry inquiry;
  private Case theCase;
  private String base;

  @BeforeAll
  void start() {
    web = new TestApp();
    inquiry = web.fabrique.inquiries().create("Journey forms", "");
    User user = web.fabrique.users().defaultUser();
    theCase =
        web.fabrique
            .inquiries()
            .createCase(inquiry.id(), user.id(), "Registry reuse", Domain.COHORT, "");
    base = "/cases/" + theCase.id() + "/journey";
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private <T extends JourneyElement> T only(Class<T> type, String label) {
    return web.fabrique.journeys().list(inquiry.id(), type).stream()
        .filter(e -> e.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " " + label));
  }

  private void post(String path, Map<String, String> form) {
    HttpResponse<String> response = web.postForm(path, form);
    assertEquals(303, response.statusCode(), response.body());
  }

  private String page(String path) {
    HttpResponse<String> response = web.get(path);
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private long actor(String pseudonym) {
    post(base + "/actors", Map.of("pseudonym", pseudonym, "type", "person"));
    return only(Actor.class, pseudonym).id().value();
  }

  @Test
  void aRegulatoryActAddedByTheFormKeepsItsTypeDateAndReference() {
    long cnil = actor("CNIL officer");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("label", "Declaration <MR-004>");
    form.put("type", "MR-004");
    form.put("date", "2024-05-02");
    form.put("reference", "2224567 v 0");
    form.put("issuedBy", Long.toString(cnil));
    post(base + "/procedures", form);

    Procedure procedure = only(Procedure.class, "Declaration <MR-004>");
    assertEquals("MR-004", procedure.type());
    assertEquals(Optional.of(LocalDate.of(2024, 5, 2)), procedure.date());
    assertEquals("2224567 v 0", procedure.reference());
    assertEquals(cnil, procedure.issuedBy().orElseThrow().value());
    String element = page("/journey/elements/" + procedure.id());
    assertTrue(element.contains("2224567 v 0"));
    assertTrue(element.contains("Declaration &lt;MR-004&gt;"));
    assertFalse(element.contains("Declaration <MR-004>"));
    assertTrue(page(base).contains("data-add=\"procedure\""));
  }

  @Test
  void theEditFormChangesWhatItSendsAndKeepsTheRest() {
    long chu = actor("CHU data office");
    post(base + "/data-objects", Map.of("label", "Raw cohort", "type", "source-database"));
    post(base + "/data-objects", Map.of("label", "Cohort extract", "type", "dataset"));
    long raw = only(DataObject.class, "Raw cohort").id().value();
    long extract = only(DataObject.class, "Cohort extract").id().value();
    Map<String, String> intervention = new LinkedHashMap<>();
    intervention.put("label", "Extraction");
    intervention.put("type", "extraction");
    intervention.put("inputs", Long.toString(raw));
    intervention.put("outputs", Long.toString(extract));
    intervention.put("startedAt", "2025-01-10T08:00");
    post(base + "/interventions", intervention);
    var added = only(org.fabrique.core.journey.Intervention.class, "Extraction");
    String page = page("/journey/elements/" + added.id());
    assertTrue(page.contains("data-edit-element"), "the edit form has every field");
    assertTrue(page.contains("value=\"2025-01-10T08:00\""), "the start is shown back");
    // an edit that sends only the tool changes the tool and keeps inputs, outputs and times
    post(
        "/journey/elements/" + added.id() + "/edit",
        Map.of("label", "Extraction", "tool", "sql@1"));
    var edited = only(org.fabrique.core.journey.Intervention.class, "Extraction");
    assertEquals("sql@1", edited.tool());
    assertEquals(added.inputs(), edited.inputs());
    assertEquals(added.startedAt(), edited.startedAt());
    // an edit that sends an empty list clears it
    Map<String, String> cleared = new LinkedHashMap<>();
    cleared.put("label", "Extraction");
    cleared.put("outputs", "");
    post("/journey/elements/" + added.id() + "/edit", cleared);
    assertEquals(
        List.of(), only(org.fabrique.core.journey.Intervention.class, "Extraction").outputs());
    // an actor's real name is never shown back, and an empty field keeps it
    post(
        "/journey/elements/" + chu + "/edit",
        Map.of("pseudonym", "CHU data office", "realName", "Dr Secret"));
    String actorPage = page("/journey/elements/" + chu);
    assertFalse(actorPage.contains("Dr Secret"));
    post("/journey/elements/" + chu + "/edit", Map.of("pseudonym", "CHU office", "realName", ""));
    assertEquals(Optional.of("Dr Secret"), only(Actor.class, "CHU office").realName());
  }

  @Test
  void everyKindOfElementHasItsAddFormAndItsPageInBothLanguages() {
    String journey = page(base);
    for (var kind : org.fabrique.core.journey.kind.ElementKinds.all()) {
      assertTrue(journey.contains("data-add=\"" + kind.id() + "\""), kind.id());
    }
    for (JourneyElement element : web.fabrique.journeys().elements(inquiry.id())) {
      for (String lang : List.of("en", "fr")) {
        HttpResponse<String> response =
            web.get("/journey/elements/" + element.id(), "Accept-Language", lang);
        assertEquals(200, response.statusCode(), element.kind().id());
        assertFalse(
            response.body().contains("[journey."), "a message is missing: " + element.kind().id());
      }
    }
  }

  @Test
  void aRegulatoryActOfAnUnknownTypeIsRefusedAndNothingIsAdded() {
    HttpResponse<String> response =
        web.postForm(base + "/procedures", Map.of("label", "Odd act", "type", "MR-999"));
    assertEquals(400, response.statusCode());
    assertTrue(
        web.fabrique.journeys().list(inquiry.id(), Procedure.class).stream()
            .noneMatch(p -> p.label().equals("Odd act")));
  }

  @Test
  void aFormRefusedForSeveralReasonsListsThemAll() {
    HttpResponse<String> response =
        web.postForm(
            base + "/procedures",
            Map.of("label", "Odder act", "type", "MR-999", "issuedBy", "987654321"));
    assertEquals(400, response.statusCode());
    String page = response.body();
    assertTrue(page.contains("class=\"error-problems\""), page);
    assertTrue(page.contains("MR-999"), page);
    assertTrue(page.contains("987654321"), page);
  }

  @Test
  void aUseAddedByTheFormNamesItsPurposeRequesterDataConditionsAndProcedure() {
    long lab = actor("Lab team");
    post(base + "/data-objects", Map.of("label", "Registry extract", "type", "dataset"));
    long extract = only(DataObject.class, "Registry extract").id().value();
    post(base + "/procedures", Map.of("label", "Committee opinion", "type", "cesrees-opinion"));
    long opinion = only(Procedure.class, "Committee opinion").id().value();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("label", "Train a readmission model");
    form.put("purposeTerm", "AcademicResearch");
    form.put("requester", Long.toString(lab));
    form.put("dataUsed", Long.toString(extract));
    form.put("conditions", "DUO:0000021");
    form.put("procedure", Long.toString(opinion));
    post(base + "/uses", form);

    Use use = only(Use.class, "Train a readmission model");
    assertEquals("AcademicResearch", use.purposeTerm());
    assertEquals(lab, use.requester().orElseThrow().value());
    assertEquals(extract, use.dataUsed().get(0).value());
    assertEquals(List.of(new UseCondition("DUO:0000021", "")), use.conditionsRequested());
    assertEquals(opinion, use.procedure().orElseThrow().value());
    String element = page("/journey/elements/" + use.id());
    assertTrue(element.contains("Registry extract"));
    assertTrue(element.contains("Committee opinion"));
    assertTrue(page(base).contains("Train a readmission model"));
  }

  @Test
  void optionsOfAChoiceAreAddedAndRemovedAndTheSelectionFollows() {
    long manager = actor("Data manager");
    post(
        base + "/choices",
        Map.of(
            "question",
            "Which date precision?",
            "dimension",
            "nature",
            "options",
            "full date\nmonth",
            "selected",
            "2"));
    long choice = only(Choice.class, "Which date precision?").id().value();
    String element = "/journey/elements/" + choice;

    post(
        element + "/options",
        Map.of("optionLabel", "year <only>", "proposedBy", Long.toString(manager)));
    Choice added = web.fabrique.journeys().get(new ElementId(choice), Choice.class);
    assertEquals(3, added.options().size());
    assertEquals("year <only>", added.options().get(2).label());
    assertEquals(manager, added.options().get(2).proposedBy().get(0).value());
    assertEquals("month", added.selectedOption().orElseThrow().label());
    String shown = page(element);
    assertTrue(shown.contains("year &lt;only&gt;"));

    post(element + "/options/0/delete", Map.of());
    Choice removed = web.fabrique.journeys().get(added.id(), Choice.class);
    assertEquals(
        List.of("month", "year <only>"),
        removed.options().stream().map(ChoiceOption::label).toList());
    assertEquals("month", removed.selectedOption().orElseThrow().label());
    assertFalse(page(element).contains("full date"));

    post(element + "/options/0/delete", Map.of());
    assertTrue(web.fabrique.journeys().get(added.id(), Choice.class).selected().isEmpty());
    assertEquals(404, web.postForm(element + "/options/5/delete", Map.of()).statusCode());
  }

  @Test
  void aConstraintIsAddedToAChoiceAndRemoved() {
    post(base + "/choices", Map.of("question", "On which basis?", "dimension", "regulation"));
    Choice choice = only(Choice.class, "On which basis?");
    String element = "/journey/elements/" + choice.id();
    post(
        element + "/constraints",
        Map.of("constraintKind", "legal-basis", "constraintTerm", "A6-1-e"));
    Choice constrained = web.fabrique.journeys().get(choice.id(), Choice.class);
    assertEquals("A6-1-e", constrained.constraints().get(0).term());
    assertEquals(
        400,
        web.postForm(
                element + "/constraints",
                Map.of("constraintKind", "legal-basis", "constraintTerm", "no-such-basis"))
            .statusCode());
    post(element + "/constraints/0/delete", Map.of());
    assertTrue(web.fabrique.journeys().get(choice.id(), Choice.class).constraints().isEmpty());
  }

  @Test
  void aPositionIsAddedToATensionWithItsArgumentAndRemoved() {
    long clinician = actor("Clinician");
    post(base + "/tensions", Map.of("label", "Keep free-text notes?"));
    Tension tension = only(Tension.class, "Keep free-text notes?");
    String element = "/journey/elements/" + tension.id();
    post(
        element + "/positions",
        Map.of(
            "positionActor",
            Long.toString(clinician),
            "positionStance",
            "keep them",
            "positionArgument",
            "the notes carry the context"));

    Tension changed = web.fabrique.journeys().get(tension.id(), Tension.class);
    assertEquals(1, changed.positions().size());
    assertEquals(clinician, changed.positions().get(0).actor().value());
    assertEquals("the notes carry the context", changed.positions().get(0).argument());
    assertTrue(page(element).contains("the notes carry the context"));

    post(element + "/positions/0/delete", Map.of());
    assertTrue(web.fabrique.journeys().get(tension.id(), Tension.class).positions().isEmpty());
  }
}
