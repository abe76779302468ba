package org.fabrique.formats.refi;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.fabrique.core.error.Problem;
import org.fabrique.core.error.StorageException;

/**
 * A thin wrapper of a StAX writer: unchecked exceptions, and text made safe for XML 1.0 (characters
 * XML cannot hold become U+FFFD, reported once).
 */
final class XmlOut {
  private final XMLStreamWriter writer;
  private final List<Problem> problems;
  private boolean replaced;

  XmlOut(OutputStream out, String namespace, List<Problem> problems) {
    this.problems = problems;
    try {
      writer = SecureXml.outputFactory().createXMLStreamWriter(out, "UTF-8");
      writer.setDefaultNamespace(namespace);
    } catch (XMLStreamException e) {
      throw new StorageException("Cannot write XML", e);
    }
  }

  void startDocument() {
    run(() -> writer.writeStartDocument("UTF-8", "1.0"));
  }

  void start(String name) {
    run(() -> writer.writeStartElement(name));
  }

  void rootNamespace(String namespace) {
    run(() -> writer.writeDefaultNamespace(namespace));
  }

  void attribute(String name, String value) {
    run(() -> writer.writeAttribute(name, clean(value)));
  }

  void text(String text) {
    run(() -> writer.writeCharacters(clean(text)));
  }

  void end() {
    run(writer::writeEndElement);
  }

  /** An element holding only text. */
  void element(String name, String text) {
    start(name);
    text(text);
    end();
  }

  /** A Description element holding the text as it is, spaces and all; none when it is empty. */
  void description(String text) {
    if (!text.isEmpty()) {
      element("Description", text);
    }
  }

  /** An empty element with one attribute, e.g. {@code <CodeRef targetGUID="…"/>}. */
  void ref(String name, String attribute, String value) {
    run(() -> writer.writeEmptyElement(name));
    attribute(attribute, value);
  }

  void finish() {
    run(
        () -> {
          writer.writeEndDocument();
          writer.flush();
          writer.close();
        });
  }

  private String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean allowed =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed && out == null) {
        out = new StringBuilder(text.length());
        out.append(text, 0, i);
      }
      if (out != null) {
        out.appendCodePoint(allowed ? c : 0xFFFD);
      }
      i += Character.charCount(c);
    }
    if (out == null) {
      return text;
    }
    if (!replaced) {
      replaced = true;
      problems.add(
          Problem.warning(
              "project.qde",
              "Some names, quotes or memos hold control characters XML cannot carry; they were "
                  + "written as \uFFFD (the plain texts of the sources keep them)"));
    }
    return out.toString();
  }

  private interface XmlStep {
    void run() throws XMLStreamException;
  }

  private static void run(XmlStep step) {
    try {
      step.run();
    } catch (XMLStreamException e) {
      throw new StorageException("Cannot write XML: " + e.getMessage(), e);
    }
  }
}
