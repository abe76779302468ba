package org.fabrique.core.redaction;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.corpus.Confidentiality;

/**
 * What text may carry when it leaves the store: which accepted redactions are applied, which
 * sources and evidence are left out, whether actors' real names may go out. Every export and
 * download takes one.
 *
 * @param name the profile's name: {@code internal}, {@code team}, {@code public} or a custom name
 * @param applied the kinds of replacement applied to accepted redactions
 * @param highest the most confidential level of source, evidence or element that goes out
 * @param realNames whether actors' real names go out
 */
public record ExportProfile(
    String name, Set<ReplacementKind> applied, Confidentiality highest, Disclosure realNames) {

  /** Whether something leaves the system. */
  public enum Disclosure {
    WITHHELD,
    DISCLOSED
  }

  /** As stored: nothing replaced, nothing left out. */
  public static final ExportProfile INTERNAL =
      new ExportProfile("internal", Set.of(), Confidentiality.SECRET, Disclosure.DISCLOSED);

  /**
   * Accepted pseudonyms and labels applied (dates and places kept exact); secret sources left out.
   */
  public static final ExportProfile TEAM =
      new ExportProfile(
          "team",
          Set.of(ReplacementKind.PSEUDONYM, ReplacementKind.LABEL),
          Confidentiality.CONFIDENTIAL,
          Disclosure.WITHHELD);

  /**
   * Every accepted redaction applied, generalisations included; secret and confidential sources and
   * their evidence left out; actors' real names replaced by their pseudonyms.
   */
  public static final ExportProfile PUBLIC =
      new ExportProfile(
          "public",
          EnumSet.allOf(ReplacementKind.class),
          Confidentiality.INTERNAL,
          Disclosure.WITHHELD);

  public ExportProfile {
    Objects.requireNonNull(name, "name");
    applied = Set.copyOf(applied);
    Objects.requireNonNull(highest, "highest");
    Objects.requireNonNull(realNames, "realNames");
  }

  /** The built-in profile of that name. */
  public static Optional<ExportProfile> builtIn(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return Arrays.asList(INTERNAL, TEAM, PUBLIC).stream()
        .filter(p -> p.name.equals(wanted))
        .findFirst();
  }

  /** Whether material of this level goes out under the profile. */
  public boolean allows(Confidentiality level) {
    return level.ordinal() <= highest.ordinal();
  }

  /** Whether the profile changes text at all. */
  public boolean redacts() {
    return !applied.isEmpty();
  }

  public boolean isInternal() {
    return applied.isEmpty()
        && highest == Confidentiality.SECRET
        && realNames == Disclosure.DISCLOSED;
  }
}
