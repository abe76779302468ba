package org.fabrique.core.corpus;

import java.util.Optional;

/**
 * The text a {@link TextExtractor} read from a file, before normalisation.
 *
 * @param text the raw extracted text (any line endings, maybe a BOM, maybe not NFC)
 * @param mediaType the detected media type, e.g. {@code application/pdf}
 * @param title the title found in the file's metadata, if any
 */
public record ExtractedText(String text, String mediaType, Optional<String> title) {}
