package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.CategoryPolicy;
import org.fabrique.core.redaction.IdentifierCategory;
import org.fabrique.core.redaction.Redaction;
import org.fabrique.core.redaction.RedactionId;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.redaction.ReplacementKind;
import org.fabrique.core.user.UserId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The pseudonymisation assistant on the command line. */
@Command(
    name = "redact",
    description =
        "Pseudonymise: suggestions of identifiers that you accept or reject, consistent"
            + " pseudonyms, replacement per category.",
    mixinStandardHelpOptions = true,
    subcommands = {
      RedactCommand.Suggest.class,
      RedactCommand.ListRedactions.class,
      RedactCommand.Accept.class,
      RedactCommand.Reject.class,
      RedactCommand.Mark.class,
      RedactCommand.Edit.class,
      RedactKeysCommand.class,
      RedactCommand.Policy.class
    })
public final class RedactCommand {
  private RedactCommand() {}

  /** One line or one JSON object per redaction. */
  record RedactionOut(
      long id,
      long source,
      int start,
      int end,
      String category,
      String status,
      String reason,
      int confidence,
      String text) {
    static RedactionOut of(RedactionService service, Redaction r) {
      return new RedactionOut(
          r.id().value(),
          r.sourceId().value(),
          r.start(),
          r.end(),
          r.category().id(),
          r.status().id(),
          r.reason().id(),
          r.confidence(),
          service.passage(r));
    }

    String line() {
      return String.join(
          "\t",
          Long.toString(id),
          Long.toString(source),
          start + "-" + end,
          category,
          status,
          confidence + "%",
          reason,
          text.replace('\n', ' '));
    }
  }

  static void print(
      PrintWriter out, RedactionService service, List<Redaction> redactions, boolean json) {
    List<RedactionOut> rows = redactions.stream().map(r -> RedactionOut.of(service, r)).toList();
    if (json) {
      out.println(JsonOutput.write(rows));
    } else {
      rows.forEach(r -> out.println(r.line()));
    }
  }

