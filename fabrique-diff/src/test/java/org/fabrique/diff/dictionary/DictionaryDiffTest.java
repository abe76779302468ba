package org.fabrique.diff.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.DictionaryDiff;
import org.fabrique.diff.DiffInputException;
import org.fabrique.diff.Files2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionaryDiffTest {
  @TempDir Path directory;

  private static Path resource(String name) {
    try {
      return Path.of(DictionaryDiffTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> of(DictionaryDiffReport report, String kind) {
    return report.changes().stream()
        .filter(change -> change.kind().equals(kind))
        .map(change -> change.oldName().map(old -> old + " -> ").orElse("") + change.variable())
        .sorted()
        .toList();
  }

  @Test
  void omopFiveThreeToFiveFourFindsTheRenamedRemovedAndRetypedFields() {
    DictionaryDiffReport report =
        new DictionaryDiff()
            .compare(
                resource("/omop-cdm/OMOP_CDMv5.3_Field_Level.csv"),
                resource("/omop-cdm/OMOP_CDMv5.4_Field_Level.csv"));

    assertEquals("omop-field-level", report.oldFormat());
    assertEquals(396, report.oldVariables());
    assertEquals(432, report.newVariables());
    assertEquals(
        Map.of(
            "attribute-changed", 24L,
            "relabelled", 14L,
            "required-changed", 6L,
            "retyped", 6L,
            "variable-added", 41L,
            "variable-removed", 5L,
            "variable-renamed", 9L),
        report.counts());
    assertEquals(
        List.of(
            "visit_detail.admitting_source_concept_id -> visit_detail.admitted_from_concept_id",
            "visit_detail.admitting_source_value -> visit_detail.admitted_from_source_value",
            "visit_detail.discharge_to_concept_id -> visit_detail.discharged_to_concept_id",
            "visit_detail.discharge_to_source_value -> visit_detail.discharged_to_source_value",
            "visit_detail.visit_detail_parent_id -> visit_detail.parent_visit_detail_id",
            "visit_occurrence.admitting_source_concept_id -> visit_occurrence.admitted_from_concept_id",
            "visit_occurrence.admitting_source_value -> visit_occurrence.admitted_from_source_value",
            "visit_occurrence.discharge_to_concept_id -> visit_occurrence.discharged_to_concept_id",
            "visit_occurrence.discharge_to_source_value -> visit_occurrence.discharged_to_source_value"),
        of(report, "variable-renamed"));
    assertEquals(
        List.of(
            "attribute_definition.attribute_definition_id",
            "attribute_definition.attribute_description",
            "attribute_definition.attribute_name",
            "attribute_definition.attribute_syntax",
            "attribute_definition.attribute_type_concept_id"),
        of(report, "variable-removed"));
    List<DictionaryChange> realRetypes =
        report.changes().stream()
            .filter(
                change ->
                    change.kind().equals("retyped")
                        && change.parameters().get("caseOnly").equals(false))
            .toList();
    assertEquals(
        List.of(
            new DictionaryChange(
                "retyped",
                "device_exposure.unique_device_id",
                Optional.empty(),
                "The type of device_exposure.unique_device_id changed from varchar(50) to varchar(255).",
                Map.of("from", "varchar(50)", "to", "varchar(255)", "caseOnly", false),
                1)),
        realRetypes);
  }

  @Test
  void redcapLongitudinal2022To2024FindsTheAgeFieldNoLongerCalculated() {
    DictionaryDiffReport report =
        new DictionaryDiff()
            .compare(
                resource("/redcap/longitudinal_dictionary_v2022.csv"),
                resource("/redcap/longitudinal_dictionary_v2024.csv"));

    assertEquals("redcap", report.oldFormat());
    assertEquals(
        List.of(
            new DictionaryChange(
                "retyped",
                "age",
                Optional.empty(),
                "The type of age changed from calc to text.",
                Map.of("from", "calc", "to", "text", "caseOnly", false),
                1),
            new DictionaryChange(
                "attribute-changed",
                "age",
                Optional.empty(),
                "The calculation of age changed.",
                Map.of(
                    "attribute",
                    "calculation",
                    "from",
                    "rounddown(datediff([dob],'today','y'))",
                    "to",
                    ""),
                1)),
        report.changes().stream().map(DictionaryDiffTest::withoutOrder).toList());
  }

  private static DictionaryChange withoutOrder(DictionaryChange change) {
    return new DictionaryChange(
        change.kind(),
        change.variable(),
        change.oldName(),
        change.detail(),
        Map.copyOf(change.parameters()),
        change.confidence());
  }

  @Test
  void renamedVariablesMergedCategoriesAndIdentifierFlagsAreFoundInARedcapDictionary() {
    String header =
        "\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\",\"Field Label\",\"Choices, Calculations, OR Slider Labels\",\"Field Note\",\"Text Validation Type OR Show Slider Number\",\"Text Validation Min\",\"Text Validation Max\",Identifier?\n";
    Path before =
        Files2.write(
            directory,
            "v1.csv",
            header
                + "record_id,enrolment,,text,\"Record ID\",,,,,,\n"
                + "phone_home,enrolment,,text,\"Home phone number\",,,phone,,,\n"
                + "smoking,enrolment,,radio,\"Smoking status\",\"1, Never | 2, Former | 3, Current\",,,,,\n"
                + "sex,enrolment,,radio,\"Sex\",\"1, Male | 2, Female\",,,,,\n"
                + "zip,enrolment,,text,\"Postcode\",,,,,,\n");
    Path after =
        Files2.write(
            directory,
            "v2.csv",
            header
                + "record_id,enrolment,,text,\"Record ID\",,,,,,\n"
                + "contact_phone,enrolment,,text,\"Home phone number\",,,phone,,,y\n"
                + "smoking,enrolment,,radio,\"Smoking status\",\"1, Never | 2, Ever\",,,,,\n"
                + "sex,enrolment,,radio,\"Sex at birth\",\"M, Male | F, Female\",,,,,\n"
                + "zip,enrolment,,text,\"Postcode\",,,,,,y\n");

    DictionaryDiffReport report = new DictionaryDiff().compare(before, after);

    assertEquals(List.of("phone_home -> contact_phone"), of(report, "variable-renamed"));
    assertEquals(List.of("contact_phone", "zip"), of(report, "identifier-flag-changed"));
    assertEquals(List.of("sex"), of(report, "relabelled"));
    DictionaryChange smoking = change(report, "choices-changed", "smoking");
    assertEquals(List.of("3, Current"), smoking.parameters().get("removed"));
    assertEquals(List.of("2: Former → Ever"), smoking.parameters().get("relabelled"));
    assertEquals(true, smoking.parameters().get("merged"));
    DictionaryChange sex = change(report, "choices-changed", "sex");
    assertEquals(List.of("Male: 1 → M", "Female: 2 → F"), sex.parameters().get("recoded"));
  }

  private static DictionaryChange change(
      DictionaryDiffReport report, String kind, String variable) {
    return report.changes().stream()
        .filter(change -> change.kind().equals(kind) && change.variable().equals(variable))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + kind + " on " + variable + " in " + report.changes()));
  }

  @Test
  void aGenericCodebookIsReadWithItsAllowedValues() {
    Path before =
        Files2.write(
            directory,
            "codebook1.csv",
            "variable,label,type,allowed values\nconsent,Consent given,categorical,\"1=yes; 0=no\"\nage,Age at inclusion,integer,\n");
    Path after =
        Files2.write(
            directory,
            "codebook2.csv",
            "variable,label,type,allowed values\nconsent,Consent given,categorical,\"1=yes; 0=no; 9=unknown\"\nage,Age at inclusion,age band,\n");

    DictionaryDiffReport report = new DictionaryDiff().compare(before, after);

    assertEquals("codebook", report.newFormat());
    assertEquals(Map.of("choices-changed", 1L, "retyped", 1L), report.counts());
    assertEquals(
        List.of("9, unknown"),
        change(report, "choices-changed", "consent").parameters().get("added"));
  }

  @Test
  void aTableThatIsNotADictionaryIsRefused() {
    Path table = Files2.write(directory, "data.csv", "id,value\n1,2\n");

    assertThrows(DiffInputException.class, () -> new DictionaryDiff().compare(table, table));
  }
}
