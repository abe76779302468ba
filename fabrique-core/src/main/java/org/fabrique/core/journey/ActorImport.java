package org.fabrique.core.journey;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Sets the actors of an inquiry from a table (a list of informants and the people, services and
 * committees they speak of): an actor whose pseudonym is already known gets the table's type,
 * category, institution and real name, the others are created. Every line is checked before
 * anything is written, and the whole table is one action of the history: it completes or changes
 * nothing.
 */
public final class ActorImport {
  /** Type names a table may use besides the ids, in French and English. */
  private static final Map<String, ActorType> TYPE_NAMES =
      Map.ofEntries(
          Map.entry("person", ActorType.PERSON),
          Map.entry("personne", ActorType.PERSON),
          Map.entry("organisation", ActorType.ORGANISATION),
          Map.entry("organization", ActorType.ORGANISATION),
          Map.entry("committee", ActorType.COMMITTEE),
          Map.entry("comite", ActorType.COMMITTEE),
          Map.entry("software", ActorType.SOFTWARE),
          Map.entry("logiciel", ActorType.SOFTWARE));

  private final JourneyService journeys;

  ActorImport(JourneyService journeys) {
    this.journeys = journeys;
  }

  /** What an import did. */
  public record Result(int created, int updated, int unchanged) {}

  Result run(UserId user, InquiryId inquiry, Optional<CaseId> caseId, List<ActorRow> rows) {
    if (rows.isEmpty()) {
      throw new InvalidInputException("The table of actors has no line below its header");
    }
    Vocabulary categories = journeys.vocabulary(inquiry, VocabularyName.ACTOR_CATEGORIES);
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Checked> checked = new ArrayList<>();
    for (ActorRow row : rows) {
      String at = "line " + row.line();
      if (row.pseudonym().isEmpty()) {
        problems.add(problem(at, "pseudonym", "An actor needs a pseudonym"));
        continue;
      }
      Integer first = seen.putIfAbsent(key(row.pseudonym()), row.line());
      if (first != null) {
        problems.add(
            problem(
                at, "pseudonym", "The pseudonym is already on line " + first + " of the table"));
        continue;
      }
      Optional<ActorType> type = Optional.empty();
      if (row.type().isPresent() && !row.type().get().isEmpty()) {
        type = typeOf(row.type().get());
        if (type.isEmpty()) {
          problems.add(
              problem(
                  at,
                  "type",
                  "Unknown actor type \""
                      + row.type().get()
                      + "\" (person, organisation, committee or software)"));
          continue;
        }
      }
      Optional<String> category = row.category();
      if (category.isPresent() && !category.get().isEmpty()) {
        Optional<Term> term = termOf(categories, category.get());
        if (term.isEmpty()) {
          problems.add(
              problem(
                  at,
                  "category",
                  "Unknown actor category \""
                      + category.get()
                      + "\"; the categories of the inquiry are "
                      + String.join(", ", categories.terms().stream().map(Term::id).toList())));
          continue;
        }
        category = Optional.of(term.get().id());
      }
      checked.add(new Checked(row, type, category));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "The table of actors was not imported: "
              + problems.size()
              + (problems.size() == 1 ? " line needs" : " lines need")
              + " correcting",
          problems);
    }
    Map<String, Actor> known = new HashMap<>();
    for (Actor actor : journeys.list(inquiry, Actor.class)) {
      known.putIfAbsent(key(actor.pseudonym()), actor);
    }
    return journeys.batch(
        inquiry,
        user,
        "Imported a table of actors",
        batch -> {
          int created = 0;
          int updated = 0;
          int unchanged = 0;
          for (Checked line : checked) {
            ActorRow row = line.row();
            // read again inside the transaction, so that a change made meanwhile is not undone
            Actor before =
                Optional.ofNullable(known.get(key(row.pseudonym())))
                    .flatMap(actor -> batch.find(actor.id()))
                    .filter(Actor.class::isInstance)
                    .map(Actor.class::cast)
                    .orElse(null);
            if (before == null) {
              ElementHeader header =
                  new ElementHeader(
                      batch.newId(),
                      inquiry,
                      caseId,
                      row.pseudonym(),
                      "",
                      KnownBy.DECLARED,
                      Confidentiality.CONFIDENTIAL);
              batch.create(
                  new Actor(
                      header,
                      line.type().orElse(ActorType.PERSON),
                      row.realName(),
                      line.category().orElse(""),
                      row.institution().orElse("")));
              created++;
            } else {
              Actor after =
                  new Actor(
                      before.header(),
                      line.type().orElse(before.type()),
                      row.realName().isPresent() ? row.realName() : before.realName(),
                      line.category().orElse(before.category()),
                      row.institution().orElse(before.institution()));
              if (after.equals(before)) {
                unchanged++;
              } else {
                batch.update(after);
                updated++;
              }
            }
          }
          return new Result(created, updated, unchanged);
        });
  }

  private record Checked(ActorRow row, Optional<ActorType> type, Optional<String> category) {}

  private static Problem problem(String line, String column, String message) {
    return new Problem(line + ", column " + column, Problem.Severity.ERROR, message);
  }

  static Optional<ActorType> typeOf(String text) {
    Optional<ActorType> byId = ActorType.fromId(text);
    return byId.isPresent() ? byId : Optional.ofNullable(TYPE_NAMES.get(key(text)));
  }

  /** A term by id or by its English or French label, whatever the case and the accents. */
  static Optional<Term> termOf(Vocabulary vocabulary, String text) {
    Optional<Term> byId = vocabulary.term(text.strip());
    if (byId.isPresent()) {
      return byId;
    }
    String wanted = key(text);
    return vocabulary.terms().stream()
        .filter(
            t ->
                key(t.id()).equals(wanted)
                    || key(t.labelEn()).equals(wanted)
                    || key(t.labelFr()).equals(wanted)
                    || inclusiveForms(t.labelFr()).stream().anyMatch(f -> key(f).equals(wanted)))
        .findFirst();
  }

  /**
   * The forms an inclusive French label stands for: "chercheur·se" reads "chercheur" and
   * "chercheuse", "clinicien·ne" "clinicien" and "clinicienne", "délégué·e" "délégué" and
   * "déléguée".
   */
  static List<String> inclusiveForms(String label) {
    if (label.indexOf('·') < 0) {
      return List.of();
    }
    return List.of(
        label.replaceAll("·\\p{L}+", ""),
        label.replace("·", ""),
        label.replaceAll("\\p{L}·(\\p{L}+)", "$1"));
  }

  /**
   * The form in which names, types and column headers of an actors' table are compared: lower case,
   * without accents, hyphens and underscores read as spaces, spaces squeezed.
   */
  public static String key(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", " ").strip();
  }
}
