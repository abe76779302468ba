package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fabrique.core.error.Problem;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;

/**
 * The notes of an exported project: the memos, and what REFI-QDA cannot hold (the elements of data
 * journeys) written as notes. A note that cannot hang from what it is about is linked to it.
 */
final class ExportedNotes {
  /** Kinds a NoteRef can hang from in REFI-QDA. */
  private static final Set<ItemKind> NOTE_HOLDERS =
      Set.of(
          ItemKind.INQUIRY,
          ItemKind.CODE,
          ItemKind.SOURCE,
          ItemKind.SEGMENT,
          ItemKind.CODING,
          ItemKind.LINK);

  /** A link from a note to an item it is about: the GUIDs of the link, the note and the item. */
  record NoteLink(String guid, String noteGuid, String itemGuid) {}

  private final ProjectXml project;
  private final List<JourneyNotes> journeyNotes;
  private final List<NoteLink> links = new ArrayList<>();

  ExportedNotes(ProjectXml project, List<JourneyNotes> journeyNotes) {
    this.project = project;
    this.journeyNotes = journeyNotes;
  }

  /** Writes the Notes element; returns the links its notes need, for the Links element. */
  List<NoteLink> write() {
    List<JourneyNotes.Note> extra = new ArrayList<>();
    for (JourneyNotes journey : journeyNotes) {
      for (JourneyNotes.Note note :
          journey.notes(project.tx(), project.inquiry(), project.scope()::allows)) {
        List<ItemRef> about = note.about().stream().filter(project::carried).toList();
        // A note whose evidence is all left out goes with it.
        if (about.isEmpty() && !note.about().isEmpty()) {
          continue;
        }
        extra.add(
            new JourneyNotes.Note(
                note.guid(), project.free(note.title()), project.free(note.body()), about));
      }
    }
    // Said even when nothing else becomes a note: an inquiry whose only journey elements are
    // secret must not look as if it had none.
    long secret = JourneyElementNotes.secretCount(project.tx(), project.inquiry());
    if (secret > 0) {
      project.report(
          Problem.error("journey", secret + " secret journey element(s) were not exported"));
    }
    if (project.memos().isEmpty() && extra.isEmpty()) {
      return List.of();
    }
    XmlOut xml = project.xml();
    xml.start("Notes");
    project.memos().forEach(this::memo);
    extra.forEach(this::journeyNote);
    xml.end();
    return List.copyOf(links);
  }

  private void memo(Memo memo) {
    String guid = project.guid(ItemKind.MEMO, memo.id().value());
    note(
        guid,
        project.free(memo.title()),
        project.free(memo.body()),
        project.userGuid(memo.authorId()),
        memo.createdAt().toString());
    project.count("memos");
    ItemKind about = memo.target().kind();
    if (NOTE_HOLDERS.contains(about)) {
      return;
    }
    if (ProjectXml.EXPORTED.contains(about)) {
      links.add(
          new NoteLink(ExportGuids.named("note-about/" + guid), guid, project.guid(memo.target())));
      project.report(
          Problem.warning(
              "memo " + memo.id(),
              "A memo about a "
                  + about.id()
                  + " became a note linked to it (REFI-QDA "
                  + "hangs notes only on the project, codes, sources, selections, codings "
                  + "and links)"));
    } else {
      project.report(
          Problem.warning(
              "memo " + memo.id(),
              "A memo about a "
                  + about.id()
                  + " became a note of the project: REFI-QDA "
                  + "has no "
                  + about.id()));
    }
  }

  private void journeyNote(JourneyNotes.Note note) {
    note(note.guid(), note.title(), note.body(), "", "");
    project.count("journey notes");
    int i = 0;
    for (ItemRef about : note.about()) {
      links.add(
          new NoteLink(
              ExportGuids.named("note-about/" + note.guid() + "/" + i++),
              note.guid(),
              project.guid(about)));
    }
    String kind = note.title().substring(0, note.title().indexOf(':'));
    project.report(
        note.about().isEmpty()
            ? Problem.warning(
                "journey",
                "A journey element ("
                    + kind
                    + ") has no place in REFI-QDA; it was carried as a note linked to nothing (it"
                    + " has no evidence)")
            : Problem.warning(
                "journey",
                "A journey element ("
                    + kind
                    + ") has no place in REFI-QDA; it was carried as a note linked to its"
                    + " evidence"));
  }

  private void note(String guid, String title, String body, String author, String created) {
    XmlOut xml = project.xml();
    xml.start("Note");
    xml.attribute("guid", guid);
    if (!title.isBlank()) {
      xml.attribute("name", title);
    }
    if (!author.isEmpty()) {
      xml.attribute("creatingUser", author);
    }
    if (!created.isEmpty()) {
      xml.attribute("creationDateTime", created);
    }
    xml.element("PlainTextContent", body);
    xml.end();
  }
}
