package org.fabrique.formats.refi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.fabrique.core.error.InvalidInputException;

/**
 * A REFI-QDA project as it is read: a .qdpx zip holding {@code project.qde} and a {@code sources}
 * folder (any case), or a bare .qde file with its sources beside it. Entries are checked before
 * anything is read (zip slip, entry count, sizes, compression ratio) and read through streams that
 * stop at the sizes they declared.
 */
public final class QdpxArchive implements AutoCloseable {
  private final String displayName;
  private final Optional<ZipFile> zip;
  private final Path qdeFile;
  private final Path folder;
  private final Map<String, ZipEntry> entriesByLowerPath = new HashMap<>();
  private final List<String> otherEntries = new ArrayList<>();
  private final java.util.Set<String> opened = new java.util.HashSet<>();
  private final ArchiveLimits limits;
  private ZipEntry qdeEntry;

  private QdpxArchive(String displayName, ZipFile zip, Path qdeFile, ArchiveLimits limits) {
    this.displayName = displayName;
    this.zip = Optional.ofNullable(zip);
    this.qdeFile = qdeFile;
    this.folder = qdeFile == null ? null : qdeFile.toAbsolutePath().getParent();
    this.limits = limits;
  }

  /**
   * Opens a .qdpx or a bare .qde.
   *
   * @throws InvalidInputException when the file is not a zip, is hostile or has no project.qde
   */
  public static QdpxArchive open(Path file, ArchiveLimits limits) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(name + ": there is no such file");
    }
    if (isXml(file)) {
      return new QdpxArchive(name, null, file, limits);
    }
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new InvalidInputException(name + " is neither a REFI-QDA .qdpx archive nor XML", e);
    } catch (IOException e) {
      throw new InvalidInputException(name + " cannot be read: " + e.getMessage(), e);
    }
    QdpxArchive archive = new QdpxArchive(name, zip, null, limits);
    try {
      archive.checkEntries();
    } catch (RuntimeException e) {
      archive.close();
      throw e;
    }
    return archive;
  }

  private static boolean isXml(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length >= 2 && !(head[0] == 'P' && head[1] == 'K');
    } catch (IOException e) {
      throw new InvalidInputException(file.getFileName() + " cannot be read: " + e.getMessage(), e);
    }
  }

  private QdpxArchive(String displayName, Path folder, ArchiveLimits limits) {
    this.displayName = displayName;
    this.zip = Optional.empty();
    this.qdeFile = null;
    this.folder = folder.toAbsolutePath();
    this.limits = limits;
  }

  /**
   * The files of a project kept in a folder rather than an archive (QualCoder's {@code *.qda}
   * folders): {@link #locate} and {@link #open(String)} read its files, which are never written.
   */
  public static QdpxArchive folder(Path folder, ArchiveLimits limits) {
    return new QdpxArchive(folder.getFileName().toString(), folder, limits);
  }

  private void checkEntries() {
    ZipFile file = zip.orElseThrow();
    if (file.size() > limits.maxEntries()) {
      throw new InvalidInputException(
          displayName
              + " holds "
              + file.size()
              + " entries, more than the "
              + limits.maxEntries()
              + " allowed: refused as a possible zip bomb");
    }
    long total = 0;
    Enumeration<? extends ZipEntry> entries = file.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      String entryName = entry.getName();
      checkName(entryName);
      if (entry.isDirectory()) {
        continue;
      }
      long size = entry.getSize();
      long compressed = entry.getCompressedSize();
      if (size > limits.maxEntryBytes()) {
        throw new InvalidInputException(
            displayName
                + ": the entry "
                + entryName
                + " is larger than "
                + limits.maxEntryBytes()
                + " bytes: refused");
      }
      if (size > ArchiveLimits.RATIO_THRESHOLD
          && compressed > 0
          && size / compressed > limits.maxRatio()) {
        throw new InvalidInputException(
            displayName
                + ": the entry "
                + entryName
                + " expands "
                + size / compressed
                + " times its compressed size (limit "
                + limits.maxRatio()
                + "): refused as a possible zip bomb");
      }
      total += Math.max(0, size);
      if (total > limits.maxTotalBytes()) {
        throw new InvalidInputException(
            displayName
                + " expands to more than "
                + limits.maxTotalBytes()
                + " bytes: refused as a possible zip bomb");
      }
      String lower = entryName.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".qde") && !lower.contains("/")) {
        if (qdeEntry == null || lower.equals("project.qde")) {
          qdeEntry = entry;
        }
      } else {
        entriesByLowerPath.put(lower, entry);
        if (!lower.startsWith("sources/")) {
          otherEntries.add(entryName);
        }
      }
    }
    if (qdeEntry == null) {
      throw new InvalidInputException(
          displayName + " is a zip archive without project.qde: it is not a REFI-QDA project");
    }
  }

  private void checkName(String entryName) {
    String normalized = entryName.replace('\\', '/');
    boolean escapes =
        normalized.startsWith("/")
            || normalized.matches("^[A-Za-z]:.*")
            || List.of(normalized.split("/")).contains("..")
            || entryName.indexOf('\0') >= 0;
    if (escapes || !normalized.equals(entryName)) {
      throw new InvalidInputException(
          displayName
              + ": the entry \""
              + entryName
              + "\" points outside the archive's folder (zip slip): refused");
    }
  }

  /** The name of the archive, for messages. */
  public String displayName() {
    return displayName;
  }

  /** The project.qde (or the bare .qde file), read through a size-bounded stream. */
  public InputStream openQde() {
    if (qdeFile == null && zip.isEmpty()) {
      throw new InvalidInputException(displayName + " holds no project.qde");
    }
    if (zip.isEmpty()) {
      try {
        return Files.newInputStream(qdeFile);
      } catch (IOException e) {
        throw new InvalidInputException(displayName + " cannot be read: " + e.getMessage(), e);
      }
    }
    return open(qdeEntry);
  }

  /** Entries neither the project, nor in the sources folder, nor read (for the report). */
  public List<String> otherEntries() {
    return otherEntries.stream().filter(e -> !opened.contains(e.toLowerCase(Locale.ROOT))).toList();
  }

  /**
   * The file of the project a path names, as producers write it: a name in the sources folder
   * ({@code internal://NAME}), the same name bare, a path starting with {@code sources/} or {@code
   * Sources/}, or a path from the root of the archive, in any case, with {@code \} or {@code /},
   * percent-encoded or not. Empty when the project holds no such file.
   */
  public Optional<String> locate(String path) {
    List<String> forms = new ArrayList<>();
    forms.add(path);
    String decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    if (!decoded.equals(path)) {
      forms.add(decoded);
    }
    for (String form : forms) {
      String relative = form.replace('\\', '/').replaceFirst("^/+", "");
      if (relative.isEmpty() || List.of(relative.split("/")).contains("..")) {
        continue;
      }
      String lower = relative.toLowerCase(Locale.ROOT);
      String inSources =
          lower.startsWith("sources/") ? lower.substring("sources/".length()) : lower;
      for (String candidate : List.of("sources/" + inSources, lower)) {
        if (exists(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private boolean exists(String lowerPath) {
    if (zip.isPresent()) {
      return entriesByLowerPath.containsKey(lowerPath);
    }
    return bareFile(lowerPath).isPresent();
  }

  /**
   * Opens a file {@link #locate} found.
   *
   * @throws InvalidInputException when it is missing or unsafe
   */
  public InputStream open(String located) {
    if (zip.isEmpty()) {
      Path file =
          bareFile(located)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          displayName + ": the source file " + located + " is missing"));
      try {
        return Files.newInputStream(file);
      } catch (IOException e) {
        throw new InvalidInputException(
            displayName + ": the source file " + located + " cannot be read", e);
      }
    }
    ZipEntry entry = entriesByLowerPath.get(located);
    opened.add(located);
    if (entry == null) {
      throw new InvalidInputException(
          displayName + ": the source file " + located + " is missing from the archive");
    }
    return open(entry);
  }

  /**
   * The file beside a bare .qde that a lower-case path names, compared without case: {@code
   * sources/NAME} looks in its {@code sources} or {@code Sources} folder.
   */
  private Optional<Path> bareFile(String lowerPath) {
    String[] parts = lowerPath.split("/");
    Path current = folder;
    for (String part : parts) {
      if (part.isEmpty() || part.equals("..") || part.equals(".")) {
        return Optional.empty();
      }
      Optional<Path> child = childIgnoringCase(current, part);
      if (child.isEmpty()) {
        return Optional.empty();
      }
      current = child.get();
    }
    return Files.isRegularFile(current) ? Optional.of(current) : Optional.empty();
  }

  private static Optional<Path> childIgnoringCase(Path folder, String name) {
    Path exact = folder.resolve(name);
    if (Files.exists(exact)) {
      return Optional.of(exact);
    }
    try (java.util.stream.Stream<Path> children = Files.list(folder)) {
      return children
          .filter(c -> c.getFileName().toString().toLowerCase(Locale.ROOT).equals(name))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private InputStream open(ZipEntry entry) {
    try {
      long allowed = entry.getSize() >= 0 ? entry.getSize() : limits.maxEntryBytes();
      return new Bounded(zip.orElseThrow().getInputStream(entry), allowed, entry.getName());
    } catch (IOException e) {
      throw new InvalidInputException(
          displayName + ": the entry " + entry.getName() + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    zip.ifPresent(
        z -> {
          try {
            z.close();
          } catch (IOException e) {
            // nothing was written; the archive is closed as far as we are concerned
          }
        });
  }

  /** Stops reading an entry that expands beyond what it declared. */
  private final class Bounded extends FilterInputStream {
    private final long allowed;
    private final String entryName;
    private long read;

    Bounded(InputStream in, long allowed, String entryName) {
      super(in);
      this.allowed = allowed;
      this.entryName = entryName;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > allowed) {
        throw new InvalidInputException(
            displayName
                + ": the entry "
                + entryName
                + " expands beyond the "
                + allowed
                + " bytes it declares: refused as a possible zip bomb");
      }
    }
  }
}
