package org.fabrique.formats.text;

import java.util.Locale;
import java.util.Set;
import org.apache.tika.parser.html.DefaultHtmlMapper;

/**
 * Keeps the text a reader of a web page sees: besides scripts and styles, which Tika drops already,
 * drops the fallbacks for browsers without JavaScript ({@code noscript}) and templates that are
 * never displayed as such.
 */
final class VisibleTextHtmlMapper extends DefaultHtmlMapper {
  private static final Set<String> HIDDEN = Set.of("NOSCRIPT", "TEMPLATE");

  @Override
  public boolean isDiscardElement(String name) {
    return super.isDiscardElement(name) || HIDDEN.contains(name.toUpperCase(Locale.ROOT));
  }
}
