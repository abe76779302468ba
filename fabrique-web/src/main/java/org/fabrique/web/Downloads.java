package org.fabrique.web;

import com.ibm.icu.text.Transliterator;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * File names of downloads (RFC 6266): an ASCII {@code filename} for old clients, transliterated
 * ("Données" → "Donnees"), and the exact name as {@code filename*} in UTF-8 (RFC 8187).
 */
public final class Downloads {
  private static final Transliterator TO_ASCII =
      Transliterator.getInstance("Any-Latin; Latin-ASCII");

  private Downloads() {}

  /** Sets the Content-Disposition header of a download named {@code name}. */
  public static void attachment(Context ctx, String name) {
    ctx.header("Content-Disposition", contentDisposition(name));
  }

  /** The header's value for a file name (path separators and control characters taken out). */
  public static String contentDisposition(String name) {
    String clean = name.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
    if (clean.isEmpty()) {
      clean = "download";
    }
    String ascii = TO_ASCII.transliterate(clean).replaceAll("[^\\x20-\\x7e]", "_");
    ascii = ascii.replace("\"", "'").replace("%", "_");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(clean);
  }

  /** Percent-encodes the bytes of UTF-8 that are not attr-char (RFC 8187, section 3.2.1). */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
