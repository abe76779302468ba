package org.fabrique.formats.refi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    SourceMapping sourceMapping = new SourceMapping(scope);
    for (SourceTexts.Prepared source : sources) {
      sourceMapping.source(source, caseOfSource, attributes);
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
