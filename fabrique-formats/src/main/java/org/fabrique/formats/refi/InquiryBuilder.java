package org.fabrique.formats.refi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.link.Link;
import org.fabrique.core.link.LinkDirection;
import org.fabrique.core.link.LinkId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.set.SetId;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;
import org.fabrique.formats.refi.RefiModel.Note;
import org.fabrique.formats.refi.RefiModel.Project;

/**
 * The second phase of a project import, inside one transaction: the inquiry and everything in it.
 * Ids are given to every GUID first, so that references (notes, links, sets, cases) resolve
 * whatever their order in the file.
 */
final class InquiryBuilder {
  /** The title a memo made from a Description element gets. */
  static final String DESCRIPTION_TITLE = "Description";

  private final ImportScope scope;
  private final Transaction tx;
  private final List<Problem> problems;
  private InquiryId inquiry;

  InquiryBuilder(Transaction tx, UserId importer, Instant now, List<Problem> problems) {
    this.scope = new ImportScope(tx, importer, now, problems);
    this.tx = tx;
    this.problems = problems;
  }

  Map<String, Integer> counts() {
    return scope.counts();
  }

  List<ItemGuid> guids() {
    return scope.guids();
  }

  InquiryId build(String name, Project project, List<SourceTexts.Prepared> sources) {
    inquiry = scope.createInquiry(name, project.description().orElse("").strip());
    scope.users(project.users());
    new CodeMapping(scope, sources).codes(project.codes());
    VariableMapping attributes =
        new VariableMapping(tx, inquiry, problems, scope::register, scope::count, project, sources);
    CaseMapping cases = new CaseMapping(scope);
    Map<String, CaseId> caseOfSource = cases.cases(project, attributes);
    for (SourceTexts.Prepared source : sources) {
      source(source, caseOfSource, attributes);
    }
    Map<String, MemoId> memoIds = new HashMap<>();
    for (Note note : project.notes()) {
      MemoId id = new MemoId(tx.newId());
      memoIds.put(note.guid(), id);
      scope.register(note.guid(), new ItemRef(ItemKind.MEMO, id.value()));
    }
    Map<String, SetId> setIds = new HashMap<>();
    for (RefiModel.Set set : project.sets()) {
      SetId id = new SetId(tx.newId());
      setIds.put(set.guid(), id);
      scope.register(set.guid(), new ItemRef(ItemKind.SET, id.value()));
    }
    links(project.links(), referencedNotes(project));
    noteRefs(project, sources);
    notes(project.notes(), memoIds);
    sets(project.sets(), setIds);
    cases.caseReferences(project);
    return inquiry;
  }

