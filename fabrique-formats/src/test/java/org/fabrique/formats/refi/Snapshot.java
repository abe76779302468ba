package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.link.Link;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.set.ItemSet;

/**
 * What an inquiry holds that REFI-QDA carries, described without ids so that two inquiries can be
 * compared: codes by path, sources by title and text, codings by passage, code and coder, memos by
 * what they are about, and so on. Every list is sorted.
 */
record Snapshot(
    String name,
    String description,
    List<String> codes,
    List<String> sources,
    List<String> segments,
    List<String> codings,
    List<String> memos,
    List<String> cases,
    List<String> attributes,
    List<String> values,
    List<String> sets,
    List<String> links) {

  static Snapshot of(Fabrique fabrique, InquiryId inquiry) {
    return fabrique
        .store()
        .inTransaction(
            tx -> {
              Map<ItemRef, String> names = new HashMap<>();
              var inq = tx.inquiries().findInquiry(inquiry).orElseThrow();
              names.put(
                  new ItemRef(org.fabrique.core.memo.ItemKind.INQUIRY, inquiry.value()), "inquiry");
              List<Code> all = tx.coding().listCodes(inquiry);
              Map<CodeId, Code> byId = new HashMap<>();
              all.forEach(c -> byId.put(c.id(), c));
              List<String> codes = new ArrayList<>();
              for (Code code : all) {
                String path = path(code, byId);
                names.put(
                    new ItemRef(org.fabrique.core.memo.ItemKind.CODE, code.id().value()),
                    "code " + path);
                codes.add(
                    path
                        + " "
                        + code.colour()
                        + " codable="
                        + code.codable()
                        + " ["
                        + code.description()
                        + "] #"
                        + code.position());
              }
              List<String> sources = new ArrayList<>();
              List<String> segments = new ArrayList<>();
              List<String> codings = new ArrayList<>();
              for (Source source : tx.corpus().listSources(inquiry)) {
                names.put(
                    new ItemRef(org.fabrique.core.memo.ItemKind.SOURCE, source.id().value()),
                    "source " + source.title());
                String caseName =
                    source
                        .caseId()
                        .flatMap(c -> tx.inquiries().findCase(c))
                        .map(found -> found.name())
                        .orElse("-");
                sources.add(
                    source.title()
                        + " text="
                        + source.textDigest()
                        + " length="
                        + source.length()
                        + " case="
                        + caseName);
                for (Segment segment : tx.coding().segmentsOf(source.id())) {
                  String where = source.title() + "[" + segment.start() + "," + segment.end() + ")";
                  names.put(
                      new ItemRef(org.fabrique.core.memo.ItemKind.SEGMENT, segment.id().value()),
                      "segment " + where);
                  segments.add(where + " " + segment.quote());
                  for (Coding coding : tx.coding().codingsOfSegment(segment.id())) {
                    String coder = tx.users().find(coding.coderId()).orElseThrow().login();
                    String text =
                        where + " " + path(byId.get(coding.codeId()), byId) + " by " + coder;
                    names.put(
                        new ItemRef(org.fabrique.core.memo.ItemKind.CODING, coding.id().value()),
                        "coding " + text);
                    codings.add(text);
                  }
                }
              }
              List<String> cases = new ArrayList<>();
              for (Case c : tx.inquiries().listCases(inquiry)) {
                names.put(
                    new ItemRef(org.fabrique.core.memo.ItemKind.CASE, c.id().value()),
                    "case " + c.name());
                cases.add(c.name() + " " + c.domain().id() + " [" + c.description() + "]");
              }
              List<String> attributes = new ArrayList<>();
              List<String> values = new ArrayList<>();
              for (AttributeDefinition d : tx.attributes().listDefinitions(inquiry)) {
                attributes.add(
                    d.name() + " " + d.type() + " " + d.scope() + " [" + d.description() + "]");
                for (AttributeValue v : tx.attributes().valuesOf(d.id())) {
                  String owner =
                      switch (d.scope()) {
                        case CASE ->
                            tx.inquiries()
                                .findCase(new org.fabrique.core.inquiry.CaseId(v.ownerId()))
                                .map(found -> found.name())
                                .orElse("?");
                        case SOURCE ->
                            tx.corpus()
                                .findSource(new org.fabrique.core.corpus.SourceId(v.ownerId()))
                                .map(Source::title)
                                .orElse("?");
                      };
                  values.add(d.name() + " of " + owner + " = " + v.value());
                }
              }
              List<Memo> memoList = tx.memos().list(inquiry);
              List<ItemSet> setList = tx.sets().list(inquiry);
              setList.forEach(
                  s ->
                      names.put(
                          new ItemRef(org.fabrique.core.memo.ItemKind.SET, s.id().value()),
                          "set " + s.name()));
              memoList.forEach(
                  m ->
                      names.put(
                          new ItemRef(org.fabrique.core.memo.ItemKind.MEMO, m.id().value()),
                          "memo " + m.title()));
              List<String> memos = new ArrayList<>();
              for (Memo memo : memoList) {
                String author = tx.users().find(memo.authorId()).map(u -> u.login()).orElse("?");
                memos.add(
                    Optional.ofNullable(names.get(memo.target())).orElse(memo.target().kind().id())
                        + ": "
                        + memo.title()
                        + " | "
                        + memo.body()
                        + " by "
                        + author);
              }
              List<String> sets = new ArrayList<>();
              for (ItemSet set : setList) {
                List<String> members =
                    new ArrayList<>(
                        set.members().stream()
                            .map(m -> names.getOrDefault(m, m.kind().id()))
                            .toList());
                members.sort(null);
                sets.add(set.name() + " [" + set.description() + "] " + members);
              }
              List<String> links = new ArrayList<>();
              for (Link link : tx.links().list(inquiry)) {
                links.add(
                    names.getOrDefault(link.origin(), link.origin().kind().id())
                        + " -"
                        + link.name()
                        + "-> "
                        + names.getOrDefault(link.target(), link.target().kind().id())
                        + " "
                        + link.direction()
                        + " "
                        + link.colour().orElse(""));
              }
              return new Snapshot(
                  inq.name(),
                  inq.description(),
                  sorted(codes),
                  sorted(sources),
                  sorted(segments),
                  sorted(codings),
                  sorted(memos),
                  sorted(cases),
                  sorted(attributes),
                  sorted(values),
                  sorted(sets),
                  sorted(links));
            });
  }

  private static String path(Code code, Map<CodeId, Code> byId) {
    String path = code.name();
    for (Optional<CodeId> parent = code.parentId(); parent.isPresent(); ) {
      Code p = byId.get(parent.get());
      path = p.name() + "/" + path;
      parent = p.parentId();
    }
    return path;
  }

  private static List<String> sorted(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    copy.sort(null);
    return List.copyOf(copy);
  }
}
