package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.redaction.RedactedText;

/** The text sources of an exported project, with their selections, codings and variable values. */
final class ExportedSources {
  private final ProjectXml project;
  private final SourceFiles files;
  private final ExportedVariables variables;

  ExportedSources(ProjectXml project, SourceFiles files, ExportedVariables variables) {
    this.project = project;
    this.files = files;
    this.variables = variables;
  }

  /** One TextSource element, pointing at the files of the source inside the archive. */
  void write(Source source) {
    XmlOut xml = project.xml();
    ItemRef ref = new ItemRef(ItemKind.SOURCE, source.id().value());
    xml.start("TextSource");
    xml.attribute("guid", project.guid(ref));
    xml.attribute("name", project.free(source.title()));
    files
        .original(source)
        .ifPresent(original -> xml.attribute("richTextPath", "internal://" + original));
    xml.attribute("plainTextPath", "internal://" + files.text(source));
    xml.attribute("creatingUser", project.userGuid(source.importedBy()));
    xml.attribute("creationDateTime", source.importedAt().toString());
    Map<SegmentId, List<Coding>> codings = new HashMap<>();
    for (Coding coding : project.tx().coding().codingsOfSource(source.id())) {
      codings.computeIfAbsent(coding.segmentId(), k -> new ArrayList<>()).add(coding);
    }
    Optional<RedactedText> text =
        project.scope().changesText()
            ? Optional.of(project.scope().text(source))
            : Optional.empty();
    for (Segment segment : project.tx().coding().segmentsOf(source.id())) {
      selection(segment, text, codings.getOrDefault(segment.id(), List.of()));
    }
    project.noteRefs(ref);
    variables.values(source.id().value(), Optional.empty());
    xml.end();
    project.count("sources");
  }

  /**
   * One selection; under a profile that changes text, its name is the redacted passage and its
   * positions those of the redacted text.
   */
  private void selection(Segment segment, Optional<RedactedText> text, List<Coding> codings) {
    XmlOut xml = project.xml();
    ItemRef ref = new ItemRef(ItemKind.SEGMENT, segment.id().value());
    xml.start("PlainTextSelection");
    xml.attribute("guid", project.guid(ref));
    xml.attribute(
        "name",
        text.map(t -> t.passage(segment.start(), segment.end()))
            .orElse(project.free(segment.quote())));
    xml.attribute(
        "startPosition",
        Integer.toString(text.map(t -> t.start(segment.start())).orElse(segment.start())));
    xml.attribute(
        "endPosition", Integer.toString(text.map(t -> t.end(segment.end())).orElse(segment.end())));
    if (!codings.isEmpty()) {
      xml.attribute("creatingUser", project.userGuid(codings.get(0).coderId()));
      xml.attribute("creationDateTime", codings.get(0).createdAt().toString());
    }
    for (Coding coding : codings) {
      ItemRef codingRef = new ItemRef(ItemKind.CODING, coding.id().value());
      xml.start("Coding");
      xml.attribute("guid", project.guid(codingRef));
      xml.attribute("creatingUser", project.userGuid(coding.coderId()));
      xml.attribute("creationDateTime", coding.createdAt().toString());
      xml.ref("CodeRef", "targetGUID", project.guid(ItemKind.CODE, coding.codeId().value()));
      project.noteRefs(codingRef);
      xml.end();
      project.count("codings");
    }
    project.noteRefs(ref);
    xml.end();
    project.count("segments");
  }
}
