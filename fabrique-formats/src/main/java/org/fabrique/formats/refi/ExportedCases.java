package org.fabrique.formats.refi;

import java.util.Optional;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;

/** The cases of an exported project, with their variable values and the sources they hold. */
final class ExportedCases {
  private final ProjectXml project;
  private final ExportedVariables variables;

  ExportedCases(ProjectXml project, ExportedVariables variables) {
    this.project = project;
    this.variables = variables;
  }

  void write() {
    project.container("Cases", project.tx().inquiries().listCases(project.inquiry()), this::write);
  }

  private void write(Case theCase) {
    XmlOut xml = project.xml();
    xml.start("Case");
    xml.attribute("guid", project.guid(ItemKind.CASE, theCase.id().value()));
    xml.attribute("name", project.free(theCase.name()));
    project.description(project.free(theCase.description()));
    variables.values(theCase.id().value(), Optional.of(theCase.domain()));
    for (Source source : project.tx().corpus().sourcesOfCase(theCase.id())) {
      if (!project.carried(new ItemRef(ItemKind.SOURCE, source.id().value()))) {
        continue;
      }
      xml.ref("SourceRef", "targetGUID", project.guid(ItemKind.SOURCE, source.id().value()));
    }
    xml.end();
    project.count("cases");
  }
}
