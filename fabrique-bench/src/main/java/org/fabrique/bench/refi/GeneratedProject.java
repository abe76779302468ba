package org.fabrique.bench.refi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.fabrique.bench.corpus.SyntheticText;

/**
 * Writes a large REFI-QDA project as another tool would: sources of synthetic field notes and
 * transcripts, a two-level codebook and random (overlapping) coded selections by two coders,
 * streamed into the zip (texts first, then project.qde).
 */
final class GeneratedProject {
  private GeneratedProject() {}

  static void write(Path file, long seed, int sources, int charactersPerSource, int codings)
      throws IOException, XMLStreamException {
    Random random = new Random(seed);
    SyntheticText synthetic = new SyntheticText(seed);
    String[] users = {uuid(random), uuid(random)};
    int codes = 60;
    String[] codeGuids = new String[codes];
    for (int i = 0; i < codes; i++) {
      codeGuids[i] = uuid(random);
    }
    String[] sourceGuids = new String[sources];
    int[][] starts = new int[sources][];
    int[][] ends = new int[sources][];
    String[][] quotes = new String[sources][];
    int perSource = codings / sources;
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int s = 0; s < sources; s++) {
        sourceGuids[s] = uuid(random);
        String text =
            s % 10 == 0
                ? synthetic.transcript(charactersPerSource)
                : synthetic.prose(charactersPerSource);
        zip.putNextEntry(new ZipEntry("sources/" + sourceGuids[s] + ".txt"));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        int length = text.codePointCount(0, text.length());
        starts[s] = new int[perSource];
        ends[s] = new int[perSource];
        quotes[s] = new String[perSource];
        for (int c = 0; c < perSource; c++) {
          int start = random.nextInt(length - 2);
          int end = Math.min(length, start + 1 + random.nextInt(120));
          starts[s][c] = start;
          ends[s][c] = end;
          String quote =
              text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
          quotes[s][c] = quote.length() > 60 ? quote.substring(0, 50) + "…" : quote;
        }
      }
      zip.putNextEntry(new ZipEntry("project.qde"));
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(zip, "UTF-8");
      String ns = "urn:QDA-XML:project:1.0";
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(ns);
      xml.writeStartElement("Project");
      xml.writeDefaultNamespace(ns);
      xml.writeAttribute("name", "Generated " + seed);
      xml.writeAttribute("origin", "Fabrique benchmark generator");
      xml.writeStartElement("Users");
      for (int u = 0; u < users.length; u++) {
        xml.writeEmptyElement("User");
        xml.writeAttribute("guid", users[u]);
        xml.writeAttribute("name", "Coder " + u);
      }
      xml.writeEndElement();
      xml.writeStartElement("CodeBook");
      xml.writeStartElement("Codes");
      for (int parent = 0; parent < codes; parent += 6) {
        xml.writeStartElement("Code");
        xml.writeAttribute("guid", codeGuids[parent]);
        xml.writeAttribute("name", "theme " + parent);
        xml.writeAttribute("isCodable", "true");
        for (int child = parent + 1; child < Math.min(codes, parent + 6); child++) {
          xml.writeEmptyElement("Code");
          xml.writeAttribute("guid", codeGuids[child]);
          xml.writeAttribute("name", "code " + child);
          xml.writeAttribute("isCodable", "true");
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeStartElement("Sources");
      for (int s = 0; s < sources; s++) {
        xml.writeStartElement("TextSource");
        xml.writeAttribute("guid", sourceGuids[s]);
        xml.writeAttribute("name", "Source " + s);
        xml.writeAttribute("plainTextPath", "internal://" + sourceGuids[s] + ".txt");
        for (int c = 0; c < perSource; c++) {
          xml.writeStartElement("PlainTextSelection");
          xml.writeAttribute("guid", uuid(random));
          xml.writeAttribute("name", quotes[s][c]);
          xml.writeAttribute("startPosition", Integer.toString(starts[s][c]));
          xml.writeAttribute("endPosition", Integer.toString(ends[s][c]));
          xml.writeStartElement("Coding");
          xml.writeAttribute("guid", uuid(random));
          xml.writeAttribute("creatingUser", users[random.nextInt(users.length)]);
          xml.writeEmptyElement("CodeRef");
          xml.writeAttribute("targetGUID", codeGuids[random.nextInt(codes)]);
          xml.writeEndElement();
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      zip.closeEntry();
    }
  }

  private static String uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
