package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.error.Problem;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.set.SetId;

/** REFI sets (of codes, sources and notes) become sets of items during a project import. */
final class SetMapping {
  private final ImportScope scope;
  private final Map<String, SetId> setIds = new HashMap<>();

  SetMapping(ImportScope scope) {
    this.scope = scope;
  }

  /** Gives every set its id first, so that links resolve to it. */
  void reserve(List<RefiModel.Set> sets) {
    for (RefiModel.Set set : sets) {
      SetId id = new SetId(scope.tx().newId());
      setIds.put(set.guid(), id);
      scope.register(set.guid(), new ItemRef(ItemKind.SET, id.value()));
    }
  }

  /** Creates the sets with the members they name that the import knows. */
  void sets(List<RefiModel.Set> sets) {
    for (RefiModel.Set refi : sets) {
      List<ItemRef> members = new ArrayList<>();
      List<String> all = new ArrayList<>(refi.memberCodes());
      all.addAll(refi.memberSources());
      all.addAll(refi.memberNotes());
      for (String guid : all) {
        ItemRef member = scope.itemOf(guid);
        if (member == null) {
          scope.report(
              Problem.error(
                  refi.location(),
                  "The set "
                      + refi.name()
                      + " names the unknown member "
                      + guid
                      + ": dropped from the set"));
          scope.lose("set members", 1);
        } else {
          members.add(member);
        }
      }
      String name = refi.name().strip().isEmpty() ? "Unnamed set" : refi.name().strip();
      SetId id = setIds.get(refi.guid());
      scope
          .tx()
          .sets()
          .insert(
              new ItemSet(
                  id,
                  scope.inquiry(),
                  InquiryBuilder.truncate(name),
                  refi.description().orElse(""),
                  members));
      scope.count("sets");
    }
  }
}
