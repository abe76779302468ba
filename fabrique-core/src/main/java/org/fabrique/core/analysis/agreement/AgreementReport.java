package org.fabrique.core.analysis.agreement;

import java.util.List;
import java.util.Map;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.user.UserId;

/**
 * Inter-coder agreement between coders, per code and pooled over all codes.
 *
 * @param sources the sources compared: those every coder coded at least once
 * @param perCode the measures of each code any coder applied in those sources, by code id
 * @param overall the measures over the units of all codes pooled
 * @param disagreements where the coders disagree, in text order (character level only)
 */
public record AgreementReport(
    AgreementLevel level,
    List<UserId> coders,
    List<SourceId> sources,
    Map<CodeId, Measures> perCode,
    Measures overall,
    List<Disagreement> disagreements) {
  public AgreementReport {
    coders = List.copyOf(coders);
    sources = List.copyOf(sources);
    perCode = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perCode));
    disagreements = List.copyOf(disagreements);
  }
}
