package org.fabrique.core.attribute;

/** What an attribute describes. */
public enum AttributeScope {
  CASE,
  SOURCE
}
