package org.fabrique.store.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeOperations;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeChange;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodePlace;
import org.fabrique.core.coding.CodebookOperations;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.CodingOperations;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.corpus.SourceMetadata;
import org.fabrique.core.corpus.SourceOperations;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.erasure.Purged;
import org.fabrique.core.exchange.ExchangeOperations;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.CaseOperations;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryOperations;
import org.fabrique.core.link.Link;
import org.fabrique.core.link.LinkDirection;
import org.fabrique.core.link.LinkId;
import org.fabrique.core.link.LinkOperations;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.memo.MemoOperations;
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.set.SetId;
import org.fabrique.core.set.SetOperations;
import org.fabrique.core.user.UserId;

/**
 * One literal operation of every registered type, with present and empty optionals, instants with
 * nanoseconds and nested operations. Their JSON is kept in {@code operations/golden.json}.
 */
final class SampleOperations {
  static final InquiryId INQUIRY = new InquiryId(1);
  static final UserId ANA = new UserId(2);
  static final Instant AT = Instant.parse("2024-03-01T09:15:30.123456789Z");

  static final Case CASE = new Case(new CaseId(3), INQUIRY, "Cancer registry", Domain.REGISTRY, "");
  static final Source SOURCE =
      new Source(
          new SourceId(4),
          INQUIRY,
          "Interview with a data manager",
          SourceKind.INTERVIEW,
          Optional.of(LocalDate.of(2023, 11, 7)),
          "fr",
          Optional.of(CASE.id()),
          Confidentiality.CONFIDENTIAL,
          "entretien.docx",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
          "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
          12_345,
          AT,
          ANA);
  static final List<SpeakerTurn> TURNS =
      List.of(
          new SpeakerTurn(0, 40, "INT", Optional.of("00:00:05")),
          new SpeakerTurn(41, 300, "DM", Optional.empty()));
  static final Code PARENT =
      new Code(new CodeId(5), INQUIRY, Optional.empty(), "Choices", "#112233", "", false, 0);
  static final Code CODE =
      new Code(
          new CodeId(6),
          INQUIRY,
          Optional.of(PARENT.id()),
          "Pseudonymisation",
          "#445566",
          "d",
          true,
          2);
  static final Segment SEGMENT = new Segment(new SegmentId(7), SOURCE.id(), 41, 90, "a quote");
  static final Coding CODING = new Coding(new CodingId(8), SEGMENT.id(), CODE.id(), ANA, AT);
  static final Memo MEMO =
      new Memo(
          new MemoId(9),
          INQUIRY,
          new ItemRef(ItemKind.SEGMENT, SEGMENT.id().value()),
          "Why here",
          "Body",
          ANA,
          AT,
          AT.plusSeconds(1));
  static final AttributeDefinition ATTRIBUTE =
      new AttributeDefinition(
          new AttributeId(10), INQUIRY, "Size", AttributeType.INTEGER, AttributeScope.CASE, "");
  static final AttributeValue VALUE = new AttributeValue(ATTRIBUTE.id(), CASE.id().value(), "120");

  static final ItemSet SET =
      new ItemSet(
          new SetId(11),
          INQUIRY,
          "Privacy",
          "Codes about privacy",
          List.of(
              new ItemRef(ItemKind.CODE, CODE.id().value()),
              new ItemRef(ItemKind.SOURCE, SOURCE.id().value())));
  static final Link LINK =
      new Link(
          new LinkId(12),
          INQUIRY,
          new ItemRef(ItemKind.CODE, CODE.id().value()),
          new ItemRef(ItemKind.MEMO, MEMO.id().value()),
          "explains",
          LinkDirection.ONE_WAY,
          Optional.of("#123456"));
  static final List<ItemGuid> GUIDS =
      List.of(
          new ItemGuid(
              new ItemRef(ItemKind.CODE, CODE.id().value()),
              "c0000000-0000-4000-8000-000000000001"));

  private SampleOperations() {}