  private void source(
      SourceTexts.Prepared prepared, Map<String, CaseId> caseOfSource, VariableMapping attributes) {
    RefiModel.Source refi = prepared.source();
    SourceId id = new SourceId(tx.newId());
    String title = refi.name().strip();
    if (title.isEmpty()) {
      title = prepared.originalFileName();
    }
    if (title.matches("(?i)\\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\}?")) {
      problems.add(
          Problem.info(refi.location(), "The source " + refi.guid() + " is named by a GUID"));
    }
    Instant created = scope.instant(refi.creationDateTime(), refi.location());
    tx.corpus()
        .insertSource(
            new org.fabrique.core.corpus.Source(
                id,
                inquiry,
                truncate(title),
                SourceKind.DOCUMENT,
                Optional.empty(),
                "und",
                Optional.ofNullable(caseOfSource.get(refi.guid())),
                Confidentiality.CONFIDENTIAL,
                prepared.originalFileName(),
                prepared.mediaType(),
                prepared.originalDigest(),
                prepared.textDigest(),
                prepared.length(),
                created,
                scope.user(refi.creatingUser())));
    ItemRef ref = new ItemRef(ItemKind.SOURCE, id.value());
    scope.register(refi.guid(), ref);
    scope.count("sources");
    if (refi.kind() != RefiModel.SourceKind.TEXT) {
      problems.add(
          Problem.warning(
              refi.location(),
              SourceTexts.label(refi)
                  + " became a text source (its text representation); its "
                  + "original is kept"));
    }
    if (refi.otherSelections() > 0) {
      problems.add(
          Problem.error(
              refi.location(),
              refi.otherSelections()
                  + " area, media or transcript selection(s) of "
                  + SourceTexts.label(refi)
                  + " are not carried: Fabrique codes text"));
    }
    refi.description()
        .filter(d -> !d.isBlank())
        .ifPresent(d -> memo(ref, DESCRIPTION_TITLE, d, refi.creatingUser(), created));
    attributes.values(refi.values(), id.value(), AttributeScope.SOURCE);
    Map<List<Integer>, SegmentId> segments = new HashMap<>();
    for (RefiModel.Coding coding : refi.codings()) {
      problems.add(
          Problem.warning(
              coding.location(),
              "A coding of the whole source became a coding of a passage spanning all its text"));
      segment(
          id,
          segments,
          0,
          prepared.length(),
          "",
          List.of(coding),
          refi.location(),
          Optional.empty());
    }
    for (SourceTexts.Placed placed : prepared.selections()) {
      RefiModel.Selection selection = placed.selection();
      SegmentId segment =
          segment(
              id,
              segments,
              placed.start(),
              placed.end(),
              placed.quote(),
              selection.codings(),
              selection.location(),
              Optional.of(selection.guid()));
      ItemRef segmentRef = new ItemRef(ItemKind.SEGMENT, segment.value());
      selection
          .description()
          .filter(d -> !d.isBlank())
          .ifPresent(
              d ->
                  memo(
                      segmentRef,
                      DESCRIPTION_TITLE,
                      d,
                      selection.creatingUser(),
                      scope.instant(selection.creationDateTime(), selection.location())));
    }
  }

  private SegmentId segment(
      SourceId source,
      Map<List<Integer>, SegmentId> segments,
      int start,
      int end,
      String quote,
      List<RefiModel.Coding> codings,
      String location,
      Optional<String> guid) {
    List<Integer> key = List.of(start, end);
    SegmentId id = segments.get(key);
    if (id == null) {
      id = new SegmentId(tx.newId());
      String text = quote;
      if (text.isEmpty()) {
        text = "";
      }
      tx.coding().insertSegment(new Segment(id, source, start, end, text));
      segments.put(key, id);
      scope.count("segments");
      guid.ifPresent(
          g -> scope.register(g, new ItemRef(ItemKind.SEGMENT, segments.get(key).value())));
    } else if (guid.isPresent()) {
      scope.alias(guid.get(), new ItemRef(ItemKind.SEGMENT, id.value()));
      problems.add(
          Problem.info(
              location,
              "Two selections span the same passage; Fabrique keeps one segment for both"));
    }
    Set<List<Long>> seen = new HashSet<>();
    tx.coding()
        .codingsOfSegment(id)
        .forEach(c -> seen.add(List.of(c.codeId().value(), c.coderId().value())));
    for (RefiModel.Coding refi : codings) {
      ItemRef code = scope.itemOf(refi.codeGuid());
      if (code == null || code.kind() != ItemKind.CODE) {
        problems.add(
            Problem.error(
                refi.location(),
                "The coding refers to the unknown code " + refi.codeGuid() + ": not carried"));
        continue;
      }
      UserId coder = scope.user(refi.creatingUser());
      if (!seen.add(List.of(code.id(), coder.value()))) {
        problems.add(
            Problem.info(
                refi.location(),
                "The same passage is coded twice with one code by one coder; kept once"));
        continue;
      }
      CodingId codingId = new CodingId(tx.newId());
      tx.coding()
          .insertCoding(
              new Coding(
                  codingId,
                  id,
                  new CodeId(code.id()),
                  coder,
                  scope.instant(refi.creationDateTime(), refi.location())));
      scope.register(refi.guid(), new ItemRef(ItemKind.CODING, codingId.value()));
      scope.count("codings");
    }
    return id;
  }

  /** The name of the links that carry memos about items REFI-QDA hangs no note on. */
  static final String NOTE_ABOUT = "note about";

