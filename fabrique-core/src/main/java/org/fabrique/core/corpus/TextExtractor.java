package org.fabrique.core.corpus;

import java.nio.file.Path;
import java.util.Optional;

/** Reads the text of a file of the corpus (txt, md, docx, odt, rtf, pdf, html, epub…). */
public interface TextExtractor {

  /**
   * Extracts the text of a file.
   *
   * @param fileName the name the user gave the file (used for type detection and messages)
   * @param file where its bytes are
   * @throws org.fabrique.core.error.InvalidInputException with a message that says what is wrong
   *     with the file (corrupt, encrypted, empty, too large, undecodable, a zip bomb…)
   */
  ExtractedText extract(String fileName, Path file);

  /** Guesses the language of a text as an ISO 639-1 code ("fr", "en"), if it can tell. */
  Optional<String> detectLanguage(String text);
}
