package org.fabrique.formats.prov;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.journey.DatasetVersions;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.prov.ProvAttribute;
import org.fabrique.core.journey.prov.ProvAttributes;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvNamespaces;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.journey.prov.ProvValue;
import org.fabrique.core.journey.prov.Sensitive;
import org.fabrique.formats.journey.Checksums;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;

/**
 * The one builder of Fabrique's PROV: each element kind maps its elements (see {@link
 * ElementKinds}); this class adds the actors' roles and the evidence, as W3C Web Annotations whose
 * target is the passage of a source (a {@code TextPositionSelector} in code points, and a {@code
 * TextQuoteSelector} when the profile discloses quotes), derived from the coded segment when there
 * is one.
 */
final class ProvGraphBuilder implements ProvContext {
  private final JourneySnapshot snapshot;
  private final RedactionProfile profile;
  private final DatasetVersions versions;
  private final Map<ElementId, JourneyElement> exported = new LinkedHashMap<>();
  private final Map<String, List<ProvStatement>> bundles = new LinkedHashMap<>();
  private final Map<ProvName, String> statementKind = new HashMap<>();
  private final Set<SourceId> sourcesWritten = new LinkedHashSet<>();
  private final Set<SegmentId> segmentsWritten = new LinkedHashSet<>();
  private int relations;

  ProvGraphBuilder(JourneySnapshot snapshot, RedactionProfile profile) {
    this.snapshot = snapshot;
    this.profile = profile;
    this.versions = DatasetVersions.ofElements(snapshot.elements());
    snapshot.elements().stream()
        .filter(e -> profile.allows(e.header().confidentiality()))
        .forEach(e -> exported.put(e.id(), e));
  }

  ProvGraph build() {
    for (JourneyElement element : exported.values()) {
      ElementKinds.of(element).prov(element, this);
    }
    for (Participation participation : snapshot.participations()) {
      participation(participation);
    }
    for (Evidence evidence : snapshot.evidence()) {
      JourneyElement element = exported.get(new ElementId(evidence.element().id()));
      if (element != null && profile.allows(evidence.confidentiality())) {
        evidence(element, evidence);
      }
    }
    return new ProvGraph(ProvNamespaces.elements(snapshot.inquiryId().value()), bundles);
  }

  @Override
  public ProvName name(JourneyElement element) {
    return ProvName.element(element.kind().id() + "-" + element.id());
  }

  @Override
  public Optional<JourneyElement> exported(ElementId id) {
    return Optional.ofNullable(exported.get(id));
  }

  @Override
  public DatasetVersions versions() {
    return versions;
  }

  @Override
  public ProvName relation() {
    return ProvName.element("r" + (++relations));
  }

  @Override
  public void add(JourneyElement owner, ProvStatement given) {
    ProvStatement statement = redacted(given);
    String bundle = owner.header().caseId().map(c -> "journey-case-" + c).orElse("journey-inquiry");
    bundles.computeIfAbsent(bundle, b -> new ArrayList<>()).add(statement);
    if (statement instanceof ProvStatement.Entity entity) {
      statementKind.put(entity.id(), entity.kind());
    } else if (statement instanceof ProvStatement.Activity activity) {
      statementKind.put(activity.id(), activity.kind());
    }
  }

  @Override
  public boolean discloses(Sensitive what) {
    return profile.discloses(what);
  }

  /** A statement with its text values as they go out under the profile. */
  private ProvStatement redacted(ProvStatement s) {
    if (s instanceof ProvStatement.Entity e) {
      return new ProvStatement.Entity(e.id(), texts(e.attributes()));
    } else if (s instanceof ProvStatement.Activity a) {
      return new ProvStatement.Activity(a.id(), a.start(), a.end(), texts(a.attributes()));
    } else if (s instanceof ProvStatement.Agent a) {
      return new ProvStatement.Agent(a.id(), texts(a.attributes()));
    } else if (s instanceof ProvStatement.Usage u) {
      return new ProvStatement.Usage(
          u.id(), u.activity(), u.entity(), u.time(), texts(u.attributes()));
    } else if (s instanceof ProvStatement.Generation g) {
      return new ProvStatement.Generation(
          g.id(), g.entity(), g.activity(), g.time(), texts(g.attributes()));
    } else if (s instanceof ProvStatement.Derivation d) {
      return new ProvStatement.Derivation(
          d.id(), d.generated(), d.used(), d.activity(), texts(d.attributes()));
    } else if (s instanceof ProvStatement.Association a) {
      return new ProvStatement.Association(
          a.id(), a.activity(), a.agent(), a.plan(), texts(a.attributes()));
    } else if (s instanceof ProvStatement.Attribution a) {
      return new ProvStatement.Attribution(a.id(), a.entity(), a.agent(), texts(a.attributes()));
    } else if (s instanceof ProvStatement.Influence i) {
      return new ProvStatement.Influence(
          i.id(), i.influencee(), i.influencer(), texts(i.attributes()));
    } else if (s instanceof ProvStatement.Communication c) {
      return new ProvStatement.Communication(
          c.id(), c.informed(), c.informant(), texts(c.attributes()));
    }
    return s;
  }

