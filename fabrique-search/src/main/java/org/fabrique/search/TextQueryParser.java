package org.fabrique.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * The classic Lucene syntax over Fabrique's two kinds of text fields: plain words go to the stemmed
 * fields (every form of the word), while quoted words and phrases, wildcards, fuzzy terms and
 * ranges go to the unstemmed fields (the forms as written). There are no field names: {@link
 * SearchText} has turned every {@code word:} into text before the parser reads the query.
 */
final class TextQueryParser extends QueryParser {
  /** The default field the parser gives every clause; it stands for "the text fields". */
  private static final String TEXT = "\u0000text";

  private final String[] stemmed;
  private final String[] exact;

  TextQueryParser(String[] stemmed, String[] exact, Analyzer analyzer) {
    super(TEXT, analyzer);
    this.stemmed = stemmed.clone();
    this.exact = exact.clone();
    setDefaultOperator(QueryParser.Operator.AND);
    setAllowLeadingWildcard(true);
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(true);
  }

  private interface PerField {
    Query query(String field) throws ParseException;
  }

  /** One clause per field, any of which may match; null when no field has a term (stop words). */
  private static Query across(String[] fields, PerField perField) throws ParseException {
    List<Query> clauses = new ArrayList<>();
    for (String field : fields) {
      Query query = perField.query(field);
      if (query != null) {
        clauses.add(query);
      }
    }
    if (clauses.isEmpty()) {
      return null;
    }
    if (clauses.size() == 1) {
      return clauses.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    clauses.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
    return any.build();
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    if (!TEXT.equals(field)) {
      return super.getFieldQuery(field, queryText, quoted);
    }
    return across(quoted ? exact : stemmed, f -> super.getFieldQuery(f, queryText, quoted));
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    if (!TEXT.equals(field)) {
      return super.getFieldQuery(field, queryText, slop);
    }
    return across(exact, f -> super.getFieldQuery(f, queryText, slop));
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if (!TEXT.equals(field)) {
      return super.getWildcardQuery(field, termStr);
    }
    return across(exact, f -> super.getWildcardQuery(f, termStr));
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    if (!TEXT.equals(field)) {
      return super.getPrefixQuery(field, termStr);
    }
    return across(exact, f -> super.getPrefixQuery(f, termStr));
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    if (!TEXT.equals(field)) {
      return super.getFuzzyQuery(field, termStr, minSimilarity);
    }
    return across(exact, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    if (!TEXT.equals(field)) {
      return super.getRegexpQuery(field, termStr);
    }
    return across(exact, f -> super.getRegexpQuery(f, termStr));
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    if (!TEXT.equals(field)) {
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }
    return across(exact, f -> super.getRangeQuery(f, part1, part2, startInclusive, endInclusive));
  }
}
