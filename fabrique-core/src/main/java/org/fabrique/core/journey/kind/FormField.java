package org.fabrique.core.journey.kind;

import java.util.List;
import java.util.Objects;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * A field of an element's form, and of its page's facts.
 *
 * @param name the form field's name (stable: tests and scripts post it)
 * @param labelKey the message key of its label
 * @param choices for {@link FieldType#CHOICE} and {@link FieldType#CHOICES}: the ids offered
 * @param choiceKeyPrefix the message key prefix of the choices' labels ({@code prefix + id})
 * @param vocabularies for terms: the vocabulary they come from; for text: vocabularies whose terms
 *     are suggested
 * @param kinds for references: the kinds of elements offered
 * @param when in which forms the field appears
 * @param defaultValue what a new element's form proposes
 */
public record FormField(
    String name,
    String labelKey,
    FieldType type,
    List<String> choices,
    String choiceKeyPrefix,
    List<VocabularyName> vocabularies,
    List<ItemKind> kinds,
    When when,
    boolean required,
    String defaultValue) {

  /** The forms a field appears in. */
  public enum When {
    /** The form that adds an element and the one that edits it. */
    ALWAYS,
    /** Only the form that adds an element (later changed row by row). */
    ADD,
    /** Never in a form: shown on the element's page only. */
    SHOWN
  }

  public FormField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(labelKey, "labelKey");
    Objects.requireNonNull(type, "type");
    choices = List.copyOf(choices);
    choiceKeyPrefix = choiceKeyPrefix == null ? "" : choiceKeyPrefix;
    vocabularies = List.copyOf(vocabularies);
    kinds = List.copyOf(kinds);
    Objects.requireNonNull(when, "when");
    defaultValue = defaultValue == null ? "" : defaultValue;
  }

  public static FormField of(String name, String labelKey, FieldType type) {
    return new FormField(
        name, labelKey, type, List.of(), "", List.of(), List.of(), When.ALWAYS, false, "");
  }

  public static FormField term(
      String name, String labelKey, FieldType type, VocabularyName vocabulary) {
    return new FormField(
        name,
        labelKey,
        type,
        List.of(),
        "",
        List.of(vocabulary),
        List.of(),
        When.ALWAYS,
        false,
        "");
  }

  public static FormField refs(String name, String labelKey, FieldType type, ItemKind... kinds) {
    return new FormField(
        name, labelKey, type, List.of(), "", List.of(), List.of(kinds), When.ALWAYS, false, "");
  }

  public static FormField choice(
      String name, String labelKey, FieldType type, List<String> ids, String keyPrefix) {
    return new FormField(
        name, labelKey, type, ids, keyPrefix, List.of(), List.of(), When.ALWAYS, false, "");
  }

  public FormField when(When newWhen) {
    return new FormField(
        name,
        labelKey,
        type,
        choices,
        choiceKeyPrefix,
        vocabularies,
        kinds,
        newWhen,
        required,
        defaultValue);
  }

  public FormField mandatory() {
    return new FormField(
        name,
        labelKey,
        type,
        choices,
        choiceKeyPrefix,
        vocabularies,
        kinds,
        when,
        true,
        defaultValue);
  }

  public FormField defaultValue(String value) {
    return new FormField(
        name, labelKey, type, choices, choiceKeyPrefix, vocabularies, kinds, when, required, value);
  }

  /** The same field with terms of these vocabularies suggested. */
  public FormField suggesting(VocabularyName... suggested) {
    return new FormField(
        name,
        labelKey,
        type,
        choices,
        choiceKeyPrefix,
        List.of(suggested),
        kinds,
        when,
        required,
        defaultValue);
  }

  /** The vocabulary of a term field. */
  public VocabularyName vocabulary() {
    return vocabularies.get(0);
  }

  /** Whether the form that adds an element shows it. */
  public boolean inAddForm() {
    return when != When.SHOWN;
  }

  /** Whether the form that edits an element shows it. */
  public boolean inEditForm() {
    return when == When.ALWAYS;
  }

  /** Whether several values are entered. */
  public boolean multiple() {
    return type == FieldType.CHOICES || type == FieldType.TERMS || type == FieldType.REFS;
  }
}
