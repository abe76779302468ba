package org.fabrique.formats.openrefine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.user.UserId;

/**
 * Imports an OpenRefine operation history (the JSON array of "Extract…" in the Undo/Redo tab) as a
 * chain of observed interventions on a dataset: version 0 → operation 1 → version 1 → … Each
 * operation keeps its OpenRefine type, description and expression as facets; the columns it touched
 * are its fields affected. One action of the history; unknown operations are imported as "other"
 * with a warning.
 */
public final class OpenRefineHistoryImporter {
  /** The largest history accepted, in bytes. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("core/text-transform", "cleaning"),
          Map.entry("core/mass-edit", "recoding"),
          Map.entry("core/multivalued-cell-join", "cleaning"),
          Map.entry("core/multivalued-cell-split", "cleaning"),
          Map.entry("core/fill-down", "imputation"),
          Map.entry("core/blank-down", "cleaning"),
          Map.entry("core/transpose-columns-into-rows", "harmonisation"),
          Map.entry("core/transpose-rows-into-columns", "harmonisation"),
          Map.entry("core/key-value-columnize", "harmonisation"),
          Map.entry("core/column-addition", "feature-engineering"),
          Map.entry("core/column-addition-by-fetching-urls", "linkage"),
          Map.entry("core/column-removal", "selection"),
          Map.entry("core/column-rename", "harmonisation"),
          Map.entry("core/column-move", "harmonisation"),
          Map.entry("core/column-reorder", "harmonisation"),
          Map.entry("core/column-split", "cleaning"),
          Map.entry("core/row-removal", "selection"),
          Map.entry("core/row-star", "labelling"),
          Map.entry("core/row-flag", "labelling"),
          Map.entry("core/recon", "linkage"),
          Map.entry("core/recon-match-best-candidates", "linkage"),
          Map.entry("core/recon-judge-similar-cells", "linkage"),
          Map.entry("core/extend-reconciled-data", "linkage"));

  private final JourneyService journeys;

  public OpenRefineHistoryImporter(JourneyService journeys) {
    this.journeys = journeys;
  }

  /** What an import did. */
  public record Result(ElementId dataset, List<ElementId> interventions, List<Problem> problems) {
    public Result {
      interventions = List.copyOf(interventions);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Imports a history onto a dataset named {@code datasetName} (created, or found by that name
   * among the inquiry's data objects).
   *
   * @throws InvalidInputException when the file is not an OpenRefine history
   */
  public Result importHistory(
      InquiryId inquiry,
      Optional<CaseId> caseId,
      UserId user,
      String datasetName,
      String fileName,
      byte[] json) {
    if (json.length > MAX_BYTES) {
      throw new InvalidInputException(fileName + " is larger than " + MAX_BYTES + " bytes");
    }
    JsonNode operations;
    try {
      operations = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          fileName + " is not JSON (line " + e.getLocation().getLineNr() + ")", e);
    } catch (java.io.IOException e) {
      throw new InvalidInputException(fileName + " cannot be read", e);
    }
    if (operations != null && operations.isObject() && operations.has("entries")) {
      operations = operations.get("entries");
    }
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw new InvalidInputException(
          fileName + " is not an OpenRefine operation history (a JSON array of operations)");
    }
    for (int i = 0; i < operations.size(); i++) {
      if (!operations.get(i).hasNonNull("op")) {
        throw new InvalidInputException(
            fileName + ": operation " + (i + 1) + " has no \"op\" field");
      }
    }
    JsonNode all = operations;
    String name = datasetName == null || datasetName.isBlank() ? fileName : datasetName.strip();
    CaseId theCase = caseId.orElse(null);
    return journeys.batch(
        inquiry,
        user,
        "Imported an OpenRefine history of " + all.size() + " operation(s)",
        batch -> {
          List<Problem> problems = new ArrayList<>();
          DataObject base =
              batch
                  .findByExternalName(
                      org.fabrique.core.memo.ItemKind.DATA_OBJECT, "openrefine/" + name)
                  .map(DataObject.class::cast)
                  .orElseGet(
                      () ->
                          batch.create(
                              DataObject.of(
                                      ElementHeader.of(batch.newId(), inquiry, theCase, name),
                                      DataObjectType.DATASET)
                                  .withExternal("openrefine/" + name, Map.of())));
          List<ElementId> created = new ArrayList<>();
          ElementId previous = base.id();
          for (int i = 0; i < all.size(); i++) {
            JsonNode op = all.get(i);
            String opName = op.get("op").asText();
            String type = TYPES.get(opName);
            if (type == null) {
              problems.add(
                  Problem.warning(
                      fileName + ": operation " + (i + 1),
                      "Unknown OpenRefine operation " + opName + ", imported as \"other\""));
              type = "other";
            }
            String description = op.path("description").asText(opName);
            DataObject version =
                batch.create(
                    new DataObject(
                        ElementHeader.of(
                            batch.newId(), inquiry, theCase, name + " (step " + (i + 1) + ")"),
                        DataObjectType.DATASET_VERSION,
                        base.identifiability(),
                        base.healthCategory(),
                        base.codingSystems(),
                        base.population(),
                        base.fields(),
                        base.useConditions(),
                        Optional.of(base.id()),
                        "",
                        Map.of()));
            Map<String, String> facets = new java.util.LinkedHashMap<>();
            facets.put("openrefine.op", op.toString());
            Intervention intervention =
                batch.create(
                    Intervention.of(
                            new ElementHeader(
                                batch.newId(),
                                inquiry,
                                Optional.ofNullable(theCase),
                                description.length() > 200
                                    ? description.substring(0, 200)
                                    : description,
                                "",
                                org.fabrique.core.journey.KnownBy.OBSERVED,
                                org.fabrique.core.corpus.Confidentiality.INTERNAL),
                            type,
                            List.of(previous),
                            List.of(version.id()))
                        .withTool("OpenRefine " + opName + expression(op), columns(op))
                        .withExternal("", facets));
            created.add(intervention.id());
            previous = version.id();
          }
          return new Result(base.id(), created, problems);
        });
  }

  private static String expression(JsonNode op) {
    String expression = op.path("expression").asText("");
    return expression.isEmpty() ? "" : ": " + expression;
  }

  private static List<String> columns(JsonNode op) {
    Set<String> columns = new LinkedHashSet<>();
    for (String field :
        List.of(
            "columnName", "oldColumnName", "newColumnName", "baseColumnName", "keyColumnName")) {
      String value = op.path(field).asText("");
      if (!value.isEmpty()) {
        columns.add(value);
      }
    }
    op.path("columnNames").forEach(c -> columns.add(c.asText()));
    return List.copyOf(columns);
  }
}
