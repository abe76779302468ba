package org.fabrique.web.journey;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.error.ForbiddenException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.ComparisonReport;
import org.fabrique.core.journey.ComparisonReports;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.user.Role;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.DiffInputException;
import org.fabrique.diff.DiffOptions;
import org.fabrique.diff.report.DetectedIntervention;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.JsonReports;
import org.fabrique.diff.report.ReportFormat;
import org.fabrique.diff.report.ReportRedaction;
import org.fabrique.diff.report.ReportWriters;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.audit.Outgoing;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Gate;
import org.fabrique.web.auth.Routes;

/**
 * Compares two versions of a data object with the explainable dataset diff, keeps the report (JSON
 * and HTML) in the blob store and turns the detected changes the researcher selects into draft
 * interventions, marked reconstructed, in one undoable action.
 */
public final class DiffRoutes {
  private static final String REPORTS = "/journey/diff-reports/";

  private final InquiryService inquiries;
  private final JourneyService journeys;
  private final ComparisonReports comparisons;
  private final RedactionService redactions;
  private final AuditLog audit;
  private final Views views;
  private final Visitors visitors;
  private final AccessCheck access;

  public DiffRoutes(
      InquiryService inquiries,
      JourneyService journeys,
      ComparisonReports comparisons,
      RedactionService redactions,
      AuditLog audit,
      Views views,
      Visitors visitors,
      AccessCheck access) {
    this.inquiries = inquiries;
    this.journeys = journeys;
    this.comparisons = comparisons;
    this.redactions = redactions;
    this.audit = audit;
    this.views = views;
    this.visitors = visitors;
    this.access = access;
  }

  public void mount(Routes routes) {
    routes.post("/journey/elements/{element}/compare", Access.role(Role.RESEARCHER), this::compare);
    routes.post(
        "/journey/elements/{element}/drafts", Access.role(Role.RESEARCHER), this::createDrafts);
    routes.get(REPORTS + "{digest}", Access.signedIn(), this::htmlReport);
    routes.get(REPORTS + "{digest}/json", Access.signedIn(), this::jsonReport);
  }

  /**
   * The comparison page: the report's summary, the detected changes and the drafts form, where each
   * change's intervention type is suggested and can be changed.
   */
  public record ComparePage(
      DataObject object,
      Case theCase,
      DiffReport report,
      String jsonDigest,
      String htmlDigest,
      boolean french,
      List<Term> interventionTypes) {
    public String htmlHref() {
      return REPORTS + htmlDigest;
    }

    /** The intervention type suggested for a detected change. */
    public String suggested(DetectedIntervention change) {
      return DiffInterventionTypes.interventionType(
          change.type(), change.parameters().get("transformation"));
    }

    public String label(Term term) {
      return term.label(french ? Locale.FRENCH : Locale.ENGLISH);
    }

    public String jsonHref() {
      return REPORTS + jsonDigest + "/json";
    }
  }