  private static Set<String> referencedNotes(Project project) {
    Set<String> notes = new HashSet<>(project.noteRefs());
    List<RefiModel.Code> codes = new ArrayList<>(project.codes());
    for (int i = 0; i < codes.size(); i++) {
      notes.addAll(codes.get(i).noteRefs());
      codes.addAll(codes.get(i).children());
    }
    for (RefiModel.Source source : project.sources()) {
      notes.addAll(source.noteRefs());
      source.codings().forEach(c -> notes.addAll(c.noteRefs()));
      for (RefiModel.Selection selection : source.selections()) {
        notes.addAll(selection.noteRefs());
        selection.codings().forEach(c -> notes.addAll(c.noteRefs()));
      }
    }
    project.links().forEach(l -> notes.addAll(l.noteRefs()));
    return notes;
  }

  private void links(List<RefiModel.Link> links, Set<String> referencedNotes) {
    for (RefiModel.Link refi : links) {
      Optional<ItemRef> origin = refi.originGuid().map(scope::itemOf);
      Optional<ItemRef> target = refi.targetGuid().map(scope::itemOf);
      if (origin.isEmpty() || target.isEmpty()) {
        problems.add(
            Problem.error(
                refi.location(),
                "The link "
                    + refi.guid()
                    + " refers to "
                    + (origin.isEmpty()
                        ? "an unknown origin " + refi.originGuid().orElse("(none)")
                        : "an unknown target " + refi.targetGuid().orElse("(none)"))
                    + ": not carried"));
        continue;
      }
      if (refi.name().equals(NOTE_ABOUT)
          && origin.get().kind() == ItemKind.MEMO
          && refi.originGuid().filter(n -> !referencedNotes.contains(n)).isPresent()
          && !aboutOfNote.containsKey(refi.originGuid().get())) {
        // a note linked to what it is about, as Fabrique exports memos on cases or sets
        aboutOfNote.put(refi.originGuid().get(), target.get());
        continue;
      }
      LinkDirection direction =
          switch (refi.direction().orElse("Associative").strip()) {
            case "OneWay" -> LinkDirection.ONE_WAY;
            case "Bidirectional" -> LinkDirection.BIDIRECTIONAL;
            default -> LinkDirection.ASSOCIATIVE;
          };
      LinkId id = new LinkId(tx.newId());
      tx.links()
          .insert(
              new Link(
                  id, inquiry, origin.get(), target.get(), refi.name(), direction, refi.colour()));
      scope.register(refi.guid(), new ItemRef(ItemKind.LINK, id.value()));
      scope.count("links");
    }
  }

  /** Finds what each note is about: the first item that refers to it. */
  private void noteRefs(Project project, List<SourceTexts.Prepared> sources) {
    project
        .noteRefs()
        .forEach(n -> noteRef(n, new ItemRef(ItemKind.INQUIRY, inquiry.value()), "the project"));
    walkCodes(project.codes());
    for (SourceTexts.Prepared prepared : sources) {
      RefiModel.Source source = prepared.source();
      ItemRef sourceRef = scope.itemOf(source.guid());
      source.noteRefs().forEach(n -> noteRef(n, sourceRef, source.location()));
      for (SourceTexts.Placed placed : prepared.selections()) {
        ItemRef segment = scope.itemOf(placed.selection().guid());
        placed
            .selection()
            .noteRefs()
            .forEach(n -> noteRef(n, segment, placed.selection().location()));
        for (RefiModel.Coding coding : placed.selection().codings()) {
          Optional.ofNullable(scope.itemOf(coding.guid()))
              .ifPresent(c -> coding.noteRefs().forEach(n -> noteRef(n, c, coding.location())));
        }
      }
    }
    for (RefiModel.Link link : project.links()) {
      Optional.ofNullable(scope.itemOf(link.guid()))
          .ifPresent(l -> link.noteRefs().forEach(n -> noteRef(n, l, link.location())));
    }
  }

