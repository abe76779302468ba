package org.fabrique.core.redaction;

import java.util.Optional;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.error.ForbiddenException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.user.Role;

/**
 * The one place where the redaction profile of an export or a download is chosen: every exit (the
 * command line, the API, the web pages) asks here, so that the rule of who may use which profile is
 * written once.
 *
 * <p>By role in the inquiry: viewers export only under {@code public} (their default); coders under
 * {@code team} (their default) or {@code public}; researchers and owners under any profile, {@code
 * team} by default. {@code internal} (as stored, real names included) is for researchers and
 * owners. The command line runs as the owner of the data directory.
 */
public final class ExportProfiles {
  /** The profile of an export when none is asked for, for those who may use it. */
  public static final ExportProfile DEFAULT = ExportProfile.TEAM;

  private ExportProfiles() {}

  /**
   * The profile of an export by the holder of a role: the one asked for by name, or the role's
   * default.
   *
   * @throws InvalidInputException when the name is not a profile
   * @throws ForbiddenException when the role may not export under that profile
   */
  public static ExportProfile choose(Optional<String> requested, Role role) {
    if (requested.isEmpty() || requested.get().isBlank()) {
      return defaultFor(role);
    }
    ExportProfile profile =
        ExportProfile.builtIn(requested.get())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "Unknown redaction profile "
                            + requested.get().strip()
                            + ": internal, team or public"));
    if (!role.allows(Role.CODER) && !profile.equals(ExportProfile.PUBLIC)) {
      throw new ForbiddenException("Viewers export only under the public profile");
    }
    if (!role.allows(Role.RESEARCHER) && profile.isInternal()) {
      throw new ForbiddenException(
          "Only the inquiry's researchers and owners may export as stored (internal profile)");
    }
    return profile;
  }

  /** The profile of an export by a role when none is asked for. */
  public static ExportProfile defaultFor(Role role) {
    return role.allows(Role.CODER) ? DEFAULT : ExportProfile.PUBLIC;
  }

  /** The built-in profiles a role may export under, its default first. */
  public static java.util.List<ExportProfile> allowed(Role role) {
    if (!role.allows(Role.CODER)) {
      return java.util.List.of(ExportProfile.PUBLIC);
    }
    if (!role.allows(Role.RESEARCHER)) {
      return java.util.List.of(ExportProfile.TEAM, ExportProfile.PUBLIC);
    }
    return java.util.List.of(ExportProfile.TEAM, ExportProfile.PUBLIC, ExportProfile.INTERNAL);
  }

  /**
   * What the holder of a role reads of material under a profile (search results shown to them):
   * sources marked confidential or secret are shown only to researchers and owners, as the access
   * check of every address serves them, whatever the profile would let out.
   */
  public static ExportProfile readBy(ExportProfile profile, Role role) {
    if (role.allows(Role.RESEARCHER) || !profile.allows(Confidentiality.CONFIDENTIAL)) {
      return profile;
    }
    return new ExportProfile(
        profile.name(), profile.applied(), Confidentiality.INTERNAL, profile.realNames());
  }

  /** {@link #choose(Optional, Role)} on the command line, which runs as the owner. */
  public static ExportProfile choose(Optional<String> requested) {
    return choose(requested, Role.OWNER);
  }

  /** {@link #choose(Optional)} of a name that may be null. */
  public static ExportProfile choose(String requested) {
    return choose(Optional.ofNullable(requested));
  }
}
