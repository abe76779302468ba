package org.fabrique.core.journey.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.memo.ItemKind;

/**
 * A question asked of the journeys of an inquiry: every filter is optional and they combine (an
 * element must pass all of them; within one filter, any of the values given). Empty sets mean
 * "any". A query reads and writes itself as named parameters ({@link #parameters()}, {@link
 * #parse}), the same in URLs, on the command line and in saved queries.
 *
 * @param kinds the kinds of elements wanted (choice, tension, intervention, use, procedure, claim…)
 * @param types the element's own type: an intervention's type, a tension's nature, a use's purpose,
 *     a procedure's type, a data object's or an actor's type
 * @param dimensions a choice's own dimensions; for other elements, those of the choices they are
 *     linked to (a tension about a choice, the choices about an intervention)
 * @param interventionTypes an intervention's type, or that of the interventions an element is
 *     linked to
 * @param actorCategories some actor considered is in one of these categories
 * @param excludedActorCategories the element has actors considered and none is in these categories
 * @param roles the actors considered are those in these roles (participation roles, or the parts of
 *     {@link org.fabrique.core.journey.kind.QueryFacts#PARTS}); empty: every actor of the element
 * @param actors some actor considered is one of these
 * @param statuses a choice's or a tension's status, a procedure's outcome
 * @param from on or after this day (the day a choice was decided, an intervention started…)
 * @param to on or before this day
 * @param codes some evidence of the element is coded with one of these codes
 * @param concerning the element is one of these or is linked to one of them (a dataset, a choice)
 */
