package org.fabrique.core.journey.prov;

/** The namespaces of Fabrique's PROV documents, with the prefixes every serialisation uses. */
public final class ProvNamespaces {
  public static final String PROV_PREFIX = "prov";
  public static final String PROV = "http://www.w3.org/ns/prov#";
  public static final String FAB_PREFIX = "fab";
  public static final String FAB = "https://w3id.org/fabrique/ns#";
  public static final String OA_PREFIX = "oa";
  public static final String OA = "http://www.w3.org/ns/oa#";
  public static final String XSD_PREFIX = "xsd";
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  public static final String DPV_PREFIX = "dpv";
  public static final String DPV = "https://w3id.org/dpv#";

  /** The prefix of the inquiry's own elements; their namespace depends on the inquiry. */
  public static final String ELEMENT_PREFIX = "j";

  private ProvNamespaces() {}

  /** The namespace of a prefix; {@code j} is the inquiry's element namespace given. */
  public static String uri(String prefix, String elementNamespace) {
    return switch (prefix) {
      case PROV_PREFIX -> PROV;
      case FAB_PREFIX -> FAB;
      case OA_PREFIX -> OA;
      case DPV_PREFIX -> DPV;
      case XSD_PREFIX -> XSD;
      case ELEMENT_PREFIX -> elementNamespace;
      default -> throw new IllegalArgumentException("Unknown prefix " + prefix);
    };
  }

  /** The namespace of an inquiry's journey elements. */
  public static String elements(long inquiryId) {
    return "urn:fabrique:inquiry:" + inquiryId + ":";
  }
}
