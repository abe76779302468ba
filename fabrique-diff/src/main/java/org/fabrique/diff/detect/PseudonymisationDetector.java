package org.fabrique.diff.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.report.DetectedIntervention;

/**
 * Recognises an identifier replaced one-to-one by unrelated tokens: nearly every value changed,
 * each old value always gets the same token and no two old values share one, the tokens do not
 * derive from the old values, and the old and new value sets do not overlap.
 */
public final class PseudonymisationDetector {
  private PseudonymisationDetector() {}

  public static Optional<DetectedIntervention> detect(ColumnEvidence evidence) {
    ColumnComparison comparison = evidence.comparison();
    long oldDistinct = evidence.oldProfile().distinct();
    long oldNonBlank = evidence.oldProfile().nonBlank();
    boolean identifierLike = oldDistinct >= 20 && oldDistinct >= 0.5 * oldNonBlank;
    if (!identifierLike || evidence.editedShare() < 0.95 || comparison.replacementsChecked == 0) {
      return Optional.empty();
    }
    double forwardConsistency =
        1 - comparison.forwardConflicts / (double) comparison.replacementsChecked;
    double backwardConsistency =
        1 - comparison.backwardConflicts / (double) comparison.replacementsChecked;
    double relatedShare =
        comparison.valueChanges == 0 ? 0 : comparison.related / (double) comparison.valueChanges;
    double overlap = evidence.oldProfile().sketch().jaccard(evidence.newProfile().sketch());
    if (forwardConsistency < 0.99
        || backwardConsistency < 0.99
        || relatedShare > 0.1
        || overlap > 0.05) {
      return Optional.empty();
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("mapping", "one-to-one");
    parameters.put("identifiers", oldDistinct);
    parameters.put("replacedShare", Figures.round(evidence.editedShare(), 4));
    tokenShape(comparison).forEach(parameters::put);
    double confidence =
        Figures.round(
            Math.min(forwardConsistency, backwardConsistency) * (1 - relatedShare) * (1 - overlap),
            3);
    String column = evidence.column();
    return Optional.of(
        new DetectedIntervention(
            "pseudonymisation",
            List.of(column),
            parameters,
            confidence,
            "Identifiers in "
                + column
                + " were replaced one-to-one by unrelated tokens (pseudonymisation).",
            "Les identifiants de "
                + column
                + " ont été remplacés un à un par des jetons sans lien (pseudonymisation).",
            Samples.pairs(comparison, 3)));
  }

  private static Map<String, Object> tokenShape(ColumnComparison comparison) {
    Map<String, Object> shape = new LinkedHashMap<>();
    int length = -1;
    boolean sameLength = true;
    boolean hex = true;
    boolean digits = true;
    for (ColumnComparison.Sample sample : comparison.samples()) {
      String token = sample.newValue();
      if (length >= 0 && token.length() != length) {
        sameLength = false;
      }
      length = token.length();
      hex &= token.chars().allMatch(c -> Character.digit(c, 16) >= 0);
      digits &= token.chars().allMatch(Character::isDigit);
    }
    if (sameLength && length > 0) {
      shape.put("tokenLength", length);
    }
    shape.put("tokenAlphabet", digits ? "digits" : hex ? "hexadecimal" : "alphanumeric");
    return shape;
  }
}
