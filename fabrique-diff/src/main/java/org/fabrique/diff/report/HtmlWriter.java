package org.fabrique.diff.report;

import java.io.PrintWriter;

/**
 * A minimal HTML builder: tags are written by name from code, and every piece of text goes through
 * {@link #text}, which escapes it. No markup is ever built from data.
 */
final class HtmlWriter {
  private final PrintWriter out;

  HtmlWriter(PrintWriter out) {
    this.out = out;
  }

  HtmlWriter open(String tag) {
    out.print('<');
    out.print(tag);
    out.print('>');
    return this;
  }

  HtmlWriter open(String tag, String cssClass) {
    out.print('<');
    out.print(tag);
    out.print(" class=\"");
    out.print(escape(cssClass));
    out.print("\">");
    return this;
  }

  HtmlWriter close(String tag) {
    out.print("</");
    out.print(tag);
    out.print('>');
    return this;
  }

  HtmlWriter text(String text) {
    out.print(escape(text));
    return this;
  }

  HtmlWriter element(String tag, String text) {
    return open(tag).text(text).close(tag);
  }

  HtmlWriter element(String tag, String cssClass, String text) {
    return open(tag, cssClass).text(text).close(tag);
  }

  /** Writes a constant piece of markup (a doctype, a style sheet), never data. */
  HtmlWriter markup(String constant) {
    out.print(constant);
    return this;
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  void flush() {
    out.flush();
  }
}
