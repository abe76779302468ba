package org.fabrique.bench.journey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.IntSupplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Span;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.query.CaseDossier;
import org.fabrique.core.journey.query.JourneyQuery;
import org.fabrique.core.journey.query.JourneyRow;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.user.User;
import org.fabrique.formats.dossier.DossierWriter;

/**
 * Journey queries with their quotes over 10,000 choices and 50,000 pieces of evidence, and the PDF
 * dossier of a case of about 40 pages, on the embedded SQLite store (issue 14).
 *
 * <p>The inquiry has three cases (cohort, genomics, AI model), 300 interview texts of about 10,000
 * characters, 300 actors of every category, 10,000 choices on random dimensions decided by one or
 * two actors, 2,000 tensions about them with two positions each, and five passages of evidence per
 * choice. A fourth case, for the dossier, has 11 interventions in a chain of datasets, 22 choices
 * about them, 4 tensions, each with two or three quotes: about 40 pages.
 *
 * <p>Run: {@code ./mvnw -q -pl fabrique-bench -am package -DskipTests && java -cp
 * fabrique-bench/target/fabrique-bench.jar org.fabrique.bench.journey.JourneyQueryBenchmark [work
 * dir]}
 */
public final class JourneyQueryBenchmark {
  private static final int SOURCES = 300;
  private static final int ACTORS = 300;
  private static final int CHOICES = 10_000;
  private static final int TENSIONS = 2_000;
  private static final int EVIDENCE_PER_CHOICE = 5;
  private static final int RUNS = 20;
  private static final int DOSSIER_STEPS = 11;
  private static final List<String> CATEGORIES =
      List.of(
          "researcher",
          "clinician",
          "data-manager",
          "statistician",
          "bioinformatician",
          "data-scientist",
          "data-protection-officer",
          "lawyer",
          "ethics-committee",
          "data-access-committee",
          "regulator",
          "patient-association",
          "company",
          "funder",
          "software");
  private static final String[] WORDS =
      ("données cohorte consentement pseudonymisation the data were released to the consortium"
              + " after a long discussion with the committee about réidentification risk and the"
              + " year of birth comité accès extraction variables modèle entraînement")
          .split(" ");

