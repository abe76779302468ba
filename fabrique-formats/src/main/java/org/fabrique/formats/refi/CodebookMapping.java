package org.fabrique.formats.refi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.error.Problem;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;

/**
 * The REFI codebook becomes the inquiry's codes during a project import: names that spell a path
 * ("A::B") become a hierarchy, and codes that have codings are made codable.
 */
final class CodebookMapping {
  private final ImportScope scope;
  private final Set<String> codesWithCodings = new HashSet<>();
  private final Map<List<Object>, CodeId> groups = new HashMap<>();

  CodebookMapping(ImportScope scope, List<SourceTexts.Prepared> sources) {
    this.scope = scope;
    sources.forEach(
        s ->
            s.selections()
                .forEach(
                    p -> p.selection().codings().forEach(c -> codesWithCodings.add(c.codeGuid()))));
    sources.forEach(s -> s.source().codings().forEach(c -> codesWithCodings.add(c.codeGuid())));
  }

  /** Creates the codes in the order of the file, each followed by its children. */
  void codes(List<RefiModel.Code> codes) {
    codes(codes, Optional.empty());
  }

  private void codes(List<RefiModel.Code> codes, Optional<CodeId> parent) {
    int position = 0;
    for (RefiModel.Code refi : codes) {
      Optional<CodeId> under = parent;
      String name = refi.name().strip();
      if (parent.isEmpty() && refi.children().isEmpty() && name.contains("::")) {
        String[] path = name.split("::");
        for (int i = 0; i < path.length - 1; i++) {
          under = Optional.of(groupingCode(under, path[i].strip()));
        }
        name = path[path.length - 1].strip();
        scope.report(
            Problem.warning(
                refi.location(),
                "The code named " + refi.name() + " was placed in the hierarchy its name spells"));
      }
      if (name.isEmpty()) {
        name = "Unnamed code";
        scope.report(Problem.warning(refi.location(), "A code without a name was named " + name));
      }
      boolean codable = refi.codable();
      if (!codable && codesWithCodings.contains(refi.guid())) {
        codable = true;
        scope.report(
            Problem.warning(
                refi.location(),
                "The code "
                    + name
                    + " is marked not codable but has codings; it was made codable"));
      }
      int siblings = under.equals(parent) ? position++ : childrenOf(under);
      String colour =
          refi.colour()
              .orElse(
                  CodingService.PALETTE.get(scope.counted("codes") % CodingService.PALETTE.size()));
      CodeId id = insert(under, name, colour, refi.description().orElse(""), codable, siblings);
      if (refi.colour().isEmpty()) {
        // shown in this colour, exported without one unless someone chooses another
        scope.receive(
            new ItemRef(ItemKind.CODE, id.value()),
            org.fabrique.core.exchange.ReceivedFact.NO_COLOUR,
            colour);
      }
      scope.register(refi.guid(), new ItemRef(ItemKind.CODE, id.value()));
      codes(refi.children(), Optional.of(id));
    }
  }

  private CodeId groupingCode(Optional<CodeId> parent, String name) {
    return groups.computeIfAbsent(
        List.of(parent, name),
        key ->
            insert(
                parent,
                name.isEmpty() ? "Unnamed code" : name,
                CodingService.PALETTE.get(0),
                "",
                false,
                childrenOf(parent)));
  }

  private int childrenOf(Optional<CodeId> parent) {
    return (int)
        scope.tx().coding().listCodes(scope.inquiry()).stream()
            .filter(c -> c.parentId().equals(parent))
            .count();
  }

  private CodeId insert(
      Optional<CodeId> parent,
      String name,
      String colour,
      String description,
      boolean codable,
      int position) {
    Transaction tx = scope.tx();
    Code code =
        new Code(
            new CodeId(tx.newId()),
            scope.inquiry(),
            parent,
            InquiryBuilder.truncate(name),
            colour,
            description,
            codable,
            position);
    tx.coding().insertCode(code);
    scope.count("codes");
    return code.id();
  }
}
