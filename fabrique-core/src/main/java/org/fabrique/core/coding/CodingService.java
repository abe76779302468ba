package org.fabrique.core.coding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.History;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.Names;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoOperations;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;

/** The codebook and the coding of the text. */
public final class CodingService {
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** Colours given in turn to new codes when the user chooses none (colour-blind safe). */
  public static final List<String> PALETTE =
      List.of(
          "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999");

  private final Store store;
  private final History history;
  private final CorpusService corpus;
  private final Clock clock;

  public CodingService(Store store, History history, CorpusService corpus, Clock clock) {
    this.store = store;
    this.history = history;
    this.corpus = corpus;
    this.clock = clock;
  }

  /** What the user says of a new code; empty colour means the next of the palette. */
  public record NewCode(
      String name,
      Optional<CodeId> parentId,
      Optional<String> colour,
      String description,
      boolean codable) {
    public static NewCode named(String name) {
      return new NewCode(name, Optional.empty(), Optional.empty(), "", true);
    }

    public NewCode under(CodeId parent) {
      return new NewCode(name, Optional.of(parent), colour, description, codable);
    }

    public NewCode coloured(String newColour) {
      return new NewCode(name, parentId, Optional.of(newColour), description, codable);
    }

    public NewCode describedAs(String newDescription) {
      return new NewCode(name, parentId, colour, newDescription, codable);
    }

    public NewCode groupingOnly() {
      return new NewCode(name, parentId, colour, description, false);
    }
  }

  public Code createCode(InquiryId inquiry, UserId user, NewCode request) {
    String name = Names.required(request.name(), "A code");
    request.colour().ifPresent(CodingService::checkColour);
    return store.inTransaction(
        tx -> {
          tx.inquiries()
              .findInquiry(inquiry)
              .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
          List<Code> all = tx.coding().listCodes(inquiry);
          request
              .parentId()
              .ifPresent(
                  p -> {
                    Code parent =
                        tx.coding()
                            .findCode(p)
                            .orElseThrow(() -> new NotFoundException("There is no code " + p));
                    if (!parent.inquiryId().equals(inquiry)) {
                      throw new InvalidInputException("Code " + p + " belongs to another inquiry");
                    }
                  });
          int position =
              (int) all.stream().filter(c -> c.parentId().equals(request.parentId())).count();
          Code code =
              new Code(
                  new CodeId(tx.newId()),
                  inquiry,
                  request.parentId(),
                  name,
                  request
                      .colour()
                      .orElse(PALETTE.get(all.size() % PALETTE.size()))
                      .toLowerCase(Locale.ROOT),
                  Names.optional(request.description()),
                  request.codable(),
                  position);
          history.apply(tx, inquiry, user, new CodebookOperations.CreateCode(code));
          return code;
        });
  }

  /** Renames, recolours, redescribes a code or makes it codable or not, all four at once. */
  public Code updateCode(
      UserId user, CodeId id, String name, String colour, String description, boolean codable) {
    return changeCode(
        user,
        id,
        CodeChange.none()
            .withName(name)
            .withColour(colour)
            .withDescription(description)
            .withCodable(codable));
  }

  /**
   * Changes the fields of a code that the change sets (its name, colour, description or whether it
   * is codable; moves go through {@link #moveCode}), reading the code in the transaction that
   * writes it: the fields left empty stay as they are, even when someone else has just changed
   * them.
   *
   * @return the code as it is now
   */
  public Code changeCode(UserId user, CodeId id, CodeChange change) {
    if (change.place().isPresent()) {
      throw new InvalidInputException("A code is moved with its own request");
    }
    CodeChange checked = CodeChange.none();
    if (change.name().isPresent()) {
      checked = checked.withName(Names.required(change.name().get(), "A code"));
    }
    if (change.colour().isPresent()) {
      checkColour(change.colour().get());
      checked = checked.withColour(change.colour().get().toLowerCase(Locale.ROOT));
    }
    if (change.description().isPresent()) {
      checked = checked.withDescription(Names.optional(change.description().get()));
    }
    if (change.codable().isPresent()) {
      checked = checked.withCodable(change.codable().get());
    }
    CodeChange wanted = checked;
    return store.inTransaction(
        tx -> {
          Code before =
              tx.coding()
                  .findCode(id)
                  .orElseThrow(() -> new NotFoundException("There is no code " + id));
          CodeChange differing = wanted.differingFrom(before);
          if (differing.setsNothing()) {
            return before;
          }
          history.apply(
              tx,
              before.inquiryId(),
              user,
              new CodebookOperations.ChangeCode(id, differing.currentIn(before), differing));
          return differing.appliedTo(before);
        });
  }

