package org.fabrique.formats.refi;

import java.io.InputStream;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.formats.refi.RefiModel.Project;

/**
 * Reads a project.qde or a .qdc with StAX into a {@link Project}. Tolerant of what real tools
 * write: namespace versions other than 1.0, GUIDs in braces or upper case, unknown elements
 * (skipped and reported). A GUID that is missing, malformed or used twice is replaced by a key of
 * our own (starting with {@code x-}) and reported.
 */
public final class QdeReader {
  static final String PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0";
  static final String CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0";

  private final List<Problem> problems;
  private final QdeAttributes attributes;

  public QdeReader(List<Problem> problems) {
    this.problems = problems;
    this.attributes = new QdeAttributes(problems);
  }

  /** Reads a project (root Project) or a codebook (root CodeBook). */
  public Project read(InputStream in, String fileName) {
    XMLStreamReader reader = SecureXml.reader(in);
    XmlCursor cursor = new XmlCursor(reader, fileName, problems);
    attributes.readFrom(cursor);
    String root = cursor.root();
    String namespace = cursor.namespace();
    if (!namespace.startsWith("urn:QDA-XML:")) {
      problems.add(
          namespace.isEmpty()
              ? Problem.warning(
                  cursor.location(), "The root element has no namespace; read as REFI-QDA")
              : Problem.warning(
                  cursor.location(),
                  "The namespace " + namespace + " is not REFI-QDA's; read as REFI-QDA"));
    } else if (!namespace.equals(PROJECT_NAMESPACE) && !namespace.equals(CODEBOOK_NAMESPACE)) {
      problems.add(
          Problem.info(
              cursor.location(), "The namespace " + namespace + " was read as version 1.0"));
    }
    ProjectElements elements = new ProjectElements(cursor, attributes, problems);
    return switch (root) {
      case "Project" -> elements.project(namespace);
      case "CodeBook" -> elements.codebook(namespace);
      default ->
          throw new InvalidInputException(
              cursor.location() + ": the root element is " + root + ", not Project or CodeBook");
    };
  }
}
