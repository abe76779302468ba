package org.fabrique.formats.journey;

import java.util.HashMap;
import java.util.Map;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.JourneyService;

/** Reads what exporters need of an inquiry's journeys through the services. */
public final class JourneySnapshots {
  private JourneySnapshots() {}

  public static JourneySnapshot of(Fabrique fabrique, InquiryId inquiry) {
    return of(fabrique.inquiries(), fabrique.corpus(), fabrique.journeys(), inquiry);
  }

  /** The snapshot of an inquiry read through the three services that hold it. */
  public static JourneySnapshot of(
      InquiryService inquiries, CorpusService corpus, JourneyService journeys, InquiryId inquiry) {
    Map<SourceId, String> digests = new HashMap<>();
    for (Source source : corpus.list(inquiry)) {
      digests.put(source.id(), source.textDigest());
    }
    return new JourneySnapshot(
        inquiry,
        inquiries.cases(inquiry),
        journeys.elements(inquiry),
        journeys.participations(inquiry),
        journeys.evidence(inquiry),
        digests);
  }
}
