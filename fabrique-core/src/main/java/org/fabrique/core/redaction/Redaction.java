package org.fabrique.core.redaction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/**
 * A passage of a source's plain text that may identify someone, and what the researcher decided
 * about it. It holds positions only, never the passage itself: the real value is read from the
 * immutable text, and its pseudonym is in the key table ({@link PseudonymEntry}), kept apart.
 *
 * @param start first code point of the passage
 * @param end code point after the passage
 * @param confidence how sure the assistant was, 0–100 (100 for a passage marked by hand)
 */
public record Redaction(
    RedactionId id,
    InquiryId inquiryId,
    SourceId sourceId,
    int start,
    int end,
    IdentifierCategory category,
    Status status,
    Reason reason,
    int confidence,
    Optional<UserId> decidedBy,
    Optional<Instant> decidedAt) {

  /** What the researcher decided. */
  public enum Status {
    SUGGESTED("suggested"),
    ACCEPTED("accepted"),
    REJECTED("rejected");

    private final String id;

    Status(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Optional<Status> fromId(String id) {
      for (Status status : values()) {
        if (status.id.equals(id)) {
          return Optional.of(status);
        }
      }
      return Optional.empty();
    }
  }

  public Redaction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inquiryId, "inquiryId");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("A redaction needs a non-empty span");
    }
  }

  public Redaction decided(Status newStatus, UserId user, Instant at) {
    return new Redaction(
        id,
        inquiryId,
        sourceId,
        start,
        end,
        category,
        newStatus,
        reason,
        confidence,
        Optional.of(user),
        Optional.of(at));
  }

  public Redaction withSpan(int newStart, int newEnd, IdentifierCategory newCategory) {
    return new Redaction(
        id,
        inquiryId,
        sourceId,
        newStart,
        newEnd,
        newCategory,
        status,
        reason,
        confidence,
        decidedBy,
        decidedAt);
  }

  public boolean overlaps(int otherStart, int otherEnd) {
    return start < otherEnd && otherStart < end;
  }
}
