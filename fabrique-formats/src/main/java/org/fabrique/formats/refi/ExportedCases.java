package org.fabrique.formats.refi;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.memo.ItemKind;

/** The cases of an exported project, with their variable values and the sources they hold. */
final class ExportedCases {
  private final ProjectXml project;
  private final ExportedVariables variables;

  ExportedCases(ProjectXml project, ExportedVariables variables) {
    this.project = project;
    this.variables = variables;
  }

  void write() {
    List<Case> cases = project.tx().inquiries().listCases(project.inquiry());
    if (cases.isEmpty()) {
      return;
    }
    XmlOut xml = project.xml();
    xml.start("Cases");
    for (Case theCase : cases) {
      xml.start("Case");
      xml.attribute("guid", project.guid(ItemKind.CASE, theCase.id().value()));
      xml.attribute("name", theCase.name());
      if (!theCase.description().isBlank()) {
        xml.element("Description", theCase.description());
      }
      variables.values(theCase.id().value(), Optional.of(theCase.domain()));
      for (Source source : project.tx().corpus().sourcesOfCase(theCase.id())) {
        xml.ref("SourceRef", "targetGUID", project.guid(ItemKind.SOURCE, source.id().value()));
      }
      xml.end();
      project.count("cases");
    }
    xml.end();
  }
}
