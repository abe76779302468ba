package org.fabrique.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService.NewCode;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.user.User;

/**
 * The demo inquiry, written for the project with synthetic people and places: a population cohort
 * whose data are reused by a company to train a cardiovascular risk model. Field notes, two
 * interview transcripts and a document; a codebook built around the four dimensions; codings by two
 * coders, who agree on some passages and not on others.
 */
public final class DemoInquiry {
  /** The name of the demo inquiry; loading is skipped when an inquiry of this name exists. */
  public static final String NAME = "Horizon cohort: from research data to an AI model";

  private final Fabrique fabrique;

  public DemoInquiry(Fabrique fabrique) {
    this.fabrique = fabrique;
  }

  /** Loads the demo inquiry unless it is already there; returns it. */
  public Inquiry load() {
    Optional<Inquiry> existing =
        fabrique.inquiries().list().stream().filter(i -> i.name().equals(NAME)).findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    User researcher = fabrique.users().defaultUser();
    User camille = fabrique.users().ensure("camille", "Camille (second coder)");
    Inquiry inquiry =
        fabrique
            .inquiries()
            .create(
                NAME,
                "How a population cohort's data were made reusable for training a commercial"
                    + " cardiovascular risk model: the choices on the nature of the data, the"
                    + " knowledge they can deliver, their uses and the rules they fall under.");
    Case extract =
        fabrique
            .inquiries()
            .createCase(
                inquiry.id(),
                researcher.id(),
                "Horizon extract for the Predicta risk model",
                Domain.AI_MODEL,
                "A pseudonymised extract of the Horizon cohort released to a start-up to train a"
                    + " cardiovascular risk model.");
    Case linkage =
        fabrique
            .inquiries()
            .createCase(
                inquiry.id(),
                researcher.id(),
                "Horizon and national claims linkage request",
                Domain.CLAIMS,
                "A request to link the cohort with national health insurance claims.");
    SourceAttributes sourceAttributes = defineAttributes(inquiry, researcher, extract, linkage);
    Map<String, Code> codes = codebook(inquiry, researcher);
    Map<String, Source> sources =
        sources(inquiry, researcher, extract, sourceAttributes, "sources.tsv");
    code(codes, sources, Map.of(researcher.login(), researcher, camille.login(), camille));
    memos(inquiry, researcher, codes, sources);
    new HorizonExtractJourney(new JourneyWriter(fabrique, inquiry, researcher, extract, sources))
        .write();
    new ClaimsLinkageJourney(new JourneyWriter(fabrique, inquiry, researcher, linkage, sources))
        .write();
    Case biobank =
        newCase(
            inquiry,
            researcher,
            "Biobank genomes for a rare-disease consortium",
            Domain.GENOMICS,
            "Whole genomes of a biobank's participants released to a research consortium.");
    Map<String, Source> biobankSources =
        sources(inquiry, researcher, biobank, sourceAttributes, "biobank.sources.tsv");
    new BiobankSequencingJourney(
            new JourneyWriter(fabrique, inquiry, researcher, biobank, biobankSources))
        .write();
    Case cohort =
        newCase(
            inquiry,
            researcher,
            "Lumière cohort extract for an external team",
            Domain.COHORT,
            "A population cohort's data access committee and data manager prepare an extract.");
    Map<String, Source> cohortSources =
        sources(inquiry, researcher, cohort, sourceAttributes, "cohort.sources.tsv");
    new CohortAccessJourney(new JourneyWriter(fabrique, inquiry, researcher, cohort, cohortSources))
        .write();
    return inquiry;
  }

  private Case newCase(Inquiry inquiry, User user, String name, Domain domain, String description) {
    return fabrique.inquiries().createCase(inquiry.id(), user.id(), name, domain, description);
  }

  private SourceAttributes defineAttributes(
      Inquiry inquiry, User user, Case extract, Case linkage) {
    var attributes = fabrique.attributes();
    AttributeDefinition participants =
        attributes.define(
            inquiry.id(),
            user.id(),
            "Participants",
            AttributeType.INTEGER,
            AttributeScope.CASE,
            "Number of people whose data are concerned");
    AttributeDefinition commercial =
        attributes.define(
            inquiry.id(),
            user.id(),
            "Commercial recipient",
            AttributeType.BOOLEAN,
            AttributeScope.CASE,
            "Whether a company receives the data");
    AttributeDefinition role =
        attributes.define(
            inquiry.id(),
            user.id(),
            "Informant role",
            AttributeType.TEXT,
            AttributeScope.SOURCE,
            "The role of the person interviewed or observed");
    AttributeDefinition minutes =
        attributes.define(
            inquiry.id(),
            user.id(),
            "Duration (minutes)",
            AttributeType.INTEGER,
            AttributeScope.SOURCE,
            "Length of the interview or observation");
    attributes.setValue(user.id(), participants.id(), extract.id().value(), "40000");
    attributes.setValue(user.id(), commercial.id(), extract.id().value(), "true");
    attributes.setValue(user.id(), participants.id(), linkage.id().value(), "40000");
    attributes.setValue(user.id(), commercial.id(), linkage.id().value(), "false");
    return new SourceAttributes(role, minutes);
  }

