package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

/**
 * The project.qde of one export, as its parts write it: the read transaction, the XML writer, the
 * GUIDs, the memos hung on each item, and the counts and problems of the data-loss report.
 */
final class ProjectXml {
  /** Kinds that have a GUID in the exported file. */
  static final Set<ItemKind> EXPORTED =
      Set.of(
          ItemKind.CODE,
          ItemKind.SOURCE,
          ItemKind.SEGMENT,
          ItemKind.CODING,
          ItemKind.MEMO,
          ItemKind.CASE,
          ItemKind.SET,
          ItemKind.LINK,
          ItemKind.USER,
          ItemKind.ATTRIBUTE);

  private final Transaction tx;
  private final InquiryId inquiry;
  private final XmlOut xml;
  private final ExportGuids guids;
  private final ExportFacts facts;
  private final List<Problem> problems;
  private final Map<String, Integer> counts;
  private final List<Memo> memos;
  private final Map<ItemRef, List<Memo>> memosAbout = new HashMap<>();
  private final ExportScope scope;
  private final Set<ItemRef> leftOut = new HashSet<>();
  private int memosLeftOut;

  ProjectXml(
      Transaction tx,
      InquiryId inquiry,
      XmlOut xml,
      ExportGuids guids,
      List<Memo> memos,
      List<Problem> problems,
      Map<String, Integer> counts,
      ExportScope scope,
      List<Source> sourcesLeftOut) {
    this.tx = tx;
    this.scope = scope;
    for (Source source : sourcesLeftOut) {
      leftOut.add(new ItemRef(ItemKind.SOURCE, source.id().value()));
      tx.coding()
          .segmentsOf(source.id())
          .forEach(s -> leftOut.add(new ItemRef(ItemKind.SEGMENT, s.id().value())));
      tx.coding()
          .codingsOfSource(source.id())
          .forEach(c -> leftOut.add(new ItemRef(ItemKind.CODING, c.id().value())));
    }
    this.inquiry = inquiry;
    this.xml = xml;
    this.guids = guids;
    this.facts = new ExportFacts(tx, inquiry);
    this.problems = problems;
    this.counts = counts;
    List<Memo> carried = new ArrayList<>();
    for (Memo memo : memos) {
      if (carried(memo.target())) {
        carried.add(memo);
      } else {
        memosLeftOut++;
      }
    }
    this.memos = List.copyOf(carried);
    this.memos.forEach(m -> memosAbout.computeIfAbsent(m.target(), k -> new ArrayList<>()).add(m));
  }

  /** The redaction profile's scope of this export. */
  ExportScope scope() {
    return scope;
  }

  /**
   * Whether an item goes out: not a source the profile leaves out, nor one of its selections or
   * codings.
   */
  boolean carried(ItemRef item) {
    return !leftOut.contains(item);
  }

  /** Free text (a name, a description, a memo) as it goes out under the profile. */
  String free(String text) {
    return scope.freeText(text);
  }

  /** What the profile redacted and left out, added to the data-loss report. */
  void reportRedaction() {
    if (scope.profile().isInternal()) {
      return;
    }
    for (String line : scope.report().lines()) {
      problems.add(Problem.info("redaction", line));
    }
    if (memosLeftOut > 0) {
      problems.add(
          Problem.info(
              "redaction",
              memosLeftOut + " memo(s) about sources left out by the profile were left out"));
    }
  }

  Transaction tx() {
    return tx;
  }

  InquiryId inquiry() {
    return inquiry;
  }

  XmlOut xml() {
    return xml;
  }

  /** Every memo of the inquiry that goes out (none about what the profile leaves out). */
  List<Memo> memos() {
    return memos;
  }

  /** What the imported files said that Fabrique holds nowhere else. */
  ExportFacts facts() {
    return facts;
  }

  String guid(ItemRef item) {
    return guids.of(item);
  }

  String guid(ItemKind kind, long id) {
    return guids.of(new ItemRef(kind, id));
  }

  String userGuid(UserId id) {
    return guid(ItemKind.USER, id.value());
  }

  /**
   * Each item written inside a container element, or nothing when there is none: REFI-QDA has no
   * empty containers.
   */
  <T> void container(String name, List<T> items, Consumer<T> write) {
    if (items.isEmpty()) {
      return;
    }
    xml.start(name);
    items.forEach(write);
    xml.end();
  }

  /** The Description element of an item, as it is (spaces and all); none when it is empty. */
  void description(String text) {
    xml.description(text);
  }

  /** A NoteRef to each memo about the item. */
  void noteRefs(ItemRef item) {
    for (Memo memo : memosAbout.getOrDefault(item, List.of())) {
      xml.ref("NoteRef", "targetGUID", guid(ItemKind.MEMO, memo.id().value()));
    }
  }

  /** One more item of this kind carried, for the report. */
  void count(String kind) {
    counts.merge(kind, 1, Integer::sum);
  }

  /** Adds a problem to the data-loss report. */
  void report(Problem problem) {
    problems.add(problem);
  }
}
