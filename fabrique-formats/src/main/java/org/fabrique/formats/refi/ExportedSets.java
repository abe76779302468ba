package org.fabrique.formats.refi;

import java.util.List;
import org.fabrique.core.error.Problem;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.set.ItemSet;

/** The sets of an exported project, with the members REFI-QDA sets can hold. */
final class ExportedSets {
  /** What a REFI-QDA set can hold, in the order its members are written. */
  private static final List<ItemKind> MEMBER_KINDS =
      List.of(ItemKind.CODE, ItemKind.SOURCE, ItemKind.MEMO);

  private final ProjectXml project;

  ExportedSets(ProjectXml project) {
    this.project = project;
  }

  void write() {
    project.container("Sets", project.tx().sets().list(project.inquiry()), this::write);
  }

  private void write(ItemSet set) {
    XmlOut xml = project.xml();
    xml.start("Set");
    xml.attribute("guid", project.guid(ItemKind.SET, set.id().value()));
    xml.attribute("name", project.free(set.name()));
    project.description(project.free(set.description()));
    for (ItemKind kind : MEMBER_KINDS) {
      String element =
          switch (kind) {
            case CODE -> "MemberCode";
            case SOURCE -> "MemberSource";
            default -> "MemberNote";
          };
      set.members().stream()
          .filter(m -> m.kind() == kind)
          .filter(project::carried)
          .forEach(m -> xml.ref(element, "targetGUID", project.guid(m)));
    }
    long others = set.members().stream().filter(m -> !MEMBER_KINDS.contains(m.kind())).count();
    if (others > 0) {
      project.report(
          Problem.error(
              "set " + set.id(),
              others
                  + " member(s) of the set "
                  + project.free(set.name())
                  + " are not carried: REFI-QDA "
                  + "sets hold codes, sources and notes only"));
    }
    xml.end();
    project.count("sets");
  }
}
