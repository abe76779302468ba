package org.fabrique.formats.journey;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Participation;

/**
 * What an exporter needs of an inquiry's journeys, read once: the cases, the elements, the
 * participations and the evidence, and the text digest of each source evidence points at.
 */
public record JourneySnapshot(
    InquiryId inquiryId,
    List<Case> cases,
    List<JourneyElement> elements,
    List<Participation> participations,
    List<Evidence> evidence,
    Map<SourceId, String> sourceDigests) {
  public JourneySnapshot {
    cases = List.copyOf(cases);
    elements = List.copyOf(elements);
    participations = List.copyOf(participations);
    evidence = List.copyOf(evidence);
    sourceDigests = Map.copyOf(sourceDigests);
  }

  /** The same snapshot restricted to one case's journey. */
  public JourneySnapshot ofCase(CaseId caseId) {
    List<JourneyElement> mine =
        elements.stream().filter(e -> e.header().caseId().equals(Optional.of(caseId))).toList();
    var ids = mine.stream().map(e -> e.ref()).collect(java.util.stream.Collectors.toSet());
    return new JourneySnapshot(
        inquiryId,
        cases.stream().filter(c -> c.id().equals(caseId)).toList(),
        mine,
        participations.stream().filter(p -> ids.contains(p.target())).toList(),
        evidence.stream().filter(e -> ids.contains(e.element())).toList(),
        sourceDigests);
  }
}
