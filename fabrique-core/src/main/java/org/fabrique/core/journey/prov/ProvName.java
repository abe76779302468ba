package org.fabrique.core.journey.prov;

import java.util.Objects;

/**
 * A qualified name of a PROV statement or attribute: a prefix among {@link ProvNamespaces} and a
 * local part.
 */
public record ProvName(String prefix, String local) {
  public ProvName {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(local, "local");
    if (local.isEmpty()) {
      throw new IllegalArgumentException("A qualified name needs a local part");
    }
  }

  public static ProvName prov(String local) {
    return new ProvName(ProvNamespaces.PROV_PREFIX, local);
  }

  public static ProvName fab(String local) {
    return new ProvName(ProvNamespaces.FAB_PREFIX, local);
  }

  public static ProvName oa(String local) {
    return new ProvName(ProvNamespaces.OA_PREFIX, local);
  }

  /** A name in the namespace of the inquiry's journey elements. */
  public static ProvName element(String local) {
    return new ProvName(ProvNamespaces.ELEMENT_PREFIX, local);
  }

  @Override
  public String toString() {
    return prefix + ":" + local;
  }
}
