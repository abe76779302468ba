package org.fabrique.core.user;

import java.util.Optional;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.redaction.RedactionId;
import org.fabrique.core.store.Transaction;

/**
 * The kinds of item an address can name, each belonging to one inquiry: what a role is checked
 * against. The name is the path parameter that carries the item's id ({@code /sources/{source}}).
 */
public enum Scope {
  INQUIRY("inquiry"),
  CASE("case"),
  SOURCE("source"),
  CODE("code"),
  CODING("coding"),
  MEMO("memo"),
  ATTRIBUTE("attribute"),
  ELEMENT("element"),
  EVIDENCE("evidence"),
  PARTICIPATION("participation"),
  REDACTION("redaction");

  private final String parameter;

  Scope(String parameter) {
    this.parameter = parameter;
  }

  /** The path parameter that names an item of this kind. */
  public String parameter() {
    return parameter;
  }

  /** The scope a path parameter names, if it names one. */
  public static Optional<Scope> ofParameter(String name) {
    for (Scope scope : values()) {
      if (scope.parameter.equals(name)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }

  /** The inquiry of the item with this id; empty when there is no such item. */
  Optional<InquiryId> inquiryOf(Transaction tx, long id) {
    return switch (this) {
      case INQUIRY -> tx.inquiries().findInquiry(new InquiryId(id)).map(i -> i.id());
      case CASE -> tx.inquiries().findCase(new CaseId(id)).map(c -> c.inquiryId());
      case SOURCE -> tx.corpus().findSource(new SourceId(id)).map(Source::inquiryId);
      case CODE -> tx.coding().findCode(new CodeId(id)).map(c -> c.inquiryId());
      case CODING ->
          tx.coding()
              .findCoding(new CodingId(id))
              .flatMap(c -> tx.coding().findCode(c.codeId()))
              .map(c -> c.inquiryId());
      case MEMO -> tx.memos().find(new MemoId(id)).map(m -> m.inquiryId());
      case ATTRIBUTE -> tx.attributes().findDefinition(new AttributeId(id)).map(a -> a.inquiryId());
      case ELEMENT -> tx.journeys().find(new ElementId(id)).map(e -> e.inquiryId());
      case EVIDENCE -> tx.journeys().findEvidence(new ElementId(id)).map(e -> e.inquiryId());
      case PARTICIPATION ->
          tx.journeys().findParticipation(new ElementId(id)).map(p -> p.inquiryId());
      case REDACTION -> tx.redactions().find(new RedactionId(id)).map(r -> r.inquiryId());
    };
  }

  /** Who made the item, for the kinds that are someone's work (codings and memos). */
  Optional<UserId> authorOf(Transaction tx, long id) {
    return switch (this) {
      case CODING -> tx.coding().findCoding(new CodingId(id)).map(c -> c.coderId());
      case MEMO -> tx.memos().find(new MemoId(id)).map(m -> m.authorId());
      default -> Optional.empty();
    };
  }
}
