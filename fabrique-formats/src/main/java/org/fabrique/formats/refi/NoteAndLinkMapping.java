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
import org.fabrique.core.link.LinkDirection;
import org.fabrique.core.link.LinkId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.formats.refi.RefiModel.Note;
import org.fabrique.formats.refi.RefiModel.Project;

/**
 * REFI notes become memos during a project import, and links become links. A memo is about one
 * item: the first that refers to the note, by a NoteRef or, for a note that no NoteRef names, by a
 * "note about" link as Fabrique exports them; the other items that refer to it are linked to it.
 */
final class NoteAndLinkMapping {
  private final ImportScope scope;
  private final Map<String, String> noteTexts;
  private final Map<String, MemoId> memoIds = new HashMap<>();
  private final Map<String, ItemRef> aboutOfNote = new HashMap<>();

  NoteAndLinkMapping(ImportScope scope, Map<String, String> noteTexts) {
    this.scope = scope;
    this.noteTexts = noteTexts;
  }

  /** Gives every note its memo id first, so that links, sets and NoteRefs resolve to it. */
  void reserve(List<Note> notes) {
    for (Note note : notes) {
      MemoId id = new MemoId(scope.tx().newId());
      memoIds.put(note.guid(), id);
      scope.register(note.guid(), new ItemRef(ItemKind.MEMO, id.value()));
    }
  }

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

  /**
   * Creates the links, but for the first "note about" link of a note that no NoteRef names: that
   * one only says what the note is about.
   */
  void links(Project project) {
    links(project.links(), referencedNotes(project));
  }

  private void links(List<RefiModel.Link> links, Set<String> referencedNotes) {
    for (RefiModel.Link refi : links) {
      Optional<ItemRef> origin = refi.originGuid().map(scope::itemOf);
      Optional<ItemRef> target = refi.targetGuid().map(scope::itemOf);
      if (origin.isEmpty() || target.isEmpty()) {
        scope.report(
            origin.isEmpty()
                ? Problem.error(
                    refi.location(),
                    "The link "
                        + refi.guid()
                        + " refers to an unknown origin "
                        + refi.originGuid().orElse("(none)")
                        + ": not carried")
                : Problem.error(
                    refi.location(),
                    "The link "
                        + refi.guid()
                        + " refers to an unknown target "
                        + refi.targetGuid().orElse("(none)")
                        + ": not carried"));
        scope.lose("links", 1);
        continue;
      }
      if (refi.name().equals(InquiryBuilder.NOTE_ABOUT)
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
      LinkId id = scope.link(origin.get(), target.get(), refi.name(), direction, refi.colour());
      scope.register(refi.guid(), new ItemRef(ItemKind.LINK, id.value()));
    }
  }

  /** Finds what each note is about: the first item that refers to it. */
  void noteRefs(Project project, List<SourceTexts.Prepared> sources) {
    project
        .noteRefs()
        .forEach(
            n -> noteRef(n, new ItemRef(ItemKind.INQUIRY, scope.inquiry().value()), "the project"));
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

  private void noteRef(String noteGuid, ItemRef item, String location) {
    ItemRef note = scope.itemOf(noteGuid);
    if (note == null || note.kind() != ItemKind.MEMO) {
      scope.report(
          Problem.error(
              location, "A NoteRef refers to the unknown note " + noteGuid + ": dropped"));
      return;
    }
    if (aboutOfNote.putIfAbsent(noteGuid, item) != null) {
      scope.link(note, item, InquiryBuilder.NOTE_ABOUT, LinkDirection.ONE_WAY, Optional.empty());
      scope.report(
          Problem.warning(
              location,
              "The note "
                  + noteGuid
                  + " is about several items; a memo has one, so it is linked "
                  + "to the others"));
    }
  }

  /** Creates each note as a memo about what it is about (the inquiry when nothing is). */
  void notes(List<Note> notes) {
    for (Note note : notes) {
      ItemRef about =
          aboutOfNote.getOrDefault(
              note.guid(), new ItemRef(ItemKind.INQUIRY, scope.inquiry().value()));
      String body = note.plainTextContent().orElse("");
      if (note.plainTextPath().isPresent() && note.plainTextContent().isEmpty()) {
        body = noteTexts.getOrDefault(note.guid(), "");
      }
      if (note.description().filter(d -> !d.isBlank()).isPresent()) {
        body = body.isEmpty() ? note.description().get() : body + "\n\n" + note.description().get();
      }
      if (note.selections() > 0) {
        scope.report(
            Problem.error(
                note.location(),
                note.selections()
                    + " selection(s), coding(s) or value(s) inside the note "
                    + note.guid()
                    + " are not carried: memos are not coded"));
      }
      Instant created = scope.instant(note.creationDateTime(), note.location());
      scope
          .tx()
          .memos()
          .insert(
              new Memo(
                  memoIds.get(note.guid()),
                  scope.inquiry(),
                  about,
                  InquiryBuilder.truncate(note.name().strip()),
                  body,
                  scope.user(note.creatingUser()),
                  created,
                  created));
      scope.count("memos");
    }
  }
}
