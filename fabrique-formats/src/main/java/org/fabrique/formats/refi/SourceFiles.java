package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fabrique.core.corpus.BlobStore;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.redaction.ExportScope;

/** The plain texts and originals of the sources, streamed from the blob store into sources/. */
final class SourceFiles {
  private final BlobStore blobs;
  private final ZipOutputStream zip;
  private final ExportGuids guids;
  private final ExportScope scope;
  private int originalsLeftOut;
  private final Map<SourceId, String> texts = new HashMap<>();
  private final Map<SourceId, String> originals = new HashMap<>();

  SourceFiles(BlobStore blobs, ZipOutputStream zip, ExportGuids guids, ExportScope scope) {
    this.blobs = blobs;
    this.zip = zip;
    this.guids = guids;
    this.scope = scope;
  }

  /**
   * Copies the plain text of the source (redacted when the profile changes text), and its original
   * when it is another file and the profile lets originals out.
   */
  void copy(Source source) throws IOException {
    String guid = guids.of(new ItemRef(ItemKind.SOURCE, source.id().value()));
    String text = guid + ".txt";
    if (scope.changesText()) {
      zip.putNextEntry(new ZipEntry("sources/" + text));
      zip.write(scope.text(source).text().text().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } else {
      copyBlob(source.textDigest(), "sources/" + text);
    }
    texts.put(source.id(), text);
    if (!source.originalDigest().equals(source.textDigest()) && !scope.allowsOriginals()) {
      originalsLeftOut++;
    } else if (!source.originalDigest().equals(source.textDigest())) {
      String extension = SourceTexts.extensionOf(source.originalFileName());
      if (extension.isEmpty() || extension.equals(".txt")) {
        extension = extension.isEmpty() ? ".bin" : ".original.txt";
      }
      String original = guid + extension;
      copyBlob(source.originalDigest(), "sources/" + original);
      originals.put(source.id(), original);
    }
  }

  /** How many originals the profile left out. */
  int originalsLeftOut() {
    return originalsLeftOut;
  }

  /** The name of the copied plain text of the source, inside sources/. */
  String text(Source source) {
    return texts.get(source.id());
  }

  /** The name of the copied original of the source inside sources/, when it has its own file. */
  Optional<String> original(Source source) {
    return Optional.ofNullable(originals.get(source.id()));
  }

  private void copyBlob(String digest, String entry) throws IOException {
    zip.putNextEntry(new ZipEntry(entry));
    try (InputStream in = blobs.open(digest)) {
      in.transferTo(zip);
    }
    zip.closeEntry();
  }
}
