package org.fabrique.core.redaction;

import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;

/**
 * The one place where the redaction profile of an export or a download is chosen: every exit (the
 * command line, the API, the web pages) asks here, so that the rule of who may use which profile is
 * written once. Today every user may choose any built-in profile, and {@code team} is the default.
 */
public final class ExportProfiles {
  /** The profile of an export when none is asked for. */
  public static final ExportProfile DEFAULT = ExportProfile.TEAM;

  private ExportProfiles() {}

  /**
   * The profile an export uses: the one asked for by name, or the default.
   *
   * @throws InvalidInputException when the name is not a profile
   */
  public static ExportProfile choose(Optional<String> requested) {
    if (requested.isEmpty() || requested.get().isBlank()) {
      return DEFAULT;
    }
    return ExportProfile.builtIn(requested.get())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Unknown redaction profile "
                        + requested.get().strip()
                        + ": internal, team or public"));
  }

  /** {@link #choose(Optional)} of a name that may be null. */
  public static ExportProfile choose(String requested) {
    return choose(Optional.ofNullable(requested));
  }
}
