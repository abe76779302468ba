package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.search.DocumentKind;
import org.fabrique.core.search.FilterInput;
import org.fabrique.core.search.KwicLine;
import org.fabrique.core.search.SearchFilters;
import org.fabrique.core.search.SearchMode;
import org.fabrique.core.search.SearchPage;
import org.fabrique.core.user.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** fabrique search --inquiry ID QUERY: a concordance of the hits. */
@Command(
    name = "search",
    description =
        "Search the texts of an inquiry and print a concordance (keyword in context): words,"
            + " \"phrases\", AND OR NOT, wildcards (consent*), \"proximity\"~5, or --regex.",
    mixinStandardHelpOptions = true)
final class SearchCommand extends StoreCommand {
  @Option(names = "--inquiry", required = true, paramLabel = "ID")
  long inquiry;

  @Parameters(index = "0", paramLabel = "QUERY")
  String query;

  @Option(names = "--regex", description = "Read QUERY as a regular expression.")
  boolean regex;

  @Option(
      names = "--in",
      split = ",",
      paramLabel = "KIND",
      description = "What to search: source, segment, memo (default: source).")
  List<String> kinds = new ArrayList<>();

  @Option(names = "--case", split = ",", paramLabel = "ID", description = "Only these cases.")
  List<Long> cases = new ArrayList<>();

  @Option(
      names = "--code",
      split = ",",
      paramLabel = "ID",
      description = "Only passages coded with these codes.")
  List<Long> codes = new ArrayList<>();

  @Option(
      names = "--coder",
      split = ",",
      paramLabel = "LOGIN",
      description = "Only passages coded by these coders.")
  List<String> coders = new ArrayList<>();

  @Option(
      names = "--kind",
      split = ",",
      paramLabel = "KIND",
      description =
          "Only sources of these kinds: field-note, interview, observation, document,"
              + " meeting-minutes, other.")
  List<String> sourceKinds = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Only sources dated on or after DATE (YYYY-MM-DD).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Only sources dated on or before DATE (YYYY-MM-DD).")
  String to;

  @Option(
      names = "--attribute",
      paramLabel = "NAME=VALUE",
      description = "Only sources (or sources of cases) with this attribute value; repeatable.")
  List<String> attributes = new ArrayList<>();

  @Option(names = "--offset", defaultValue = "0", description = "First hit (default: 0).")
  int offset;

  @Option(names = "--limit", defaultValue = "50", description = "Hits per page (default: 50).")
  int limit;

  @Option(names = "--context", defaultValue = "40", description = "Characters on each side.")
  int context;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Mixin ProfileOption profile;

  @Spec CommandSpec spec;

  @Override
  int run(Workbench workbench) {
    SearchFilters filters =
        SearchFilters.none()
            .withKinds(
                kinds.stream()
                    .map(
                        k ->
                            DocumentKind.fromId(k)
                                .orElseThrow(
                                    () ->
                                        new InvalidInputException(
                                            "Unknown kind " + k + ": source, segment or memo")))
                    .collect(Collectors.toSet()))
            .withCases(cases.stream().map(CaseId::new).collect(Collectors.toSet()))
            .withCodes(codes.stream().map(CodeId::new).collect(Collectors.toSet()))
            .withSourceKinds(
                sourceKinds.stream()
                    .map(
                        k ->
                            SourceKind.fromId(k.strip())
                                .orElseThrow(
                                    () ->
                                        new InvalidInputException(
                                            "Unknown kind of source "
                                                + k
                                                + ": field-note, interview, observation,"
                                                + " document, meeting-minutes or other")))
                    .collect(Collectors.toSet()))
            .between(
                Optional.ofNullable(from).map(d -> FilterInput.date(d, "--from")),
                Optional.ofNullable(to).map(d -> FilterInput.date(d, "--to")));
    Fabrique fabrique = workbench.fabrique();
    InquiryId searched = existing(workbench, inquiry);
    if (!coders.isEmpty()) {
      List<User> users = fabrique.users().list();
      filters =
          filters.withCoders(
              coders.stream().map(c -> FilterInput.coder(users, c)).collect(Collectors.toSet()));
    }
    if (!attributes.isEmpty()) {
      List<AttributeDefinition> definitions = fabrique.attributes().definitions(searched);
      filters =
          filters.withAttributes(
              attributes.stream().map(a -> FilterInput.attribute(definitions, a)).toList());
    }
    SearchPage page =
        fabrique
            .search()
            .search(
                searched,
                regex ? SearchMode.REGEX : SearchMode.QUERY,
                query,
                filters,
                offset,
                limit,
                context,
                profile.scope(workbench, searched));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("profile", profile.profile().name());
      result.put("offset", page.offset());
      result.put("limit", page.limit());
      result.put("documents", page.documents());
      result.put("hits", page.hits());
      result.put("hitsExact", page.hitsExact());
      List<Map<String, Object>> lines = new ArrayList<>();
      for (KwicLine line : page.lines()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("document", line.document().toString());
        item.put("title", line.title());
        item.put("source", line.sourceId().map(s -> s.value()).orElse(null));
        item.put("start", line.start());
        item.put("end", line.end());
        item.put("left", line.left());
        item.put("keyword", line.keyword());
        item.put("right", line.right());
        lines.add(item);
      }
      result.put("lines", lines);
      out.println(JsonOutput.write(result));
      return FabriqueCommand.OK;
    }
    for (KwicLine line : page.lines()) {
      out.println(
          line.title()
              + "\t"
              + line.start()
              + "-"
              + line.end()
              + "\t"
              + line.left()
              + "["
              + line.keyword()
              + "]"
              + line.right());
    }
    spec.commandLine()
        .getErr()
        .println(
            FabriqueCommand.of(spec)
                .say(
                    page.hitsExact() ? "cli.search.hits" : "cli.search.hits.more",
                    page.hits(),
                    page.documents(),
                    String.valueOf(page.lines().isEmpty() ? 0 : page.offset() + 1),
                    String.valueOf(page.offset() + page.lines().size())));
    return FabriqueCommand.OK;
  }
}
