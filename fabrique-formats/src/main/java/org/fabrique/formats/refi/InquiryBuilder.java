package org.fabrique.formats.refi;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.exchange.ReceivedFact;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;
import org.fabrique.formats.refi.RefiModel.Project;

/**
 * The second phase of a project import, inside one transaction: the inquiry and everything in it.
 * Ids are given to every GUID first, so that references (notes, links, sets, cases) resolve
 * whatever their order in the file.
 */
final class InquiryBuilder {
  /** The title a memo made from a Description element gets. */
  static final String DESCRIPTION_TITLE = "Description";

  /** The name of the links that carry memos about items REFI-QDA hangs no note on. */
  static final String NOTE_ABOUT = "note about";

  private final ImportScope scope;
  private final List<Problem> problems;
  private final Map<String, String> noteTexts = new HashMap<>();

  InquiryBuilder(
      Transaction tx, UserId importer, Instant now, List<Problem> problems, Losses losses) {
    this.scope = new ImportScope(tx, importer, now, problems, losses);
    this.problems = problems;
  }

  Map<String, Integer> counts() {
    return scope.counts();
  }

  List<ItemGuid> guids() {
    return scope.guids();
  }

  List<ReceivedFact> received() {
    return scope.received();
  }

  /**
   * Creates the inquiry and its parts in an order that lets each refer to what it needs: coders,
   * codes, attributes, cases and sources; then the ids of notes and sets, links, what each note is
   * about, notes, sets, and last what cases refer to.
   */
  InquiryId build(String name, Project project, List<SourceTexts.Prepared> sources) {
    scope.guidsWrittenAs(project.guidsAsWritten());
    InquiryId inquiry = scope.createInquiry(name, project.description().orElse(""));
    ItemRef self = new ItemRef(ItemKind.INQUIRY, inquiry.value());
    project.header().forEach((attribute, value) -> scope.receive(self, attribute, value));
    scope.users(project.users());
    new CodebookMapping(scope, sources).codes(project.codes());
    VariableMapping attributes =
        new VariableMapping(
            scope.tx(), inquiry, problems, scope::register, scope::count, project, sources);
    CaseMapping cases = new CaseMapping(scope);
    Map<String, CaseId> caseOfSource = cases.cases(project, attributes);
    SourceMapping sourceMapping = new SourceMapping(scope);
    for (SourceTexts.Prepared source : sources) {
      sourceMapping.source(source, caseOfSource, attributes);
    }
    NoteAndLinkMapping notes = new NoteAndLinkMapping(scope, noteTexts);
    notes.reserve(project.notes());
    SetMapping sets = new SetMapping(scope);
    sets.reserve(project.sets());
    notes.links(project);
    notes.noteRefs(project, sources);
    notes.notes(project.notes());
    sets.sets(project.sets());
    cases.caseReferences(project);
    return inquiry;
  }

  /** The text of a note that was read from a file of the archive, before the build. */
  void noteText(String noteGuid, String text) {
    noteTexts.put(noteGuid, text);
  }

  ItemRef itemOf(String guid) {
    return scope.itemOf(guid);
  }

  InquiryId inquiry() {
    return scope.inquiry();
  }

  static String truncate(String name) {
    return name.codePointCount(0, name.length()) > 200
        ? name.substring(0, name.offsetByCodePoints(0, 199)) + "…"
        : name;
  }
}
