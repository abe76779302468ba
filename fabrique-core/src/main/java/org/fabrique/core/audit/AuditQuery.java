package org.fabrique.core.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.InquiryId;

/**
 * Which audit entries to list: of one inquiry or all, since an instant or from the start, at most
 * {@code limit} of them, the most recent first.
 */
public record AuditQuery(Optional<InquiryId> inquiry, Optional<Instant> since, int limit) {
  public static final int MAX = 10_000;

  public AuditQuery {
    Objects.requireNonNull(inquiry, "inquiry");
    Objects.requireNonNull(since, "since");
    if (limit < 1 || limit > MAX) {
      throw new InvalidInputException("List between 1 and " + MAX + " audit entries");
    }
  }

  /** The most recent entries of every inquiry and of none. */
  public static AuditQuery recent(int limit) {
    return new AuditQuery(Optional.empty(), Optional.empty(), limit);
  }

  public AuditQuery in(InquiryId where) {
    return new AuditQuery(Optional.of(where), since, limit);
  }

  public AuditQuery since(Instant from) {
    return new AuditQuery(inquiry, Optional.of(from), limit);
  }

  /**
   * Since a date (from its start, UTC) or an instant, as a user writes it.
   *
   * @param name how the user gave it ({@code --since}, {@code since}), for the refusal
   */
  public AuditQuery since(String given, String name) {
    String value = given.strip();
    try {
      return since(
          value.length() == 10
              ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
              : Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name + " takes a date (2026-03-18) or an instant (2026-03-18T09:00:00Z)", e);
    }
  }
}
