package org.fabrique.app.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.function.Supplier;
import org.fabrique.core.error.InvalidInputException;

/**
 * Where a command gets a passphrase: the environment variable when it holds one, else the terminal,
 * which asks a new passphrase twice. The refusals are the command's own, written where the command
 * is so that its messages read as one.
 *
 * @param variable the environment variable that may hold the passphrase
 * @param prompt what the terminal shows before reading it
 * @param again what the terminal shows before reading a new one the second time
 * @param noTerminal the refusal when there is neither the variable nor a terminal
 * @param empty the refusal of an empty passphrase
 */
record PassphrasePrompt(
    String variable,
    String prompt,
    String again,
    Supplier<InvalidInputException> noTerminal,
    Supplier<InvalidInputException> empty) {

  /** The passphrase of something about to be written, asked twice on the terminal. */
  char[] newPassphrase(FabriqueCommand root) {
    return read(root, true);
  }

  /** The passphrase of something written before. */
  char[] existingPassphrase(FabriqueCommand root) {
    return read(root, false);
  }

  private char[] read(FabriqueCommand root, boolean confirm) {
    String fromEnvironment = root.environment(variable);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw noTerminal.get();
    }
    char[] first = console.readPassword("%s", prompt);
    if (first == null || first.length == 0) {
      throw empty.get();
    }
    if (confirm) {
      char[] second = console.readPassword("%s", again);
      if (second == null || !Arrays.equals(first, second)) {
        throw new InvalidInputException("The two passphrases differ");
      }
    }
    return first;
  }
}
