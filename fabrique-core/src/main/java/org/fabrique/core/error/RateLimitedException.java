package org.fabrique.core.error;

import java.time.Duration;

/** Too many attempts: try again after a while (HTTP 429 with Retry-After). */
public class RateLimitedException extends FabriqueException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** How long to wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** How long to wait in whole seconds, rounded up, at least one (for Retry-After). */
  public long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  /** A wait in whole seconds, rounded up, at least one. */
  public static long seconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