  private void walkCodes(List<RefiModel.Code> codes) {
    for (RefiModel.Code code : codes) {
      Optional.ofNullable(scope.itemOf(code.guid()))
          .ifPresent(c -> code.noteRefs().forEach(n -> noteRef(n, c, code.location())));
      walkCodes(code.children());
    }
  }

  private final Map<String, ItemRef> aboutOfNote = new HashMap<>();

  private void noteRef(String noteGuid, ItemRef item, String location) {
    ItemRef note = scope.itemOf(noteGuid);
    if (note == null || note.kind() != ItemKind.MEMO) {
      problems.add(
          Problem.error(
              location, "A NoteRef refers to the unknown note " + noteGuid + ": dropped"));
      return;
    }
    if (aboutOfNote.putIfAbsent(noteGuid, item) != null) {
      LinkId id = new LinkId(tx.newId());
      tx.links()
          .insert(
              new Link(
                  id, inquiry, note, item, NOTE_ABOUT, LinkDirection.ONE_WAY, Optional.empty()));
      scope.count("links");
      problems.add(
          Problem.warning(
              location,
              "The note "
                  + noteGuid
                  + " is about several items; a memo has one, so it is linked "
                  + "to the others"));
    }
  }

  private void notes(List<Note> notes, Map<String, MemoId> ids) {
    for (Note note : notes) {
      ItemRef about =
          aboutOfNote.getOrDefault(note.guid(), new ItemRef(ItemKind.INQUIRY, inquiry.value()));
      String body = note.plainTextContent().orElse("");
      if (note.plainTextPath().isPresent() && note.plainTextContent().isEmpty()) {
        body = noteTexts.getOrDefault(note.guid(), "");
      }
      if (note.description().filter(d -> !d.isBlank()).isPresent()) {
        body = body.isEmpty() ? note.description().get() : body + "\n\n" + note.description().get();
      }
      if (note.selections() > 0) {
        problems.add(
            Problem.error(
                note.location(),
                note.selections()
                    + " selection(s), coding(s) or value(s) inside the note "
                    + note.guid()
                    + " are not carried: memos are not coded"));
      }
      Instant created = scope.instant(note.creationDateTime(), note.location());
      tx.memos()
          .insert(
              new Memo(
                  ids.get(note.guid()),
                  inquiry,
                  about,
                  truncate(note.name().strip()),
                  body,
                  scope.user(note.creatingUser()),
                  created,
                  created));
      scope.count("memos");
    }
  }

  private final Map<String, String> noteTexts = new HashMap<>();

  void noteText(String noteGuid, String text) {
    noteTexts.put(noteGuid, text);
  }

  private void memo(
      ItemRef target, String title, String body, Optional<String> author, Instant at) {
    tx.memos()
        .insert(
            new Memo(
                new MemoId(tx.newId()), inquiry, target, title, body, scope.user(author), at, at));
    scope.count("memos");
  }

  private void sets(List<RefiModel.Set> sets, Map<String, SetId> ids) {
    for (RefiModel.Set refi : sets) {
      List<ItemRef> members = new ArrayList<>();
      List<String> all = new ArrayList<>(refi.memberCodes());
      all.addAll(refi.memberSources());
      all.addAll(refi.memberNotes());
      for (String guid : all) {
        ItemRef member = scope.itemOf(guid);
        if (member == null) {
          problems.add(
              Problem.error(
                  refi.location(),
                  "The set "
                      + refi.name()
                      + " names the unknown member "
                      + guid
                      + ": dropped from the set"));
        } else {
          members.add(member);
        }
      }
      String name = refi.name().strip().isEmpty() ? "Unnamed set" : refi.name().strip();
      SetId id = ids.get(refi.guid());
      tx.sets()
          .insert(
              new ItemSet(
                  id, inquiry, truncate(name), refi.description().orElse("").strip(), members));
      scope.count("sets");
    }
  }

  ItemRef itemOf(String guid) {
    return scope.itemOf(guid);
  }

  InquiryId inquiry() {
    return inquiry;
  }

  static String truncate(String name) {
    return name.codePointCount(0, name.length()) > 200
        ? name.substring(0, name.offsetByCodePoints(0, 199)) + "…"
        : name;
  }
}
