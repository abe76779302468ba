package org.fabrique.formats.openlineage;

import java.util.Map;
import org.openprovenance.prov.model.Document;

/** Lets the PROV read-back run count generations as the crab-apple story does. */
public final class CrabAppleStoryTestAccess {
  private CrabAppleStoryTestAccess() {}

  public static Map<String, Integer> generations(Document document) {
    return CrabAppleStoryTest.generations(document);
  }
}
