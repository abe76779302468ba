package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
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

  ProjectXml(
      Transaction tx,
      InquiryId inquiry,
      XmlOut xml,
      ExportGuids guids,
      List<Memo> memos,
      List<Problem> problems,
      Map<String, Integer> counts) {
    this.tx = tx;
    this.inquiry = inquiry;
    this.xml = xml;
    this.guids = guids;
    this.facts = new ExportFacts(tx, inquiry);
    this.problems = problems;
    this.counts = counts;
    this.memos = memos;
    memos.forEach(m -> memosAbout.computeIfAbsent(m.target(), k -> new ArrayList<>()).add(m));
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

  /** Every memo of the inquiry. */
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
