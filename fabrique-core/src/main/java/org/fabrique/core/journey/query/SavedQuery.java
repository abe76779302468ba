package org.fabrique.core.journey.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.ElementId;

/**
 * A journey query saved by name in an inquiry. It keeps the query's parameters as written ({@link
 * JourneyQuery#parameters()}), so that its stored form is the one of URLs and the command line.
 */
public record SavedQuery(
    ElementId id, InquiryId inquiryId, String name, Map<String, List<String>> parameters) {
  public SavedQuery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inquiryId, "inquiryId");
    name = name == null ? "" : name.strip();
    Map<String, List<String>> copy = new LinkedHashMap<>();
    if (parameters != null) {
      parameters.forEach((key, values) -> copy.put(key, List.copyOf(new ArrayList<>(values))));
    }
    parameters = Collections.unmodifiableMap(copy);
  }

  /** The query, read again from its parameters. */
  public JourneyQuery query() {
    return JourneyQuery.parse(parameters);
  }
}
