package org.fabrique.formats.journey;

import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.journey.prov.Sensitive;

/**
 * What an export may carry. The default carries pseudonyms only (never real names), evidence as
 * opaque identifiers with checksums (never quotes), and leaves out secret elements.
 *
 * @param highest the most confidential level of element exported
 */
public record RedactionProfile(
    Confidentiality highest, Disclosure names, Disclosure quotes, Disclosure arguments) {

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
