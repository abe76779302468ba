package org.fabrique.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.fabrique.web.TestApp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.redaction.Redaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The pseudonymisation page beside a document, and purge and withdrawal after a confirmation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedactionPagesTest {
  private TestApp web;

  @BeforeAll
  void start() {
    web = new TestApp();
  }

  @AfterAll
  void stop() {
    web.close();
  }

  @Test
  void suggestionsAreListedAndDecidedOneByOneOrByRule() {
    Inquiry inquiry = web.fabrique.inquiries().create("Pseudonymes", "");
    Source source =
        TestSources.importText(
            web,
            inquiry,
            "entretien.txt",
            "Mme Zoltravinska est suivie au CHU de Rennes. Mme Zoltravinska a 93 ans.\n");
    String page = "/sources/" + source.id() + "/redactions";
    HttpResponse<String> empty = web.get(page, "Accept-Language", "fr");
    assertEquals(200, empty.statusCode());
    assertTrue(empty.body().contains("Chercher les identifiants"), empty.body());

    HttpResponse<String> suggested = web.postForm(page + "/suggest", form());
    assertEquals(303, suggested.statusCode(), suggested.body());
    HttpResponse<String> listed = web.get(page);
    assertTrue(listed.body().contains("Zoltravinska"), listed.body());
    assertTrue(listed.body().contains("hospital or clinic name"), listed.body());
    assertTrue(listed.body().contains("/static/redaction.js"));

    var redactions = web.fabrique.redactions().list(inquiry.id(), Optional.of(source.id()));
    Redaction hospital =
        redactions.stream()
            .filter(r -> r.category().id().equals("hospital"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        303, web.postForm("/redactions/" + hospital.id() + "/reject", form()).statusCode());
    assertEquals(Redaction.Status.REJECTED, web.fabrique.redactions().get(hospital.id()).status());

    HttpResponse<String> rule =
        web.postForm(
            page + "/rule",
            form("value", "Zoltravinska", "category", "person", "decision", "accept"));
    assertEquals(303, rule.statusCode(), rule.body());
    long accepted =
        web.fabrique.redactions().list(inquiry.id(), Optional.of(source.id())).stream()
            .filter(r -> r.status() == Redaction.Status.ACCEPTED)
            .filter(r -> web.fabrique.redactions().passage(r).contains("Zoltravinska"))
            .count();
    assertEquals(2, accepted);

    assertEquals(
        400, web.postForm(page + "/rule", form("value", "x", "category", "nonsense")).statusCode());
  }

  @Test
  void aFileAlreadyImportedIsLeftOutUnlessTheFormSaysToImportItAgain() {
    Inquiry inquiry = web.fabrique.inquiries().create("Doublons", "");
    String path = "/api/inquiries/" + inquiry.id() + "/sources";
    var file = java.util.Map.of("entretien.txt", "Le même entretien.\n".getBytes(UTF_8));
    assertEquals(201, web.upload(path, file, java.util.Map.of()).statusCode());
    HttpResponse<String> again = web.upload(path, file, java.util.Map.of());
    assertEquals(200, again.statusCode(), again.body());
    assertTrue(again.body().contains("already imported as source"), again.body());
    assertEquals(1, web.fabrique.corpus().list(inquiry.id()).size());
    HttpResponse<String> anyway =
        web.upload(path, file, java.util.Map.of("allowDuplicates", "yes"));
    assertEquals(201, anyway.statusCode(), anyway.body());
    assertEquals(2, web.fabrique.corpus().list(inquiry.id()).size());
    assertTrue(
        web.get("/inquiries/" + inquiry.id() + "/sources").body().contains("allowDuplicates"));
  }

  @Test
  void aSourceIsPurgedAndACaseWithdrawnOnlyOnceConfirmed() {
    Inquiry inquiry = web.fabrique.inquiries().create("Retrait", "");
    Source kept = TestSources.importText(web, inquiry, "garde.txt", "Reste là.\n");
    Source source = TestSources.importText(web, inquiry, "retire.txt", "À effacer.\n");
    HttpResponse<String> confirm = web.get("/sources/" + source.id() + "/purge");
    assertEquals(200, confirm.statusCode());
    assertTrue(confirm.body().contains("cannot be undone"), confirm.body());
    assertTrue(confirm.body().contains("retire"), confirm.body());

    assertEquals(400, web.postForm("/sources/" + source.id() + "/purge", form()).statusCode());
    assertEquals(2, web.fabrique.corpus().list(inquiry.id()).size());
    HttpResponse<String> purged =
        web.postForm("/sources/" + source.id() + "/purge", form("confirm", "yes"));
    assertEquals(303, purged.statusCode(), purged.body());
    assertEquals(
        java.util.List.of(kept.id()),
        web.fabrique.corpus().list(inquiry.id()).stream().map(Source::id).toList());

    Case participant =
        web.fabrique
            .inquiries()
            .createCase(
                inquiry.id(), web.fabrique.users().defaultUser().id(), "P07", Domain.OTHER, "");
    HttpResponse<String> withdraw =
        web.get("/cases/" + participant.id() + "/withdraw", "Accept-Language", "fr");
    assertEquals(200, withdraw.statusCode());
    assertTrue(withdraw.body().contains("Retirer un participant"), withdraw.body());
    assertFalse(withdraw.body().contains("Retirer et effacer"), withdraw.body());
  }

  @Test
  void aParticipantIsWithdrawnByAnAttributeAfterSeeingWhatWillBeErased() {
    Inquiry inquiry = web.fabrique.inquiries().create("Retrait par attribut", "");
    var user = web.fabrique.users().defaultUser().id();
    var attribute =
        web.fabrique
            .attributes()
            .define(
                inquiry.id(),
                user,
                "participant",
                org.fabrique.core.attribute.AttributeType.TEXT,
                org.fabrique.core.attribute.AttributeScope.CASE,
                "");
    Case p07 = web.fabrique.inquiries().createCase(inquiry.id(), user, "Cas A", Domain.OTHER, "");
    Case p08 = web.fabrique.inquiries().createCase(inquiry.id(), user, "Cas B", Domain.OTHER, "");
    web.fabrique.attributes().setValue(user, attribute.id(), p07.id().value(), "P07");
    web.fabrique.attributes().setValue(user, attribute.id(), p08.id().value(), "P08");
    importInCase(inquiry, "entretien-a.txt", "Premier.\n", p07);
    importInCase(inquiry, "entretien-b.txt", "Second.\n", p07);
    Source other = importInCase(inquiry, "entretien-c.txt", "Autre.\n", p08);

    String attributes =
        web.get("/inquiries/" + inquiry.id() + "/attributes", "Accept-Language", "fr").body();
    assertTrue(attributes.contains("Retirer un participant par un attribut"), attributes);
    String withdraw = "/inquiries/" + inquiry.id() + "/withdraw";
    HttpResponse<String> confirm =
        web.get(
            withdraw + "?attribute=" + attribute.id().value() + "&value=p07",
            "Accept-Language",
            "fr");
    assertEquals(200, confirm.statusCode(), confirm.body());
    assertTrue(confirm.body().contains("data-purge-count=\"2\""), confirm.body());
    assertTrue(confirm.body().contains("entretien-a"), confirm.body());
    assertFalse(confirm.body().contains("entretien-c"), confirm.body());
    assertTrue(confirm.body().contains("Retirer et effacer"), confirm.body());

    String id = Long.toString(attribute.id().value());
    HttpResponse<String> unconfirmed =
        web.postForm(withdraw, form("attribute", id, "value", "P07"));
    assertEquals(400, unconfirmed.statusCode());
    assertEquals(3, web.fabrique.corpus().list(inquiry.id()).size());
    HttpResponse<String> nobody =
        web.postForm(
            withdraw,
            form("attribute", id, "value", "P99", "confirm", "yes"),
            "Accept-Language",
            "fr");
    assertEquals(400, nobody.statusCode());
    assertTrue(nobody.body().contains("Aucune source n’a la valeur P99"), nobody.body());
    assertEquals(400, web.get(withdraw + "?value=P07").statusCode());
    assertEquals(404, web.get(withdraw + "?attribute=999999&value=P07").statusCode());

    HttpResponse<String> done =
        web.postForm(withdraw, form("attribute", id, "value", "P07", "confirm", "yes"));
    assertEquals(303, done.statusCode(), done.body());
    assertEquals(
        java.util.List.of(other.id()),
        web.fabrique.corpus().list(inquiry.id()).stream().map(Source::id).toList());
    assertTrue(
        web
            .fabrique
            .audit()
            .list(org.fabrique.core.audit.AuditQuery.recent(20).in(inquiry.id()))
            .stream()
            .anyMatch(e -> e.action() == org.fabrique.core.audit.AuditAction.PURGE),
        "the withdrawal is in the audit log");
  }

  private Source importInCase(Inquiry inquiry, String name, String text, Case theCase) {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile(web.dataDir, "source", ".txt");
      java.nio.file.Files.writeString(file, text, UTF_8);
      return web.fabrique
          .corpus()
          .importFile(
              inquiry.id(),
              web.fabrique.users().defaultUser().id(),
              org.fabrique.core.corpus.ImportRequest.of(name, file).withCase(theCase.id()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
