package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.fabrique.app.Workbench;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.agreement.AgreementLevel;
import org.fabrique.core.analysis.agreement.AgreementReport;
import org.fabrique.core.analysis.agreement.Measures;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** fabrique agreement --inquiry ID [--coders A,B] [--json]. */
@Command(
    name = "agreement",
    description =
        "Inter-coder agreement per code and overall: percent agreement, Cohen's kappa (two"
            + " coders), Krippendorff's alpha (nominal).",
    mixinStandardHelpOptions = true)
final class AgreementCommand extends StoreCommand {
  @Option(
      names = "--inquiry",
      required = true,
      paramLabel = "ID",
      description = "The inquiry's id (fabrique inquiry list shows them).")
  long inquiry;

  @Option(
      names = "--coders",
      split = ",",
      paramLabel = "LOGIN",
      description = "The coders to compare (default: everyone who coded).")
  List<String> coders = new ArrayList<>();

  @Option(
      names = "--level",
      defaultValue = "character",
      description = "character or segment (default: character).")
  String level;

  @Option(
      names = "--threshold",
      defaultValue = "0.8",
      description = "Segment level: overlap (Jaccard) from which two spans are the same unit.")
  double threshold;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  int run(Workbench workbench) {
    AgreementLevel unit;
    try {
      unit = AgreementLevel.valueOf(level.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Unknown level " + level + ": character or segment", e);
    }
    List<UserId> compared = new ArrayList<>();
    for (String login : coders) {
      compared.add(
          workbench.fabrique().users().list().stream()
              .filter(u -> u.login().equals(login.strip()))
              .findFirst()
              .map(User::id)
              .orElseThrow(() -> new NotFoundException("There is no user " + login)));
    }
    InquiryId id = new InquiryId(inquiry);
    AgreementReport report =
        workbench
            .fabrique()
            .analysis()
            .agreement(id, compared, unit, threshold, AnalysisScope.everything());
    Map<CodeId, String> names = new HashMap<>();
    for (Code code : workbench.fabrique().coding().codes(id)) {
      names.put(code.id(), code.name());
    }
    Map<UserId, String> logins = new HashMap<>();
    workbench.fabrique().users().list().forEach(u -> logins.put(u.id(), u.login()));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("level", report.level().name().toLowerCase(Locale.ROOT));
      result.put("coders", report.coders().stream().map(logins::get).toList());
      result.put("sources", report.sources().size());
      result.put("overall", measures(report.overall()));
      List<Map<String, Object>> perCode = new ArrayList<>();
      report
          .perCode()
          .forEach(
              (code, measures) -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("code", names.getOrDefault(code, code.toString()));
                item.putAll(measures(measures));
                perCode.add(item);
              });
      result.put("codes", perCode);
      out.println(JsonOutput.write(result));
      return FabriqueCommand.OK;
    }
    out.println("code\tunits\tpercent\tkappa\talpha");
    report
        .perCode()
        .forEach(
            (code, measures) ->
                out.println(line(names.getOrDefault(code, code.toString()), measures)));
    out.println(line("(all codes)", report.overall()));
    return FabriqueCommand.OK;
  }

  private static String line(String label, Measures measures) {
    return label
        + "\t"
        + Math.round(measures.units())
        + "\t"
        + format(measures.percentAgreement())
        + "\t"
        + format(measures.cohensKappa())
        + "\t"
        + format(measures.krippendorffAlpha());
  }

  private static String format(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "-";
  }

  private static Map<String, Object> measures(Measures measures) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("units", measures.units());
    map.put("percentAgreement", value(measures.percentAgreement()));
    map.put("cohensKappa", value(measures.cohensKappa()));
    map.put("krippendorffAlpha", value(measures.krippendorffAlpha()));
    return map;
  }

  private static Double value(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
