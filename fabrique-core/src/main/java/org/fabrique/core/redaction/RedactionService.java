package org.fabrique.core.redaction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

/**
 * The pseudonymisation assistant: suggestions the researcher accepts, rejects or edits, one by one
 * or by rule; consistent pseudonyms across the inquiry; replacement policies per category; and the
 * {@link Redactor} that every export goes through.
 */
public final class RedactionService {
  private final Store store;
  private final CorpusService corpus;
  private final Clock clock;
  private final KeyTableFiles keyTableFiles;

  /** The bundled lists are read on first use, not by every command that builds the services. */
  private static final class Bundled {
    static final IdentifierDetector DETECTOR = IdentifierDetector.bundled();
  }

  public RedactionService(Store store, CorpusService corpus, Clock clock) {
    this(store, corpus, clock, KeyTableFiles.unavailable());
  }

  public RedactionService(
      Store store, CorpusService corpus, Clock clock, KeyTableFiles keyTableFiles) {
    this.store = store;
    this.corpus = corpus;
    this.clock = clock;
    this.keyTableFiles = keyTableFiles;
  }

  /**
   * Runs the assistant on the sources of an inquiry (or on one of them) and records what it finds
   * as suggestions. Passages already suggested, accepted or rejected are not suggested again.
   *
   * @return the new suggestions
   */
  public List<Redaction> suggest(InquiryId inquiry, Optional<SourceId> only) {
    List<Source> sources = sourcesOf(inquiry, only);
    List<KnownName> known = knownNames(inquiry);
    List<Redaction> created = new ArrayList<>();
    for (Source source : sources) {
      PlainText text = corpus.text(source.id());
      List<KnownName> names = new ArrayList<>(known);
      names.addAll(Bundled.DETECTOR.speakers(corpus.turns(source.id())));
      List<Suggestion> found = Bundled.DETECTOR.detect(text, names);
      store.inTransaction(
          tx -> {
            List<Redaction> existing = tx.redactions().ofSource(source.id());
            for (Suggestion s : found) {
              if (existing.stream().anyMatch(r -> r.overlaps(s.start(), s.end()))) {
                continue;
              }
              Redaction redaction =
                  new Redaction(
                      new RedactionId(tx.newId()),
                      inquiry,
                      source.id(),
                      s.start(),
                      s.end(),
                      s.category(),
                      Redaction.Status.SUGGESTED,
                      s.reason(),
                      (int) Math.round(s.confidence() * 100),
                      Optional.empty(),
                      Optional.empty());
              tx.redactions().insert(redaction);
              created.add(redaction);
            }
            return null;
          });
    }
    return created;
  }

  /** The redactions of an inquiry, or of one of its sources, by source and position. */
  public List<Redaction> list(InquiryId inquiry, Optional<SourceId> only) {
    if (only.isPresent()) {
      Source source = corpus.get(only.get());
      requireSame(inquiry, source);
      return store.inTransaction(tx -> tx.redactions().ofSource(source.id()));
    }
    return store.inTransaction(tx -> tx.redactions().ofInquiry(inquiry));
  }

  public Redaction get(RedactionId id) {
    return store.inTransaction(
        tx ->
            tx.redactions()
                .find(id)
                .orElseThrow(() -> new NotFoundException("There is no redaction " + id)));
  }

  /** The passage a redaction covers, read from the source's immutable text. */
  public String passage(Redaction redaction) {
    return corpus.text(redaction.sourceId()).substring(redaction.start(), redaction.end());
  }

  /** Accepts a suggestion: its value gets its pseudonym in the key table if it had none. */
  public Redaction accept(UserId user, RedactionId id) {
    return decide(user, id, Redaction.Status.ACCEPTED);
  }

  public Redaction reject(UserId user, RedactionId id) {
    return decide(user, id, Redaction.Status.REJECTED);
  }

  private Redaction decide(UserId user, RedactionId id, Redaction.Status status) {
    Redaction before = get(id);
    String value = passage(before);
    return store.inTransaction(
        tx -> {
          Redaction after = before.decided(status, user, clock.instant());
          tx.redactions().update(after);
          if (status == Redaction.Status.ACCEPTED) {
            ensureEntry(tx, after.inquiryId(), after.category(), value);
          }
          return after;
        });
  }

