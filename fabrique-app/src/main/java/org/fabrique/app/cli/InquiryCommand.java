package org.fabrique.app.cli;

import java.io.PrintWriter;
import org.fabrique.app.Workbench;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Creates, lists and renames inquiries, and sets the speaker pattern of their transcripts. */
@Command(
    name = "inquiry",
    description =
        "Create, list and rename inquiries; set the speaker pattern of their transcripts.",
    mixinStandardHelpOptions = true,
    subcommands = {
      InquiryCommand.Create.class,
      InquiryCommand.ListInquiries.class,
      InquiryCommand.Rename.class,
      InquiryCommand.SpeakerPattern.class
    })
public final class InquiryCommand {

  /** fabrique inquiry create NAME. */
  @Command(name = "create", description = "Create an inquiry and print its id.")
  static final class Create extends StoreCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the inquiry.")
    String name;

    @Option(names = "--description", description = "What the inquiry is about.")
    String description = "";

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      Inquiry inquiry = workbench.fabrique().inquiries().create(name, description);
      spec.commandLine().getOut().println(inquiry.id());
      return FabriqueCommand.OK;
    }
  }

  /** fabrique inquiry list. */
  @Command(name = "list", description = "List inquiries: id, name, creation date.")
  static final class ListInquiries extends StoreCommand {
    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      PrintWriter out = spec.commandLine().getOut();
      for (Inquiry inquiry : workbench.fabrique().inquiries().list()) {
        out.println(inquiry.id() + "\t" + inquiry.name() + "\t" + inquiry.createdAt());
      }
      return FabriqueCommand.OK;
    }
  }

  /** fabrique inquiry rename --inquiry ID NAME [--description TEXT]. */
  @Command(
      name = "rename",
      description =
          "Give an inquiry a new name (and description); recorded in its history, so"
              + " 'fabrique history undo' brings the former ones back.")
  static final class Rename extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Parameters(index = "0", paramLabel = "NAME", description = "The new name.")
    String name;

    @Option(
        names = "--description",
        paramLabel = "TEXT",
        description = "The new description (default: the current one).")
    String description;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      var inquiries = workbench.fabrique().inquiries();
      InquiryId id = new InquiryId(inquiry);
      String kept = description != null ? description : inquiries.get(id).description();
      Inquiry renamed =
          inquiries.rename(workbench.fabrique().users().defaultUser().id(), id, name, kept);
      spec.commandLine().getOut().println(renamed.id() + "\t" + renamed.name());
      return FabriqueCommand.OK;
    }
  }

  /** fabrique inquiry speaker-pattern --inquiry ID [PATTERN | --clear]. */
  @Command(
      name = "speaker-pattern",
      description =
          "Print, set or clear the speaker pattern of an inquiry's transcripts: a regular"
              + " expression that finds the start of each turn, with a group (?<speaker>...) and,"
              + " if you like, (?<time>...). It applies to the transcripts imported from then on.")
  static final class SpeakerPattern extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATTERN")
    String pattern;

    @Option(names = "--clear", description = "Remove the pattern.")
    boolean clear;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      var corpus = workbench.fabrique().corpus();
      InquiryId id = new InquiryId(inquiry);
      if (clear || pattern != null) {
        corpus.setSpeakerPattern(
            workbench.fabrique().users().defaultUser().id(),
            id,
            clear ? java.util.Optional.empty() : java.util.Optional.of(pattern));
      }
      corpus.speakerPattern(id).ifPresent(p -> spec.commandLine().getOut().println(p));
      return FabriqueCommand.OK;
    }
  }
}
