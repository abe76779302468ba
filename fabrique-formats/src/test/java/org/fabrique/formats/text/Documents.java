package org.fabrique.formats.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Builds small test documents by hand: the least OOXML, ODF and EPUB their readers accept, PDFs
 * through PDFBox, RTF and HTML as strings. Nothing is copied from elsewhere.
 */
final class Documents {
  private Documents() {}

  // ---------------------------------------------------------------- docx

  static byte[] docx(List<String> paragraphs, String title) {
    String body =
        paragraphs.stream()
            .map(p -> "<w:p><w:r><w:t xml:space=\"preserve\">" + xml(p) + "</w:t></w:r></w:p>")
            .collect(Collectors.joining());
    return docxWithDocumentXml(
        String.format(
            Locale.ROOT,
            """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:body>%s</w:body></w:document>""",
            body),
        title);
  }

  static byte[] docxWithDocumentXml(String documentXml, String title) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put(
        "[Content_Types].xml",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
        </Types>""");
    parts.put(
        "_rels/.rels",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
        </Relationships>""");
    parts.put("word/document.xml", documentXml);
    parts.put(
        "docProps/core.xml",
        String.format(
            Locale.ROOT,
            """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title></cp:coreProperties>""",
            xml(title)));
    return zip(parts);
  }

  // ---------------------------------------------------------------- odt

  static byte[] odt(List<String> paragraphs, String title) {
    String body =
        paragraphs.stream()
            .map(p -> "<text:p>" + xml(p) + "</text:p>")
            .collect(Collectors.joining());
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("mimetype", "application/vnd.oasis.opendocument.text");
    parts.put(
        "META-INF/manifest.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
          <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
          <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
          <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>""");
    parts.put(
        "content.xml",
        String.format(
            Locale.ROOT,
            """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">\
        <office:body><office:text>%s</office:text></office:body></office:document-content>""",
            body));
    parts.put(
        "meta.xml",
        String.format(
            Locale.ROOT,
            """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">\
        <office:meta><dc:title>%s</dc:title></office:meta></office:document-meta>""",
            xml(title)));
    return zip(parts);
  }

  // ---------------------------------------------------------------- epub

  static byte[] epub(String title, List<String> chapterParagraphs) {
    String paragraphs =
        chapterParagraphs.stream().map(p -> "<p>" + xml(p) + "</p>").collect(Collectors.joining());
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("mimetype", "application/epub+zip");
    parts.put(
        "META-INF/container.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>""");
    parts.put(
        "OEBPS/content.opf",
        String.format(
            Locale.ROOT,
            """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
          <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:identifier id="id">urn:uuid:00000000-0000-4000-8000-000000000001</dc:identifier>
            <dc:title>%s</dc:title>
            <dc:language>fr</dc:language>
          </metadata>
          <manifest><item id="c1" href="chapter1.xhtml" media-type="application/xhtml+xml"/></manifest>
          <spine><itemref idref="c1"/></spine>
        </package>""",
            xml(title)));
    parts.put(
        "OEBPS/chapter1.xhtml",
        String.format(
            Locale.ROOT,
            """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapitre</title></head>\
        <body>%s</body></html>""",
            paragraphs));
    return zip(parts);
  }

  // ---------------------------------------------------------------- pdf

  static byte[] pdf(List<String> paragraphs, String title) {
    try (PDDocument document = pdfDocument(paragraphs, title)) {
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encryptedPdf(List<String> paragraphs, String userPassword) {
    try (PDDocument document = pdfDocument(paragraphs, "")) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy(
              "owner-" + userPassword, userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One page, one line per paragraph with a wider gap between paragraphs. */
  private static PDDocument pdfDocument(List<String> paragraphs, String title) {
    PDDocument document = new PDDocument();
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    if (!title.isEmpty()) {
      PDDocumentInformation information = new PDDocumentInformation();
      information.setTitle(title);
      document.setDocumentInformation(information);
    }
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      float y = 780;
      for (String paragraph : paragraphs) {
        content.beginText();
        content.newLineAtOffset(72, y);
        content.showText(paragraph);
        content.endText();
        y -= 36;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return document;
  }

  private static byte[] save(PDDocument document) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- zip

  /** A zip of text parts, in order; a part named "mimetype" is stored, as ODF and EPUB require. */
  static byte[] zip(Map<String, String> parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> part : parts.entrySet()) {
        byte[] content = part.getValue().getBytes(StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry(part.getKey());
        if (part.getKey().equals("mimetype")) {
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(content.length);
          CRC32 crc = new CRC32();
          crc.update(content);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code count} zero bytes without holding them in memory. */
  static void writeZeros(OutputStream out, long count) throws IOException {
    byte[] block = new byte[64 * 1024];
    for (long left = count; left > 0; left -= block.length) {
      out.write(block, 0, (int) Math.min(block.length, left));
    }
  }

  static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
