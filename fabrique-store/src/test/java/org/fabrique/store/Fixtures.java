package org.fabrique.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;

/**
 * Builds and inserts test data in a transaction, with fresh ids. Instants carry nanoseconds so that
 * the tests see any loss of precision.
 */
final class Fixtures {
  static final Instant T0 = Instant.parse("2024-03-01T09:15:30.123456789Z");
  static final String DIGEST = "a".repeat(64);

  private final Transaction tx;

  Fixtures(Transaction tx) {
    this.tx = tx;
  }

  Transaction tx() {
    return tx;
  }

  long id() {
    return tx.newId();
  }

  Inquiry inquiry(String name) {
    Inquiry inquiry = new Inquiry(new InquiryId(id()), name, "About " + name, T0);
    tx.inquiries().insertInquiry(inquiry);
    return inquiry;
  }

  User user(String login) {
    User user = new User(new UserId(id()), login, "Coder " + login);
    tx.users().insert(user);
    return user;
  }

  Case aCase(Inquiry inquiry, String name) {
    Case theCase = new Case(new CaseId(id()), inquiry.id(), name, Domain.REGISTRY, "A registry");
    tx.inquiries().insertCase(theCase);
    return theCase;
  }

  Source newSource(Inquiry inquiry, User user, Optional<CaseId> caseId, String title) {
    return new Source(
        new SourceId(id()),
        inquiry.id(),
        title,
        SourceKind.INTERVIEW,
        Optional.of(LocalDate.of(2023, 11, 7)),
        "fr",
        caseId,
        Confidentiality.CONFIDENTIAL,
        title + ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DIGEST,
        "b".repeat(64),
        100_000,
        T0.plusSeconds(60),
        user.id());
  }

  Source source(Inquiry inquiry, User user, Optional<CaseId> caseId, String title) {
    Source source = newSource(inquiry, user, caseId, title);
    tx.corpus().insertSource(source);
    return source;
  }

  static List<SpeakerTurn> turns() {
    return List.of(
        new SpeakerTurn(0, 40, "INT", Optional.of("00:00:05")),
        new SpeakerTurn(41, 300, "Data manager", Optional.empty()),
        new SpeakerTurn(301, 420, "INT", Optional.of("00:03:12")));
  }

  Code code(Inquiry inquiry, Optional<Code> parent, String name, int position) {
    Code code =
        new Code(
            new CodeId(id()),
            inquiry.id(),
            parent.map(Code::id),
            name,
            "#336699",
            "Code " + name,
            true,
            position);
    tx.coding().insertCode(code);
    return code;
  }

  Segment segment(Source source, int start, int end) {
    Segment segment = new Segment(new SegmentId(id()), source.id(), start, end, "quote " + start);
    tx.coding().insertSegment(segment);
    return segment;
  }

  Coding coding(Segment segment, Code code, User coder) {
    Coding coding = new Coding(new CodingId(id()), segment.id(), code.id(), coder.id(), T0);
    tx.coding().insertCoding(coding);
    return coding;
  }

  Memo memo(Inquiry inquiry, ItemRef target, User author) {
    Memo memo =
        new Memo(
            new MemoId(id()),
            inquiry.id(),
            target,
            "Memo on " + target,
            "Thoughts about " + target,
            author.id(),
            T0,
            T0.plusMillis(1500));
    tx.memos().insert(memo);
    return memo;
  }

  AttributeDefinition attribute(
      Inquiry inquiry, String name, AttributeType type, AttributeScope scope) {
    AttributeDefinition definition =
        new AttributeDefinition(new AttributeId(id()), inquiry.id(), name, type, scope, "");
    tx.attributes().insertDefinition(definition);
    return definition;
  }
}
