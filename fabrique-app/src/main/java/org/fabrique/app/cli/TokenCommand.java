package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.token.ApiToken;
import org.fabrique.core.token.NewToken;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Personal API tokens, for scripts and OpenLineage emitters. */
@Command(
    name = "token",
    description = "Make, list and revoke personal API tokens (Authorization: Bearer TOKEN).",
    mixinStandardHelpOptions = true,
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
public final class TokenCommand {

  /** fabrique token create --user LOGIN [--expires D]. */
  @Command(
      name = "create",
      description = "Make a token for a user and print it, once: only its digest is kept.")
  static final class Create extends StoreCommand {
    @Option(names = "--user", required = true, paramLabel = "LOGIN")
    String login;

    @Option(
        names = "--expires",
        paramLabel = "D",
        description = "When it stops working: a number of days (90d) or a date (2027-01-31).")
    String expires;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      // The local user exists as soon as it is named; any other must have been added.
      User user =
          UserService.DEFAULT_LOGIN.equals(login)
              ? workbench.fabrique().users().defaultUser()
              : workbench.fabrique().users().byLogin(login);
      Optional<Instant> until =
          expires == null
              ? Optional.empty()
              : Optional.of(expiry(expires, workbench.fabrique().tokens().now()));
      NewToken made = workbench.fabrique().tokens().create(user.id(), until);
      spec.commandLine().getOut().println(made.secret());
      spec.commandLine()
          .getErr()
          .println(
              until
                  .map(
                      u ->
                          FabriqueCommand.of(spec)
                              .say(
                                  "cli.token.created.until",
                                  String.valueOf(made.token().id()),
                                  user.login(),
                                  u.toString()))
                  .orElseGet(
                      () ->
                          FabriqueCommand.of(spec)
                              .say(
                                  "cli.token.created",
                                  String.valueOf(made.token().id()),
                                  user.login())));
      return FabriqueCommand.OK;
    }

    /** A number of days from now ({@code 90d} or {@code 90}) or a date (its start, UTC). */
    static Instant expiry(String given, Instant now) {
      String value = given.strip();
      try {
        if (value.matches("\\d{1,5}d?")) {
          long days =
              Long.parseLong(value.endsWith("d") ? value.substring(0, value.length() - 1) : value);
          if (days < 1) {
            throw new InvalidInputException("--expires takes at least one day");
          }
          return now.plus(java.time.Duration.ofDays(days));
        }
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            "--expires takes a number of days (90d) or a date (2027-01-31)", e);
      }
    }
  }

  /** fabrique token list. */
  @Command(name = "list", description = "Every token: id, user, start of the token, dates, state.")
  static final class ListTokens extends StoreCommand {
    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      PrintWriter out = spec.commandLine().getOut();
      Instant now = workbench.fabrique().tokens().now();
      for (ApiToken token : workbench.fabrique().tokens().list()) {
        out.println(
            String.join(
                "\t",
                String.valueOf(token.id()),
                workbench.fabrique().users().get(token.user()).login(),
                token.hint() + "…",
                "created " + token.createdAt(),
                token.expiresAt().map(e -> "expires " + e).orElse("no expiry"),
                token.lastUsedAt().map(u -> "used " + u).orElse("never used"),
                token.revokedAt().isPresent()
                    ? "revoked"
                    : token.validAt(now) ? "valid" : "expired"));
      }
      return FabriqueCommand.OK;
    }
  }

  /** fabrique token revoke ID. */
  @Command(name = "revoke", description = "Revoke a token for good.")
  static final class Revoke extends StoreCommand {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      workbench.fabrique().tokens().revoke(workbench.fabrique().users().defaultUser().id(), id);
      spec.commandLine()
          .getOut()
          .println(FabriqueCommand.of(spec).say("cli.token.revoked", String.valueOf(id)));
      return FabriqueCommand.OK;
    }
  }
}
