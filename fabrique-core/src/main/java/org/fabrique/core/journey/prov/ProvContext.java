package org.fabrique.core.journey.prov;

import java.util.Optional;
import org.fabrique.core.journey.DatasetVersions;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.JourneyElement;

/**
 * What an element kind's PROV mapping writes to: the statements of one export, the names of the
 * elements it carries (elements left out by the redaction profile have none) and what the profile
 * discloses.
 */
public interface ProvContext {

  /** The qualified name of an element ({@code j:<kind>-<id>}). */
  ProvName name(JourneyElement element);

  /** An element the export carries. */
  Optional<JourneyElement> exported(ElementId id);

  /** The name of an element the export carries. */
  default Optional<ProvName> ref(ElementId id) {
    return exported(id).map(this::name);
  }

  /**
   * The versions of the data objects (decision 0010), derived from every element of the export
   * before any is left out, so that versions are numbered as in the lineage.
   */
  DatasetVersions versions();

  /** A fresh id for a relation. */
  ProvName relation();

  /** Adds a statement to the bundle of the element that owns it (its case's journey). */
  void add(JourneyElement owner, ProvStatement statement);

  boolean discloses(Sensitive what);
}
