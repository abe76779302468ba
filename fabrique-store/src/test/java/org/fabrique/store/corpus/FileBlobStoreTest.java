package org.fabrique.store.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.fabrique.core.error.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {
  @TempDir Path dir;

  @Test
  void bytesAreStoredUnderTheirSha256AndReadBack() throws Exception {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    byte[] content = "Entretien, 7 novembre".getBytes(StandardCharsets.UTF_8);
    String digest = blobs.put(content);
    assertEquals(sha256(content), digest);
    assertTrue(blobs.contains(digest));
    assertArrayEquals(content, blobs.read(digest));
    assertTrue(
        Files.isRegularFile(
            dir.resolve("blobs").resolve(digest.substring(0, 2)).resolve(digest.substring(2))));
    try (InputStream in = blobs.open(digest)) {
      assertArrayEquals(content, in.readAllBytes());
    }
  }

  @Test
  void aLargeFileIsStreamedAndStoredOnce() throws Exception {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    Path file = dir.resolve("large.bin");
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    byte[] chunk = new byte[64 * 1024];
    Random random = new Random(7);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < 160; i++) {
        random.nextBytes(chunk);
        expected.update(chunk);
        out.write(chunk);
      }
    }
    String digest = blobs.put(file);
    assertEquals(HexFormat.of().formatHex(expected.digest()), digest);
    assertEquals(digest, blobs.put(file));
    assertEquals(digest, blobs.put(Files.readAllBytes(file)));
    assertEquals(Files.size(file), blobs.read(digest).length);
    assertEquals(List.of(digest), storedDigests(dir.resolve("blobs")));
  }

  @Test
  void anUnknownOrMalformedDigestIsNotFound() {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    String unknown = "0".repeat(64);
    assertFalse(blobs.contains(unknown));
    assertThrows(NotFoundException.class, () -> blobs.open(unknown));
    assertThrows(NotFoundException.class, () -> blobs.read(unknown));
    assertFalse(blobs.contains("../../etc/passwd"));
    assertThrows(NotFoundException.class, () -> blobs.read("../../etc/passwd"));
    assertThrows(NotFoundException.class, () -> blobs.read("ABCDEF".repeat(10) + "ABCD"));
  }

  @Test
  void storingAMissingFileIsNotFound() {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    assertThrows(NotFoundException.class, () -> blobs.put(dir.resolve("absent.pdf")));
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws IOException {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    blobs.put(new byte[] {1, 2, 3});
    blobs.put(new byte[] {1, 2, 3});
    Path source = Files.writeString(dir.resolve("a.txt"), "text");
    blobs.put(source);
    blobs.put(source);
    try (Stream<Path> temporary = Files.list(dir.resolve("blobs").resolve("tmp"))) {
      assertEquals(0, temporary.count());
    }
  }

  private static List<String> storedDigests(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getParent().getFileName().toString().equals("tmp"))
          .map(p -> p.getParent().getFileName().toString() + p.getFileName())
          .sorted()
          .toList();
    }
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
