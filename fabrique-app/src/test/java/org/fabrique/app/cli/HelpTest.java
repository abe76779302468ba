package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command of the tree answers --help, whatever it requires otherwise. */
class HelpTest {
  private static List<List<String>> paths(CommandLine line, List<String> prefix) {
    List<List<String>> found = new ArrayList<>();
    for (var entry : line.getSubcommands().entrySet()) {
      if (entry.getValue().getCommandSpec().name().equals("help")
          || !entry.getKey().equals(entry.getValue().getCommandSpec().name())) {
        continue; // the help command itself, and aliases
      }
      List<String> path = new ArrayList<>(prefix);
      path.add(entry.getKey());
      found.add(path);
      found.addAll(paths(entry.getValue(), path));
    }
    return found;
  }

  @Test
  void everyCommandOfTheTreeShowsItsHelp() {
    CommandLine tree = FabriqueCommand.commandLine(System.out, System.err);
    List<List<String>> commands = paths(tree, List.of());
    assertTrue(commands.size() > 30, "the tree was walked: " + commands);
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          FabriqueCommand.run(
              args.toArray(String[]::new),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      String printed = out.toString(StandardCharsets.UTF_8);
      assertEquals(0, code, args + " failed: " + err.toString(StandardCharsets.UTF_8));
      if (!command.get(0).equals("diff")) {
        assertTrue(
            printed.startsWith("Usage: fabrique " + String.join(" ", command)),
            args + " printed: " + printed);
      } else {
        assertTrue(printed.contains("--key"), args + " printed: " + printed);
      }
    }
  }

  @Test
  void onlyTheCalledCommandIsBuiltAndEveryNameCallsItsCommand() {
    CommandLine tree = FabriqueCommand.commandLine(System.out, System.err);
    for (var entry : tree.getSubcommands().entrySet()) {
      Class<?> called = FabriqueCommand.called(new String[] {entry.getKey(), "--help"});
      if (entry.getKey().equals("help")) {
        assertNull(called, "the help command builds the whole tree");
      } else {
        assertEquals(
            entry.getValue().getCommandSpec().userObject().getClass(), called, entry.getKey());
      }
    }
    assertNull(FabriqueCommand.called(new String[0]));
    assertNull(FabriqueCommand.called(new String[] {"--version"}));
    assertNull(FabriqueCommand.called(new String[] {"inquiries", "list"}));
  }

  @Test
  void anUnknownCommandIsRefusedWithTheNamesThatExist() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        FabriqueCommand.run(
            new String[] {"inquirie", "list"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(FabriqueCommand.BAD_INPUT, code);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("inquiry"),
        () -> err.toString(StandardCharsets.UTF_8));
  }
}
