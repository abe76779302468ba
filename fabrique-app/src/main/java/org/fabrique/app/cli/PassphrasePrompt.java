package org.fabrique.app.cli;

import java.io.Console;
import java.util.Arrays;
import org.fabrique.core.error.InvalidInputException;

/**
 * Where a command gets a passphrase: the environment variable when it holds one, else the terminal,
 * which asks a new passphrase twice.
 *
 * @param variable the environment variable that may hold the passphrase
 * @param name what the messages call it ({@code backup passphrase})
 * @param prompt what the terminal shows before reading it
 * @param again what the terminal shows before reading a new one the second time
 */
record PassphrasePrompt(String variable, String name, String prompt, String again) {

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
      throw new InvalidInputException(
          "Give the " + name + " in " + variable + " (no terminal to ask it on)");
    }
    char[] first = console.readPassword("%s", prompt);
    if (first == null || first.length == 0) {
      throw new InvalidInputException("A " + name + " cannot be empty");
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
