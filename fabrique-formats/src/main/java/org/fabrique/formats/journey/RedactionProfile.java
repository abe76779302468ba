package org.fabrique.formats.journey;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.journey.prov.Sensitive;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportScope;

/**
 * What an export may carry. The default carries pseudonyms only (never real names), evidence as
 * opaque identifiers with checksums (never quotes), and leaves out secret elements.
 *
 * @param highest the most confidential level of element exported
 * @param freeText what free text (labels, descriptions, notes) becomes: the accepted redactions of
 *     the inquiry applied under an export profile, or unchanged
 */
public record RedactionProfile(
    Confidentiality highest,
    Disclosure names,
    Disclosure quotes,
    Disclosure arguments,
    UnaryOperator<String> freeText) {

  /** Whether a kind of field material leaves the system. */
  public enum Disclosure {
    WITHHELD,
    DISCLOSED
  }

  public static final RedactionProfile DEFAULT =
      new RedactionProfile(
          Confidentiality.CONFIDENTIAL,
          Disclosure.WITHHELD,
          Disclosure.WITHHELD,
          Disclosure.WITHHELD);

  public RedactionProfile {
    Objects.requireNonNull(highest, "highest");
    Objects.requireNonNull(freeText, "freeText");
  }

  /** A profile that leaves free text as it is. */
  public RedactionProfile(
      Confidentiality highest, Disclosure names, Disclosure quotes, Disclosure arguments) {
    this(highest, names, quotes, arguments, UnaryOperator.identity());
  }

  /**
   * The journey profile of an export under a redaction profile: elements and evidence above its
   * level left out, free text redacted; real names, quotes and arguments go out only as stored.
   */
  public static RedactionProfile of(ExportScope scope) {
    ExportProfile profile = scope.profile();
    Disclosure stored = profile.isInternal() ? Disclosure.DISCLOSED : Disclosure.WITHHELD;
    return new RedactionProfile(
        profile.highest(),
        profile.realNames() == ExportProfile.Disclosure.DISCLOSED ? stored : Disclosure.WITHHELD,
        stored,
        stored,
        scope::freeText);
  }

  /** Free text as it goes out. */
  public String text(String text) {
    return text == null ? null : freeText.apply(text);
  }

  /** Whether this kind of field material leaves the system. */
  public boolean discloses(Sensitive what) {
    Disclosure disclosure =
        switch (what) {
          case REAL_NAMES -> names;
          case QUOTES -> quotes;
          case ARGUMENTS -> arguments;
        };
    return disclosure == Disclosure.DISCLOSED;
  }

  /** Whether an element or evidence of this level may be exported. */
  public boolean allows(Confidentiality level) {
    return level.ordinal() <= highest.ordinal();
  }
}
