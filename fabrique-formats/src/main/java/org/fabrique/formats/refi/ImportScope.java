package org.fabrique.formats.refi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.exchange.ReceivedFact;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.link.Link;
import org.fabrique.core.link.LinkDirection;
import org.fabrique.core.link.LinkId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;

/**
 * What every part of one project import shares: the transaction, the new inquiry and its coders,
 * the items each GUID became, the GUIDs kept for the next export and the counts of the report.
 */
final class ImportScope {
  private final Transaction tx;
  private final UserId importer;
  private final Instant now;
  private final List<Problem> problems;
  private final Losses losses;
  private final Map<String, ItemRef> byGuid = new HashMap<>();
  private final Map<String, UserId> users = new HashMap<>();
  private final List<ItemGuid> guids = new ArrayList<>();
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final List<ReceivedFact> received = new ArrayList<>();
  private Map<String, String> guidsAsWritten = Map.of();
  private InquiryId inquiry;
  private boolean importerCounted;

  ImportScope(Transaction tx, UserId importer, Instant now, List<Problem> problems, Losses losses) {
    this.tx = tx;
    this.importer = importer;
    this.now = now;
    this.problems = problems;
    this.losses = losses;
  }

  /** Creates the inquiry everything else goes into. */
  InquiryId createInquiry(String name, String description) {
    inquiry = new InquiryId(tx.newId());
    tx.inquiries().insertInquiry(new Inquiry(inquiry, name, description, now));
    return inquiry;
  }

  Transaction tx() {
    return tx;
  }

  InquiryId inquiry() {
    return inquiry;
  }

  /** Adds a problem to the report of the import. */
  void report(Problem problem) {
    problems.add(problem);
  }

  /** Counts items that are not carried, for the summary of the report. */
  void lose(String kind, int count) {
    losses.add(kind, count);
  }

  /** REFI users become Fabrique users, found by login or created. */
  void users(List<RefiModel.User> refiUsers) {
    for (RefiModel.User refi : refiUsers) {
      String login = login(refi);
      String display = refi.name().isBlank() ? login : refi.name().strip();
      User user =
          tx.users()
              .findByLogin(login)
              .orElseGet(
                  () -> {
                    User created = new User(new UserId(tx.newId()), login, display);
                    tx.users().insert(created);
                    return created;
                  });
      users.put(refi.guid(), user.id());
      record(refi.guid(), new ItemRef(ItemKind.USER, user.id().value()));
      count("coders");
    }
  }

  private static String login(RefiModel.User user) {
    for (String candidate : List.of(user.id(), user.name())) {
      String login =
          candidate
              .strip()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9._-]+", "-")
              .replaceAll("^[^a-z0-9]+", "")
              .replaceAll("-+$", "");
      if (!login.isEmpty()) {
        return login.length() > 40 ? login.substring(0, 40) : login;
      }
    }
    return "coder-" + user.guid().replaceAll("[^a-z0-9]", "").substring(0, 8);
  }

  /** The user a creatingUser GUID names, or the one who imports. */
  UserId user(Optional<String> guid) {
    UserId user = guid.map(users::get).orElse(importer);
    if (user.equals(importer) && !users.containsValue(importer) && !importerCounted) {
      // what the file attributes to no one is attributed to who imports it: a coder of the inquiry
      importerCounted = true;
      count("coders");
    }
    return user;
  }

  /** Links two items of the inquiry, and counts the link. */
  LinkId link(
      ItemRef origin,
      ItemRef target,
      String name,
      LinkDirection direction,
      Optional<String> colour) {
    LinkId id = new LinkId(tx.newId());
    tx.links().insert(new Link(id, inquiry, origin, target, name, direction, colour));
    count("links");
    return id;
  }

  /** The item a GUID became, so that references to it resolve; the GUID is kept for export. */
  void register(String guid, ItemRef item) {
    byGuid.put(guid, item);
    record(guid, item);
  }

  /** Another GUID for an item that has one: references to it resolve; exports keep the first. */
  void alias(String guid, ItemRef item) {
    byGuid.put(guid, item);
  }

  /** Keeps an item's GUID for the next export, unless it is a key of our own ({@code x-…}). */
  private void record(String guid, ItemRef item) {
    if (!guid.startsWith("x-")) {
      guids.add(new ItemGuid(item, guidsAsWritten.getOrDefault(guid, guid)));
    }
  }

  /** The GUIDs written otherwise than in canonical form: they are kept as written. */
  void guidsWrittenAs(Map<String, String> asWritten) {
    this.guidsAsWritten = asWritten;
  }

  /** Keeps something the file said of an item that Fabrique holds nowhere else. */
  void receive(ItemRef item, String name, String value) {
    received.add(new ReceivedFact(item, name, value));
  }

  List<ReceivedFact> received() {
    return received;
  }

  /** The item a GUID became, or null when none did. */
  ItemRef itemOf(String guid) {
    return byGuid.get(guid);
  }

  boolean knows(String guid) {
    return byGuid.containsKey(guid);
  }

  List<ItemGuid> guids() {
    return guids;
  }

  void count(String kind) {
    counts.merge(kind, 1, Integer::sum);
  }

  int counted(String kind) {
    return counts.getOrDefault(kind, 0);
  }

  Map<String, Integer> counts() {
    return counts;
  }

  /** A REFI date-time, with or without an offset (UTC then); the import time when unreadable. */
  Instant instant(Optional<String> dateTime, String location) {
    if (dateTime.isEmpty()) {
      return now;
    }
    try {
      return OffsetDateTime.parse(dateTime.get().strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(dateTime.get().strip()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        problems.add(
            Problem.warning(
                location, "The date " + dateTime.get() + " is not readable; import time kept"));
        return now;
      }
    }
  }
}
