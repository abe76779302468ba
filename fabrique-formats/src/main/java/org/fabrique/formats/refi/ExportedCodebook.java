package org.fabrique.formats.refi;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;

/** The codebook of an exported project: the codes nested as in Fabrique, with their notes. */
final class ExportedCodebook {
  private final ProjectXml project;

  ExportedCodebook(ProjectXml project) {
    this.project = project;
  }

  void write() {
    List<Code> codes = project.tx().coding().listCodes(project.inquiry());
    if (codes.isEmpty()) {
      return;
    }
    XmlOut xml = project.xml();
    xml.start("CodeBook");
    xml.start("Codes");
    codes(codes, Optional.empty());
    xml.end();
    xml.end();
  }

  private void codes(List<Code> all, Optional<CodeId> parent) {
    XmlOut xml = project.xml();
    List<Code> level =
        all.stream()
            .filter(c -> c.parentId().equals(parent))
            .sorted(Comparator.comparingInt(Code::position).thenComparing(c -> c.id().value()))
            .toList();
    for (Code code : level) {
      ItemRef ref = new ItemRef(ItemKind.CODE, code.id().value());
      xml.start("Code");
      xml.attribute("guid", project.guid(ref));
      xml.attribute("name", project.free(code.name()));
      xml.attribute("isCodable", Boolean.toString(code.codable()));
      project.facts().colour(code).ifPresent(colour -> xml.attribute("color", colour));
      project.description(project.free(code.description()));
      project.noteRefs(ref);
      codes(all, Optional.of(code.id()));
      xml.end();
      project.count("codes");
    }
  }
}
