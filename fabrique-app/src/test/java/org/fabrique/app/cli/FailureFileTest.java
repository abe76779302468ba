package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.fabrique.web.i18n.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unexpected failure's stack trace goes to a private file, never on the terminal. */
class FailureFileTest {
  @TempDir Path temp;

  @Test
  void theFailureIsWrittenWithItsCausesToAFileOnlyItsUserReads() throws Exception {
    IllegalStateException failure =
        new IllegalStateException("index 3 out of range", new ArithmeticException("overflow"));
    Path file = FailureFile.write(failure, temp).orElseThrow();
    String written = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(written.contains("IllegalStateException: index 3 out of range"), written);
    assertTrue(written.contains("Caused by: java.lang.ArithmeticException: overflow"), written);
    assertTrue(written.contains("\tat org.fabrique.app.cli.FailureFileTest"), written);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      assertEquals(
          "rwx------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }
    Path second = FailureFile.write(failure, temp).orElseThrow();
    assertFalse(second.equals(file), "each failure has its own file");
  }

  @Test
  void theTerminalGetsOneSentenceWithTheFileNotTheTrace() throws Exception {
    StringWriter terminal = new StringWriter();
    FabriqueCommand.tellWhereTheDetailsAre(
        new IllegalStateException("boom"), Lang.FR, new PrintWriter(terminal, true));
    String shown = terminal.toString();
    assertEquals(1, shown.lines().count(), shown);
    assertTrue(shown.startsWith("Le détail, pour qui s’occupe de Fabrique, est dans "), shown);
    assertFalse(shown.contains("\tat "), shown);
    Path file = Path.of(shown.strip().substring(shown.indexOf(" dans ") + 6));
    assertTrue(Files.exists(file), shown);
    Files.delete(file);
  }

  @Test
  void anUnwritableFolderIsSaidSoNotHidden() throws Exception {
    Path notAFolder = Files.writeString(temp.resolve("plain-file"), "x");
    assertTrue(FailureFile.write(new IllegalStateException("boom"), notAFolder).isEmpty());
  }
}
