package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journey elements, which REFI-QDA cannot hold, travel as notes linked to their evidence. */
class JourneyNotesTest {
  @TempDir Path folder;

  @Test
  void anInquiryWhoseOnlyJourneyElementIsSecretSaysSoInTheReport() throws IOException {
    TestWorkbench bench = new TestWorkbench(folder);
    var fabrique = bench.fabrique;
    InquiryId inquiry = fabrique.inquiries().create("Secret journeys", "").id();
    var journeys = fabrique.journeys();
    journeys.create(
        bench.user.id(),
        new Actor(
            new ElementHeader(
                journeys.newId(),
                inquiry,
                Optional.empty(),
                "Linkage key holder",
                "",
                KnownBy.DECLARED,
                Confidentiality.SECRET),
            ActorType.PERSON,
            Optional.empty()));

    Path exported = folder.resolve("secret.qdpx");
    var report = fabrique.qda().exportProject(inquiry, exported, ImportProgress.NONE);

    Schemas.checkProject(exported);
    assertFalse(ExportRoundTripTest.qde(exported).contains("Linkage key holder"));
    assertTrue(
        report.problems(Problem.Severity.ERROR).stream()
            .anyMatch(p -> p.message().equals("1 secret journey element(s) were not exported")),
        report.problems().toString());
  }

  @Test
  void aJourneyElementBecomesANoteLinkedToItsEvidenceWithoutItsRealName() throws IOException {
    TestWorkbench bench = new TestWorkbench(folder);
    var fabrique = bench.fabrique;
    InquiryId inquiry = fabrique.inquiries().create("Journeys", "").id();
    Path file =
        Files.writeString(folder.resolve("notes.txt"), "The data manager chose to pseudonymise.");
    var source =
        fabrique.corpus().importFile(inquiry, bench.user.id(), ImportRequest.of("notes.txt", file));
    var code =
        fabrique
            .coding()
            .createCode(inquiry, bench.user.id(), CodingService.NewCode.named("Choices"));
    var span = fabrique.coding().code(bench.user.id(), source.id(), 4, 16, code.id());
    var journeys = fabrique.journeys();
    Actor actor =
        new Actor(
            new ElementHeader(
                journeys.newId(),
                inquiry,
                Optional.empty(),
                "Data manager",
                "Keeps the registry",
                KnownBy.DECLARED,
                Confidentiality.INTERNAL),
            ActorType.PERSON,
            Optional.of("Jeanne Secret-Name"));
    journeys.create(bench.user.id(), actor);
    journeys.addEvidence(
        bench.user.id(), actor.id(), source.id(), Optional.of(new Span(4, 16)), "");

    Path exported = folder.resolve("journeys.qdpx");
    var report = fabrique.qda().exportProject(inquiry, exported, ImportProgress.NONE);
    Schemas.checkProject(exported);
    String qde = ExportRoundTripTest.qde(exported);
    assertTrue(qde.contains("name=\"actor: Data manager\""), qde);
    assertFalse(qde.contains("Secret-Name"), "an actor's real name never leaves");
    assertEquals(1, report.counts().get("journey notes"));
    assertTrue(
        report.problems(Problem.Severity.WARNING).stream()
            .anyMatch(p -> p.message().contains("journey element (actor)")));

    assertTrue(
        Files.readString(
                org.fabrique.core.exchange.QdaExchange.reportPath(exported), StandardCharsets.UTF_8)
            .contains("journey element"));
    var back =
        fabrique
            .qda()
            .importProject(exported, Optional.empty(), bench.user.id(), ImportProgress.NONE);
    assertTrue(
        Snapshot.of(fabrique, back.inquiryId()).memos().stream()
            .anyMatch(
                m -> m.startsWith("segment notes[4,16): actor: Data manager | Keeps the registry")),
        () -> Snapshot.of(fabrique, back.inquiryId()).memos().toString());
    assertTrue(span.segmentId().value() > 0);
  }
}