  /**
   * Moves a code under another (or to the top level) at a position among its new siblings. The
   * codebook is read, and the move checked (no code under itself or its descendants), in the
   * transaction that writes it.
   */
  public void moveCode(UserId user, CodeId id, Optional<CodeId> newParent, int position) {
    store.inTransaction(
        tx -> {
          Code code =
              tx.coding()
                  .findCode(id)
                  .orElseThrow(() -> new NotFoundException("There is no code " + id));
          if (newParent.isPresent()) {
            Code parent =
                tx.coding()
                    .findCode(newParent.get())
                    .orElseThrow(
                        () -> new NotFoundException("There is no code " + newParent.get()));
            if (!parent.inquiryId().equals(code.inquiryId())) {
              throw new InvalidInputException(
                  "Code " + newParent.get() + " belongs to another inquiry");
            }
          }
          CodebookOperations.refusalToMove(tx, code, newParent)
              .ifPresent(
                  refusal -> {
                    throw new InvalidInputException(refusal);
                  });
          List<Code> siblings =
              new ArrayList<>(
                  tx.coding().listCodes(code.inquiryId()).stream()
                      .filter(c -> c.parentId().equals(newParent) && !c.id().equals(id))
                      .sorted(Comparator.comparingInt(Code::position))
                      .toList());
          int at = Math.max(0, Math.min(position, siblings.size()));
          siblings.add(at, code);
          List<Operation> steps = new ArrayList<>();
          for (int i = 0; i < siblings.size(); i++) {
            Code sibling = siblings.get(i);
            if (sibling.id().equals(id) || sibling.position() != i) {
              steps.add(
                  placeStep(
                      sibling,
                      new CodePlace(sibling.id().equals(id) ? newParent : sibling.parentId(), i)));
            }
          }
          history.apply(
              tx,
              code.inquiryId(),
              user,
              new CompositeOperation("Moved code " + code.name(), steps));
          return null;
        });
  }

  /** The change that puts a code at a place, from the place it has now. */
  private static Operation placeStep(Code code, CodePlace place) {
    return new CodebookOperations.ChangeCode(
        code.id(),
        CodeChange.none().withPlace(CodePlace.of(code)),
        CodeChange.none().withPlace(place));
  }

  /**
   * Merges a code into another: its codings, children and memos go to the other code, then it is
   * deleted. A passage already coded with both by the same coder keeps one coding.
   */
  public void mergeCodes(UserId user, CodeId from, CodeId into) {
    if (from.equals(into)) {
      throw new InvalidInputException("A code cannot be merged into itself");
    }
    Code source = getCode(from);
    Code target = getCode(into);
    if (!source.inquiryId().equals(target.inquiryId())) {
      throw new InvalidInputException("Codes of two inquiries cannot be merged");
    }
    store.inTransaction(
        tx -> {
          Code intoCode =
              tx.coding()
                  .findCode(into)
                  .orElseThrow(() -> new NotFoundException("There is no code " + into));
          Code fromCode =
              tx.coding()
                  .findCode(from)
                  .orElseThrow(() -> new NotFoundException("There is no code " + from));
          if (CodebookOperations.refusalToMove(tx, fromCode, Optional.of(intoCode.id()))
              .isPresent()) {
            throw new InvalidInputException("A code cannot be merged into one of its descendants");
          }
          List<Operation> steps = new ArrayList<>();
          for (Coding coding : tx.coding().codingsOfCode(from)) {
            boolean both =
                tx.coding().codingsOfSegment(coding.segmentId()).stream()
                    .anyMatch(c -> c.codeId().equals(into) && c.coderId().equals(coding.coderId()));
            steps.add(
                both
                    ? new CodingOperations.RemoveCoding(coding.id())
                    : new CodingOperations.RecodeCoding(coding.id(), into));
          }
          int position =
              (int)
                  tx.coding().listCodes(target.inquiryId()).stream()
                      .filter(c -> c.parentId().equals(Optional.of(into)))
                      .count();
          for (Code child : tx.coding().listCodes(source.inquiryId())) {
            if (child.parentId().equals(Optional.of(from))) {
              steps.add(placeStep(child, new CodePlace(Optional.of(into), position++)));
            }
          }
          for (Memo memo : tx.memos().about(new ItemRef(ItemKind.CODE, from.value()))) {
            steps.add(
                new MemoOperations.UpdateMemo(
                    new Memo(
                        memo.id(),
                        memo.inquiryId(),
                        new ItemRef(ItemKind.CODE, into.value()),
                        memo.title(),
                        memo.body(),
                        memo.authorId(),
                        memo.createdAt(),
                        memo.updatedAt())));
          }
          steps.add(new CodebookOperations.DeleteCode(from));
          history.apply(
              tx,
              source.inquiryId(),
              user,
              new CompositeOperation(
                  "Merged code " + source.name() + " into " + target.name(), steps));
          return null;
        });
  }

  /** Deletes a code, its descendants and their codings. */
  public void deleteCode(UserId user, CodeId id) {
    Code code = getCode(id);
    history.apply(code.inquiryId(), user, new CodebookOperations.DeleteCode(id));
  }

  public Code getCode(CodeId id) {
    return store.inTransaction(
        tx ->
            tx.coding()
                .findCode(id)
                .orElseThrow(() -> new NotFoundException("There is no code " + id)));
  }

