package org.fabrique.core.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageServiceTest {
  private final JourneyFixture f;

  LineageServiceTest(@TempDir Path folder) {
    f = new JourneyFixture(folder);
  }

  @Test
  void upstreamAndDownstreamFollowInputsAndOutputsToTheDepthAsked() {
    DataObject a = f.dataset("a");
    DataObject b = f.dataset("b");
    DataObject c = f.dataset("c");
    DataObject d = f.dataset("d");
    Intervention ab = f.intervention("ab", "cleaning", a, b);
    Intervention bc = f.intervention("bc", "linkage", b, c);
    Intervention cd = f.intervention("cd", "model-training", c, d);

    assertEquals(List.of(cd.id(), c.id()), ids(f.lineage.upstream(d.id(), 1)));
    assertEquals(
        List.of(cd.id(), c.id(), bc.id(), b.id(), ab.id(), a.id()),
        ids(f.lineage.upstream(d.id(), LineageService.UNLIMITED)));
    assertEquals(List.of(ab.id(), b.id(), bc.id(), c.id()), ids(f.lineage.downstream(a.id(), 2)));
    assertEquals(List.of(), ids(f.lineage.upstream(a.id(), 5)));
    assertEquals(3, f.lineage.upstream(d.id(), 2).nodes().get(3).distance() + 1);
  }

  @Test
  void theIndexFollowsChangesIncludingUndo() {
    DataObject a = f.dataset("a");
    DataObject b = f.dataset("b");
    assertEquals(List.of(), ids(f.lineage.upstream(b.id(), 3)));
    Intervention ab = f.intervention("ab", "cleaning", a, b);
    assertEquals(List.of(ab.id(), a.id()), ids(f.lineage.upstream(b.id(), 3)));
    f.history.undo(f.inquiry, f.user);
    assertEquals(List.of(), ids(f.lineage.upstream(b.id(), 3)));
  }

  @Test
  void theChoicesThatShapedADatasetAreThoseOnItsUpstreamPath() {
    DataObject a = f.dataset("a");
    DataObject b = f.dataset("b");
    DataObject c = f.dataset("c");
    DataObject elsewhere = f.dataset("elsewhere");
    Intervention ab = f.intervention("ab", "pseudonymisation", a, b);
    f.intervention("bc", "harmonisation", b, c);
    Choice onA = f.choice("Which patients?", Dimension.KNOWLEDGE, a);
    Choice onAb = f.choice("Which key?", Dimension.NATURE, ab);
    f.choice("Unrelated", Dimension.USES, elsewhere);

    assertEquals(
        Set.of(onA.id(), onAb.id()),
        f.lineage.choicesShaping(c.id()).stream().map(Choice::id).collect(Collectors.toSet()));
  }

  @Test
  void useConditionsPropagateAlongDerivationsAndChoicesAddOrLiftThem() {
    DataObject cohort =
        f.journeys.create(
            f.user,
            DataObject.of(f.header("cohort"), DataObjectType.SOURCE_DATABASE)
                .withUseConditions(
                    List.of(
                        new UseCondition("DUO:0000006", "health research"),
                        new UseCondition("DUO:0000046", "non-commercial"))));
    DataObject claims =
        f.journeys.create(
            f.user,
            DataObject.of(f.header("claims"), DataObjectType.SOURCE_DATABASE)
                .withUseConditions(List.of(new UseCondition("DUO:0000021", "ethics"))));
    DataObject linked = f.dataset("linked");
    DataObject model = f.dataset("model");
    Choice partner = f.choice("Let the start-up use it?", Dimension.USES, cohort);
    f.journeys.create(
        f.user,
        Intervention.of(
            f.header("link"), "linkage", List.of(cohort.id(), claims.id()), List.of(linked.id())));
    Intervention train =
        f.journeys.create(
            f.user,
            Intervention.of(
                    f.header("train"), "model-training", List.of(linked.id()), List.of(model.id()))
                .withConditionChanges(
                    List.of(
                        new ConditionChange(
                            ConditionChange.Effect.LIFT,
                            new UseCondition("DUO:0000046", ""),
                            Optional.of(partner.id())),
                        new ConditionChange(
                            ConditionChange.Effect.ADD,
                            new UseCondition("DUO:0000019", "publish"),
                            Optional.of(partner.id())))));

    ConditionReport report = f.lineage.conditions(model.id());
    assertEquals(
        Set.of("DUO:0000006", "DUO:0000021", "DUO:0000019"),
        report.conditions().stream().map(c -> c.condition().term()).collect(Collectors.toSet()));
    ConditionReport.Applied publish =
        report.conditions().stream()
            .filter(c -> c.condition().term().equals("DUO:0000019"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(partner.id()), publish.choices());
    assertEquals(train.id(), publish.origin());
    assertEquals(
        List.of(
            new ConditionReport.Lifted(
                new UseCondition("DUO:0000046", "non-commercial"),
                cohort.id(),
                train.id(),
                Optional.of(partner.id()))),
        report.lifted());
  }

  @Test
  void randomGraphsAgreeWithANaiveWalk() {
    long seed = Long.getLong("fabrique.seed", System.nanoTime());
    System.out.println(
        "LineageServiceTest seed: " + seed + " (replay with -Dfabrique.seed=" + seed + ")");
    Random random = new Random(seed);
    List<DataObject> objects = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      objects.add(f.dataset("o" + i));
    }
    List<Intervention> interventions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      DataObject in = objects.get(random.nextInt(objects.size()));
      DataObject out = objects.get(random.nextInt(objects.size()));
      interventions.add(f.intervention("i" + i, "cleaning", in, out));
    }
    for (int trial = 0; trial < 20; trial++) {
      DataObject start = objects.get(random.nextInt(objects.size()));
      int depth = random.nextInt(6);
      Set<ElementId> expected = naiveUpstream(start.id(), depth, interventions);
      Set<ElementId> actual = new HashSet<>(ids(f.lineage.upstream(start.id(), depth)));
      actual.add(start.id());
      expected.add(start.id());
      assertEquals(expected, actual, "seed " + seed + " start " + start.id() + " depth " + depth);
    }
    assertTrue(true);
  }

  private static Set<ElementId> naiveUpstream(ElementId start, int depth, List<Intervention> all) {
    Set<ElementId> reached = new HashSet<>();
    Set<ElementId> frontier = Set.of(start);
    Set<ElementId> seenObjects = new HashSet<>(frontier);
    for (int level = 1; level <= depth; level++) {
      Set<ElementId> next = new HashSet<>();
      for (Intervention intervention : all) {
        if (intervention.outputs().stream().anyMatch(frontier::contains)) {
          reached.add(intervention.id());
          for (ElementId input : intervention.inputs()) {
            reached.add(input);
            if (seenObjects.add(input)) {
              next.add(input);
            }
          }
        }
      }
      frontier = next;
    }
    return reached;
  }

  private static List<ElementId> ids(Lineage lineage) {
    return lineage.nodes().stream().map(Lineage.Node::id).toList();
  }
}
