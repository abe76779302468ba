package org.fabrique.formats.refi;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;

/**
 * A walk down a StAX stream, element by element, that turns XML errors into messages saying what
 * and where, and refuses DTDs.
 */
final class XmlCursor {
  private final XMLStreamReader reader;
  private final String fileName;
  private final List<Problem> problems;

  XmlCursor(XMLStreamReader reader, String fileName, List<Problem> problems) {
    this.reader = reader;
    this.fileName = fileName;
    this.problems = problems;
  }

  /** Moves to the root element and returns its local name. */
  String root() {
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return reader.getLocalName();
      }
      if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new InvalidInputException(fileName + " holds no XML element");
      }
    }
  }

  /**
   * The local names of the children of the current element, each read when the loop asks for it:
   * the loop reads or skips a child before it asks for the next.
   */
  Iterable<String> children() {
    return () ->
        new Iterator<>() {
          private Optional<String> child = Optional.empty();
          private boolean moved;

          @Override
          public boolean hasNext() {
            if (!moved) {
              child = nextChild();
              moved = true;
            }
            return child.isPresent();
          }

          @Override
          public String next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            moved = false;
            return child.get();
          }
        };
  }

  /**
   * Moves to the next child of the current element and returns its local name, or empty at the end
   * of the current element.
   */
  private Optional<String> nextChild() {
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return Optional.of(reader.getLocalName());
      }
      if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
        return Optional.empty();
      }
    }
  }

  /** The text of the current element (which must hold only text); moves past its end. */
  String text() {
    StringBuilder text = new StringBuilder();
    int depth = 0;
    while (true) {
      int event = next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(reader.getText());
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> {
          if (depth == 0) {
            return text.toString();
          }
          depth--;
        }
        default -> {}
      }
    }
  }

  /** Skips the current element, telling the report that it was not read. */
  void skipUnknown(String parent) {
    String name = reader.getLocalName();
    problems.add(
        Problem.warning(
            location(), "The element " + name + " in " + parent + " is not known and was skipped"));
    skip();
  }

  /** Skips the current element and everything in it. */
  void skip() {
    int depth = 0;
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == 0) {
          return;
        }
        depth--;
      }
    }
  }

  String namespace() {
    String namespace = reader.getNamespaceURI();
    return namespace == null ? "" : namespace;
  }

  Optional<String> attribute(String name) {
    String value = reader.getAttributeValue(null, name);
    return value == null ? Optional.empty() : Optional.of(value);
  }

  /** "project.qde:12:5" — where the cursor is, for messages. */
  String location() {
    var location = reader.getLocation();
    return fileName + ":" + location.getLineNumber() + ":" + location.getColumnNumber();
  }

  private int next() {
    try {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD) {
        throw new InvalidInputException(
            location() + ": the XML declares a DTD; DTDs and entities are refused");
      }
      if (event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new InvalidInputException(
            location() + ": the XML refers to the entity " + reader.getLocalName() + "; refused");
      }
      return event;
    } catch (XMLStreamException e) {
      var where = e.getLocation();
      String at =
          where == null
              ? fileName
              : fileName + ":" + where.getLineNumber() + ":" + where.getColumnNumber();
      throw new InvalidInputException(
          at + ": the XML is not well-formed: " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String text =
        message.replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }
}
