package org.fabrique.store.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.fabrique.core.corpus.BlobStore;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.error.StorageException;

/**
 * Blobs as files named by the SHA-256 of their content, {@code root/ab/cdef…}, fanned out by the
 * first two hex digits. A blob is written to a temporary file in {@code root/tmp} and then moved
 * into place, so that a reader never sees a partial blob and a crash leaves at most a stray
 * temporary file. Writing the same content twice keeps one file. Blobs are not forced to disk one
 * by one (that cost 8 ms a file, most of an import): like the SQLite database in WAL mode with
 * {@code synchronous=NORMAL}, they survive a crash of Fabrique, and the operating system writes
 * them out within seconds (see docs/decisions/0003-storage-sqlite-postgresql.md).
 */
public final class FileBlobStore implements BlobStore {
  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

  private final Path root;
  private final Path temporary;

  public FileBlobStore(Path root) {
    this.root = root;
    this.temporary = root.resolve("tmp");
    try {
      Files.createDirectories(temporary);
    } catch (IOException e) {
      throw new StorageException("The file store cannot be created at " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public String put(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return put(in);
    } catch (NoSuchFileException e) {
      throw new NotFoundException("The file to store does not exist: " + file.getFileName(), e);
    } catch (IOException e) {
      throw new StorageException("The file could not be read: " + file.getFileName(), e);
    }
  }

  @Override
  public String put(byte[] content) {
    String digest = HexFormat.of().formatHex(sha256().digest(content));
    if (contains(digest)) {
      return digest;
    }
    try {
      Path temp = Files.createTempFile(temporary, "blob-", ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            OutputStream out = Channels.newOutputStream(channel)) {
          out.write(content);
        }
        moveIntoPlace(temp, digest);
      } finally {
        Files.deleteIfExists(temp);
      }
      return digest;
    } catch (IOException e) {
      throw new StorageException("The file could not be stored", e);
    }
  }

  /** Streams the content to a temporary file while computing its digest. */
  private String put(InputStream in) throws IOException {
    Path temp = Files.createTempFile(temporary, "blob-", ".tmp");
    try {
      MessageDigest sha256 = sha256();
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256)) {
        in.transferTo(out);
        out.flush();
      }
      String digest = HexFormat.of().formatHex(sha256.digest());
      if (!contains(digest)) {
        moveIntoPlace(temp, digest);
      }
      return digest;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void moveIntoPlace(Path temp, String digest) throws IOException {
    Path target = pathOf(digest);
    Files.createDirectories(target.getParent());
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      try {
        Files.move(temp, target);
      } catch (FileAlreadyExistsException alreadyStored) {
        // another writer stored the same content first
      }
    }
  }

  @Override
  public InputStream open(String digest) {
    if (!contains(digest)) {
      throw new NotFoundException("No stored file has the digest " + shorten(digest));
    }
    try {
      return Files.newInputStream(pathOf(digest));
    } catch (NoSuchFileException e) {
      throw new NotFoundException("No stored file has the digest " + shorten(digest), e);
    } catch (IOException e) {
      throw new StorageException("The stored file " + shorten(digest) + " cannot be read", e);
    }
  }

  @Override
  public byte[] read(String digest) {
    try (InputStream in = open(digest)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new StorageException("The stored file " + shorten(digest) + " cannot be read", e);
    }
  }

  @Override
  public boolean contains(String digest) {
    return digest != null
        && DIGEST.matcher(digest).matches()
        && Files.isRegularFile(pathOf(digest));
  }

  @Override
  public boolean delete(String digest) {
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      return false;
    }
    try {
      return Files.deleteIfExists(pathOf(digest));
    } catch (IOException e) {
      throw new StorageException("The stored file " + shorten(digest) + " cannot be deleted", e);
    }
  }

  @Override
  public Set<String> digestsStoredBefore(Instant instant) {
    Set<String> digests = new HashSet<>();
    try (DirectoryStream<Path> fans = Files.newDirectoryStream(root, "[0-9a-f][0-9a-f]")) {
      for (Path fan : fans) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(fan)) {
          for (Path file : files) {
            String digest = fan.getFileName().toString() + file.getFileName();
            if (DIGEST.matcher(digest).matches()
                && Files.getLastModifiedTime(file).toInstant().isBefore(instant)) {
              digests.add(digest);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new StorageException("The file store cannot be listed", e);
    }
    return digests;
  }

  @Override
  public int removePartialFiles(Instant before) {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(temporary)) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(before)
            && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    } catch (IOException e) {
      throw new StorageException("The partial files of " + temporary + " cannot be removed", e);
    }
    return removed;
  }

  private Path pathOf(String digest) {
    return root.resolve(digest.substring(0, 2)).resolve(digest.substring(2));
  }

  private static String shorten(String digest) {
    if (digest == null) {
      return "(none)";
    }
    return digest.length() > 16 ? digest.substring(0, 16) + "…" : digest;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