  private JourneyQueryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fabrique-bench");
    long seed = Long.getLong("fabrique.seed", 42L);
    Random random = new Random(seed);
    System.out.println("Journey query benchmark, seed " + seed + ", work dir " + work);
    try (Workbench workbench = Workbench.embedded(work.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      User user = fabrique.users().defaultUser();
      Inquiry inquiry = fabrique.inquiries().create("Journey queries at scale", "");
      List<Case> cases = new ArrayList<>();
      for (Domain domain : List.of(Domain.COHORT, Domain.GENOMICS, Domain.AI_MODEL)) {
        cases.add(
            fabrique
                .inquiries()
                .createCase(inquiry.id(), user.id(), "Case " + domain.id(), domain, ""));
      }
      long t0 = System.nanoTime();
      List<Source> sources = sources(fabrique, inquiry, user, work, random);
      List<PlainText> texts = new ArrayList<>();
      for (Source source : sources) {
        texts.add(fabrique.corpus().text(source.id()));
      }
      System.out.printf(
          Locale.ROOT,
          "%d sources imported in %.1f s%n",
          sources.size(),
          (System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();
      int evidence = populate(fabrique, inquiry, user, cases, sources, texts, random);
      System.out.printf(
          Locale.ROOT,
          "%,d choices, %,d tensions, %,d actors, %,d pieces of evidence written in %.1f s%n",
          CHOICES,
          TENSIONS,
          ACTORS,
          evidence,
          (System.nanoTime() - t1) / 1e9);

      var queries = fabrique.journeys().queries();
      JourneyQuery question =
          JourneyQuery.parse(
              Map.of(
                  "kind", List.of("choice"),
                  "domain", List.of("genomics"),
                  "dimension", List.of("regulation"),
                  "role", List.of("decided"),
                  "not-actor-category", List.of("lawyer,ethics-committee,data-access-committee"),
                  "evidence", List.of("with")));
      measure(
          "Genomics choices about regulation not decided by lawyers or committees, with evidence",
          () -> queries.run(inquiry.id(), question).size());
      JourneyQuery everything =
          JourneyQuery.parse(Map.of("kind", List.of("choice"), "evidence", List.of("with")));
      measure(
          "Every choice with its evidence (10,000 rows, 50,000 quotes)",
          () -> {
            List<JourneyRow> rows = queries.run(inquiry.id(), everything);
            return rows.stream().mapToInt(r -> r.quotes().size()).sum();
          });
      measure(
          "Counts by domain and actor category",
          () ->
              queries
                  .counts(
                      inquiry.id(),
                      JourneyQuery.parse(
                          Map.of("kind", List.of("choice"), "role", List.of("decided"))),
                      org.fabrique.core.analysis.JourneyAnalytics.Across.DOMAINS)
                  .rows()
                  .size());
      measure(
          "Evidence passages of the choices about uses (filter of the coding tools)",
          () ->
              queries
                  .evidence(inquiry.id(), JourneyQuery.parse(Map.of("dimension", List.of("uses"))))
                  .size());

      Case dossierCase = dossierCase(fabrique, inquiry, user, sources, texts, random);
      DossierWriter writer = new DossierWriter();
      int[] pages = new int[1];
      measure(
          "Dossier of a case as PDF (build, lay out, write)",
          () -> {
            CaseDossier dossier =
                fabrique
                    .journeys()
                    .dossiers()
                    .build(
                        dossierCase.id(),
                        fabrique.redactions().scope(inquiry.id(), ExportProfile.TEAM),
                        Locale.ENGLISH);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.pdf(dossier, out);
            try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
              pages[0] = document.getNumberOfPages();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
            return pages[0];
          },
          5);
      System.out.println("The dossier has " + pages[0] + " pages");
    }
  }

  private static List<Source> sources(
      Fabrique fabrique, Inquiry inquiry, User user, Path work, Random random) throws IOException {
    Path folder = Files.createDirectories(work.resolve("interviews"));
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < SOURCES; i++) {
      StringBuilder text = new StringBuilder();
      while (text.length() < 10_000) {
        text.append(i % 2 == 0 ? "Enquêtrice : " : "Informant : ");
        for (int w = 0; w < 30; w++) {
          text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        text.append(".\n");
      }
      Path file = folder.resolve("interview-" + i + ".txt");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      sources.add(
          fabrique
              .corpus()
              .importFile(inquiry.id(), user.id(), ImportRequest.of("Interview " + i, file)));
    }
    return sources;
  }

  private static int populate(
      Fabrique fabrique,
      Inquiry inquiry,
      User user,
      List<Case> cases,
      List<Source> sources,
      List<PlainText> texts,
      Random random) {
    List<ElementId> actors = new ArrayList<>();
    fabrique
        .journeys()
        .batch(
            inquiry.id(),
            user.id(),
            "Actors",
            batch -> {
              for (int i = 0; i < ACTORS; i++) {
                Case theCase = cases.get(i % cases.size());
                Actor actor =
                    new Actor(
                            ElementHeader.of(batch.newId(), inquiry.id(), theCase.id(), "A" + i),
                            ActorType.PERSON,
                            Optional.empty())
                        .withCategory(CATEGORIES.get(i % CATEGORIES.size()), "Institution " + i);
                actors.add(batch.create(actor).id());
              }
              return null;
            });
    List<ElementId> choices = new ArrayList<>();
    int[] evidence = new int[1];
    int perBatch = 500;
    for (int from = 0; from < CHOICES; from += perBatch) {
      int start = from;
      fabrique
          .journeys()
          .batch(
              inquiry.id(),
              user.id(),
              "Choices " + start,
              batch -> {
                for (int i = start; i < start + perBatch; i++) {
                  Case theCase = cases.get(i % cases.size());
                  Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
                  dimensions.add(Dimension.values()[random.nextInt(4)]);
                  if (random.nextBoolean()) {
                    dimensions.add(Dimension.values()[random.nextInt(4)]);
                  }
                  ElementId decider = actors.get(random.nextInt(actors.size()));
                  Choice choice =
                      Choice.of(
                              ElementHeader.of(
                                  batch.newId(), inquiry.id(), theCase.id(), "Choice " + i),
                              dimensions,
                              List.of())
                          .decided(
                              List.of(
                                  new ChoiceOption("keep", List.of()),
                                  new ChoiceOption("drop", List.of(decider))),
                              1,
                              "Rationale of choice " + i,
                              "consensus",
                              List.of(decider),
                              Optional.of(LocalDate.of(2025, 1 + i % 12, 1 + i % 28)));
                  batch.create(choice);
                  choices.add(choice.id());
                  for (int e = 0; e < EVIDENCE_PER_CHOICE; e++) {
                    evidence[0]++;
                    addEvidence(batch, inquiry, choice.ref(), sources, texts, random);
                  }
                }
                return null;
              });
    }
    fabrique
        .journeys()
        .batch(
            inquiry.id(),
            user.id(),
            "Tensions",
            batch -> {
              for (int i = 0; i < TENSIONS; i++) {
                ElementId about = choices.get(random.nextInt(choices.size()));
                Case theCase = cases.get(i % cases.size());
                batch.create(
                    Tension.open(
                            ElementHeader.of(
                                batch.newId(), inquiry.id(), theCase.id(), "Tension " + i),
                            List.of(about),
                            "utility-privacy",
                            List.of(
                                new Position(
                                    actors.get(random.nextInt(actors.size())), "for", "utility"),
                                new Position(
                                    actors.get(random.nextInt(actors.size())),
                                    "against",
                                    "privacy")))
                        .resolved("negotiation", "Resolution " + i, Optional.empty()));
              }
              return null;
            });
    return evidence[0];
  }

  private static void addEvidence(
      org.fabrique.core.journey.JourneyBatch batch,
      Inquiry inquiry,
      org.fabrique.core.memo.ItemRef element,
      List<Source> sources,
      List<PlainText> texts,
      Random random) {
    int s = random.nextInt(sources.size());
    PlainText text = texts.get(s);
    int length = text.length();
    int start = random.nextInt(Math.max(1, length - 300));
    int end = Math.min(length, start + 80 + random.nextInt(200));
    batch.addEvidence(
        new Evidence(
            batch.newId(),
            inquiry.id(),
            element,
            sources.get(s).id(),
            Optional.of(new Span(start, end)),
            text.substring(start, end),
            Optional.empty(),
            "",
            sources.get(s).confidentiality()));
  }

  /** A case whose dossier runs to about 40 pages. */
  private static Case dossierCase(
      Fabrique fabrique,
      Inquiry inquiry,
      User user,
      List<Source> sources,
      List<PlainText> texts,
      Random random) {
    Case theCase =
        fabrique
            .inquiries()
            .createCase(inquiry.id(), user.id(), "Dossier case", Domain.AI_MODEL, "");
    fabrique
        .journeys()
        .batch(
            inquiry.id(),
            user.id(),
            "Dossier case",
            batch -> {
              List<ElementId> actors = new ArrayList<>();
              for (int i = 0; i < 12; i++) {
                actors.add(
                    batch
                        .create(
                            new Actor(
                                    ElementHeader.of(
                                        batch.newId(), inquiry.id(), theCase.id(), "D" + i),
                                    ActorType.PERSON,
                                    Optional.empty())
                                .withCategory(CATEGORIES.get(i), "Institution " + i))
                        .id());
              }
              ElementId data =
                  batch
                      .create(
                          DataObject.of(
                              ElementHeader.of(
                                  batch.newId(), inquiry.id(), theCase.id(), "Source database"),
                              DataObjectType.SOURCE_DATABASE))
                      .id();
              for (int i = 0; i < DOSSIER_STEPS; i++) {
                ElementId next =
                    batch
                        .create(
                            DataObject.of(
                                ElementHeader.of(
                                    batch.newId(), inquiry.id(), theCase.id(), "Dataset " + i),
                                DataObjectType.DATASET))
                        .id();
                Intervention step =
                    batch.create(
                        Intervention.of(
                            ElementHeader.of(
                                batch.newId(), inquiry.id(), theCase.id(), "Step " + i),
                            "cleaning",
                            List.of(data),
                            List.of(next)));
                for (int q = 0; q < 2; q++) {
                  addEvidence(batch, inquiry, step.ref(), sources, texts, random);
                }
                for (int c = 0; c < 2; c++) {
                  ElementId decider = actors.get(random.nextInt(actors.size()));
                  Choice choice =
                      batch.create(
                          Choice.of(
                                  ElementHeader.of(
                                      batch.newId(),
                                      inquiry.id(),
                                      theCase.id(),
                                      "Choice " + i + "." + c + " about the variables kept"),
                                  Set.of(Dimension.values()[random.nextInt(4)]),
                                  List.of(step.id()))
                              .decided(
                                  List.of(
                                      new ChoiceOption("keep the exact value", List.of()),
                                      new ChoiceOption("generalise", List.of(decider))),
                                  1,
                                  "Because the committee asked for it and the risk of"
                                      + " re-identification was judged too high for this release.",
                                  "consensus",
                                  List.of(decider),
                                  Optional.of(LocalDate.of(2025, 1 + i % 12, 1 + c))));
                  for (int q = 0; q < 3; q++) {
                    addEvidence(batch, inquiry, choice.ref(), sources, texts, random);
                  }
                  if (c == 0 && i % 3 == 0) {
                    batch.create(
                        Tension.open(
                                ElementHeader.of(
                                    batch.newId(), inquiry.id(), theCase.id(), "Tension " + i),
                                List.of(choice.id()),
                                "utility-privacy",
                                List.of(
                                    new Position(actors.get(0), "keep", "the model needs it"),
                                    new Position(actors.get(1), "generalise", "privacy first")))
                            .resolved("negotiation", "Generalised to the year", Optional.empty()));
                  }
                }
                data = next;
              }
              return null;
            });
    return theCase;
  }

  private static void measure(String name, IntSupplier work) {
    measure(name, work, RUNS);
  }

  private static void measure(String name, IntSupplier work, int runs) {
    long first = System.nanoTime();
    int size = work.getAsInt();
    double cold = (System.nanoTime() - first) / 1e6;
    for (int i = 0; i < 2; i++) {
      work.getAsInt();
    }
    long[] times = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      size = work.getAsInt();
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    System.out.printf(
        Locale.ROOT,
        "%s: %,d found; first run %.0f ms; warm p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)%n",
        name,
        size,
        cold,
        times[runs / 2] / 1e6,
        times[Math.min(runs - 1, runs * 95 / 100)] / 1e6,
        times[runs - 1] / 1e6,
        runs);
  }
}
