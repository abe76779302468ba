package org.fabrique.app.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.user.Account;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Accounts of a team server ({@code fabrique serve --auth local}): add, list, disable, enable, set
 * a password. Passwords come from {@value #PASSWORD_VARIABLE} or are asked on the terminal; they
 * are never printed or logged.
 */
@Command(
    name = "user",
    description = "Manage the accounts that sign in to a team server.",
    mixinStandardHelpOptions = true,
    subcommands = {
      UserCommand.Add.class,
      UserCommand.ListUsers.class,
      UserCommand.Disable.class,
      UserCommand.Enable.class,
      UserCommand.Password.class,
      UserCommand.Admin.class
    })
public final class UserCommand {
  /** The environment variable a password can be given in (for scripts). */
  static final String PASSWORD_VARIABLE = "FABRIQUE_PASSWORD";

  private UserCommand() {}

  /** fabrique user add LOGIN [--display-name N] [--admin]. */
  @Command(name = "add", description = "Create an account with a password.")
  static final class Add extends StoreCommand {
    @Parameters(index = "0", paramLabel = "LOGIN", description = "Login (no real name needed).")
    String login;

    @Option(names = "--display-name", description = "Name shown in the interface.")
    String displayName = "";

    @Option(names = "--admin", description = "A site admin: owner of every inquiry.")
    boolean admin;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      String password = password(spec);
      User user = workbench.fabrique().users().add(login, displayName, password);
      if (admin) {
        workbench.fabrique().users().makeAdmin(user.login());
      }
      spec.commandLine()
          .getOut()
          .println(
              FabriqueCommand.of(spec)
                  .say(
                      admin ? "cli.user.created.admin" : "cli.user.created",
                      user.login(),
                      String.valueOf(user.id())));
      return FabriqueCommand.OK;
    }
  }

  /** fabrique user list. */
  @Command(name = "list", description = "List accounts: id, login, display name, admin, disabled.")
  static final class ListUsers extends StoreCommand {
    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      PrintWriter out = spec.commandLine().getOut();
      for (Account account : workbench.fabrique().users().accounts()) {
        out.println(
            account.user().id()
                + "\t"
                + account.user().login()
                + "\t"
                + account.user().displayName()
                + "\t"
                + (account.admin() ? "admin" : "-")
                + "\t"
                + (account.disabled() ? "disabled" : "enabled"));
      }
      return FabriqueCommand.OK;
    }
  }

  /** A change of one account named by its login, said in one line once made. */
  abstract static class AccountChange extends StoreCommand {
    @Parameters(index = "0", paramLabel = "LOGIN")
    String login;

    @Spec CommandSpec spec;

    /** Makes the change; returns the account as it now is. */
    abstract Account change(UserService users, String login);

    /** The key of the sentence that says what was done, about the login. */
    abstract String done();

    @Override
    final int run(Workbench workbench) {
      Account account = change(workbench.fabrique().users(), login);
      spec.commandLine()
          .getOut()
          .println(FabriqueCommand.of(spec).say(done(), account.user().login()));
      return FabriqueCommand.OK;
    }
  }

  /** fabrique user disable LOGIN. */
  @Command(name = "disable", description = "Disable an account: it can no longer sign in.")
  static final class Disable extends AccountChange {
    @Override
    Account change(UserService users, String login) {
      return users.disable(login);
    }

    @Override
    String done() {
      return "cli.user.disabled";
    }
  }

  /** fabrique user enable LOGIN. */
  @Command(name = "enable", description = "Enable a disabled account again.")
  static final class Enable extends AccountChange {
    @Override
    Account change(UserService users, String login) {
      return users.enable(login);
    }

    @Override
    String done() {
      return "cli.user.enabled";
    }
  }

  /** fabrique user admin LOGIN. */
  @Command(
      name = "admin",
      description =
          "Make an existing account a site admin (for instance one made at its first sign-in with"
              + " OpenID Connect).")
  static final class Admin extends AccountChange {
    @Override
    Account change(UserService users, String login) {
      return users.makeAdmin(login);
    }

    @Override
    String done() {
      return "cli.user.admin";
    }
  }

  /** fabrique user password LOGIN. */
  @Command(name = "password", description = "Set a new password (the user's sessions end).")
  static final class Password extends StoreCommand {
    @Parameters(index = "0", paramLabel = "LOGIN")
    String login;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      workbench.fabrique().users().byLogin(login);
      workbench.fabrique().users().setPassword(login, password(spec));
      spec.commandLine()
          .getOut()
          .println(FabriqueCommand.of(spec).say("cli.user.password", login.trim()));
      return FabriqueCommand.OK;
    }
  }

  /** The password from the environment or, asked twice, from the terminal. */
  static String password(CommandSpec spec) {
    FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
    String fromEnvironment = root.environment(PASSWORD_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment;
    }
    Console console = System.console();
    if (console == null) {
      throw new InvalidInputException(
          "Give the password in " + PASSWORD_VARIABLE + " (no terminal to ask it on)");
    }
    char[] first = console.readPassword("Password: ");
    char[] second = console.readPassword("The same password again: ");
    if (first == null || second == null || !Arrays.equals(first, second)) {
      throw new InvalidInputException("The two passwords differ");
    }
    return new String(first);
  }
}
