package org.fabrique.search;

import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.user.UserId;

/** The names of the fields of the index and the form of their terms. */
final class LuceneFields {
  static final String KEY = "key";
  static final String KIND = "kind";
  static final String SOURCE = "source";
  static final String OFFSET = "offset";
  static final String TITLE = "title";
  static final String LANGUAGE = "language";
  static final String CASE = "case";
  static final String SOURCE_KIND = "source_kind";
  static final String DATE = "date";
  static final String ATTRIBUTE = "attribute";
  static final String CODE = "code";
  static final String CODER = "coder";
  static final String CODING = "coding";
  static final String DIGEST = "digest";
  static final String SPEAKER = "speaker";
  static final String TURNS = "turns";
  static final String SORT_SOURCE = "sort_source";
  static final String SORT_OFFSET = "sort_offset";

  /** Written in each commit: the format of the index and the generation of the store. */
  static final String FORMAT = "fabrique.index.format";

  /**
   * The format of the documents: an index of another format is wiped at opening and rebuilt. 2:
   * unstemmed fields beside the stemmed ones, English stemmed by KStem, speaker turns.
   */
  static final String FORMAT_VERSION = "2";

  static final String GENERATION = "fabrique.generation";

  private LuceneFields() {}

  static String attributeTerm(AttributeId attribute, String value) {
    return attribute.value() + "=" + value;
  }

  static String codingTerm(CodeId code, UserId coder) {
    return code.value() + "/" + coder.value();
  }
}
