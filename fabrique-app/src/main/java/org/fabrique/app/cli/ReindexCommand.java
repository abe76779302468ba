package org.fabrique.app.cli;

import org.fabrique.app.Workbench;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** fabrique reindex --inquiry ID: rebuilds the search index of an inquiry from the store. */
@Command(
    name = "reindex",
    description = "Rebuild the search index of an inquiry from the database.",
    mixinStandardHelpOptions = true)
final class ReindexCommand extends StoreCommand {
  @Option(
      names = "--inquiry",
      required = true,
      paramLabel = "ID",
      description = "The inquiry's id (fabrique inquiry list shows them).")
  long inquiry;

  @Spec CommandSpec spec;

  @Override
  int run(Workbench workbench) {
    long started = System.nanoTime();
    SearchService.Refresh done = workbench.fabrique().search().reindex(new InquiryId(inquiry));
    spec.commandLine()
        .getOut()
        .println(
            FabriqueCommand.of(spec)
                .say(
                    "cli.reindex.done",
                    done.updated(),
                    String.valueOf((System.nanoTime() - started) / 1_000_000)));
    return FabriqueCommand.OK;
  }
}