  /** Changes the passage or the category of a redaction; it stays in its state. */
  public Redaction edit(
      UserId user, RedactionId id, int start, int end, IdentifierCategory category) {
    Redaction before = get(id);
    PlainText text = corpus.text(before.sourceId());
    text.checkSpan(start, end);
    return store.inTransaction(
        tx -> {
          checkFree(tx, before.sourceId(), start, end, Optional.of(id));
          tx.redactions().ofSource(before.sourceId()).stream()
              .filter(r -> r.overlaps(start, end) && !r.id().equals(id))
              .forEach(r -> tx.redactions().delete(r.id()));
          Redaction after =
              before.withSpan(start, end, category).decided(before.status(), user, clock.instant());
          tx.redactions().update(after);
          if (after.status() == Redaction.Status.ACCEPTED) {
            ensureEntry(tx, after.inquiryId(), category, text.substring(start, end));
          }
          return after;
        });
  }

  /** Marks a passage by hand: an accepted redaction. */
  public Redaction mark(
      UserId user, SourceId sourceId, int start, int end, IdentifierCategory category) {
    Source source = corpus.get(sourceId);
    PlainText text = corpus.text(sourceId);
    text.checkSpan(start, end);
    return store.inTransaction(
        tx -> {
          checkFree(tx, sourceId, start, end, Optional.empty());
          tx.redactions().ofSource(sourceId).stream()
              .filter(r -> r.overlaps(start, end))
              .forEach(r -> tx.redactions().delete(r.id()));
          Redaction redaction =
              new Redaction(
                  new RedactionId(tx.newId()),
                  source.inquiryId(),
                  sourceId,
                  start,
                  end,
                  category,
                  Redaction.Status.ACCEPTED,
                  Reason.MANUAL,
                  100,
                  Optional.of(user),
                  Optional.of(clock.instant()));
          tx.redactions().insert(redaction);
          ensureEntry(tx, source.inquiryId(), category, text.substring(start, end));
          return redaction;
        });
  }

