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

  /**
   * Upstream by brute force over versions: undated interventions generate versions in the order of
   * their ids, and each reads the latest version generated by another intervention.
   */
  private static Set<ElementId> naiveUpstream(ElementId start, int depth, List<Intervention> all) {
    Set<ElementId> reached = new HashSet<>();
    // a version is known by its generator; the start is every version of it
    Set<Intervention> frontier = new HashSet<>();
    for (Intervention intervention : all) {
      if (intervention.outputs().contains(start)) {
        frontier.add(intervention);
      }
    }
    Set<Intervention> seen = new HashSet<>(frontier);
    for (int level = 1; level <= depth; level++) {
      Set<Intervention> next = new HashSet<>();
      for (Intervention generator : frontier) {
        reached.add(generator.id());
        for (ElementId input : generator.inputs()) {
          reached.add(input);
          Intervention read = null;
          for (Intervention other : all) {
            if (other != generator
                && other.outputs().contains(input)
                && (read == null || other.id().value() > read.id().value())) {
              read = other;
            }
          }
          if (read != null && seen.add(read)) {
            next.add(read);
          }
        }
      }
      frontier = next;
    }
    return reached;
  }

  @Test
  void aReadBindsToTheLatestVersionBeforeItSoStoriesOverTimeAreRight() {
    DataObject apples = f.dataset("crab apples");
    DataObject cider = f.dataset("cider");
    DataObject pie = f.dataset("pie");
    DataObject jelly = f.dataset("jelly");
    Intervention pickSeptember = dated(f.intervention("pick", "extraction", null, apples), "09-15");
    Intervention press = dated(f.intervention("press", "cleaning", apples, cider), "09-20");
    Intervention bake = dated(f.intervention("bake", "cleaning", apples, pie), "09-22");
    Intervention pickOctober = dated(f.intervention("pick", "extraction", null, apples), "10-15");
    Intervention boil = dated(f.intervention("boil", "cleaning", apples, jelly), "10-20");

    // the October apples lead to the jelly only, not to the cider and pie made in September
    assertEquals(
        List.of(apples.id(), boil.id(), jelly.id()),
        ids(f.lineage.downstream(pickOctober.id(), LineageService.UNLIMITED)));
    assertEquals(
        List.of(apples.id(), pickOctober.id()),
        ids(f.lineage.upstream(boil.id(), LineageService.UNLIMITED)));
    assertEquals(
        Set.of(apples.id(), press.id(), cider.id(), bake.id(), pie.id()),
        Set.copyOf(ids(f.lineage.downstream(pickSeptember.id(), LineageService.UNLIMITED))));
    // the apples as a whole lead to everything made of them
    assertEquals(
        Set.of(press.id(), cider.id(), bake.id(), pie.id(), boil.id(), jelly.id()),
        Set.copyOf(ids(f.lineage.downstream(apples.id(), LineageService.UNLIMITED))));
    List<DatasetVersions.Version> versions = f.lineage.versions(apples.id());
    assertEquals(
        List.of(Optional.of(pickSeptember.id()), Optional.of(pickOctober.id())),
        versions.stream().map(DatasetVersions.Version::generatedBy).toList());
    assertEquals(
        List.of(boil.id(), jelly.id()),
        ids(f.lineage.downstream(apples.id(), 2, LineageService.UNLIMITED)));
    assertEquals(List.of(pickSeptember.id()), ids(f.lineage.upstream(apples.id(), 1, 1)));
  }

  @Test
  void aNeighbourhoodGoesStepsUpAndDownThroughVersionsAndMarksItsBorder() {
    DataObject apples = f.dataset("crab apples");
    DataObject cider = f.dataset("cider");
    DataObject jelly = f.dataset("jelly");
    Intervention pickSeptember = dated(f.intervention("pick", "extraction", null, apples), "09-15");
    Intervention press = dated(f.intervention("press", "cleaning", apples, cider), "09-20");
    Intervention pickOctober = dated(f.intervention("pick", "extraction", null, apples), "10-15");
    Intervention boil = dated(f.intervention("boil", "cleaning", apples, jelly), "10-20");

    Neighbourhood two = f.lineage.around(boil.id(), 2);
    assertEquals(
        java.util.Map.of(boil.id(), 0, apples.id(), 1, jelly.id(), 1, pickOctober.id(), 2),
        two.steps());
    assertEquals(Set.of(), two.border());
    Neighbourhood one = f.lineage.around(boil.id(), 1);
    assertEquals(Set.of(boil.id(), apples.id(), jelly.id()), one.steps().keySet());
    assertEquals(Set.of(apples.id()), one.border());
    // from the apples as a whole: both pickings and everything made of either
    assertEquals(
        Set.of(apples.id(), pickSeptember.id(), pickOctober.id(), press.id(), boil.id()),
        f.lineage.around(apples.id(), 1).steps().keySet());
  }

  @Test
  void aDatasetReadBeforeAnyKnownRunHasAnInitialVersionAndARunNeverReadsItsOwnOutput() {
    DataObject ledger = f.dataset("ledger");
    Intervention append = dated(f.intervention("append", "cleaning", ledger, ledger), "03-01");
    Intervention again = dated(f.intervention("append again", "cleaning", ledger, ledger), "04-01");
    assertEquals(
        List.of(0, 1, 2),
        f.lineage.versions(ledger.id()).stream().map(DatasetVersions.Version::number).toList());
    assertEquals(
        List.of(ledger.id(), append.id(), ledger.id()),
        ids(f.lineage.upstream(again.id(), LineageService.UNLIMITED)));
    assertEquals(
        List.of(append.id(), ledger.id(), again.id(), ledger.id()),
        ids(f.lineage.downstream(ledger.id(), 0, LineageService.UNLIMITED)));
  }

  @Test
  void aReadNamingAVersionBindsToItWhateverTheTimes() {
    DataObject apples = f.dataset("crab apples");
    DataObject jam = f.dataset("jam");
    Intervention pickSeptember = dated(f.intervention("pick", "extraction", null, apples), "09-15");
    dated(f.intervention("pick", "extraction", null, apples), "10-15");
    Intervention named =
        f.journeys.update(
            f.user,
            pickSeptember.withExternal(
                "",
                java.util.Map.of(
                    Intervention.versionKey(Flow.Direction.OUTPUT, apples.id()), "september")));
    Intervention cook = f.intervention("cook", "cleaning", apples, jam);
    f.journeys.update(
        f.user,
        dated(cook, "11-01")
            .withExternal(
                "",
                java.util.Map.of(
                    Intervention.versionKey(Flow.Direction.INPUT, apples.id()), "september")));
    assertEquals(
        List.of(apples.id(), named.id()),
        ids(f.lineage.upstream(cook.id(), LineageService.UNLIMITED)));
  }

  /** The intervention, as updated to have run on that day of 2026. */
  private Intervention dated(Intervention intervention, String monthDay) {
    java.time.Instant day = java.time.Instant.parse("2026-" + monthDay + "T10:00:00Z");
    return f.journeys.update(
        f.user, intervention.withTimes(Optional.of(day), Optional.of(day.plusSeconds(3600))));
  }

  private static List<ElementId> ids(Lineage lineage) {
    return lineage.nodes().stream().map(Lineage.Node::id).toList();
  }
}