  private void compare(Context ctx) {
    DataObject object = dataObject(ctx);
    Case theCase = caseOf(object);
    List<String> keys =
        Arrays.stream(JourneyForms.text(ctx, "keys").split("[,;\\n]"))
            .map(String::strip)
            .filter(k -> !k.isEmpty())
            .toList();
    DiffReport report;
    Path folder = null;
    try {
      folder = Files.createTempDirectory("fabrique-diff");
      Path oldFile = receive(ctx, "old", folder.resolve("old"));
      Path newFile = receive(ctx, "new", folder.resolve("new"));
      report =
          new DatasetDiff()
              .compare(
                  oldFile,
                  newFile,
                  keys.isEmpty() ? DiffOptions.defaults() : DiffOptions.withKey(keys));
    } catch (DiffInputException e) {
      throw new InvalidInputException("The two versions cannot be compared: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(folder);
    }
    // One kept form, JSON: the HTML page is written from it under the profile of each reader.
    String jsonDigest =
        comparisons.keep(object.inquiryId(), object.id(), written(report, ReportFormat.JSON));
    String htmlDigest = jsonDigest;
    Page page = views.page(ctx).in(inquiries.get(object.inquiryId()), "journey");
    views.render(
        ctx,
        "journey/compare.jte",
        page,
        new ComparePage(
            object,
            theCase,
            report,
            jsonDigest,
            htmlDigest,
            "fr".equals(visitors.of(ctx).lang().code()),
            interventionTypes(object).terms()));
  }

  private void createDrafts(Context ctx) {
    DataObject object = dataObject(ctx);
    Case theCase = caseOf(object);
    String jsonDigest = digest(JourneyForms.text(ctx, "report"));
    String htmlDigest = digest(JourneyForms.text(ctx, "html"));
    if (comparisons.records(jsonDigest).stream()
        .noneMatch(r -> r.inquiryId().equals(object.inquiryId()))) {
      throw new NotFoundException("There is no such comparison report");
    }
    JsonNode detected = storedReport(jsonDigest).path("interventions");
    TreeSet<Integer> selected = new TreeSet<>();
    for (String value : ctx.formParams("selected")) {
      int index = (int) Requests.parseLong(value, "selected");
      if (index < 0 || index >= detected.size()) {
        throw new InvalidInputException("There is no detected change " + value + " in the report");
      }
      selected.add(index);
    }
    if (selected.isEmpty()) {
      throw new InvalidInputException("Choose at least one detected change");
    }
    Vocabulary types = interventionTypes(object);
    Map<Integer, String> chosenTypes = new HashMap<>();
    for (int index : selected) {
      JsonNode change = detected.get(index);
      JsonNode transformation = change.path("parameters").path("transformation");
      String suggested =
          DiffInterventionTypes.interventionType(
              change.path("type").asText(),
              transformation.isTextual() ? transformation.asText() : null);
      String chosen = JourneyForms.text(ctx, "type-" + index);
      String type = chosen.isEmpty() ? suggested : chosen;
      if (!types.contains(type)) {
        throw new InvalidInputException("There is no intervention type " + type);
      }
      chosenTypes.put(index, type);
    }
    boolean french = "fr".equals(visitors.of(ctx).lang().code());
    Page page = views.page(ctx);
    String evidence = page.t("journey.diff.evidence", REPORTS + htmlDigest);
    journeys.batch(
        object.inquiryId(),
        visitors.of(ctx).coder().id(),
        "Draft interventions from a comparison of " + object.id(),
        batch -> {
          ElementHeader versionHeader =
              ElementHeader.of(
                      batch.newId(),
                      object.inquiryId(),
                      theCase.id(),
                      page.t("journey.diff.newVersion", object.label()))
                  .withDescription(evidence)
                  .withKnownBy(KnownBy.RECONSTRUCTED)
                  .withConfidentiality(object.header().confidentiality());
          DataObject version =
              batch.create(
                  new DataObject(
                      versionHeader,
                      DataObjectType.DATASET_VERSION,
                      object.identifiability(),
                      object.healthCategory(),
                      object.codingSystems(),
                      object.population(),
                      List.of(),
                      List.of(),
                      Optional.of(object.id()),
                      "",
                      java.util.Map.of()));
          for (int index : selected) {
            JsonNode change = detected.get(index);
            String summary =
                change
                    .path(french ? "summaryFr" : "summaryEn")
                    .asText(change.path("type").asText());
            List<String> columns = new ArrayList<>();
            change.path("columns").forEach(c -> columns.add(c.asText()));
            ElementHeader header =
                ElementHeader.of(batch.newId(), object.inquiryId(), theCase.id(), summary)
                    .withDescription(summary + "\n\n" + evidence)
                    .withKnownBy(KnownBy.RECONSTRUCTED)
                    .withConfidentiality(object.header().confidentiality());
            batch.create(
                Intervention.of(
                        header, chosenTypes.get(index), List.of(object.id()), List.of(version.id()))
                    .withTool("fabrique-diff", columns));
          }
          return null;
        });
    Requests.redirectWithNotice(ctx, "/cases/" + theCase.id() + "/journey", "saved");
  }

  private Vocabulary interventionTypes(DataObject object) {
    return journeys.vocabulary(object.inquiryId(), VocabularyName.INTERVENTION_TYPES);
  }

  private static final String REPORT_HEAD =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
          + "<meta name=\"generator\" content=\"fabrique-diff\">";

  private void htmlReport(Context ctx) {
    String digest = digest(ctx.pathParam("digest"));
    Optional<Served> served = served(ctx, digest);
    if (served.isEmpty()) {
      byte[] html = comparisons.read(digest);
      // A page kept before reports were recorded: only the diff's own pages, as stored.
      if (!new String(html, 0, Math.min(html.length, REPORT_HEAD.length()), StandardCharsets.UTF_8)
          .equals(REPORT_HEAD)) {
        throw new NotFoundException("There is no such comparison report");
      }
      ctx.contentType("text/html; charset=utf-8").result(html);
      return;
    }
    ctx.contentType("text/html; charset=utf-8")
        .result(written(served.get().report(), ReportFormat.HTML));
  }

  private void jsonReport(Context ctx) {
    String digest = digest(ctx.pathParam("digest"));
    Optional<Served> served = served(ctx, digest);
    if (served.isEmpty()) {
      storedReport(digest);
      ctx.contentType("application/json").result(comparisons.read(digest));
      return;
    }
    ctx.contentType("application/json").result(written(served.get().report(), ReportFormat.JSON));
  }

  /** A kept report as it goes to the reader, under the profile chosen for their role. */
  private record Served(DiffReport report, ExportProfile profile) {}

  /**
   * The report named by a digest as the signed-in user may read it: the inquiry it was kept for
   * where they hold the highest role, the profile asked for (or their role's default) through
   * {@link ExportProfiles#choose}, refused (403) when the data object's confidentiality is above
   * what the profile lets out; under any profile but {@code internal}, without the values of the
   * compared files ({@link ReportRedaction}). Empty for a report kept before reports were recorded
   * with their inquiry: site admins only read those, as stored.
   */
  private Optional<Served> served(Context ctx, String digest) {
    List<ComparisonReport> records = comparisons.records(digest);
    if (records.isEmpty()) {
      if (!Gate.require(ctx).admin()) {
        throw new NotFoundException("There is no such comparison report");
      }
      Optional<String> asked = Optional.ofNullable(ctx.queryParam("profile"));
      if (asked.isPresent() && !ExportProfiles.choose(asked).isInternal()) {
        throw new InvalidInputException(
            "This report was kept before reports were recorded with their inquiry: it is served"
                + " only as stored (profile internal)");
      }
      return Optional.empty();
    }
    ComparisonReport record = null;
    Role role = null;
    for (ComparisonReport candidate : records) {
      Optional<Role> held = access.roleIn(ctx, candidate.inquiryId());
      if (held.isPresent() && (role == null || !role.allows(held.get()))) {
        record = candidate;
        role = held.get();
      }
    }
    if (record == null) {
      throw new ForbiddenException(AccessCheck.ROLE_REFUSED);
    }
    ExportProfile profile =
        ExportProfiles.readBy(
            ExportProfiles.choose(Optional.ofNullable(ctx.queryParam("profile")), role), role);
    Confidentiality level =
        journeys
            .find(record.element())
            .map(e -> e.header().confidentiality())
            .orElse(Confidentiality.SECRET);
    if (!profile.allows(level)) {
      throw new ForbiddenException(
          "This comparison is about a data object marked "
              + level.name().toLowerCase(Locale.ROOT)
              + ": the "
              + profile.name()
              + " profile leaves it out");
    }
    DiffReport report;
    try {
      report =
          JsonReports.read(new String(comparisons.read(record.digest()), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("There is no such comparison report");
    }
    if (!profile.isInternal()) {
      ExportScope scope = redactions.scope(record.inquiryId(), profile);
      report = ReportRedaction.withoutValues(report, scope::freeText);
    }
    ctx.header("X-Redaction-Profile", profile.name());
    Outgoing.download(audit, ctx, record.inquiryId(), "comparison report", profile);
    return Optional.of(new Served(report, profile));
  }

  /** A stored report of the diff, refused when the blob is anything else. */
  private JsonNode storedReport(String digest) {
    byte[] bytes = comparisons.read(digest);
    JsonNode tree;
    try {
      tree =
          org.fabrique.diff.report.JsonReports.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("There is no such comparison report");
    }
    if (!DiffReport.FORMAT_VERSION.equals(tree.path("formatVersion").asText())) {
      throw new NotFoundException("There is no such comparison report");
    }
    return tree;
  }

  private static String digest(String value) {
    String digest = value == null ? "" : value.strip();
    if (!digest.matches("[0-9a-fA-F]{16,128}")) {
      throw new NotFoundException("There is no such comparison report");
    }
    return digest;
  }

  private static byte[] written(DiffReport report, ReportFormat format) {
    StringWriter out = new StringWriter();
    ReportWriters.write(report, format, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Saves an uploaded version under its own (cleaned) name in a folder of its own. */
  private static Path receive(Context ctx, String field, Path folder) throws IOException {
    UploadedFile upload = ctx.uploadedFile(field);
    if (upload == null) {
      if ("old".equals(field)) {
        throw new InvalidInputException("Choose the old version's file");
      }
      throw new InvalidInputException("Choose the new version's file");
    }
    Files.createDirectories(folder);
    String name = upload.filename() == null ? "" : upload.filename().replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_");
    Path target = folder.resolve(name.isBlank() || name.startsWith(".") ? field : name);
    try (InputStream in = upload.content()) {
      Files.copy(in, target);
    }
    return target;
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is removed by the system
    }
  }

  private DataObject dataObject(Context ctx) {
    return journeys.get(new ElementId(Requests.id(ctx, "element")), DataObject.class);
  }

  private Case caseOf(DataObject object) {
    CaseId caseId =
        object
            .header()
            .caseId()
            .orElseThrow(
                () -> new InvalidInputException("This data object is on no case's journey"));
    return inquiries.getCase(caseId);
  }
}
