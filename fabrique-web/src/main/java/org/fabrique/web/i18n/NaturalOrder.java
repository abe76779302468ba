package org.fabrique.web.i18n;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;

/**
 * The order in which people expect titles: by the language's alphabet, accents and case second,
 * numbers by value ("Interview 2" before "Interview 10"). ICU's collator with numeric collation.
 */
public final class NaturalOrder {
  private NaturalOrder() {}

  /** A comparator of strings in a language's natural order. */
  public static Comparator<String> of(Lang lang) {
    RuleBasedCollator collator =
        (RuleBasedCollator) Collator.getInstance(ULocale.forLanguageTag(lang.code()));
    collator.setNumericCollation(true);
    collator.setStrength(Collator.TERTIARY);
    collator.freeze();
    return collator::compare;
  }
}
