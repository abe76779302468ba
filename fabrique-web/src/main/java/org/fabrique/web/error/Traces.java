package org.fabrique.web.error;

/**
 * Stack traces for the log without exception messages: database drivers put statements and their
 * arguments (field material, names) in their messages.
 */
final class Traces {
  private static final int FRAMES = 12;

  private Traces() {}

  static String withoutMessages(Throwable error) {
    StringBuilder out = new StringBuilder();
    Throwable current = error;
    int depth = 0;
    while (current != null && depth < 8) {
      out.append(depth == 0 ? "" : "\nCaused by: ").append(current.getClass().getName());
      StackTraceElement[] frames = current.getStackTrace();
      for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
        out.append("\n\tat ").append(frames[i]);
      }
      if (frames.length > FRAMES) {
        out.append("\n\t… ").append(frames.length - FRAMES).append(" more");
      }
      current = current.getCause() == current ? null : current.getCause();
      depth++;
    }
    return out.toString();
  }
}
