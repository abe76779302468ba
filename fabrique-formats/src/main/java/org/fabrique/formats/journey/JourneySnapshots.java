package org.fabrique.formats.journey;

import java.util.HashMap;
import java.util.Map;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;

/** Reads what exporters need of an inquiry's journeys through the services. */
public final class JourneySnapshots {
  private JourneySnapshots() {}

  public static JourneySnapshot of(Fabrique fabrique, InquiryId inquiry) {
    Map<SourceId, String> digests = new HashMap<>();
    for (Source source : fabrique.corpus().list(inquiry)) {
      digests.put(source.id(), source.textDigest());
    }
    return new JourneySnapshot(
        inquiry,
        fabrique.inquiries().cases(inquiry),
        fabrique.journeys().elements(inquiry),
        fabrique.journeys().participations(inquiry),
        fabrique.journeys().evidence(inquiry),
        digests);
  }
}
