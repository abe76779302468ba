package org.fabrique.core.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.store.Transaction;

/** The operations on sources. Texts live in the blob store and are never deleted by them. */
public final class SourceOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("source.add", AddSource.class),
          Map.entry("source.update-metadata", UpdateSourceMetadata.class),
          Map.entry("source.delete", DeleteSource.class),
          Map.entry("source.restore", RestoreSource.class),
          Map.entry("corpus.speaker-pattern.set", SetSpeakerPattern.class));

  private SourceOperations() {}

  /** Adds an imported source whose original and plain text are already in the blob store. */
  public record AddSource(Source source, List<SpeakerTurn> turns) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      tx.corpus().insertSource(source);
      if (!turns.isEmpty()) {
        tx.corpus().insertTurns(source.id(), turns);
      }
      return new DeleteSource(source.id());
    }

    @Override
    public String describe() {
      return "Imported source " + source.id();
    }
  }

  /** Changes the editable description of a source. */
  public record UpdateSourceMetadata(SourceId sourceId, SourceMetadata metadata)
      implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Source before = Require.present(tx.corpus().findSource(sourceId), "Source " + sourceId);
      tx.corpus().updateSource(before.withMetadata(metadata));
      return new UpdateSourceMetadata(sourceId, before.metadata());
    }

    @Override
    public String describe() {
      return "Changed the description of source " + sourceId;
    }
  }

  /** Deletes a source with its segments, codings, memos and attribute values. */
  public record DeleteSource(SourceId sourceId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Source source = Require.present(tx.corpus().findSource(sourceId), "Source " + sourceId);
      List<SpeakerTurn> turns = tx.corpus().turns(sourceId);
      List<Segment> segments = tx.coding().segmentsOf(sourceId);
      List<Coding> codings = new ArrayList<>();
      List<Memo> memos =
          new ArrayList<>(tx.memos().about(new ItemRef(ItemKind.SOURCE, sourceId.value())));
      for (Segment segment : segments) {
        codings.addAll(tx.coding().codingsOfSegment(segment.id()));
        memos.addAll(tx.memos().about(new ItemRef(ItemKind.SEGMENT, segment.id().value())));
      }
      List<AttributeValue> values = tx.attributes().valuesOfOwner(sourceId.value());
      codings.forEach(c -> tx.coding().deleteCoding(c.id()));
      memos.forEach(m -> tx.memos().delete(m.id()));
      segments.forEach(s -> tx.coding().deleteSegment(s.id()));
      values.forEach(v -> tx.attributes().deleteValue(v.attributeId(), v.ownerId()));
      tx.corpus().deleteTurns(sourceId);
      tx.corpus().deleteSource(sourceId);
      return new RestoreSource(source, turns, segments, codings, memos, values);
    }

    @Override
    public String describe() {
      return "Deleted source " + sourceId;
    }
  }

  /** Puts back a deleted source with everything that was deleted with it. */
  public record RestoreSource(
      Source source,
      List<SpeakerTurn> turns,
      List<Segment> segments,
      List<Coding> codings,
      List<Memo> memos,
      List<AttributeValue> values)
      implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      tx.corpus().insertSource(source);
      if (!turns.isEmpty()) {
        tx.corpus().insertTurns(source.id(), turns);
      }
      segments.forEach(tx.coding()::insertSegment);
      codings.forEach(
          c -> {
            Require.present(tx.coding().findCode(c.codeId()), "Code " + c.codeId());
            tx.coding().insertCoding(c);
          });
      memos.forEach(tx.memos()::insert);
      values.forEach(tx.attributes()::putValue);
      return new DeleteSource(source.id());
    }

    @Override
    public String describe() {
      return "Restored source " + source.id();
    }
  }

  /**
   * Sets the speaker pattern of an inquiry's transcripts (empty: none), used for the sources
   * imported from then on.
   */
  public record SetSpeakerPattern(InquiryId inquiryId, Optional<String> pattern)
      implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Require.present(tx.inquiries().findInquiry(inquiryId), "Inquiry " + inquiryId);
      Optional<String> before = tx.corpus().speakerPattern(inquiryId);
      tx.corpus().putSpeakerPattern(inquiryId, pattern);
      return new SetSpeakerPattern(inquiryId, before);
    }

    @Override
    public String describe() {
      return pattern.isPresent()
          ? "Set the speaker pattern of inquiry " + inquiryId
          : "Removed the speaker pattern of inquiry " + inquiryId;
    }
  }
}