  /** A sample of every registered operation type, by type id. */
  static Map<String, Operation> all() {
    Map<String, Operation> samples = new LinkedHashMap<>();
    samples.put(
        "inquiry.update",
        new InquiryOperations.UpdateInquiry(
            new Inquiry(INQUIRY, "Reuse of registry data", "Cohorts and registries", AT)));
    samples.put("case.create", new CaseOperations.CreateCase(CASE));
    samples.put("case.update", new CaseOperations.UpdateCase(CASE));
    samples.put("case.delete", new CaseOperations.DeleteCase(CASE.id()));
    samples.put(
        "case.restore",
        new CaseOperations.RestoreCase(CASE, List.of(SOURCE.id()), List.of(VALUE), List.of(MEMO)));
    samples.put("source.add", new SourceOperations.AddSource(SOURCE, TURNS));
    samples.put(
        "source.update-metadata",
        new SourceOperations.UpdateSourceMetadata(
            SOURCE.id(),
            new SourceMetadata(
                "Notes",
                SourceKind.FIELD_NOTE,
                Optional.empty(),
                "en",
                Optional.empty(),
                Confidentiality.PUBLIC)));
    samples.put("source.delete", new SourceOperations.DeleteSource(SOURCE.id()));
    samples.put(
        "source.restore",
        new SourceOperations.RestoreSource(
            SOURCE, TURNS, List.of(SEGMENT), List.of(CODING), List.of(MEMO), List.of()));
    samples.put(
        "corpus.speaker-pattern.set",
        new SourceOperations.SetSpeakerPattern(
            INQUIRY, Optional.of("^(?<speaker>[A-Z]{2,4})\\s+(?<time>\\d+:\\d\\d)$")));
    samples.put("code.create", new CodebookOperations.CreateCode(CODE));
    samples.put("code.update", new CodebookOperations.UpdateCode(PARENT));
    samples.put(
        "code.change",
        new CodebookOperations.ChangeCode(
            CODE.id(),
            CodeChange.none()
                .withName("Before")
                .withCodable(true)
                .withPlace(new CodePlace(Optional.empty(), 3)),
            CodeChange.none()
                .withName("After")
                .withCodable(false)
                .withPlace(new CodePlace(Optional.of(PARENT.id()), 0))));
    samples.put("code.delete", new CodebookOperations.DeleteCode(CODE.id()));
    samples.put(
        "code.restore",
        new CodebookOperations.RestoreCodes(
            PARENT.id(), List.of(PARENT, CODE), List.of(SEGMENT), List.of(CODING), List.of(MEMO)));
    samples.put("coding.add", new CodingOperations.AddCoding(SEGMENT, CODING));
    samples.put("coding.remove", new CodingOperations.RemoveCoding(CODING.id()));
    samples.put("coding.recode", new CodingOperations.RecodeCoding(CODING.id(), PARENT.id()));
    samples.put("memo.create", new MemoOperations.CreateMemo(MEMO));
    samples.put("memo.update", new MemoOperations.UpdateMemo(MEMO));
    samples.put("memo.delete", new MemoOperations.DeleteMemo(MEMO.id()));
    samples.put("attribute.define", new AttributeOperations.DefineAttribute(ATTRIBUTE));
    samples.put("attribute.update", new AttributeOperations.UpdateAttribute(ATTRIBUTE));
    samples.put("attribute.delete", new AttributeOperations.DeleteAttribute(ATTRIBUTE.id()));
    samples.put(
        "attribute.restore", new AttributeOperations.RestoreAttribute(ATTRIBUTE, List.of(VALUE)));
    samples.put(
        "attribute.set-value",
        new AttributeOperations.SetAttributeValue(
            ATTRIBUTE.id(), CASE.id().value(), Optional.of("120")));
    samples.put("set.create", new SetOperations.CreateSet(SET));
    samples.put("set.update", new SetOperations.UpdateSet(SET.withMembers(List.of())));
    samples.put("set.delete", new SetOperations.DeleteSet(SET.id()));
    samples.put("link.create", new LinkOperations.CreateLink(LINK));
    samples.put(
        "link.update",
        new LinkOperations.UpdateLink(
            new Link(
                LINK.id(),
                INQUIRY,
                LINK.origin(),
                LINK.target(),
                "",
                LinkDirection.ASSOCIATIVE,
                Optional.empty())));
    samples.put("link.delete", new LinkOperations.DeleteLink(LINK.id()));
    samples.put("exchange.guids.record", new ExchangeOperations.RecordGuids(INQUIRY, GUIDS));
    samples.put("exchange.guids.forget", new ExchangeOperations.ForgetGuids(INQUIRY, GUIDS));
    samples.put(
        "exchange.project.imported",
        new ExchangeOperations.ProjectImported(INQUIRY, "study.qdpx", "3 sources, 12 codes"));
    samples.put(
        "exchange.project.import-kept", new ExchangeOperations.ProjectImportKept("study.qdpx"));
    samples.put("history.purge", new Purged.Purge("source 4", "2024-03-01"));
    samples.put("history.purged", new Purged("source 4", "2024-03-01"));
    samples.put(
        "composite",
        new CompositeOperation(
            "Code a passage with a new code",
            List.of(
                new CodebookOperations.CreateCode(CODE),
                new CodingOperations.AddCoding(SEGMENT, CODING),
                new AttributeOperations.SetAttributeValue(
                    ATTRIBUTE.id(), CASE.id().value(), Optional.empty()),
                new CompositeOperation(
                    "Nested", List.of(new MemoOperations.DeleteMemo(MEMO.id()))))));
    JourneySampleOperations.addTo(samples);
    return samples;
  }
}
