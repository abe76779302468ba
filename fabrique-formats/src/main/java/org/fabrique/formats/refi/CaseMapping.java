package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.link.LinkDirection;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;
import org.fabrique.formats.refi.RefiModel.Project;

/**
 * REFI cases become cases during a project import: a source goes to the first case that names it;
 * the other cases that name it, and the codes and selections a case names, are linked to the case.
 */
final class CaseMapping {
  private final ImportScope scope;

  CaseMapping(ImportScope scope) {
    this.scope = scope;
  }

  /**
   * Creates the cases, with their attribute values, and says which case each source belongs to (the
   * first that names it).
   */
  Map<String, CaseId> cases(Project project, VariableMapping attributes) {
    Transaction tx = scope.tx();
    Map<String, CaseId> caseOfSource = new HashMap<>();
    int unnamed = 0;
    for (RefiModel.Case refi : project.cases()) {
      String name = refi.name().strip();
      if (name.isEmpty()) {
        name = "Case " + (++unnamed);
        scope.report(Problem.warning(refi.location(), "A case without a name was named " + name));
      }
      CaseId id = new CaseId(tx.newId());
      Domain domain = attributes.domainOf(refi).orElse(Domain.OTHER);
      tx.inquiries()
          .insertCase(
              new org.fabrique.core.inquiry.Case(
                  id,
                  scope.inquiry(),
                  InquiryBuilder.truncate(name),
                  domain,
                  refi.description().orElse("")));
      scope.register(refi.guid(), new ItemRef(ItemKind.CASE, id.value()));
      scope.count("cases");
      attributes.values(refi.values(), id.value(), AttributeScope.CASE);
      for (String source : refi.sourceRefs()) {
        CaseId before = caseOfSource.putIfAbsent(source, id);
        if (before != null) {
          scope.report(
              Problem.warning(
                  refi.location(),
                  "The source "
                      + source
                      + " belongs to several cases; Fabrique keeps the first, "
                      + "the others are linked to it"));
        }
      }
    }
    return caseOfSource;
  }

  /** Case code and selection references, and extra cases of sources, become links. */
  void caseReferences(Project project) {
    for (RefiModel.Case refi : project.cases()) {
      ItemRef theCase = scope.itemOf(refi.guid());
      List<String> refs = new ArrayList<>(refi.codeRefs());
      refs.addAll(refi.selectionRefs());
      refs.addAll(
          refi.sourceRefs().stream()
              .filter(s -> scope.knows(s) && !caseHolds(theCase, s))
              .toList());
      for (String guid : refs) {
        ItemRef target = scope.itemOf(guid);
        if (target == null) {
          scope.report(
              Problem.error(
                  refi.location(),
                  "The case " + refi.name() + " refers to the unknown item " + guid + ": dropped"));
          scope.lose("case members", 1);
          continue;
        }
        if (target.kind() == ItemKind.SOURCE && caseHolds(theCase, guid)) {
          continue;
        }
        scope.link(theCase, target, "case member", LinkDirection.ONE_WAY, Optional.empty());
        if (target.kind() != ItemKind.SOURCE) {
          scope.report(
              Problem.warning(
                  refi.location(),
                  "The case "
                      + refi.name()
                      + " refers to a "
                      + target.kind().id()
                      + "; Fabrique links it to the case"));
        }
      }
    }
  }

  private boolean caseHolds(ItemRef theCase, String sourceGuid) {
    Transaction tx = scope.tx();
    ItemRef source = scope.itemOf(sourceGuid);
    return source != null
        && tx.corpus()
            .findSource(new SourceId(source.id()))
            .flatMap(org.fabrique.core.corpus.Source::caseId)
            .map(c -> c.value() == theCase.id())
            .orElse(true);
  }
}