  public List<Code> codes(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.coding().listCodes(inquiry));
  }

  /** The codebook as a tree, with the number of codings of each code. */
  public List<CodeNode> codebook(InquiryId inquiry) {
    List<Code> codes = codes(inquiry);
    Map<CodeId, Integer> counts = store.inTransaction(tx -> tx.coding().codingCounts(inquiry));
    Map<Optional<CodeId>, List<Code>> children = new HashMap<>();
    for (Code code : codes) {
      children.computeIfAbsent(code.parentId(), k -> new ArrayList<>()).add(code);
    }
    return nodes(Optional.empty(), children, counts);
  }

  private static List<CodeNode> nodes(
      Optional<CodeId> parent,
      Map<Optional<CodeId>, List<Code>> children,
      Map<CodeId, Integer> counts) {
    List<CodeNode> nodes = new ArrayList<>();
    for (Code code :
        children.getOrDefault(parent, List.of()).stream()
            .sorted(Comparator.comparingInt(Code::position).thenComparing(Code::name))
            .toList()) {
      List<CodeNode> below = nodes(Optional.of(code.id()), children, counts);
      int own = counts.getOrDefault(code.id(), 0);
      int total = own + below.stream().mapToInt(CodeNode::totalCodings).sum();
      nodes.add(new CodeNode(code, own, total, below));
    }
    return List.copyOf(nodes);
  }

  /**
   * Codes the span {@code [start, end)} (code points) of a source for a coder. The segment is
   * shared with other codings of the same span.
   */
  public CodedSpan code(UserId coder, SourceId sourceId, int start, int end, CodeId codeId) {
    Source source = corpus.get(sourceId);
    PlainText text = corpus.text(sourceId);
    text.checkSpan(start, end);
    String quote = text.substring(start, end);
    Code code = getCode(codeId);
    if (!code.inquiryId().equals(source.inquiryId())) {
      throw new InvalidInputException("Code " + codeId + " belongs to another inquiry");
    }
    return store.inTransaction(
        tx -> {
          Segment segment =
              tx.coding()
                  .findSegment(sourceId, start, end)
                  .orElseGet(
                      () -> new Segment(new SegmentId(tx.newId()), sourceId, start, end, quote));
          Coding coding =
              new Coding(new CodingId(tx.newId()), segment.id(), codeId, coder, clock.instant());
          history.apply(
              tx, source.inquiryId(), coder, new CodingOperations.AddCoding(segment, coding));
          return CodedSpan.of(segment, coding);
        });
  }

  public void removeCoding(UserId user, CodingId id) {
    history.apply(inquiryOfCoding(id), user, new CodingOperations.RemoveCoding(id));
  }

  /** Replaces the code of a coding by another. */
  public void recode(UserId user, CodingId id, CodeId newCode) {
    history.apply(inquiryOfCoding(id), user, new CodingOperations.RecodeCoding(id, newCode));
  }

  private InquiryId inquiryOfCoding(CodingId id) {
    return store.inTransaction(
        tx -> {
          Coding coding =
              tx.coding()
                  .findCoding(id)
                  .orElseThrow(() -> new NotFoundException("There is no coding " + id));
          return tx.coding()
              .findCode(coding.codeId())
              .map(Code::inquiryId)
              .orElseThrow(() -> new NotFoundException("There is no code " + coding.codeId()));
        });
  }

  /** The codings of a source overlapping {@code [from, to)}. */
  public List<CodedSpan> spans(SourceId source, int from, int to) {
    return store.inTransaction(tx -> tx.coding().spans(source, from, to));
  }

  /** A segment by id. */
  public Segment segment(SegmentId id) {
    return store.inTransaction(
        tx ->
            tx.coding()
                .findSegment(id)
                .orElseThrow(() -> new NotFoundException("There is no segment " + id)));
  }

  /** The number of codings of each source of an inquiry that has any. */
  public Map<SourceId, Integer> codingCountsBySource(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.coding().codingCountsBySource(inquiry));
  }

  /** The coded segments of a code, with their quotes. */
  public List<QuotedSpan> segmentsOf(CodeId code) {
    return store.inTransaction(
        tx -> {
          Map<SourceId, String> titles = new HashMap<>();
          List<QuotedSpan> quoted = new ArrayList<>();
          for (CodedSpan span : tx.coding().spansOfCode(code)) {
            String quote = tx.coding().findSegment(span.segmentId()).map(Segment::quote).orElse("");
            String title =
                titles.computeIfAbsent(
                    span.sourceId(),
                    s -> tx.corpus().findSource(s).map(Source::title).orElse(s.toString()));
            quoted.add(new QuotedSpan(span, quote, title));
          }
          return List.copyOf(quoted);
        });
  }

  private static void checkColour(String colour) {
    if (colour == null || !COLOUR.matcher(colour).matches()) {
      throw new InvalidInputException("A colour is written #rrggbb, for example #0072b2");
    }
  }
}
