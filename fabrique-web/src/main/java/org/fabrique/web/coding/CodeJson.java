package org.fabrique.web.coding;

import java.util.List;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeNode;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.QuotedSpan;

/** The JSON of codes and codings. */
public final class CodeJson {
  private CodeJson() {}

  /** A code; {@code parentId} is null at the top level. */
  public record CodeOut(
      long id,
      long inquiryId,
      Long parentId,
      String name,
      String colour,
      String description,
      boolean codable,
      int position) {
    public static CodeOut of(Code c) {
      return new CodeOut(
          c.id().value(),
          c.inquiryId().value(),
          c.parentId().map(p -> p.value()).orElse(null),
          c.name(),
          c.colour(),
          c.description(),
          c.codable(),
          c.position());
    }
  }

  /** A code of the codebook tree with its counts and children. */
  public record NodeOut(CodeOut code, int codings, int totalCodings, List<NodeOut> children) {
    public static NodeOut of(CodeNode node) {
      return new NodeOut(
          CodeOut.of(node.code()),
          node.codings(),
          node.totalCodings(),
          node.children().stream().map(NodeOut::of).toList());
    }
  }

  /**
   * What creates or changes a code. On creation only name is required; colour defaults to the next
   * of the palette, codable to true.
   */
  public record CodeIn(
      String name, Long parentId, String colour, String description, Boolean codable) {}

  /** Where to move a code: under a parent (null: the top level), at a position among siblings. */
  public record MoveIn(Long parentId, Integer position) {}

  /** Which code to merge a code into. */
  public record MergeIn(long intoId) {}

  /** What codes a span: {@code [start, end)} in code points of the source's plain text. */
  public record CodingIn(int start, int end, long codeId) {}

  /** What changes the code of a coding. */
  public record RecodeIn(long codeId) {}

  /** A coding. */
  public record CodingOut(
      long id, long segmentId, long sourceId, int start, int end, long codeId, long coderId) {
    public static CodingOut of(CodedSpan s) {
      return new CodingOut(
          s.codingId().value(),
          s.segmentId().value(),
          s.sourceId().value(),
          s.start(),
          s.end(),
          s.codeId().value(),
          s.coderId().value());
    }
  }

  /** A coded segment with its quote and the title of its source. */
  public record QuoteOut(CodingOut coding, String quote, String sourceTitle) {
    public static QuoteOut of(QuotedSpan q) {
      return new QuoteOut(CodingOut.of(q.span()), q.quote(), q.sourceTitle());
    }
  }
}
