package org.fabrique.core.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fabrique.core.corpus.BlobStore;
import org.fabrique.core.error.NotFoundException;

/** Blobs as files named by their SHA-256 in a folder, so that tests hold no text in memory. */
public final class DirectoryBlobStore implements BlobStore {
  private final Path folder;

  public DirectoryBlobStore(Path folder) {
    this.folder = folder;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String put(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return put(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String put(byte[] content) {
    return put(new ByteArrayInputStream(content));
  }

  private synchronized String put(InputStream in) {
    try {
      Path temporary = Files.createTempFile(folder, "blob", ".tmp");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (DigestInputStream digesting = new DigestInputStream(in, sha)) {
        Files.copy(digesting, temporary, StandardCopyOption.REPLACE_EXISTING);
      }
      String digest = HexFormat.of().formatHex(sha.digest());
      Files.move(temporary, folder.resolve(digest), StandardCopyOption.REPLACE_EXISTING);
      return digest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public InputStream open(String digest) {
    try {
      return Files.newInputStream(path(digest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] read(String digest) {
    try {
      return Files.readAllBytes(path(digest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean contains(String digest) {
    return Files.exists(folder.resolve(digest));
  }

  private Path path(String digest) {
    Path path = folder.resolve(digest);
    if (!digest.matches("[0-9a-f]{64}") || !Files.exists(path)) {
      throw new NotFoundException("There is no blob " + digest);
    }
    return path;
  }

  @Override
  public synchronized boolean delete(String digest) {
    try {
      return digest.matches("[0-9a-f]{64}") && Files.deleteIfExists(folder.resolve(digest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public java.util.Set<String> digestsStoredBefore(java.time.Instant instant) {
    try (var files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.matches("[0-9a-f]{64}"))
          .collect(java.util.stream.Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int removePartialFiles(java.time.Instant before) {
    try (var files = Files.list(folder)) {
      int count = 0;
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
        Files.deleteIfExists(f);
        count++;
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