  private List<ProvAttribute> texts(List<ProvAttribute> attributes) {
    List<ProvAttribute> out = new ArrayList<>(attributes.size());
    for (ProvAttribute attribute : attributes) {
      out.add(
          attribute.value() instanceof ProvValue.Text text
              ? new ProvAttribute(attribute.key(), ProvValue.text(profile.text(text.value())))
              : attribute);
    }
    return out;
  }

  /** An actor's role: an association with an activity, an attribution of an entity. */
  private void participation(Participation participation) {
    JourneyElement actor = exported.get(participation.actor());
    JourneyElement target = exported.get(new ElementId(participation.target().id()));
    if (actor == null || target == null) {
      return;
    }
    ProvAttributes role = ProvAttributes.of();
    ProvName targetName = name(target);
    if ("activity".equals(statementKind.get(targetName))) {
      if (!participation.role().isEmpty()) {
        role.role(ProvName.fab(participation.role()));
      }
      add(
          target,
          new ProvStatement.Association(
              relation(), targetName, Optional.of(name(actor)), Optional.empty(), role.list()));
    } else {
      // an attribution has no prov:role (PROV-DM): the role goes as fab:role
      if (!participation.role().isEmpty()) {
        role.ref("role", ProvName.fab(participation.role()));
      }
      add(target, new ProvStatement.Attribution(relation(), targetName, name(actor), role.list()));
    }
  }

  /**
   * Evidence as a Web Annotation ({@code oa:Annotation}) whose body is the element and whose target
   * is the passage: the element was influenced by it, and it was derived from the coded segment it
   * was chosen from.
   */
  private void evidence(JourneyElement element, Evidence evidence) {
    ProvName id = ProvName.element("evidence-" + evidence.id());
    ProvName target = ProvName.element("evidence-" + evidence.id() + "-target");
    ProvName source = source(element, evidence.sourceId());
    ProvAttributes annotation =
        ProvAttributes.of()
            .fabType("Evidence")
            .type(ProvName.oa("Annotation"))
            .add(ProvName.oa("hasBody"), ProvValue.ref(name(element)))
            .add(ProvName.oa("hasTarget"), ProvValue.ref(target))
            .text(
                "sha256", Checksums.of(evidence, snapshot.sourceDigests().get(evidence.sourceId())))
            .text("confidentiality", evidence.confidentiality().id())
            .text("note", evidence.note());
    add(element, new ProvStatement.Entity(id, annotation.list()));
    ProvAttributes specific =
        ProvAttributes.of()
            .type(ProvName.oa("SpecificResource"))
            .add(ProvName.oa("hasSource"), ProvValue.ref(source));
    List<ProvStatement> selectors = new ArrayList<>();
    evidence
        .span()
        .ifPresent(
            span -> {
              ProvName position = ProvName.element("evidence-" + evidence.id() + "-position");
              specific.add(ProvName.oa("hasSelector"), ProvValue.ref(position));
              selectors.add(
                  new ProvStatement.Entity(
                      position,
                      ProvAttributes.of()
                          .type(ProvName.oa("TextPositionSelector"))
                          .integer(ProvName.oa("start"), span.start())
                          .integer(ProvName.oa("end"), span.end())
                          .list()));
              if (discloses(Sensitive.QUOTES)) {
                ProvName quote = ProvName.element("evidence-" + evidence.id() + "-quote");
                specific.add(ProvName.oa("hasSelector"), ProvValue.ref(quote));
                selectors.add(
                    new ProvStatement.Entity(
                        quote,
                        ProvAttributes.of()
                            .type(ProvName.oa("TextQuoteSelector"))
                            .add(ProvName.oa("exact"), ProvValue.text(evidence.quote()))
                            .list()));
              }
            });
    add(element, new ProvStatement.Entity(target, specific.list()));
    selectors.forEach(s -> add(element, s));
    evidence.segmentId().ifPresent(segment -> segment(element, id, source, segment));
    add(element, new ProvStatement.Influence(relation(), name(element), id, List.of()));
  }

  /** A source of the corpus, by id and the digest of its text (never its title or text). */
  private ProvName source(JourneyElement owner, SourceId sourceId) {
    ProvName name = ProvName.element("source-" + sourceId);
    if (sourcesWritten.add(sourceId)) {
      add(
          owner,
          new ProvStatement.Entity(
              name,
              ProvAttributes.of()
                  .fabType("Source")
                  .text("sha256", snapshot.sourceDigests().getOrDefault(sourceId, ""))
                  .list()));
    }
    return name;
  }

  private void segment(
      JourneyElement owner, ProvName evidence, ProvName source, SegmentId segmentId) {
    ProvName segment = ProvName.element("segment-" + segmentId);
    if (segmentsWritten.add(segmentId)) {
      add(
          owner,
          new ProvStatement.Entity(
              segment,
              ProvAttributes.of()
                  .fabType("CodedSegment")
                  .add(ProvName.oa("hasSource"), ProvValue.ref(source))
                  .list()));
    }
    add(
        owner,
        new ProvStatement.Derivation(relation(), evidence, segment, Optional.empty(), List.of()));
  }
}