  static IdentifierCategory category(String id) {
    return IdentifierCategory.fromId(id)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Unknown category "
                        + id
                        + "; use one of "
                        + String.join(
                            ", ",
                            Arrays.stream(IdentifierCategory.values())
                                .map(IdentifierCategory::id)
                                .toList())));
  }

  private static UserId user(Workbench workbench) {
    return workbench.fabrique().users().defaultUser().id();
  }

  /** fabrique redact suggest --inquiry ID [--source S] [--json]. */
  @Command(
      name = "suggest",
      description =
          "Look for identifiers (persons, places, hospitals, dates, ages over 89, phones, e-mails,"
              + " addresses, NIR, IBAN, URLs) and record them as suggestions. Prints the new"
              + " ones: id, source, span, category, status, confidence, reason, text.")
  static final class Suggest extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(names = "--source", paramLabel = "SOURCE_ID")
    Long source;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      RedactionService service = workbench.fabrique().redactions();
      List<Redaction> found =
          service.suggest(new InquiryId(inquiry), Optional.ofNullable(source).map(SourceId::new));
      print(spec.commandLine().getOut(), service, found, json);
      spec.commandLine()
          .getErr()
          .println(FabriqueCommand.of(spec).say("cli.redact.found", found.size()));
      return FabriqueCommand.OK;
    }
  }

  /** fabrique redact list --inquiry ID. */
  @Command(name = "list", description = "List the redactions of an inquiry or of one source.")
  static final class ListRedactions extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(names = "--source", paramLabel = "SOURCE_ID")
    Long source;

    @Option(names = "--status", description = "suggested, accepted or rejected.")
    String status;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      RedactionService service = workbench.fabrique().redactions();
      Optional<Redaction.Status> wanted =
          Optional.ofNullable(status)
              .map(
                  s ->
                      Redaction.Status.fromId(s.toLowerCase(Locale.ROOT))
                          .orElseThrow(
                              () ->
                                  new InvalidInputException(
                                      "Unknown status "
                                          + s
                                          + ": suggested, accepted or rejected")));
      List<Redaction> all =
          service.list(new InquiryId(inquiry), Optional.ofNullable(source).map(SourceId::new));
      print(
          spec.commandLine().getOut(),
          service,
          all.stream().filter(r -> wanted.map(w -> w == r.status()).orElse(true)).toList(),
          json);
      return FabriqueCommand.OK;
    }
  }

  /** Accept or reject: by ids, or every occurrence of a value in an inquiry. */
  abstract static class Decision extends StoreCommand {
    @Parameters(arity = "0..*", paramLabel = "REDACTION_ID")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--inquiry", paramLabel = "ID")
    Long inquiry;

    @Option(names = "--value", paramLabel = "TEXT")
    String value;

    @Spec CommandSpec spec;

    abstract List<Redaction> byValue(
        RedactionService service, UserId user, InquiryId inquiry, String value);

    abstract Redaction byId(RedactionService service, UserId user, RedactionId id);

    @Override
    int run(Workbench workbench) {
      RedactionService service = workbench.fabrique().redactions();
      List<Redaction> done = new ArrayList<>();
      if (value != null) {
        if (inquiry == null) {
          throw new InvalidInputException("--value needs --inquiry");
        }
        done.addAll(byValue(service, user(workbench), new InquiryId(inquiry), value));
      } else if (ids.isEmpty()) {
        throw new InvalidInputException("Give redaction ids, or --inquiry and --value");
      }
      for (long id : ids) {
        done.add(byId(service, user(workbench), new RedactionId(id)));
      }
      print(spec.commandLine().getOut(), service, done, false);
      return FabriqueCommand.OK;
    }
  }

  /** fabrique redact accept ID... | --inquiry ID --value V --category C. */
  @Command(
      name = "accept",
      description =
          "Accept suggestions by id, or every occurrence of a value in the inquiry"
              + " (--inquiry ID --value \"Dupont\" --category person).")
  static final class Accept extends Decision {
    @Option(names = "--category", defaultValue = "person")
    String category;

    @Override
    List<Redaction> byValue(
        RedactionService service, UserId user, InquiryId inquiry, String value) {
      return service.acceptEverywhere(user, inquiry, value, category(category));
    }

    @Override
    Redaction byId(RedactionService service, UserId user, RedactionId id) {
      return service.accept(user, id);
    }
  }

  /** fabrique redact reject ID... | --inquiry ID --value V. */
  @Command(
      name = "reject",
      description =
          "Reject suggestions by id, or every pending suggestion of a value (--inquiry ID --value"
              + " TEXT).")
  static final class Reject extends Decision {
    @Override
    List<Redaction> byValue(
        RedactionService service, UserId user, InquiryId inquiry, String value) {
      return service.rejectEverywhere(user, inquiry, value);
    }

    @Override
    Redaction byId(RedactionService service, UserId user, RedactionId id) {
      return service.reject(user, id);
    }
  }

  /** fabrique redact mark --source S --start N --end M --category C. */
  @Command(name = "mark", description = "Mark a passage by hand (code points [start, end)).")
  static final class Mark extends StoreCommand {
    @Option(names = "--source", required = true, paramLabel = "SOURCE_ID")
    long source;

    @Option(names = "--start", required = true)
    int start;

    @Option(names = "--end", required = true)
    int end;

    @Option(names = "--category", required = true)
    String category;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      RedactionService service = workbench.fabrique().redactions();
      Redaction marked =
          service.mark(user(workbench), new SourceId(source), start, end, category(category));
      print(spec.commandLine().getOut(), service, List.of(marked), false);
      return FabriqueCommand.OK;
    }
  }

  /** fabrique redact edit ID --start N --end M [--category C]. */
  @Command(name = "edit", description = "Change the passage or the category of a redaction.")
  static final class Edit extends StoreCommand {
    @Parameters(index = "0", paramLabel = "REDACTION_ID")
    long id;

    @Option(names = "--start")
    Integer start;

    @Option(names = "--end")
    Integer end;

    @Option(names = "--category")
    String category;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      RedactionService service = workbench.fabrique().redactions();
      Redaction before = service.get(new RedactionId(id));
      Redaction after =
          service.edit(
              user(workbench),
              before.id(),
              start == null ? before.start() : start,
              end == null ? before.end() : end,
              category == null ? before.category() : category(category));
      print(spec.commandLine().getOut(), service, List.of(after), false);
      return FabriqueCommand.OK;
    }
  }

  /** fabrique redact policy --inquiry ID [--category C --kind K ...]. */
  @Command(
      name = "policy",
      description =
          "Show or set how each category is replaced: pseudonym, label or generalisation"
              + " (dates to month or year, ages to band, towns to departement or region).")
  static final class Policy extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(names = "--category")
    String category;

    @Option(names = "--kind", description = "pseudonym, label or generalisation.")
    String kind;

    @Option(names = "--prefix", description = "Start of generated pseudonyms, e.g. Informant.")
    String prefix;

    @Option(names = "--granularity", description = "month, year, band, departement or region.")
    String granularity;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      RedactionService service = workbench.fabrique().redactions();
      InquiryId id = new InquiryId(inquiry);
      if (category != null) {
        IdentifierCategory c = category(category);
        CategoryPolicy current = service.policies(id).get(c);
        service.setPolicy(
            id,
            new CategoryPolicy(
                c,
                kind == null
                    ? current.kind()
                    : ReplacementKind.fromId(kind)
                        .orElseThrow(
                            () ->
                                new InvalidInputException(
                                    "Unknown kind "
                                        + kind
                                        + ": pseudonym, label or generalisation")),
                prefix == null ? current.prefix() : prefix,
                granularity == null
                    ? current.granularity()
                    : CategoryPolicy.Granularity.fromId(granularity)
                        .orElseThrow(
                            () ->
                                new InvalidInputException(
                                    "Unknown granularity "
                                        + granularity
                                        + ": month, year, band, departement or region"))));
      }
      PrintWriter out = spec.commandLine().getOut();
      service
          .policies(id)
          .values()
          .forEach(
              p ->
                  out.println(
                      p.category().id()
                          + "\t"
                          + p.kind().id()
                          + "\t"
                          + p.prefix()
                          + "\t"
                          + p.granularity().id()));
      return FabriqueCommand.OK;
    }
  }
}
