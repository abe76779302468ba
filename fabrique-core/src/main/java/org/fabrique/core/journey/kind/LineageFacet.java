package org.fabrique.core.journey.kind;

import java.util.Objects;

/**
 * The Fabrique facet an element kind is written in.
 *
 * @param key the facet's key in a job's or dataset's facets ({@code fabrique_choices})
 * @param schema the name of its JSON schema ({@code ChoicesJobFacet}), published with Fabrique
 * @param listKey the array of entries in the facet ({@code choices}); empty when the element is the
 *     facet itself (a dataset's or a job's own facet)
 */
public record LineageFacet(String key, String schema, String listKey) {
  public LineageFacet {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(listKey, "listKey");
  }
}