  private record SourceAttributes(AttributeDefinition role, AttributeDefinition minutes) {}

  private Map<String, Code> codebook(Inquiry inquiry, User user) {
    Map<String, Code> byPath = new HashMap<>();
    for (String[] row : DemoFiles.rows("codebook.tsv", 4)) {
      String path = row[0];
      int slash = path.lastIndexOf('/');
      NewCode request =
          NewCode.named(path.substring(slash + 1)).coloured(row[1]).describedAs(row[3]);
      if (slash > 0) {
        request = request.under(byPath.get(path.substring(0, slash)).id());
      }
      if (row[2].equals("no")) {
        request = request.groupingOnly();
      }
      byPath.put(path, fabrique.coding().createCode(inquiry.id(), user.id(), request));
    }
    return byPath;
  }

  /** The field material, listed in {@code sources.tsv}. */
  private record DemoSource(
      String file, String title, SourceKind kind, LocalDate date, String role, int minutes) {
    static DemoSource of(String[] row) {
      return new DemoSource(
          row[0],
          row[1],
          SourceKind.fromId(row[2])
              .orElseThrow(() -> new IllegalStateException("Bad demo source kind " + row[2])),
          LocalDate.parse(row[3]),
          row[4],
          Integer.parseInt(row[5]));
    }
  }

  /** The field material of a case, listed in a resource such as {@code sources.tsv}. */
  private Map<String, Source> sources(
      Inquiry inquiry, User user, Case theCase, SourceAttributes attributes, String list) {
    Map<String, Source> byFile = new HashMap<>();
    Path folder;
    try {
      folder = Files.createTempDirectory("fabrique-demo");
    } catch (IOException e) {
      throw new StorageException("Could not prepare the demo files", e);
    }
    try {
      for (DemoSource demo : DemoFiles.rows(list, 6).stream().map(DemoSource::of).toList()) {
        Path file = folder.resolve(demo.file());
        try (InputStream in = DemoFiles.open(demo.file())) {
          Files.copy(in, file);
        }
        ImportRequest request =
            new ImportRequest(
                demo.file(),
                file,
                Optional.of(demo.title()),
                Optional.of(demo.kind()),
                Optional.of(demo.date()),
                Optional.empty(),
                Optional.of(theCase.id()),
                Confidentiality.CONFIDENTIAL);
        Source source = fabrique.corpus().importFile(inquiry.id(), user.id(), request);
        fabrique
            .attributes()
            .setValue(user.id(), attributes.role().id(), source.id().value(), demo.role());
        if (demo.minutes() > 0) {
          fabrique
              .attributes()
              .setValue(
                  user.id(),
                  attributes.minutes().id(),
                  source.id().value(),
                  Integer.toString(demo.minutes()));
        }
        byFile.put(demo.file(), source);
        Files.delete(file);
      }
      Files.delete(folder);
    } catch (IOException e) {
      throw new StorageException("Could not prepare the demo files", e);
    }
    return byFile;
  }

  private void code(
      Map<String, Code> codes, Map<String, Source> sources, Map<String, User> coders) {
    for (String[] row : DemoFiles.rows("codings.tsv", 4)) {
      Source source = sources.get(row[0]);
      PlainText text = fabrique.corpus().text(source.id());
      int[] span = DemoFiles.find(text, row[3].replace("\\n", "\n"), row[0]);
      Code code = codes.get(row[2]);
      if (code == null) {
        throw new IllegalStateException("The demo codes with an unknown code: " + row[2]);
      }
      fabrique.coding().code(coders.get(row[1]).id(), source.id(), span[0], span[1], code.id());
    }
  }

  /** The memos listed in {@code memos.tsv}, on the inquiry, a code (by path) or a source file. */
  private void memos(
      Inquiry inquiry, User user, Map<String, Code> codes, Map<String, Source> sources) {
    for (String[] row : DemoFiles.rows("memos.tsv", 4)) {
      ItemRef target =
          switch (row[0]) {
            case "inquiry" -> new ItemRef(ItemKind.INQUIRY, inquiry.id().value());
            case "code" -> new ItemRef(ItemKind.CODE, codes.get(row[1]).id().value());
            case "source" -> new ItemRef(ItemKind.SOURCE, sources.get(row[1]).id().value());
            default -> throw new IllegalStateException("Bad demo memo target " + row[0]);
          };
      fabrique.memos().write(inquiry.id(), user.id(), target, row[2], row[3]);
    }
  }
}
