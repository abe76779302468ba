package org.fabrique.formats.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.ExtractedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TikaTextExtractorFormatsTest {
  private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor();

  private static final List<String> PARAGRAPHS =
      List.of(
          "Le registre a été ouvert aux chercheurs en 2019.",
          "Chaque demande passe devant le comité d'accès.",
          "Les identifiants sont pseudonymisés avant l'export.");

  @TempDir Path folder;

  @Test
  void readsAPlainTextFileAsWritten() throws IOException {
    String text = "Notes de terrain\r\n\r\n  Réunion du comité, 14 h.\tSalle B.\n";
    ExtractedText extracted = extract("notes.txt", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(new ExtractedText(text, "text/plain", Optional.empty()), extracted);
  }

  @Test
  void keepsMarkdownAsWritten() throws IOException {
    String text = "# Entretien\n\n**Date** : 12 mars\n\n- premier point\n- _second_ point\n";
    ExtractedText extracted = extract("entretien.md", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(text, extracted.text());
    assertEquals("text/markdown", extracted.mediaType());
  }

  @Test
  void decodesALatin1TextFile() throws IOException {
    String text =
        "Le comité d'éthique a rendu son avis après la réunion de décembre. Les données"
            + " hospitalières seront pseudonymisées à la source, et l'accès sera réservé aux"
            + " équipes habilitées.\n";
    ExtractedText extracted = extract("avis.txt", text.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(text, extracted.text());
  }

  @Test
  void decodesAShortLatin1TextFile() throws IOException {
    String text = "Café à 10 h.\n";
    ExtractedText extracted = extract("rdv.txt", text.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(text, extracted.text());
  }

  @Test
  void decodesACyrillicTextFile() throws IOException {
    String text =
        "Данные регистра были переданы исследователям после решения этического комитета.\n";
    ExtractedText extracted = extract("notes.txt", text.getBytes(Charset.forName("windows-1251")));
    assertEquals(text, extracted.text());
  }

  @Test
  void decodesAShiftJisTextFile() throws IOException {
    String text = "これは日本語のテキストです。データの再利用について話しました。\n";
    ExtractedText extracted = extract("memo.txt", text.getBytes(Charset.forName("Shift_JIS")));
    assertEquals(text, extracted.text());
  }

  @Test
  void decodesAUtf16TextFileWithAByteOrderMark() throws IOException {
    String text = "Entretien avec la responsable du registre.\nDurée : 45 minutes.\n";
    ExtractedText extracted = extract("entretien.txt", text.getBytes(StandardCharsets.UTF_16));
    assertEquals(text, extracted.text());
  }

  @Test
  void decodesAUtf16LittleEndianTextFileWithoutAByteOrderMark() throws IOException {
    String text = "Observation du 3 avril : la réunion commence en retard.\n";
    ExtractedText extracted = extract("observation.txt", text.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(text, extracted.text());
  }

  @Test
  void decodesAWindows1252TextFileWithTypographicQuotes() throws IOException {
    String text =
        "« Nous n’avons pas le droit d’exporter ces données », dit la data manager – et elle"
            + " ajoute que l’accord de la CNIL est en cours.\n";
    ExtractedText extracted =
        extract("citation.txt", text.getBytes(Charset.forName("windows-1252")));
    assertEquals(text, extracted.text());
  }

  @Test
  void readsTheParagraphsAndTitleOfAWordDocument() throws IOException {
    ExtractedText extracted = extract("note.docx", Documents.docx(PARAGRAPHS, "Note de synthèse"));
    assertEquals(String.join("\n", PARAGRAPHS), extracted.text());
    assertEquals(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        extracted.mediaType());
    assertEquals(Optional.of("Note de synthèse"), extracted.title());
  }

  @Test
  void readsTheParagraphsAndTitleOfAnOpenDocumentText() throws IOException {
    ExtractedText extracted = extract("note.odt", Documents.odt(PARAGRAPHS, "Compte rendu"));
    assertEquals(String.join("\n", PARAGRAPHS), extracted.text());
    assertEquals("application/vnd.oasis.opendocument.text", extracted.mediaType());
    assertEquals(Optional.of("Compte rendu"), extracted.title());
  }

  @Test
  void readsTheParagraphsAndTitleOfAPdf() throws IOException {
    List<String> paragraphs =
        List.of(
            "The registry opened to researchers in 2019.",
            "Every request goes before the access committee.",
            "Identifiers are pseudonymised before export.");
    ExtractedText extracted = extract("report.pdf", Documents.pdf(paragraphs, "Access report"));
    assertEquals(paragraphs, nonBlankLines(extracted.text()));
    assertEquals("application/pdf", extracted.mediaType());
    assertEquals(Optional.of("Access report"), extracted.title());
  }

  @Test
  void readsTheParagraphsOfAnRtfDocument() throws IOException {
    String rtf =
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24"
            + " Le registre a \\'e9t\\'e9 ouvert en 2019.\\par"
            + " Chaque demande passe devant le comit\\'e9.\\par}";
    ExtractedText extracted = extract("note.rtf", rtf.getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        List.of("Le registre a été ouvert en 2019.", "Chaque demande passe devant le comité."),
        nonBlankLines(extracted.text()));
    assertEquals("application/rtf", extracted.mediaType());
  }

  @Test
  void readsOnlyTheVisibleTextOfAWebPageOneBlockPerLine() throws IOException {
    String html =
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Portail des données</title>
        <style>p { color: red; }</style>
        <script>var tracking = "do not show";</script></head>
        <body><h1>Accès aux données</h1><p>Déposez votre <b>demande</b> en ligne.</p>
        <div>Le comité se réunit chaque mois.</div><ul><li>Protocole</li><li>Avis</li></ul>
        <noscript>Activez JavaScript.</noscript></body></html>""";
    ExtractedText extracted = extract("portail.html", html.getBytes(StandardCharsets.UTF_8));
    assertEquals(
        List.of(
            "Accès aux données",
            "Déposez votre demande en ligne.",
            "Le comité se réunit chaque mois.",
            "Protocole",
            "Avis"),
        nonBlankLines(extracted.text()));
    assertEquals("text/html", extracted.mediaType());
    assertEquals(Optional.of("Portail des données"), extracted.title());
  }

  @Test
  void readsTheChaptersAndTitleOfAnEpubBook() throws IOException {
    ExtractedText extracted =
        extract("rapport.epub", Documents.epub("Rapport sur les entrepôts", PARAGRAPHS));
    assertEquals(PARAGRAPHS, nonBlankLines(extracted.text()));
    assertEquals("application/epub+zip", extracted.mediaType());
    assertEquals(Optional.of("Rapport sur les entrepôts"), extracted.title());
  }

  @Test
  void trustsTheDetectedTypeOverTheFileExtension() throws IOException {
    ExtractedText extracted =
        extract("misnamed.docx", Documents.pdf(List.of("A PDF in disguise."), ""));
    assertEquals("A PDF in disguise.", extracted.text());
    assertEquals("application/pdf", extracted.mediaType());
  }

  @Test
  void leavesTheTitleEmptyWhenTheMetadataHasOnlyBlanks() throws IOException {
    ExtractedText extracted = extract("blank-title.docx", Documents.docx(PARAGRAPHS, "   "));
    assertEquals(Optional.empty(), extracted.title());
  }

  private ExtractedText extract(String name, byte[] content) throws IOException {
    Path file = folder.resolve("upload-" + name.hashCode());
    Files.write(file, content);
    return EXTRACTOR.extract(name, file);
  }

  static List<String> nonBlankLines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
