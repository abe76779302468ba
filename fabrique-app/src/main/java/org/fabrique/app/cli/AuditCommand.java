package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.app.Workbench;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.InquiryId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Reads the audit log. */
@Command(
    name = "audit",
    description = "Read the audit log: sign-ins, tokens, members, exports, downloads, deletions.",
    mixinStandardHelpOptions = true,
    subcommands = {AuditCommand.ListEntries.class})
public final class AuditCommand {

  /** fabrique audit list [--inquiry ID] [--since T] [--json]. */
  @Command(name = "list", description = "The audit entries, newest first.")
  static final class ListEntries extends StoreCommand {
    @Option(names = "--inquiry", paramLabel = "ID", description = "Only the entries of an inquiry.")
    Long inquiry;

    @Option(
        names = "--since",
        paramLabel = "T",
        description =
            "Only the entries from T on: a date (2026-03-18) or an instant (2026-03-18T09:00:00Z).")
    String since;

    @Option(
        names = "--limit",
        defaultValue = "1000",
        description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Write the entries as JSON.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      if (limit < 1 || limit > AuditQuery.MAX) {
        throw new InvalidInputException("--limit takes a number from 1 to " + AuditQuery.MAX);
      }
      AuditQuery query = AuditQuery.recent(limit);
      if (inquiry != null) {
        query = query.in(new InquiryId(inquiry));
      }
      if (since != null) {
        query = query.since(since, "--since");
      }
      List<AuditEntry> entries = workbench.fabrique().audit().list(query);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(JsonOutput.write(entries.stream().map(ListEntries::asMap).toList()));
        return FabriqueCommand.OK;
      }
      for (AuditEntry entry : entries) {
        out.println(
            String.join(
                "\t",
                entry.at().toString(),
                entry.action().id(),
                entry.actor().orElse("-"),
                entry.inquiry().map(i -> "inquiry " + i).orElse("-"),
                entry.target().isEmpty() ? "-" : entry.target(),
                entry.profile().orElse("-"),
                entry.address().orElse("-"),
                entry.detail()));
      }
      return FabriqueCommand.OK;
    }

    private static Map<String, Object> asMap(AuditEntry entry) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", entry.id());
      out.put("at", entry.at().toString());
      out.put("action", entry.action().id());
      out.put("actor", entry.actor().orElse(null));
      out.put("inquiryId", entry.inquiry().map(InquiryId::value).orElse(null));
      out.put("target", entry.target());
      out.put("profile", entry.profile().orElse(null));
      out.put("address", entry.address().orElse(null));
      out.put("detail", entry.detail());
      return out;
    }
  }
}
