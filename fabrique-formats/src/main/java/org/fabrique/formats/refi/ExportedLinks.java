package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.List;
import org.fabrique.core.error.Problem;
import org.fabrique.core.link.Link;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;

/** The links of an exported project: those between items REFI-QDA holds, and those of notes. */
final class ExportedLinks {
  private final ProjectXml project;

  ExportedLinks(ProjectXml project) {
    this.project = project;
  }

  /** Writes the Links element, ending with the links that tie notes to what they are about. */
  void write(List<Link> links, List<ExportedNotes.NoteLink> noteLinks) {
    List<Link> carried = new ArrayList<>();
    for (Link link : links) {
      if (!project.carried(link.origin()) || !project.carried(link.target())) {
        continue;
      }
      if (ProjectXml.EXPORTED.contains(link.origin().kind())
          && ProjectXml.EXPORTED.contains(link.target().kind())) {
        carried.add(link);
      } else {
        project.report(
            Problem.error(
                "link " + link.id(),
                "A link between a "
                    + link.origin().kind().id()
                    + " and a "
                    + link.target().kind().id()
                    + " is not carried: REFI-QDA has no such items"));
      }
    }
    if (carried.isEmpty() && noteLinks.isEmpty()) {
      return;
    }
    XmlOut xml = project.xml();
    xml.start("Links");
    for (Link link : carried) {
      ItemRef ref = new ItemRef(ItemKind.LINK, link.id().value());
      xml.start("Link");
      xml.attribute("guid", project.guid(ref));
      if (!link.name().isEmpty()) {
        xml.attribute("name", project.free(link.name()));
      }
      xml.attribute(
          "direction",
          switch (link.direction()) {
            case ASSOCIATIVE -> "Associative";
            case ONE_WAY -> "OneWay";
            case BIDIRECTIONAL -> "Bidirectional";
          });
      link.colour().ifPresent(c -> xml.attribute("color", c));
      xml.attribute("originGUID", project.guid(link.origin()));
      xml.attribute("targetGUID", project.guid(link.target()));
      project.noteRefs(ref);
      xml.end();
      project.count("links");
    }
    for (ExportedNotes.NoteLink noteLink : noteLinks) {
      xml.start("Link");
      xml.attribute("guid", noteLink.guid());
      xml.attribute("name", InquiryBuilder.NOTE_ABOUT);
      xml.attribute("direction", "OneWay");
      xml.attribute("originGUID", noteLink.noteGuid());
      xml.attribute("targetGUID", noteLink.itemGuid());
      xml.end();
    }
    xml.end();
  }
}
