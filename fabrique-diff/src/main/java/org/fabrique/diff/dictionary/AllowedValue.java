package org.fabrique.diff.dictionary;

/** One allowed value of a categorical variable: the stored code and its label. */
public record AllowedValue(String code, String label) {}