  /**
   * Accepts every occurrence of a value in the inquiry ("every Dupont"): suggestions of it are
   * accepted, occurrences nobody suggested become accepted redactions; passages already accepted as
   * something else are left alone.
   *
   * @return the redactions accepted
   */
  public List<Redaction> acceptEverywhere(
      UserId user, InquiryId inquiry, String value, IdentifierCategory category) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("Say which value to accept everywhere");
    }
    List<Redaction> accepted = new ArrayList<>();
    for (Source source : sourcesOf(inquiry, Optional.empty())) {
      PlainText text = corpus.text(source.id());
      Matcher m = NameDetector.occurrences(value).matcher(text.text());
      List<int[]> spans = new ArrayList<>();
      while (m.find()) {
        spans.add(new int[] {text.toCodePoint(m.start()), text.toCodePoint(m.end())});
      }
      if (spans.isEmpty()) {
        continue;
      }
      store.inTransaction(
          tx -> {
            for (int[] span : spans) {
              List<Redaction> overlapping =
                  tx.redactions().ofSource(source.id()).stream()
                      .filter(r -> r.overlaps(span[0], span[1]))
                      .toList();
              if (overlapping.stream()
                  .anyMatch(
                      r ->
                          r.status() == Redaction.Status.ACCEPTED
                              && !(r.start() == span[0] && r.end() == span[1]))) {
                continue;
              }
              overlapping.forEach(r -> tx.redactions().delete(r.id()));
              Redaction redaction =
                  new Redaction(
                      new RedactionId(tx.newId()),
                      inquiry,
                      source.id(),
                      span[0],
                      span[1],
                      category,
                      Redaction.Status.ACCEPTED,
                      Reason.RULE,
                      100,
                      Optional.of(user),
                      Optional.of(clock.instant()));
              tx.redactions().insert(redaction);
              accepted.add(redaction);
            }
            ensureEntry(tx, inquiry, category, value);
            return null;
          });
    }
    return accepted;
  }

  /**
   * Rejects every pending suggestion of a value in the inquiry.
   *
   * @return the redactions rejected
   */
  public List<Redaction> rejectEverywhere(UserId user, InquiryId inquiry, String value) {
    String key = Replacements.key(value);
    List<Redaction> rejected = new ArrayList<>();
    for (Redaction r : list(inquiry, Optional.empty())) {
      if (r.status() == Redaction.Status.SUGGESTED && Replacements.key(passage(r)).equals(key)) {
        rejected.add(reject(user, r.id()));
      }
    }
    return rejected;
  }

  /** The key table: real values and their pseudonyms. Only owners may see it. */
  public List<PseudonymEntry> keyTable(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.redactions().entries(inquiry));
  }

  /**
   * Writes the key table of an inquiry to an encrypted file, the only way it leaves Fabrique: the
   * caller (the command line, the owners' page) asks for it explicitly and records it in the audit
   * log.
   *
   * @throws InvalidInputException when the passphrase is empty
   */
  public int writeKeyTable(InquiryId inquiry, char[] passphrase, java.io.OutputStream out) {
    List<PseudonymEntry> entries = keyTable(inquiry);
    keyTableFiles.write(entries, passphrase, out);
    return entries.size();
  }

  /**
   * Reads a key table written by {@link #writeKeyTable}.
   *
   * @throws InvalidInputException when the passphrase is wrong or the file is damaged
   */
  public List<PseudonymEntry> readKeyTable(java.io.InputStream in, char[] passphrase) {
    return keyTableFiles.read(in, passphrase);
  }

  /** Gives a value another pseudonym, everywhere in the inquiry. */
  public PseudonymEntry renamePseudonym(InquiryId inquiry, long entryId, String pseudonym) {
    if (pseudonym == null || pseudonym.isBlank()) {
      throw new InvalidInputException("A pseudonym cannot be empty");
    }
    return store.inTransaction(
        tx -> {
          PseudonymEntry entry =
              tx.redactions()
                  .findEntry(entryId)
                  .filter(e -> e.inquiryId().equals(inquiry))
                  .orElseThrow(() -> new NotFoundException("There is no pseudonym " + entryId));
          PseudonymEntry renamed = entry.withPseudonym(pseudonym.strip());
          tx.redactions().updateEntry(renamed);
          return renamed;
        });
  }

  /** How each category is replaced in the inquiry (the defaults where nothing was chosen). */
  public Map<IdentifierCategory, CategoryPolicy> policies(InquiryId inquiry) {
    Map<IdentifierCategory, CategoryPolicy> all = new EnumMap<>(IdentifierCategory.class);
    for (IdentifierCategory category : IdentifierCategory.values()) {
      all.put(category, CategoryPolicy.defaultFor(category));
    }
    store
        .inTransaction(tx -> tx.redactions().policies(inquiry))
        .forEach(p -> all.put(p.category(), p));
    return all;
  }

  public CategoryPolicy setPolicy(InquiryId inquiry, CategoryPolicy policy) {
    if (policy.kind() == ReplacementKind.GENERALISATION && !policy.category().generalisable()) {
      throw new InvalidInputException(
          "Only dates, ages and places can be generalised; choose a pseudonym or a label for "
              + policy.category().id());
    }
    store.inTransaction(
        tx -> {
          tx.inquiries()
              .findInquiry(inquiry)
              .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
          tx.redactions().putPolicy(inquiry, policy);
          return null;
        });
    return policy;
  }

  /**
   * What text becomes when it leaves the store under a profile: the one place every export uses.
   */
  public Redactor redactor(InquiryId inquiry, ExportProfile profile) {
    if (!profile.redacts()) {
      return new Redactor(profile, Map.of(), List.of());
    }
    Map<IdentifierCategory, CategoryPolicy> policies = policies(inquiry);
    List<Redaction> accepted =
        list(inquiry, Optional.empty()).stream()
            .filter(r -> r.status() == Redaction.Status.ACCEPTED)
            .toList();
    Map<String, PseudonymEntry> entries = new HashMap<>();
    keyTable(inquiry).forEach(e -> entries.put(e.category().id() + "\t" + e.valueKey(), e));
    Map<SourceId, List<RedactedText.Replacement>> bySource = new LinkedHashMap<>();
    Map<String, Redactor.Value> values = new LinkedHashMap<>();
    for (Redaction r : accepted) {
      CategoryPolicy policy = policies.get(r.category());
      if (!profile.applied().contains(policy.kind())) {
        continue;
      }
      String value = passage(r);
      PseudonymEntry entry = entries.get(r.category().id() + "\t" + Replacements.key(value));
      String pseudonym = entry == null ? r.category().label() : entry.pseudonym();
      String replacement = Replacements.of(policy, value, pseudonym, IdentifierLists.bundled());
      bySource
          .computeIfAbsent(r.sourceId(), s -> new ArrayList<>())
          .add(new RedactedText.Replacement(r.start(), r.end(), replacement));
      values.putIfAbsent(Replacements.key(value), new Redactor.Value(value, replacement));
    }
    return new Redactor(profile, bySource, new ArrayList<>(values.values()));
  }

  /**
   * What one export may carry under a profile: which sources go out, what their texts and free
   * texts become, and the counts of the data-loss report. Every exit asks this.
   */
  public ExportScope scope(InquiryId inquiry, ExportProfile profile) {
    return new ExportScope(profile, redactor(inquiry, profile), corpus::text);
  }

  /** Deletes the redactions of a source and the pseudonyms nothing else uses (purge). */
  public void forgetSource(Transaction tx, SourceId source, PlainText text) {
    List<Redaction> redactions = tx.redactions().ofSource(source);
    tx.redactions().deleteOfSource(source);
    for (Redaction r : redactions) {
      if (r.status() != Redaction.Status.ACCEPTED) {
        continue;
      }
      String key = Replacements.key(text.substring(r.start(), r.end()));
      tx.redactions()
          .findEntry(r.inquiryId(), r.category(), key)
          .filter(e -> !usedElsewhere(tx, e))
          .ifPresent(e -> tx.redactions().deleteEntry(e.id()));
    }
  }

  private boolean usedElsewhere(Transaction tx, PseudonymEntry entry) {
    for (Redaction r : tx.redactions().ofInquiry(entry.inquiryId())) {
      if (r.status() == Redaction.Status.ACCEPTED
          && r.category() == entry.category()
          && Replacements.key(passage(r)).equals(entry.valueKey())) {
        return true;
      }
    }
    return false;
  }

  private void ensureEntry(
      Transaction tx, InquiryId inquiry, IdentifierCategory category, String value) {
    String key = Replacements.key(value);
    if (tx.redactions().findEntry(inquiry, category, key).isPresent()) {
      return;
    }
    int ordinal = tx.redactions().lastOrdinal(inquiry, category) + 1;
    String pseudonym =
        category == IdentifierCategory.PERSON
            ? actorPseudonym(tx, inquiry, key)
                .orElse(policies(inquiry).get(category).prefix() + " " + ordinal)
            : policies(inquiry).get(category).prefix() + " " + ordinal;
    tx.redactions()
        .insertEntry(
            new PseudonymEntry(
                tx.newId(), inquiry, category, key, value.strip(), pseudonym, ordinal));
  }

  /** The pseudonym of the actor whose real name (or surname) the value is. */
  private static Optional<String> actorPseudonym(Transaction tx, InquiryId inquiry, String key) {
    for (var element : tx.journeys().list(inquiry, ItemKind.ACTOR)) {
      if (element instanceof Actor actor && actor.realName().isPresent()) {
        String real = Replacements.key(actor.realName().get());
        String[] parts = real.split(" ");
        if (real.equals(key) || (parts.length > 1 && parts[parts.length - 1].equals(key))) {
          return Optional.of(actor.pseudonym());
        }
      }
    }
    return Optional.empty();
  }

  private List<KnownName> knownNames(InquiryId inquiry) {
    return store.inTransaction(
        tx -> {
          List<KnownName> names = new ArrayList<>();
          for (var element : tx.journeys().list(inquiry, ItemKind.ACTOR)) {
            if (element instanceof Actor actor) {
              actor.realName().ifPresent(n -> names.add(new KnownName(n, Reason.INQUIRY_ACTOR)));
            }
          }
          return names;
        });
  }

  private List<Source> sourcesOf(InquiryId inquiry, Optional<SourceId> only) {
    store
        .inTransaction(tx -> tx.inquiries().findInquiry(inquiry))
        .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
    if (only.isPresent()) {
      Source source = corpus.get(only.get());
      requireSame(inquiry, source);
      return List.of(source);
    }
    return corpus.list(inquiry);
  }

  private static void requireSame(InquiryId inquiry, Source source) {
    if (!source.inquiryId().equals(inquiry)) {
      throw new InvalidInputException(
          "Source " + source.id() + " belongs to another inquiry than " + inquiry);
    }
  }

  private static void checkFree(
      Transaction tx, SourceId source, int start, int end, Optional<RedactionId> except) {
    boolean taken =
        tx.redactions().ofSource(source).stream()
            .anyMatch(
                r ->
                    r.overlaps(start, end)
                        && except.map(id -> !id.equals(r.id())).orElse(true)
                        && r.status() == Redaction.Status.ACCEPTED);
    if (taken) {
      throw new InvalidInputException(
          "That passage overlaps an accepted redaction; edit that one instead");
    }
  }
}
