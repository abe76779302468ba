package org.fabrique.formats.dossier;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.query.CaseDossier;
import org.fabrique.core.memo.ItemKind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Draws the journey graph of a dossier as SVG: one row per layer the dossier computed, from the top
 * down, a box per element coloured by kind (its kind above its label), an arrow per edge. The
 * picture is scaled to fit an A4 page.
 */
final class JourneyGraphSvg {
  static final String SVG = "http://www.w3.org/2000/svg";
  private static final int BOX_WIDTH = 170;
  private static final int BOX_HEIGHT = 46;
  private static final int COLUMN = 190;
  private static final int ROW = 70;
  private static final int MARGIN = 16;
  private static final double PAGE_WIDTH = 650;
  private static final double PAGE_HEIGHT = 900;
  private static final int LINE = 26;

  private final DossierLabels labels;

  JourneyGraphSvg(DossierLabels labels) {
    this.labels = labels;
  }

  Element draw(Document document, CaseDossier.Graph graph) {
    int layers = 1;
    int rows = 1;
    Map<ElementId, CaseDossier.Node> nodes = new HashMap<>();
    for (CaseDossier.Node node : graph.nodes()) {
      nodes.put(node.id(), node);
      layers = Math.max(layers, node.layer() + 1);
      rows = Math.max(rows, node.rank() + 1);
    }
    int width = 2 * MARGIN + (rows - 1) * COLUMN + BOX_WIDTH;
    int height = 2 * MARGIN + (layers - 1) * ROW + BOX_HEIGHT;
    double scale = Math.min(1.0, Math.min(PAGE_WIDTH / width, PAGE_HEIGHT / height));
    Element svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("width", number(width * scale) + "px");
    svg.setAttribute("height", number(height * scale) + "px");
    svg.setAttribute("role", "img");

    Element defs = add(document, svg, "defs");
    Element marker = add(document, defs, "marker");
    marker.setAttribute("id", "arrow");
    marker.setAttribute("viewBox", "0 0 10 10");
    marker.setAttribute("refX", "10");
    marker.setAttribute("refY", "5");
    marker.setAttribute("markerWidth", "7");
    marker.setAttribute("markerHeight", "7");
    marker.setAttribute("orient", "auto");
    Element tip = add(document, marker, "path");
    tip.setAttribute("d", "M 0 0 L 10 5 L 0 10 z");
    tip.setAttribute("fill", "#666");

    for (CaseDossier.Edge edge : graph.edges()) {
      CaseDossier.Node from = nodes.get(edge.from());
      CaseDossier.Node to = nodes.get(edge.to());
      double x1 = x(from) + BOX_WIDTH / 2.0;
      double y1 = y(from) + BOX_HEIGHT;
      double x2 = x(to) + BOX_WIDTH / 2.0;
      double y2 = y(to);
      if (to.layer() <= from.layer()) {
        // Backwards or within a layer: from the right side of one box to the right of the other.
        x1 = x(from) + BOX_WIDTH;
        y1 = y(from) + BOX_HEIGHT / 2.0;
        x2 = x(to) + BOX_WIDTH;
        y2 = y(to) + BOX_HEIGHT / 2.0;
      }
      Element line = add(document, svg, "line");
      line.setAttribute("x1", number(x1));
      line.setAttribute("y1", number(y1));
      line.setAttribute("x2", number(x2));
      line.setAttribute("y2", number(y2));
      line.setAttribute("stroke", "#666");
      line.setAttribute("stroke-width", "1.2");
      line.setAttribute("marker-end", "url(#arrow)");
    }

    for (CaseDossier.Node node : graph.nodes()) {
      Element box = add(document, svg, "rect");
      box.setAttribute("x", number(x(node)));
      box.setAttribute("y", number(y(node)));
      box.setAttribute("width", Integer.toString(BOX_WIDTH));
      box.setAttribute("height", Integer.toString(BOX_HEIGHT));
      box.setAttribute("rx", "6");
      box.setAttribute("fill", colour(node.kind()));
      box.setAttribute("stroke", "#555");
      Element kind = text(document, svg, x(node) + 6, y(node) + 13, 9);
      kind.setAttribute("fill", "#333");
      kind.setTextContent(labels.get("kind." + node.kind().id()));
      String label = node.label().isBlank() ? "#" + node.id().value() : node.label();
      String first = label.length() <= LINE ? label : cut(label, LINE);
      String rest = label.substring(first.length()).strip();
      Element line1 = text(document, svg, x(node) + 6, y(node) + 27, 11);
      line1.setTextContent(first);
      if (!rest.isEmpty()) {
        Element line2 = text(document, svg, x(node) + 6, y(node) + 40, 11);
        line2.setTextContent(rest.length() <= LINE ? rest : rest.substring(0, LINE - 1) + "…");
      }
    }
    return svg;
  }

  /** The first line of a label: up to the last space that fits, or cut. */
  private static String cut(String label, int length) {
    int space = label.lastIndexOf(' ', length);
    return space > length / 2 ? label.substring(0, space) : label.substring(0, length);
  }

  private static double x(CaseDossier.Node node) {
    return MARGIN + node.rank() * (double) COLUMN;
  }

  private static double y(CaseDossier.Node node) {
    return MARGIN + node.layer() * (double) ROW;
  }

  private static Element add(Document document, Element parent, String name) {
    Element element = document.createElementNS(SVG, name);
    parent.appendChild(element);
    return element;
  }

  private static Element text(Document document, Element svg, double x, double y, int size) {
    Element text = add(document, svg, "text");
    text.setAttribute("x", number(x));
    text.setAttribute("y", number(y));
    text.setAttribute("font-family", "sans-serif");
    text.setAttribute("font-size", Integer.toString(size));
    return text;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String colour(ItemKind kind) {
    return switch (kind) {
      case DATA_OBJECT -> "#dbe9f6";
      case INTERVENTION -> "#fde9c8";
      case CHOICE -> "#dff2d8";
      case TENSION -> "#f8d7d7";
      case PROCEDURE -> "#e8e0f4";
      case USE -> "#d9f1f1";
      default -> "#eeeeee";
    };
  }
}
