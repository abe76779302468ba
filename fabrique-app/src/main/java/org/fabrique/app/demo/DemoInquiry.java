package org.fabrique.app.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final String BASE = "/org/fabrique/app/demo/";

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
    Map<String, Source> sources = sources(inquiry, researcher, extract, sourceAttributes);
    code(codes, sources, Map.of(researcher.login(), researcher, camille.login(), camille));
    memos(inquiry, researcher, codes, sources);
    new DemoJourneys(fabrique).add(inquiry, researcher, extract, linkage, sources);
    return inquiry;
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
    for (String[] row : rows("codebook.tsv", 4)) {
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

  private record DemoSource(
      String file, String title, SourceKind kind, LocalDate date, String role, int minutes) {}

  private static final List<DemoSource> SOURCES =
      List.of(
          new DemoSource(
              "notes-2025-03-12-comite-pilotage.md",
              "Comité de pilotage, 12 mars 2025",
              SourceKind.FIELD_NOTE,
              LocalDate.of(2025, 3, 12),
              "Steering committee",
              160),
          new DemoSource(
              "entretien-data-manager.txt",
              "Entretien — data manager de la cohorte",
              SourceKind.INTERVIEW,
              LocalDate.of(2025, 3, 19),
              "Data manager",
              52),
          new DemoSource(
              "interview-ml-engineer.txt",
              "Interview — machine learning lead, Predicta",
              SourceKind.INTERVIEW,
              LocalDate.of(2025, 3, 27),
              "Machine learning lead",
              44),
          new DemoSource(
              "notes-2025-04-02-datalab-observation.md",
              "Observation at the data lab, 2 April 2025",
              SourceKind.OBSERVATION,
              LocalDate.of(2025, 4, 2),
              "Data manager",
              180),
          new DemoSource(
              "data-access-agreement.html",
              "Data access agreement (excerpt)",
              SourceKind.DOCUMENT,
              LocalDate.of(2025, 4, 9),
              "Steering committee",
              0));

  private Map<String, Source> sources(
      Inquiry inquiry, User user, Case theCase, SourceAttributes attributes) {
    Map<String, Source> byFile = new HashMap<>();
    Path folder;
    try {
      folder = Files.createTempDirectory("fabrique-demo");
    } catch (IOException e) {
      throw new StorageException("Could not prepare the demo files", e);
    }
    try {
      for (DemoSource demo : SOURCES) {
        Path file = folder.resolve(demo.file());
        try (InputStream in = resource(demo.file())) {
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
    for (String[] row : rows("codings.tsv", 4)) {
      Source source = sources.get(row[0]);
      PlainText text = fabrique.corpus().text(source.id());
      int[] span = find(text, row[3].replace("\\n", "\n"), row[0]);
      Code code = codes.get(row[2]);
      if (code == null) {
        throw new IllegalStateException("The demo codes with an unknown code: " + row[2]);
      }
      fabrique.coding().code(coders.get(row[1]).id(), source.id(), span[0], span[1], code.id());
    }
  }

  private void memos(
      Inquiry inquiry, User user, Map<String, Code> codes, Map<String, Source> sources) {
    var memos = fabrique.memos();
    memos.write(
        inquiry.id(),
        user.id(),
        new ItemRef(ItemKind.INQUIRY, inquiry.id().value()),
        "Research question",
        "Which choices about the nature, knowledge, uses and regulation of the Horizon data were"
            + " made when the cohort was opened to a company, by whom, and how were the"
            + " disagreements settled? Compare with the claims linkage request.");
    memos.write(
        inquiry.id(),
        user.id(),
        new ItemRef(ItemKind.CODE, codes.get("Tensions/Utility vs privacy").id().value()),
        "Definition",
        "Use when an actor argues for finer data (dates, values, free text) and another for less"
            + " detail because of re-identification. Code the two positions together when they"
            + " appear in the same exchange.");
    Source observation = sources.get("notes-2025-04-02-datalab-observation.md");
    memos.write(
        inquiry.id(),
        user.id(),
        new ItemRef(ItemKind.SOURCE, observation.id().value()),
        "The spreadsheet of decisions",
        "The only written trace of who decided what. Ask for a copy (redacted) at the next visit.");
  }

  /** The span of a phrase in a text, in code points; whitespace may differ. */
  static int[] find(PlainText text, String phrase, String file) {
    String[] words = phrase.strip().split("\\s+");
    StringBuilder regex = new StringBuilder();
    for (String word : words) {
      if (regex.length() > 0) {
        regex.append("\\s+");
      }
      regex.append(Pattern.quote(word));
    }
    Matcher matcher = Pattern.compile(regex.toString()).matcher(text.text());
    if (!matcher.find()) {
      throw new IllegalStateException("The demo phrase was not found in " + file + ": " + phrase);
    }
    return new int[] {text.toCodePoint(matcher.start()), text.toCodePoint(matcher.end())};
  }

  private static List<String[]> rows(String name, int columns) {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] row = line.split("\t", -1);
        if (row.length != columns) {
          throw new IllegalStateException("Bad demo line in " + name + ": " + line);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static InputStream resource(String name) {
    InputStream in = DemoInquiry.class.getResourceAsStream(BASE + name);
    if (in == null) {
      throw new IllegalStateException("Missing demo resource " + name);
    }
    return in;
  }
}
