package org.fabrique.formats.text;

import java.io.InputStream;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.xml.sax.ContentHandler;

/**
 * Leaves embedded files (attachments, pictures, OLE objects) unread: a source's text is the text of
 * the document itself, and embedded files are where most hostile content hides.
 */
final class SkipEmbeddedDocuments implements EmbeddedDocumentExtractor {
  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    return false;
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
    // never called: shouldParseEmbedded says no to everything
  }
}
