package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One way a producer may have counted the positions of its selections in the plain text it shipped:
 * in code points, UTF-16 units or UTF-8 bytes; with or without the byte-order mark at the start of
 * the file; with a CRLF line end as two characters or as one. The REFI-QDA standard says code
 * points; real exports differ (NVivo for Windows counts UTF-16 units, CRLF as two, and not the
 * byte-order mark).
 */
record PositionReading(PositionReading.Unit unit, boolean bomCounted, boolean crlfAsTwo) {
  /** What a position counts. */
  enum Unit {
    CODE_POINTS("code points"),
    UTF16("UTF-16 units"),
    UTF8("UTF-8 bytes");

    private final String description;

    Unit(String description) {
      this.description = description;
    }

    /** How many of these units a code point takes. */
    int units(int codePoint) {
      return switch (this) {
        case CODE_POINTS -> 1;
        case UTF16 -> Character.charCount(codePoint);
        case UTF8 -> codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      };
    }
  }

  /** The standard reading: code points of the text as Fabrique keeps it (no BOM, LF). */
  static final PositionReading STANDARD = new PositionReading(Unit.CODE_POINTS, false, false);

  /**
   * The readings worth trying on a text with or without a byte-order mark and CRLF line ends, the
   * standard one first. Readings that cannot differ on a text (units, on a text of ASCII letters)
   * place every selection alike and are taken as one.
   */
  static List<PositionReading> candidates(boolean bom, boolean crlf) {
    List<PositionReading> readings = new ArrayList<>();
    for (Unit unit : Unit.values()) {
      for (boolean bomCounted : bom ? List.of(false, true) : List.of(false)) {
        for (boolean crlfAsTwo : crlf ? List.of(false, true) : List.of(false)) {
          readings.add(new PositionReading(unit, bomCounted, crlfAsTwo));
        }
      }
    }
    return readings;
  }

  /** What this reading means, for the report. */
  String describe(boolean bom, boolean crlf) {
    StringBuilder text = new StringBuilder(unit.description);
    if (bom) {
      text.append(bomCounted ? ", byte-order mark counted" : ", byte-order mark not counted");
    }
    if (crlf) {
      text.append(crlfAsTwo ? ", CRLF as two characters" : ", CRLF as one");
    }
    return text.toString();
  }

  /**
   * What a producer is known to do, from the {@code origin} of its project: a partial reading
   * (empty parts are not known), used only to choose between readings the text cannot tell apart.
   */
  record Convention(
      String producer,
      Optional<Unit> unit,
      Optional<Boolean> bomCounted,
      Optional<Boolean> crlfAsTwo) {

    boolean allows(PositionReading reading) {
      return unit.map(u -> u == reading.unit()).orElse(true)
          && bomCounted.map(b -> b == reading.bomCounted()).orElse(true)
          && crlfAsTwo.map(c -> c == reading.crlfAsTwo()).orElse(true);
    }

    /** The convention of the tool named in an origin attribute, when it is known. */
    static Optional<Convention> of(String origin) {
      String tool = origin == null ? "" : origin.toLowerCase(Locale.ROOT);
      if (tool.contains("nvivo")) {
        return Optional.of(
            new Convention(
                "NVivo", Optional.of(Unit.UTF16), Optional.of(false), Optional.of(true)));
      }
      if (tool.contains("atlas")) {
        return Optional.of(
            new Convention("ATLAS.ti", Optional.empty(), Optional.of(false), Optional.of(false)));
      }
      if (tool.contains("maxqda")) {
        return Optional.of(
            new Convention("MAXQDA", Optional.empty(), Optional.of(false), Optional.of(false)));
      }
      if (tool.contains("qualcoder")) {
        return Optional.of(
            new Convention(
                "QualCoder",
                Optional.of(Unit.CODE_POINTS),
                Optional.of(false),
                Optional.of(false)));
      }
      if (tool.startsWith("qc ") || tool.equals("qc")) {
        return Optional.of(
            new Convention(
                "qc", Optional.of(Unit.CODE_POINTS), Optional.of(false), Optional.of(false)));
      }
      if (tool.contains("fabrique")) {
        return Optional.of(
            new Convention(
                "Fabrique", Optional.of(Unit.CODE_POINTS), Optional.of(false), Optional.of(false)));
      }
      return Optional.empty();
    }
  }
}
