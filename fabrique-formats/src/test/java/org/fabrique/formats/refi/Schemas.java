package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.xml.sax.SAXException;

/** Validation of exported files against the REFI-QDA schemas (copied into the test resources). */
final class Schemas {
  static final Schema PROJECT =
      SecureXml.schema(Schemas.class.getResource("/refi/schema/Project.xsd"));
  static final Schema CODEBOOK =
      SecureXml.schema(Schemas.class.getResource("/refi/schema/Codebook.xsd"));

  private Schemas() {}

  /** Throws with the schema's message unless the project.qde of the archive is valid. */
  static void checkProject(Path qdpx) {
    try (ZipFile zip = new ZipFile(qdpx.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("project.qde"))) {
      PROJECT.newValidator().validate(new StreamSource(in));
    } catch (SAXException e) {
      throw new AssertionError("project.qde is not valid: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void checkCodebook(Path qdc) {
    try {
      CODEBOOK.newValidator().validate(new StreamSource(qdc.toFile()));
    } catch (SAXException e) {
      throw new AssertionError("The codebook is not valid: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
