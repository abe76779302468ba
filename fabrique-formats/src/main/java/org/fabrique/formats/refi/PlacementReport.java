package org.fabrique.formats.refi;

import java.util.List;
import java.util.stream.Collectors;
import org.fabrique.core.error.Problem;

/** Says in the data-loss report how the selections of one source were placed, and what was lost. */
final class PlacementReport {
  private static final int NAMED = 5;

  private final String label;
  private final String where;
  private final int length;
  private final List<Problem> problems;
  private final Losses losses;

  PlacementReport(String label, String where, int length, List<Problem> problems, Losses losses) {
    this.label = label;
    this.where = where;
    this.length = length;
    this.problems = problems;
    this.losses = losses;
  }

  void report(SelectionPlacement.Decision decision, boolean bom, boolean crlf) {
    long byReading =
        decision.placed().stream().filter(p -> p.how() == SelectionPlacement.How.READING).count();
    long byQuote =
        decision.placed().stream().filter(p -> p.how() == SelectionPlacement.How.QUOTE).count();
    if (decision.reading().isPresent()
        && byReading > 0
        && !decision.reading().get().equals(PositionReading.STANDARD)) {
      String reading = decision.reading().get().describe(bom, crlf);
      problems.add(
          decision.byConvention()
              ? Problem.warning(
                  where,
                  byReading
                      + " selection(s) of "
                      + label
                      + " were placed by reading their positions as "
                      + reading
                      + ", the convention of the tool that wrote the project, since the text"
                      + " alone could not tell the readings apart ("
                      + decision.evidence()
                      + "); Fabrique's positions count code points of the normalised text")
              : Problem.warning(
                  where,
                  byReading
                      + " selection(s) of "
                      + label
                      + " were placed by reading their positions as "
                      + reading
                      + ", the one reading the text confirms ("
                      + decision.evidence()
                      + "); Fabrique's positions count code points of the normalised text"));
    } else if (decision.reading().isPresent() && byReading > 0) {
      problems.add(
          Problem.info(
              where,
              "The positions of "
                  + label
                  + " were checked against its text: "
                  + decision.evidence()));
    }
    if (byQuote > 0) {
      problems.add(
          Problem.warning(
              where,
              byQuote
                  + " selection(s) of "
                  + label
                  + " were placed on their quoted text, found in the source, since their"
                  + " positions did not select it"));
    }
    if (decision.quoteMismatches() > 0) {
      problems.add(
          Problem.warning(
              where,
              decision.quoteMismatches()
                  + " selection(s) of "
                  + label
                  + " do not select the text their name quotes, and it is nowhere in the source;"
                  + " they were kept where their positions place them"));
    }
    if (!decision.refused().isEmpty()) {
      int codings = decision.refused().stream().mapToInt(s -> s.codings().size()).sum();
      problems.add(
          Problem.error(
              where,
              decision.refused().size()
                  + " selection(s) of "
                  + label
                  + " and their "
                  + codings
                  + " coding(s) are not carried: their positions can be read in several ways"
                  + " and none is clearly right ("
                  + decision.evidence()
                  + "). The source was imported without them; "
                  + decision.placed().size()
                  + " selection(s) that every reading places alike were kept. Selections: "
                  + guids(decision.refused())));
      losses.selections(decision.refused());
    }
    if (!decision.unplaceable().isEmpty()) {
      int codings = decision.unplaceable().stream().mapToInt(s -> s.codings().size()).sum();
      problems.add(
          Problem.error(
              where,
              decision.unplaceable().size()
                  + " selection(s) of "
                  + label
                  + " and their "
                  + codings
                  + " coding(s) are not carried: their positions fall outside its text of "
                  + length
                  + " characters or inside a character, and no quote of theirs is in the text."
                  + " Selections: "
                  + guids(decision.unplaceable())));
      losses.selections(decision.unplaceable());
    }
  }

  private static String guids(List<RefiModel.Selection> selections) {
    String named =
        selections.stream()
            .limit(NAMED)
            .map(s -> s.guid() + " [" + s.start() + ", " + s.end() + ")")
            .collect(Collectors.joining(", "));
    return selections.size() > NAMED
        ? named + " and " + (selections.size() - NAMED) + " more"
        : named;
  }
}
