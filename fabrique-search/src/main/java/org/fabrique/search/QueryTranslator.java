package org.fabrique.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.pattern.DepthGuard;
import org.fabrique.core.search.DocumentKind;
import org.fabrique.core.search.SearchFilters;

/**
 * Turns the text of a search into a Lucene query over the text fields of every language, and the
 * filters into filter clauses. Malformed queries fail with a message saying at which character and
 * what was expected.
 */
final class QueryTranslator {
  private final Analyzer analyzer;

  QueryTranslator(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** A text query as Lucene runs it, and the speakers whose turns it keeps to (none: all text). */
  record Translated(Query query, List<String> speakers) {
    Translated {
      speakers = List.copyOf(speakers);
    }
  }

  /** The text query alone over every text field, to check it. */
  Translated text(String query) {
    return text(query, java.util.EnumSet.allOf(DocumentKind.class));
  }

  /** The text query alone (without filters) over the fields of these kinds of documents. */
  Translated text(String query, Set<DocumentKind> kinds) {
    if (query == null || query.isBlank()) {
      throw new InvalidInputException("The query is empty");
    }
    if (query.length() > 2000) {
      throw new InvalidInputException("The query is longer than 2000 characters");
    }
    SearchText searchText = SearchText.of(query);
    if (searchText.lucene().isBlank()) {
      throw new InvalidInputException(
          "speaker: keeps the search to one speaker's turns: say also what to look for, for"
              + " example speaker:Interviewer consent");
    }
    TextQueryParser parser =
        new TextQueryParser(Analyzers.fieldsFor(kinds), Analyzers.exactFieldsFor(kinds), analyzer);
    Query parsed;
    try {
      parsed =
          DepthGuard.call(
              "The query nests too many parentheses; write it with fewer",
              () -> parser.parse(searchText.lucene()));
    } catch (ParseException e) {
      throw malformed(query, e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidInputException("The query has too many terms; make it shorter", e);
    } catch (TooComplexToDeterminizeException | IllegalArgumentException e) {
      throw new InvalidInputException(
          "A wildcard or /regular expression/ of the query is too complex or malformed; make it"
              + " simpler",
          e);
    }
    if (parsed == null
        || parsed instanceof BooleanQuery boolQuery && boolQuery.clauses().isEmpty()
        || parsed instanceof MatchNoDocsQuery) {
      throw new InvalidInputException("The query has no word to search for");
    }
    if (parsed instanceof BooleanQuery boolQuery
        && boolQuery.clauses().stream()
            .allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
      throw new InvalidInputException(
          "The query only excludes words (NOT …): say also what to look for");
    }
    return new Translated(parsed, searchText.speakers());
  }

  /** True when a speaker (folded) is one of those asked for; a name may end with {@code *}. */
  static boolean speaks(String speaker, List<String> wanted) {
    for (String name : wanted) {
      if (name.endsWith("*")
          ? speaker.startsWith(name.substring(0, name.length() - 1))
          : speaker.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The text query restricted by the filters, and to documents where its speakers speak. */
  Query filtered(Translated text, SearchFilters filters) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    builder.add(text.query(), BooleanClause.Occur.MUST);
    if (!text.speakers().isEmpty()) {
      BooleanQuery.Builder speakers = new BooleanQuery.Builder();
      for (String name : text.speakers()) {
        Term term =
            new Term(
                LuceneFields.SPEAKER,
                name.endsWith("*") ? name.substring(0, name.length() - 1) : name);
        speakers.add(
            name.endsWith("*") ? new PrefixQuery(term) : new TermQuery(term),
            BooleanClause.Occur.SHOULD);
      }
      builder.add(speakers.build(), BooleanClause.Occur.FILTER);
    }
    Set<DocumentKind> kinds = filters.searchedKinds();
    builder.add(
        terms(LuceneFields.KIND, kinds.stream().map(DocumentKind::id).toList()),
        BooleanClause.Occur.FILTER);
    if (!filters.cases().isEmpty()) {
      builder.add(
          terms(LuceneFields.CASE, filters.cases().stream().map(Object::toString).toList()),
          BooleanClause.Occur.FILTER);
    }
    if (!filters.sourceKinds().isEmpty()) {
      builder.add(
          terms(LuceneFields.SOURCE_KIND, filters.sourceKinds().stream().map(k -> k.id()).toList()),
          BooleanClause.Occur.FILTER);
    }
    for (SearchFilters.AttributeFilter attribute : filters.attributes()) {
      builder.add(
          terms(
              LuceneFields.ATTRIBUTE,
              attribute.values().stream()
                  .map(v -> LuceneFields.attributeTerm(attribute.attributeId(), v))
                  .toList()),
          BooleanClause.Occur.FILTER);
    }
    if (!filters.codes().isEmpty() && !filters.coders().isEmpty()) {
      List<String> pairs = new ArrayList<>();
      filters
          .codes()
          .forEach(c -> filters.coders().forEach(u -> pairs.add(LuceneFields.codingTerm(c, u))));
      builder.add(terms(LuceneFields.CODING, pairs), BooleanClause.Occur.FILTER);
    } else if (!filters.codes().isEmpty()) {
      builder.add(
          terms(LuceneFields.CODE, filters.codes().stream().map(Object::toString).toList()),
          BooleanClause.Occur.FILTER);
    } else if (!filters.coders().isEmpty()) {
      builder.add(
          terms(LuceneFields.CODER, filters.coders().stream().map(Object::toString).toList()),
          BooleanClause.Occur.FILTER);
    }
    if (!filters.excludedSources().isEmpty()) {
      builder.add(
          NumericDocValuesField.newSlowSetQuery(
              LuceneFields.SORT_SOURCE,
              filters.excludedSources().stream().mapToLong(s -> s.value()).toArray()),
          BooleanClause.Occur.MUST_NOT);
    }
    if (filters.from().isPresent() || filters.to().isPresent()) {
      builder.add(
          LongPoint.newRangeQuery(
              LuceneFields.DATE,
              filters.from().map(d -> d.toEpochDay()).orElse(Long.MIN_VALUE),
              filters.to().map(d -> d.toEpochDay()).orElse(Long.MAX_VALUE)),
          BooleanClause.Occur.FILTER);
    }
    return builder.build();
  }

  private static Query terms(String field, List<String> values) {
    if (values.isEmpty()) {
      return new MatchNoDocsQuery();
    }
    if (values.size() == 1) {
      return new TermQuery(new Term(field, values.get(0)));
    }
    return new TermInSetQuery(
        field, new LinkedHashSet<>(values).stream().map(BytesRef::new).toList());
  }

  private static InvalidInputException malformed(String query, ParseException wrapper) {
    Throwable cause = wrapper.getCause() == null ? wrapper : wrapper.getCause();
    if (cause instanceof ParseException parse && parse.currentToken != null) {
      Token next = parse.currentToken.next == null ? parse.currentToken : parse.currentToken.next;
      // the parser counts columns from 0; users count characters from 1
      int column = next.kind == 0 ? query.length() + 1 : next.beginColumn + 1;
      String found = next.kind == 0 ? "the end of the query" : "\"" + next.image + "\"";
      Set<String> expected = new LinkedHashSet<>();
      if (parse.expectedTokenSequences != null) {
        for (int[] sequence : parse.expectedTokenSequences) {
          if (sequence.length > 0) {
            expected.add(describe(parse.tokenImage[sequence[0]]));
          }
        }
      }
      expected.remove("");
      return new InvalidInputException(
          "The query is malformed at character "
              + column
              + " ("
              + pointer(query, column)
              + "): found "
              + found
              + (expected.isEmpty() ? "" : ", expected " + String.join(", ", expected)),
          wrapper);
    }
    if (cause instanceof TokenMgrError) {
      int openQuote = unclosedQuote(query);
      int column;
      String hint;
      if (openQuote >= 0) {
        column = openQuote + 1;
        hint = "a phrase is opened with \" here and never closed";
      } else if (query.stripTrailing().endsWith("\\")) {
        column = query.stripTrailing().length();
        hint = "the query ends with a \\ that escapes nothing";
      } else {
        column = query.length();
        hint = "a character cannot be read here";
      }
      return new InvalidInputException(
          "The query is malformed at character "
              + column
              + " ("
              + pointer(query, column)
              + "): "
              + hint,
          wrapper);
    }
    return new InvalidInputException("The query is malformed: " + cause.getMessage(), wrapper);
  }

  /** Where the last quote that is never closed opens, or -1. */
  private static int unclosedQuote(String query) {
    int open = -1;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        open = open < 0 ? i : -1;
      }
    }
    return open;
  }

  /** The query up to the problem, so that the user sees where it is. */
  private static String pointer(String query, int column) {
    int end = Math.min(query.length(), Math.max(0, column - 1));
    String before = query.substring(Math.max(0, end - 30), end);
    return "after \"" + before + "\"";
  }

  private static String describe(String image) {
    return switch (image) {
      case "<TERM>", "<PREFIXTERM>", "<WILDTERM>", "<NUMBER>" -> "a word";
      case "<QUOTED>" -> "a phrase in quotes";
      case "\"(\"" -> "\"(\"";
      case "\")\"" -> "\")\"";
      case "<AND>", "<OR>", "<NOT>" -> image.substring(1, image.length() - 1);
      case "\"+\"", "\"-\"" -> image;
      case "<EOF>" -> "the end of the query";
      case "<REGEXPTERM>" -> "a /regular expression/";
      case "\"[\"", "\"{\"" -> "a range";
      case "\"*\"" -> "\"*\"";
      case "<CARAT>" -> "\"^\"";
      case "<FUZZY_SLOP>" -> "\"~\"";
      case "\":\"" -> "\":\"";
      default -> "";
    };
  }
}
