package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.fabrique.web.i18n.Lang;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A mistake in the command line told in the user's language. Picocli writes its own messages in
 * English: in English they are kept as they are; in French the usual mistakes — an unknown option
 * or word, a required option or value missing, a value that is not what the option takes — are told
 * in French with the same names, and the rarer ones keep picocli's sentence.
 */
final class UsageErrors {
  private static final String DID_YOU_MEAN = "Did you mean:";
  private static final String POSSIBLE = "Possible solutions:";

  private UsageErrors() {}

  /**
   * Writes the mistake, the names it may mean and where to find the usage.
   *
   * @param say a message of the bundles in the user's language, by key and arguments
   */
  static void write(
      CommandLine.ParameterException mistake,
      Lang lang,
      BiFunction<String, Object[], String> say,
      PrintWriter err) {
    if (lang == Lang.EN) {
      err.println("fabrique: " + mistake.getMessage());
      // A misspelt command or option: "Did you mean: inquiry?"
      CommandLine.UnmatchedArgumentException.printSuggestions(mistake, err);
      err.println("Try 'fabrique help' for usage.");
      return;
    }
    err.println("fabrique: " + sentence(mistake, say));
    // Picocli composes the names a misspelling may mean ("inquiry list or inquiry rename"); only
    // the words around them are said again.
    StringWriter suggestions = new StringWriter();
    CommandLine.UnmatchedArgumentException.printSuggestions(mistake, new PrintWriter(suggestions));
    for (String line : suggestions.toString().split("\\R")) {
      if (line.startsWith(DID_YOU_MEAN) && line.endsWith("?")) {
        String names = line.substring(DID_YOU_MEAN.length(), line.length() - 1).strip();
        err.println(
            say.apply("cli.usage.didYouMean", new Object[] {names.replace(" or ", " ou ")}));
      } else if (line.startsWith(POSSIBLE)) {
        String names = line.substring(POSSIBLE.length()).strip();
        err.println(say.apply("cli.usage.possible", new Object[] {names}));
      } else if (!line.isBlank()) {
        err.println(line);
      }
    }
    err.println(say.apply("cli.usage.help", new Object[0]));
  }

  private static String sentence(
      CommandLine.ParameterException mistake, BiFunction<String, Object[], String> say) {
    if (mistake instanceof CommandLine.MissingParameterException missing
        && !missing.getMissing().isEmpty()) {
      List<ArgSpec> specs = missing.getMissing();
      String names = specs.stream().map(UsageErrors::name).collect(Collectors.joining(", "));
      String key = specs.get(0).isOption() ? "cli.usage.missingOption" : "cli.usage.missingValue";
      return say.apply(key, new Object[] {specs.size(), names});
    }
    if (mistake instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      List<String> words = unmatched.getUnmatched();
      String names = words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
      String key =
          words.get(0).startsWith("-") ? "cli.usage.unknownOption" : "cli.usage.unknownWord";
      return say.apply(key, new Object[] {words.size(), names});
    }
    if (mistake.getArgSpec() != null
        && mistake.getValue() != null
        && mistake.getMessage() != null
        && mistake.getMessage().startsWith("Invalid value for")) {
      ArgSpec spec = mistake.getArgSpec();
      String name =
          spec instanceof OptionSpec option
              ? "'" + option.longestName() + "'"
              : "'" + spec.paramLabel() + "'";
      Class<?> type = spec.typeInfo().getType();
      boolean whole =
          type == int.class || type == long.class || type == Integer.class || type == Long.class;
      return say.apply(
          whole ? "cli.usage.notAWholeNumber" : "cli.usage.invalidValue",
          new Object[] {name, mistake.getValue()});
    }
    return mistake.getMessage();
  }

  /** An option as picocli names it in its message ({@code '--inquiry=ID'}), or a value's label. */
  private static String name(ArgSpec spec) {
    if (spec instanceof OptionSpec option) {
      return "'"
          + option.longestName()
          + (option.typeInfo().isBoolean() ? "" : "=" + option.paramLabel())
          + "'";
    }
    return "'" + spec.paramLabel() + "'";
  }
}
