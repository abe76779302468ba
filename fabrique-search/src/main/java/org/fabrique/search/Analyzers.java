package org.fabrique.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.fabrique.core.search.DocumentKind;

/**
 * The analysis of each language. Texts are indexed twice: in the field of their language, so that
 * each is stemmed by its own rules (plain words find every form), and in one unstemmed field, so
 * that wildcards and quoted words find the forms as written. Accents and case are folded everywhere
 * ("donnees" finds "données"). Stop words are kept, so that phrases such as "mise à disposition"
 * are found as written.
 *
 * <ul>
 *   <li>French: standard tokenizer, elision (l', d', qu'…), lower case, French light stemmer, ASCII
 *       folding.
 *   <li>English: standard tokenizer, possessive 's removed, lower case, ASCII folding, Krovetz
 *       stemmer (KStem: "bias", "biased" and "biases" meet, "university" and "universal" do not).
 *   <li>Any other language: standard tokenizer, lower case, ASCII folding (no stemming).
 *   <li>Unstemmed (every language): standard tokenizer, elision, possessive 's removed, lower case,
 *       ASCII folding.
 * </ul>
 */
public final class Analyzers {
  public static final String FRENCH_FIELD = "text_fr";
  public static final String ENGLISH_FIELD = "text_en";
  public static final String OTHER_FIELD = "text_xx";

  /** The unstemmed text of sources and memos, whatever their language. */
  public static final String EXACT_FIELD = "text_exact";

  /** The stemmed text fields of sources and memos, one per analysis. */
  public static final String[] TEXT_FIELDS = {FRENCH_FIELD, ENGLISH_FIELD, OTHER_FIELD};

  /**
   * Coded segments repeat passages of their sources: they have fields of their own, so that a
   * search of the sources never reads their postings.
   */
  public static final String SEGMENT_PREFIX = "segment_";

  /** Every stemmed text field, of sources, memos and segments (the one that is stored). */
  public static final String[] ALL_TEXT_FIELDS = {
    FRENCH_FIELD,
    ENGLISH_FIELD,
    OTHER_FIELD,
    SEGMENT_PREFIX + FRENCH_FIELD,
    SEGMENT_PREFIX + ENGLISH_FIELD,
    SEGMENT_PREFIX + OTHER_FIELD
  };

  /** Every field a match can be in: the stemmed fields and the unstemmed ones. */
  public static final String[] MATCHED_FIELDS = {
    FRENCH_FIELD,
    ENGLISH_FIELD,
    OTHER_FIELD,
    EXACT_FIELD,
    SEGMENT_PREFIX + FRENCH_FIELD,
    SEGMENT_PREFIX + ENGLISH_FIELD,
    SEGMENT_PREFIX + OTHER_FIELD,
    SEGMENT_PREFIX + EXACT_FIELD
  };

  private Analyzers() {}

  /** The field a text in this language (ISO 639-1 or a tag such as fr-FR) is indexed in. */
  public static String fieldFor(String language) {
    String primary = language == null ? "" : language.toLowerCase(Locale.ROOT);
    int dash = primary.indexOf('-');
    if (dash > 0) {
      primary = primary.substring(0, dash);
    }
    return switch (primary) {
      case "fr", "fra", "fre" -> FRENCH_FIELD;
      case "en", "eng" -> ENGLISH_FIELD;
      default -> OTHER_FIELD;
    };
  }

  /** The field of a text of a kind of document in a language. */
  public static String fieldFor(DocumentKind kind, String language) {
    return kind == DocumentKind.SEGMENT ? SEGMENT_PREFIX + fieldFor(language) : fieldFor(language);
  }

  /** The unstemmed field of a kind of document. */
  public static String exactFieldFor(DocumentKind kind) {
    return kind == DocumentKind.SEGMENT ? SEGMENT_PREFIX + EXACT_FIELD : EXACT_FIELD;
  }

  /** The unstemmed fields searched for these kinds of documents. */
  public static String[] exactFieldsFor(Set<DocumentKind> kinds) {
    return kinds.stream().map(Analyzers::exactFieldFor).distinct().toArray(String[]::new);
  }

  /** The stemmed text fields searched for these kinds of documents. */
  public static String[] fieldsFor(Set<DocumentKind> kinds) {
    Set<String> fields = new LinkedHashSet<>();
    for (DocumentKind kind : kinds) {
      for (String field : TEXT_FIELDS) {
        fields.add(kind == DocumentKind.SEGMENT ? SEGMENT_PREFIX + field : field);
      }
    }
    return fields.toArray(String[]::new);
  }

  /** The analyzer of every text field; other fields are keywords and are not analysed. */
  public static Analyzer perField() {
    Analyzer french = french();
    Analyzer english = english();
    Analyzer other = other();
    Analyzer exact = exact();
    return new PerFieldAnalyzerWrapper(
        other,
        Map.of(
            EXACT_FIELD,
            exact,
            SEGMENT_PREFIX + EXACT_FIELD,
            exact,
            FRENCH_FIELD,
            french,
            ENGLISH_FIELD,
            english,
            OTHER_FIELD,
            other,
            SEGMENT_PREFIX + FRENCH_FIELD,
            french,
            SEGMENT_PREFIX + ENGLISH_FIELD,
            english,
            SEGMENT_PREFIX + OTHER_FIELD,
            other));
  }

  public static Analyzer french() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        result = new LowerCaseFilter(result);
        result = new FrenchLightStemFilter(result);
        result = new ASCIIFoldingFilter(result);
        return new TokenStreamComponents(source, result);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream result = new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES);
        return new ASCIIFoldingFilter(new LowerCaseFilter(result));
      }
    };
  }

  public static Analyzer english() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        result = new KStemFilter(result);
        return new TokenStreamComponents(source, result);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  public static Analyzer other() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, result);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** The unstemmed analysis: words as written, case and accents aside. */
  public static Analyzer exact() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        result = new EnglishPossessiveFilter(result);
        result = new ASCIIFoldingFilter(new LowerCaseFilter(result));
        return new TokenStreamComponents(source, result);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream result = new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES);
        return new ASCIIFoldingFilter(new LowerCaseFilter(result));
      }
    };
  }
}
