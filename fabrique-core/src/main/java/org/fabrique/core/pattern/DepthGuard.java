package org.fabrique.core.pattern;

import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;

/**
 * Runs work whose depth of recursion the user's input decides (a regular expression whose repeated
 * group holds alternatives recurses once per character it matches; a query of nested parentheses
 * once per parenthesis) on a thread of its own with a known stack. Running out of that stack is a
 * refusal with a message, never a {@link StackOverflowError} that reaches the user.
 */
public final class DepthGuard {
  /** The stack of the thread the work runs on (reserved, used only as deep as the work goes). */
  static final long STACK_BYTES = 32L * 1024 * 1024;

  private DepthGuard() {}

  /** Work that may throw a checked exception of its own. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * The result of the work, run on a thread with {@link #STACK_BYTES} of stack.
   *
   * @param refusal the message of the refusal when the work goes too deep
   * @throws InvalidInputException with that message when the work goes too deep
   * @throws E what the work throws
   */
  @SuppressWarnings("unchecked")
  public static <T, E extends Exception> T call(String refusal, Work<T, E> work) throws E {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result[0] = work.run();
              } catch (StackOverflowError e) {
                failure[0] = new InvalidInputException(refusal);
              } catch (Exception | Error e) {
                failure[0] = e;
              }
            },
            "fabrique-deep-work",
            STACK_BYTES);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      throw new StorageException("The work was interrupted", e);
    }
    Throwable thrown = failure[0];
    if (thrown == null) {
      return (T) result[0];
    }
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    throw (E) thrown;
  }
}
