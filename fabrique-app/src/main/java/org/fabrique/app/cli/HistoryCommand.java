package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.fabrique.app.Workbench;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.Setback;
import org.fabrique.core.history.Step;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.User;
import org.fabrique.web.i18n.HistorySentences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shows the history of an inquiry and undoes or redoes a user's last action. */
@Command(
    name = "history",
    description = "Show the history of an inquiry; undo or redo your last action.",
    mixinStandardHelpOptions = true,
    subcommands = {HistoryCommand.Show.class, HistoryCommand.Undo.class, HistoryCommand.Redo.class})
public final class HistoryCommand {

  /** Options shared by the history commands. */
  abstract static class OnInquiry extends StoreCommand {
    @Option(names = "--inquiry", required = true, paramLabel = "ID")
    long inquiry;

    @Option(
        names = "--user",
        paramLabel = "LOGIN",
        description = "The user whose action to undo or redo (default: the local user).")
    String login;

    @Spec CommandSpec spec;

    /** What the sentences of this inquiry's history may look up: lines and code names. */
    HistorySentences.Lookup lookup(Workbench workbench) {
      return HistorySentences.lookup(
          workbench.fabrique().history(),
          workbench.fabrique().coding(),
          existing(workbench, inquiry));
    }

    User user(Workbench workbench) {
      return login == null
          ? workbench.fabrique().users().defaultUser()
          : workbench.fabrique().users().ensure(login, login);
    }
  }

  /** fabrique history show --inquiry ID. */
  @Command(name = "show", description = "The most recent lines of the history, newest first.")
  static final class Show extends OnInquiry {
    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Override
    int run(Workbench workbench) {
      PrintWriter out = spec.commandLine().getOut();
      InquiryId id = existing(workbench, inquiry);
      List<HistoryEntry> entries = workbench.fabrique().history().recent(id, limit);
      HistorySentences.Lookup lookup = lookup(workbench).among(entries);
      HistorySentences sentences = FabriqueCommand.of(spec).historySentences();
      for (HistoryEntry entry : entries) {
        out.println(
            entry.id()
                + "\t"
                + entry.at()
                + "\t"
                + entry.kind()
                + "\t"
                + entry.status()
                + "\t"
                + sentences.line(entry, lookup));
      }
      return FabriqueCommand.OK;
    }
  }

  /** fabrique history undo --inquiry ID. */
  @Command(name = "undo", description = "Undo your most recent action in the inquiry.")
  static final class Undo extends OnInquiry {
    @Override
    int run(Workbench workbench) {
      var undone =
          workbench.fabrique().history().undo(existing(workbench, inquiry), user(workbench).id());
      PrintWriter out = spec.commandLine().getOut();
      FabriqueCommand root = FabriqueCommand.of(spec);
      if (undone.isEmpty()) {
        out.println(root.say("cli.history.nothing-to-undo"));
      } else {
        report(root, out, "undone", undone.get(), lookup(workbench));
      }
      return FabriqueCommand.OK;
    }
  }

  /** fabrique history redo --inquiry ID. */
  @Command(name = "redo", description = "Redo your most recently undone action in the inquiry.")
  static final class Redo extends OnInquiry {
    @Override
    int run(Workbench workbench) {
      var redone =
          workbench.fabrique().history().redo(existing(workbench, inquiry), user(workbench).id());
      PrintWriter out = spec.commandLine().getOut();
      FabriqueCommand root = FabriqueCommand.of(spec);
      if (redone.isEmpty()) {
        out.println(root.say("cli.history.nothing-to-redo"));
      } else {
        report(root, out, "redone", redone.get(), lookup(workbench));
      }
      return FabriqueCommand.OK;
    }
  }

  /**
   * Prints what an undo or redo did ({@code done} is {@code undone} or {@code redone}): the action,
   * then each part left out because others changed the same items since, or why nothing could be
   * done, in the language of the command line.
   */
  static void report(
      FabriqueCommand root,
      PrintWriter out,
      String done,
      Step step,
      HistorySentences.Lookup lookup) {
    // The action in the history page's words, as `history show` prints it.
    String description = root.historySentences().line(step.entry(), lookup);
    if (step.setAside()) {
      String reason =
          step.reason().map(root::problem).orElseGet(() -> root.say("cli.history.changed-since"));
      out.println(root.say("cli.history." + done + ".set-aside", description, reason));
      return;
    }
    out.println(root.say("cli.history." + done, description));
    for (Setback setback : step.setbacks()) {
      out.println(
          root.say(
              "cli.history.left-out",
              setback.item().toString(),
              root.say("cli.history.setback." + setback.reason().name().toLowerCase(Locale.ROOT))));
    }
  }
}