public record JourneyQuery(
    Set<ItemKind> kinds,
    Set<String> types,
    Set<Dimension> dimensions,
    Set<String> interventionTypes,
    Set<Domain> domains,
    Set<CaseId> cases,
    Set<String> actorCategories,
    Set<String> excludedActorCategories,
    Set<String> roles,
    Set<ElementId> actors,
    Set<String> decisionModes,
    Set<String> resolutionModes,
    Set<String> statuses,
    Set<KnownBy> knownBy,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    EvidenceFilter evidence,
    Set<CodeId> codes,
    Set<ElementId> concerning) {

  /** Whether elements must have evidence. */
  public enum EvidenceFilter {
    ANY("any"),
    WITH("with"),
    WITHOUT("without");

    private final String id;

    EvidenceFilter(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Optional<EvidenceFilter> fromId(String id) {
      String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
    }
  }

  /** The names of the parameters, in the order they are written. */
  public static final List<String> PARAMETERS =
      List.of(
          "kind",
          "type",
          "dimension",
          "intervention-type",
          "domain",
          "case",
          "actor-category",
          "not-actor-category",
          "role",
          "actor",
          "decision-mode",
          "resolution-mode",
          "status",
          "known-by",
          "from",
          "to",
          "evidence",
          "code",
          "concerning");

  public JourneyQuery {
    kinds = ordered(kinds);
    types = ordered(types);
    dimensions = ordered(dimensions);
    interventionTypes = ordered(interventionTypes);
    domains = ordered(domains);
    cases = ordered(cases);
    actorCategories = ordered(actorCategories);
    excludedActorCategories = ordered(excludedActorCategories);
    roles = ordered(roles);
    actors = ordered(actors);
    decisionModes = ordered(decisionModes);
    resolutionModes = ordered(resolutionModes);
    statuses = ordered(statuses);
    knownBy = ordered(knownBy);
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    evidence = evidence == null ? EvidenceFilter.ANY : evidence;
    codes = ordered(codes);
    concerning = ordered(concerning);
  }

  private static <T> Set<T> ordered(Collection<T> values) {
    return values == null
        ? Set.of()
        : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  /** The query that finds every element. */
  public static JourneyQuery everything() {
    return parse(Map.of());
  }

  /**
   * Reads a query from named parameters (each with one or more values; a value may list several
   * separated by commas). Unknown parameters and malformed values are refused, all at once.
   *
   * @throws InvalidInputException listing every problem
   */
  public static JourneyQuery parse(Map<String, List<String>> parameters) {
    Reader reader = new Reader(parameters);
    JourneyQuery query =
        new JourneyQuery(
            reader.values("kind", "a kind of journey element", JourneyQuery::kind),
            reader.terms("type"),
            reader.values("dimension", "a dimension", Dimension::fromId),
            reader.terms("intervention-type"),
            reader.values("domain", "a domain", Domain::fromId),
            reader.values("case", "a case id", id -> number(id).map(CaseId::new)),
            reader.terms("actor-category"),
            reader.terms("not-actor-category"),
            reader.terms("role"),
            reader.values("actor", "an actor id", id -> number(id).map(ElementId::new)),
            reader.terms("decision-mode"),
            reader.terms("resolution-mode"),
            reader.terms("status"),
            reader.values(
                "known-by", "observed, declared, reconstructed or disputed", KnownBy::fromId),
            reader.date("from"),
            reader.date("to"),
            reader.one("evidence", "with, without or any", EvidenceFilter::fromId),
            reader.values("code", "a code id", id -> number(id).map(CodeId::new)),
            reader.values("concerning", "an element id", id -> number(id).map(ElementId::new)));
    reader.finish();
    if (query.from.isPresent()
        && query.to.isPresent()
        && query.to.get().isBefore(query.from.get())) {
      throw new InvalidInputException(
          "The end of the date range comes before its start",
          List.of(Problem.error("to", "The end of the date range comes before its start")));
    }
    return query;
  }

  /** The query as named parameters, each with its values; filters left open are left out. */
  public Map<String, List<String>> parameters() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    put(out, "kind", kinds, ItemKind::id);
    put(out, "type", types, s -> s);
    put(out, "dimension", dimensions, Dimension::id);
    put(out, "intervention-type", interventionTypes, s -> s);
    put(out, "domain", domains, Domain::id);
    put(out, "case", cases, c -> Long.toString(c.value()));
    put(out, "actor-category", actorCategories, s -> s);
    put(out, "not-actor-category", excludedActorCategories, s -> s);
    put(out, "role", roles, s -> s);
    put(out, "actor", actors, a -> Long.toString(a.value()));
    put(out, "decision-mode", decisionModes, s -> s);
    put(out, "resolution-mode", resolutionModes, s -> s);
    put(out, "status", statuses, s -> s);
    put(out, "known-by", knownBy, KnownBy::id);
    from.ifPresent(d -> out.put("from", List.of(d.toString())));
    to.ifPresent(d -> out.put("to", List.of(d.toString())));
    if (evidence != EvidenceFilter.ANY) {
      out.put("evidence", List.of(evidence.id()));
    }
    put(out, "code", codes, c -> Long.toString(c.value()));
    put(out, "concerning", concerning, e -> Long.toString(e.value()));
    return out;
  }

  /** The query as a URL query string ({@code kind=choice&dimension=uses}), without a '?'. */
  public String queryString() {
    List<String> pairs = new ArrayList<>();
    parameters()
        .forEach(
            (name, values) ->
                values.forEach(
                    v ->
                        pairs.add(
                            name
                                + "="
                                + java.net.URLEncoder.encode(
                                    v, java.nio.charset.StandardCharsets.UTF_8))));
    return String.join("&", pairs);
  }

  /** The same query restricted to some cases. */
  public JourneyQuery withCases(Set<CaseId> newCases) {
    return new JourneyQuery(
        kinds,
        types,
        dimensions,
        interventionTypes,
        domains,
        newCases,
        actorCategories,
        excludedActorCategories,
        roles,
        actors,
        decisionModes,
        resolutionModes,
        statuses,
        knownBy,
        from,
        to,
        evidence,
        codes,
        concerning);
  }

  private static <T> void put(
      Map<String, List<String>> out, String name, Set<T> values, Function<T, String> id) {
    if (!values.isEmpty()) {
      out.put(name, values.stream().map(id).toList());
    }
  }

  /** A kind of journey element by its id; "claim" is short for knowledge-claim. */
  private static Optional<ItemKind> kind(String id) {
    return ItemKind.fromId("claim".equalsIgnoreCase(id.strip()) ? "knowledge-claim" : id)
        .filter(k -> ElementKinds.find(k).isPresent());
  }

  private static Optional<Long> number(String text) {
    try {
      return Optional.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Reads parameters and collects what is wrong with them. */
  private static final class Reader {
    private final Map<String, List<String>> parameters;
    private final List<Problem> problems = new ArrayList<>();

    Reader(Map<String, List<String>> parameters) {
      this.parameters = parameters;
      for (String name : parameters.keySet()) {
        if (!PARAMETERS.contains(name)) {
          problems.add(
              Problem.error(name, "Unknown filter " + name + ": " + String.join(", ", PARAMETERS)));
        }
      }
    }

    private List<String> raw(String name) {
      List<String> out = new ArrayList<>();
      List<String> given = parameters.get(name);
      for (String value : given == null ? List.<String>of() : given) {
        for (String part : (value == null ? "" : value).split(",")) {
          if (!part.isBlank()) {
            out.add(part.strip());
          }
        }
      }
      return out;
    }

    <T> Set<T> values(String name, String what, Function<String, Optional<T>> read) {
      Set<T> out = new LinkedHashSet<>();
      for (String value : raw(name)) {
        Optional<T> parsed = read.apply(value);
        if (parsed.isEmpty()) {
          problems.add(Problem.error(name, name + ": " + value + " is not " + what));
        } else {
          out.add(parsed.get());
        }
      }
      return out;
    }

    Set<String> terms(String name) {
      return new LinkedHashSet<>(raw(name));
    }

    Optional<LocalDate> date(String name) {
      List<String> values = raw(name);
      if (values.size() > 1) {
        problems.add(Problem.error(name, name + " takes one date"));
        return Optional.empty();
      }
      if (values.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(values.get(0)));
      } catch (DateTimeParseException e) {
        problems.add(
            Problem.error(name, name + ": " + values.get(0) + " is not a date (YYYY-MM-DD)"));
        return Optional.empty();
      }
    }

    <T> T one(String name, String what, Function<String, Optional<T>> read) {
      Set<T> values = values(name, what, read);
      if (values.size() > 1) {
        problems.add(Problem.error(name, name + " takes one value: " + what));
      }
      return values.isEmpty() ? null : values.iterator().next();
    }

    void finish() {
      if (!problems.isEmpty()) {
        throw new InvalidInputException(
            String.join("; ", problems.stream().map(Problem::message).toList()), problems);
      }
    }
  }
}
