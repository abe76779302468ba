package org.fabrique.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** REFI-QDA project files (.qdpx) written from literal XML, for the tests of every module. */
public final class RefiProjects {
  /** The GUID of the one source of the projects here. */
  public static final String SOURCE = "50000000-0000-4000-8000-000000000001";

  /** The GUID of a code that no project here has: its codings are not carried. */
  public static final String UNKNOWN_CODE = "c0000000-0000-4000-8000-00000000dead";

  private RefiProjects() {}

  /**
   * A .qdpx: its {@code project.qde} and the plain texts of its sources, by GUID ({@code
   * sources/GUID.txt}).
   */
  public static byte[] qdpx(String project, Map<String, String> texts) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write(project.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> text : texts.entrySet()) {
        zip.putNextEntry(new ZipEntry("sources/" + text.getKey() + ".txt"));
        zip.write(text.getValue().getBytes(StandardCharsets.UTF_8));
      }
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A French project that imports with a note, changes and an item not carried: a code without a
   * GUID, a colour that is not #rrggbb, an unreadable date and a coding of an unknown code.
   */
  public static byte[] withWarnings() {
    String project =
        """
        <Project xmlns="urn:QDA-XML:project:1.0" name="Registre">
          <CodeBook><Codes>
            <Code guid="c0000000-0000-4000-8000-000000000001" name="Consentement"
                isCodable="true" color="rouge"/>
            <Code name="Gouvernance" isCodable="true"/>
          </Codes></CodeBook>
          <Sources>
            <TextSource guid="50000000-0000-4000-8000-000000000001" name="Entretien"
                plainTextPath="internal://50000000-0000-4000-8000-000000000001.txt"
                creationDateTime="hier">
              <PlainTextSelection guid="60000000-0000-4000-8000-000000000001" name="Le comité"
                  startPosition="0" endPosition="9">
                <Coding guid="70000000-0000-4000-8000-000000000001">
                  <CodeRef targetGUID="c0000000-0000-4000-8000-00000000dead"/>
                </Coding>
              </PlainTextSelection>
            </TextSource>
          </Sources>
        </Project>
        """;
    return qdpx(project, Map.of(SOURCE, "Le comité décide de l’accès."));
  }
}
