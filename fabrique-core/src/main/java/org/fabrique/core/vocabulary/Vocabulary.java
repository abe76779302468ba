package org.fabrique.core.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A named, versioned list of terms. */
public record Vocabulary(String name, String version, String source, List<Term> terms) {
  public Vocabulary {
    terms = List.copyOf(terms);
  }

  public Optional<Term> term(String id) {
    return terms.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public boolean contains(String id) {
    return term(id).isPresent();
  }

  /** This vocabulary with more terms; a term with the id of an existing one replaces nothing. */
  public Vocabulary with(List<Term> more) {
    Map<String, Term> all = new LinkedHashMap<>();
    terms.forEach(t -> all.put(t.id(), t));
    more.forEach(t -> all.putIfAbsent(t.id(), t));
    return new Vocabulary(name, version, source, List.copyOf(all.values()));
  }
}
