package org.fabrique.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.fabrique.core.error.FabriqueException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.error.StorageException;
import org.fabrique.web.i18n.ExchangeReportText;
import org.fabrique.web.i18n.HistorySentences;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line. Exit codes: 0 ok, 1 failure, 2 bad input or usage. */
@Command(
    name = "fabrique",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Fabrique: follow data through their reuse.")
public final class FabriqueCommand implements Runnable {
  /** Success. */
  public static final int OK = 0;

  /** A failure of the database, the disk or Fabrique itself. */
  public static final int FAILURE = 1;

  /** A refusal: bad input or usage, something that does not exist, a conflict, a missing right. */
  public static final int BAD_INPUT = 2;

  /** The messages, loaded when a command first speaks. */
  private static volatile Messages messages;

  /**
   * The commands, in the order the help lists them. Only the one called is built (picocli's model
   * of a command is made by reflection, and building all of them cost every command a quarter of a
   * second); the help, an option of the root or an unknown name builds them all.
   */
  private static final List<Class<?>> COMMANDS =
      List.of(
          ServeCommand.class,
          InquiryCommand.class,
          SourceCommand.class,
          CodingsCommand.class,
          QdpxCommand.class,
          QdcCommand.class,
          HistoryCommand.class,
          SearchCommand.class,
          ReindexCommand.class,
          MatrixCommand.class,
          AgreementCommand.class,
          DiffCommand.class,
          ProvCommand.class,
          LineageCommand.class,
          JourneyCommand.class,
          DossierCommand.class,
          OpenRefineCommand.class,
          RedactCommand.class,
          BackupCommand.class,
          RestoreCommand.class,
          UserCommand.class,
          MemberCommand.class,
          AuditCommand.class,
          TokenCommand.class,
          CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;
  private final Function<String, String> environment;

  private FabriqueCommand(PrintStream out, PrintStream err, Function<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  /**
   * The language of whoever runs the command: {@code FABRIQUE_LANG} ({@code en} or {@code fr}),
   * else the first locale variable set among {@code LC_ALL}, {@code LC_MESSAGES} and {@code LANG}
   * ({@code fr_FR.UTF-8} is French); English otherwise.
   */
  static Lang lang(Function<String, String> environment) {
    for (String variable : List.of("FABRIQUE_LANG", "LC_ALL", "LC_MESSAGES", "LANG")) {
      String value = environment.apply(variable);
      if (value != null && !value.isBlank()) {
        return value.strip().toLowerCase(java.util.Locale.ROOT).startsWith("fr")
            ? Lang.FR
            : Lang.EN;
      }
    }
    return Lang.EN;
  }

  /** The language the command speaks, from its environment. */
  Lang lang() {
    return lang(environment);
  }

  /** The root command of a running command, which knows its language. */
  static FabriqueCommand of(picocli.CommandLine.Model.CommandSpec spec) {
    return (FabriqueCommand) spec.root().userObject();
  }

  /** A message of the interface in the language of the command line. */
  String say(String key, Object... args) {
    return messages().get(lang(), key, args);
  }

  /** A problem a service wrote in English, in the language of the command line when known. */
  String problem(String english) {
    return messages().problem(lang(), english);
  }

  /** What history lines did, in the history page's words and the language of the command line. */
  HistorySentences historySentences() {
    return new HistorySentences(messages(), lang());
  }

  /** The data-loss report of an exchange in the language of the command line. */
  ExchangeReportText reportText() {
    return new ExchangeReportText(messages(), lang());
  }

  private static Messages messages() {
    Messages loaded = messages;
    if (loaded == null) {
      loaded = Messages.load();
      messages = loaded;
    }
    return loaded;
  }

  /** A variable of the environment the command runs in (null when unset). */
  String environment(String name) {
    return environment.apply(name);
  }

  /** Standard output, for commands that write bytes rather than lines. */
  PrintStream out() {
    return out;
  }

  /** Standard error, for commands that write bytes rather than lines. */
  PrintStream err() {
    return err;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line; the one place where errors become messages and exit codes. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System::getenv);
  }

  /** Runs the command line with the environment variables that {@code environment} gives. */
  static int run(
      String[] args, PrintStream out, PrintStream err, Function<String, String> environment) {
    if (args.length > 0 && args[0].equals("diff")) {
      // The diff reads its own options: the command tree's model, which picocli makes by
      // reflection (a tenth of a second of a one-shot command), is not needed.
      return DiffCommand.run(
          List.of(args).subList(1, args.length), new FabriqueCommand(out, err, environment));
    }
    return commandLine(out, err, environment, called(args)).execute(args);
  }

  /**
   * Writes a failure's full account to a private file ({@link FailureFile}) and says where it is: a
   * stack trace is never shown on the terminal.
   */
  static void tellWhereTheDetailsAre(Throwable failure, Lang lang, PrintWriter err) {
    err.println(
        FailureFile.write(failure)
            .map(file -> messages().get(lang, "cli.failure.details", file.toString()))
            .orElseGet(() -> messages().get(lang, "cli.failure.no-details")));
  }

  /**
   * The command line's logger, made when first needed: starting the logging takes about 75 ms,
   * which a one-shot command such as {@code diff}, logging nothing unless it fails, need not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(FabriqueCommand.class);
  }

  /** The whole command tree, with its error handlers, writing to these streams. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return commandLine(out, err, System::getenv, null);
  }

  /**
   * The command the arguments call, when their first is the name of one (the help command aside),
   * or null: then the whole tree is built, for the help or for a message about an unknown name.
   */
  static Class<?> called(String[] args) {
    if (args.length == 0) {
      return null;
    }
    for (Class<?> command : COMMANDS) {
      String name = command.getAnnotation(Command.class).name();
      if (name.equals(args[0]) && command != CommandLine.HelpCommand.class) {
        return command;
      }
    }
    return null;
  }

  private static CommandLine commandLine(
      PrintStream out, PrintStream err, Function<String, String> environment, Class<?> called) {
    CommandLine commandLine = new CommandLine(new FabriqueCommand(out, err, environment));
    for (Class<?> command : COMMANDS) {
      if (called == null || command == called) {
        commandLine.addSubcommand(command);
      }
    }
    commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    commandLine.setExitCodeExceptionMapper(FabriqueCommand::exitCode);
    // The diff library reads its own options (--key, --format, --out, --help).
    CommandLine diff = commandLine.getSubcommands().get("diff");
    if (diff != null) {
      diff.setUnmatchedOptionsArePositionalParams(true);
    }
    helpEverywhere(commandLine);
    commandLine.setExecutionExceptionHandler(
        (exception, line, parsed) -> failed(exception, lang(environment), line.getErr()));
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          Lang lang = lang(environment);
          UsageErrors.write(
              exception,
              lang,
              (key, values) -> messages().get(lang, key, values),
              exception.getCommandLine().getErr());
          return BAD_INPUT;
        });
    return commandLine;
  }

  /**
   * Gives every command of the tree --help and --version, so that a command's help is shown before
   * its required options and parameters are asked for; diff shows its library's own help.
   */
  private static void helpEverywhere(CommandLine commandLine) {
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
      if (!spec.name().equals("diff") && !spec.name().equals("help")) {
        if (spec.optionsMap().get("--help") == null) {
          spec.mixinStandardHelpOptions(true);
        }
        helpEverywhere(sub);
      }
    }
  }

  /**
   * Tells of a command's failure in the user's language and returns its exit code: a refusal in one
   * line (with its problems), a failure of storage or of Fabrique with the private file that holds
   * its details.
   */
  static int failed(Exception exception, Lang lang, PrintWriter err) {
    if (exception instanceof FabriqueException) {
      // Refusals are written in English; the user reads them in their language.
      err.println("fabrique: " + messages().problem(lang, exception.getMessage()));
      if (exception instanceof InvalidInputException invalid) {
        invalid
            .problems()
            .forEach(
                p ->
                    err.println(
                        "  " + p.location() + ": " + messages().problem(lang, p.message())));
      }
      if (exception instanceof StorageException) {
        // The database or the disk failed: the cause is for whoever looks after them.
        tellWhereTheDetailsAre(exception, lang, err);
      } else if (!(exception instanceof InvalidInputException
          || exception instanceof NotFoundException)) {
        log().debug("Command failed", exception);
      }
    } else {
      err.println(
          "fabrique: "
              + messages().get(lang, "cli.unexpected", exception.getClass().getSimpleName()));
      tellWhereTheDetailsAre(exception, lang, err);
    }
    return exitCode(exception);
  }

  /**
   * A refusal (bad input or usage, something that does not exist, a conflict, a missing right)
   * exits with 2, as the web answers it with a 4xx; a failure of the database, the disk or Fabrique
   * itself with 1.
   */
  static int exitCode(Throwable exception) {
    if (exception instanceof FabriqueException && !(exception instanceof StorageException)
        || exception instanceof CommandLine.ParameterException) {
      return BAD_INPUT;
    }
    return FAILURE;
  }
}
