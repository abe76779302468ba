package org.fabrique.formats.text;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Stops a parse at its deadline, or as soon as its thread is interrupted, at the next element or
 * run of text the parser reports: a parser stops at the exception instead of running on after the
 * caller gave up on it.
 */
final class DeadlineContentHandler extends ContentHandlerDecorator {
  private final long deadlineNanos;

  DeadlineContentHandler(ContentHandler handler, long deadlineNanos) {
    super(handler);
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public void startElement(String uri, String localName, String name, Attributes atts)
      throws SAXException {
    checkTime();
    super.startElement(uri, localName, name, atts);
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    checkTime();
    super.characters(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    checkTime();
    super.ignorableWhitespace(ch, start, length);
  }

  private void checkTime() throws TimeLimitReached {
    if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadlineNanos > 0) {
      throw new TimeLimitReached();
    }
  }

  /** Thrown through the parser when the time is up. */
  static final class TimeLimitReached extends SAXException {
    private static final long serialVersionUID = 1L;

    TimeLimitReached() {
      super("the time limit for reading the file was reached");
    }

    /** Whether the time limit is what ended a parse that threw {@code failure}. */
    static boolean ended(Throwable failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof TimeLimitReached) {
          return true;
        }
        if (cause instanceof SAXException sax && sax.getException() instanceof TimeLimitReached) {
          return true;
        }
      }
      return false;
    }
  }
}
