package org.fabrique.core.journey.prov;

/**
 * Field material an export carries only when its redaction profile discloses it: actors' real
 * names, quotes of evidence, the arguments actors gave for their positions.
 */
public enum Sensitive {
  REAL_NAMES,
  QUOTES,
  ARGUMENTS
}
