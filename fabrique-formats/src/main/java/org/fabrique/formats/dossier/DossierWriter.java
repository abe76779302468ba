package org.fabrique.formats.dossier;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.journey.query.CaseDossier;
import org.fabrique.core.journey.query.JourneyRow;
import org.fabrique.core.memo.ItemKind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a {@link CaseDossier} as an HTML page or a PDF document. Both are rendered from one XHTML
 * document built as a DOM (every text a text node, so nothing is ever read as markup), with the
 * journey graph as inline SVG ({@link JourneyGraphSvg}); the PDF is that document laid out by
 * openhtmltopdf, the SVG drawn by Batik.
 */
public final class DossierWriter {
  static final String XHTML = "http://www.w3.org/1999/xhtml";

  static {
    // openhtmltopdf logs through java.util.logging, at INFO, and its messages may quote the
    // document: field material stays out of logs.
    XRLog.setLoggingEnabled(false);
  }

  /** The dossier as a self-contained HTML page (UTF-8). */
  public void html(CaseDossier dossier, OutputStream out) {
    Document document = document(dossier);
    try {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write("<!DOCTYPE html>\n");
      Transformer transformer = transformers().newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty(OutputKeys.METHOD, "xml");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.transform(new DOMSource(document), new StreamResult(writer));
      writer.flush();
    } catch (IOException | TransformerException e) {
      throw new StorageException("Could not write the dossier", e);
    }
  }

  /** The dossier as a PDF document. */
  public void pdf(CaseDossier dossier, OutputStream out) {
    Document document = document(dossier);
    try (BatikSVGDrawer svg = new BatikSVGDrawer()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withW3cDocument(document, "");
      builder.useSVGDrawer(svg);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new StorageException("Could not write the dossier as PDF", e);
    }
  }

  private static TransformerFactory transformers() {
    TransformerFactory factory = TransformerFactory.newInstance();
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    return factory;
  }

  // ---- The document ----

  Document document(CaseDossier dossier) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      document = factory.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("No XML document builder", e);
    }
    DossierLabels labels = new DossierLabels(dossier.language());
    Dom dom = new Dom(document);
    Element html = document.createElementNS(XHTML, "html");
    html.setAttribute("lang", dossier.language());
    document.appendChild(html);
    Element head = dom.add(html, "head");
    Element charset = dom.add(head, "meta");
    charset.setAttribute("charset", "utf-8");
    dom.add(head, "title", labels.get("title") + " — " + dossier.caseName());
    dom.add(head, "style", STYLE);
    Element body = dom.add(html, "body");

    dom.add(body, "h1", labels.get("title") + " — " + dossier.caseName());
    Element facts = dom.styled(body, "dl", "facts");
    fact(dom, facts, labels.get("inquiry"), dossier.inquiry());
    fact(dom, facts, labels.get("domain"), dossier.domain());
    fact(dom, facts, labels.get("profile"), dossier.profile());
    if (!dossier.description().isBlank()) {
      dom.add(body, "p", dossier.description());
    }
    Element report = dom.styled(body, "div", "report");
    dom.add(report, "strong", labels.get("report.title"));
    Element lines = dom.add(report, "ul");
    dom.add(lines, "li", labels.format("report.profile", dossier.report().profile()));
    dom.add(lines, "li", labels.format("report.left-out", dossier.report().sourcesLeftOut()));
    dom.add(
        lines,
        "li",
        labels.format(
            "report.passages",
            dossier.report().passagesReplaced(),
            dossier.report().sourcesRedacted()));
    dom.add(
        lines, "li", labels.format("report.values", dossier.report().valuesReplacedInFreeText()));

    if (dossier.isEmpty()) {
      dom.add(body, "p", labels.get("empty"));
      return document;
    }

    if (!dossier.graph().nodes().isEmpty()) {
      dom.add(body, "h2", labels.get("graph"));
      Element figure = dom.styled(body, "div", "graph");
      figure.appendChild(new JourneyGraphSvg(labels).draw(document, dossier.graph()));
      dom.styled(figure, "p", "caption").setTextContent(labels.get("graph.caption"));
    }

    if (!dossier.timeline().isEmpty()) {
      dom.add(body, "h2", labels.get("timeline"));
      Element table = dom.add(body, "table");
      Element header = dom.add(dom.add(table, "thead"), "tr");
      dom.add(header, "th", labels.get("timeline.date"));
      dom.add(header, "th", labels.get("timeline.kind"));
      dom.add(header, "th", labels.get("timeline.element"));
      Element rows = dom.add(table, "tbody");
      for (CaseDossier.Moment moment : dossier.timeline()) {
        Element tr = dom.add(rows, "tr");
        dom.add(tr, "td", moment.date().toString());
        dom.add(tr, "td", kind(labels, moment.kind()));
        dom.add(tr, "td", moment.label());
      }
    }

    section(dom, body, labels, "interventions", dossier.interventions());
    section(dom, body, labels, "choices", dossier.choices());
    section(dom, body, labels, "tensions", dossier.tensions());
    section(dom, body, labels, "procedures", dossier.procedures());
    section(dom, body, labels, "uses", dossier.uses());
    section(dom, body, labels, "others", dossier.others());

    if (!dossier.actors().isEmpty()) {
      dom.add(body, "h2", labels.get("actors"));
      boolean realNames = dossier.actors().stream().anyMatch(a -> a.realName().isPresent());
      Element table = dom.add(body, "table");
      Element header = dom.add(dom.add(table, "thead"), "tr");
      dom.add(header, "th", labels.get("actor.pseudonym"));
      if (realNames) {
        dom.add(header, "th", labels.get("actor.real-name"));
      }
      dom.add(header, "th", labels.get("actor.type"));
      dom.add(header, "th", labels.get("actor.category"));
      dom.add(header, "th", labels.get("actor.institution"));
      Element rows = dom.add(table, "tbody");
      for (CaseDossier.DossierActor actor : dossier.actors()) {
        Element tr = dom.add(rows, "tr");
        dom.add(tr, "td", actor.pseudonym());
        if (realNames) {
          dom.add(tr, "td", actor.realName().orElse(""));
        }
        dom.add(tr, "td", actor.type());
        dom.add(tr, "td", actor.category());
        dom.add(tr, "td", actor.institution());
      }
    }

    if (!dossier.evidence().isEmpty()) {
      dom.add(body, "h2", labels.get("evidence"));
      Element list = dom.styled(body, "div", "index");
      for (CaseDossier.IndexedQuote quote : dossier.evidence()) {
        Element item = dom.styled(list, "div", "indexed");
        item.setAttribute("id", "e" + quote.number());
        Element cite = dom.styled(item, "p", "citation");
        dom.add(cite, "strong", "[E" + quote.number() + "] " + quote.citation());
        dom.add(item, "blockquote", quote.text());
        dom.add(
            item,
            "p",
            labels.get("evidence.cited-by") + " " + String.join(" ; ", quote.elements()));
      }
    }
    return document;
  }

  private static void fact(Dom dom, Element list, String name, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    dom.add(list, "dt", name);
    dom.add(list, "dd", value);
  }

  /** A one-value detail: a status or a way of knowing in the reader's language, else as it is. */
  private static String value(DossierLabels labels, CaseDossier.Detail detail) {
    String value = detail.values().get(0);
    return switch (detail.key()) {
      case STATUS, KNOWN_BY -> labels.get("value." + value, value);
      default -> value;
    };
  }

  private static String kind(DossierLabels labels, ItemKind kind) {
    return labels.get("kind." + kind.id());
  }

  private static void section(
      Dom dom, Element body, DossierLabels labels, String key, List<CaseDossier.Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    dom.add(body, "h2", labels.get(key));
    for (CaseDossier.Entry entry : entries) {
      JourneyRow row = entry.row();
      Element block = dom.styled(body, "div", "entry");
      dom.add(block, "h3", row.label().isBlank() ? "#" + row.id().value() : row.label());
      if (!entry.details().isEmpty()) {
        Element details = dom.add(block, "dl");
        for (CaseDossier.Detail detail : entry.details()) {
          dom.add(details, "dt", labels.get("detail." + detail.key().name()));
          if (detail.values().size() == 1) {
            dom.add(details, "dd", value(labels, detail));
          } else {
            Element dd = dom.add(details, "dd");
            Element ul = dom.add(dd, "ul");
            detail.values().forEach(v -> dom.add(ul, "li", v));
          }
        }
      }
      if (!row.rationale().isBlank()) {
        Element p = dom.add(block, "p");
        dom.add(p, "strong", labels.get("rationale") + ". ");
        p.appendChild(dom.document.createTextNode(row.rationale()));
      }
      if (!row.actors().isEmpty()) {
        Element ul = dom.styled(block, "ul", "actors");
        for (JourneyRow.RowActor actor : row.actors()) {
          StringBuilder text = new StringBuilder(actor.pseudonym());
          Optional.of(actor.category())
              .filter(c -> !c.isBlank())
              .ifPresent(c -> text.append(" (").append(c).append(')'));
          text.append(" — ").append(labels.get("part." + actor.role(), actor.role()));
          if (!actor.detail().isBlank()) {
            text.append(labels.get("colon")).append(actor.detail());
          }
          dom.add(ul, "li", text.toString());
        }
      }
      if (!row.quotes().isEmpty()) {
        Element quotes = dom.styled(block, "div", "quotes");
        for (int i = 0; i < row.quotes().size(); i++) {
          JourneyRow.Quote quote = row.quotes().get(i);
          dom.add(quotes, "blockquote", quote.text());
          dom.styled(quotes, "p", "citation")
              .setTextContent("— " + quote.citation() + " [E" + entry.quoteNumbers().get(i) + "]");
        }
      }
      if (!row.related().isEmpty()) {
        Element p = dom.styled(block, "p", "related");
        StringBuilder text = new StringBuilder();
        for (JourneyRow.Related related : row.related()) {
          if (text.length() > 0) {
            text.append(" ; ");
          }
          text.append(kind(labels, related.kind())).append(": ").append(related.label());
        }
        dom.add(p, "strong", labels.get("related") + ". ");
        p.appendChild(dom.document.createTextNode(text.toString()));
      }
    }
  }

  /** Appends XHTML elements with text. */
  static final class Dom {
    final Document document;

    Dom(Document document) {
      this.document = document;
    }

    Element add(Element parent, String name) {
      Element element = document.createElementNS(XHTML, name);
      parent.appendChild(element);
      return element;
    }

    /** An element with a text. */
    Element add(Element parent, String name, String text) {
      Element element = add(parent, name);
      element.setTextContent(text);
      return element;
    }

    /** An element of a class. */
    Element styled(Element parent, String name, String style) {
      Element element = add(parent, name);
      element.setAttribute("class", style);
      return element;
    }
  }

  private static final String STYLE =
      """
      @page { size: A4; margin: 18mm 16mm 20mm 16mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; } }
      body { font-family: sans-serif; font-size: 10pt; line-height: 1.35; color: #222; }
      h1 { font-size: 18pt; margin-bottom: 4pt; }
      h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 16pt; page-break-after: avoid; }
      h3 { page-break-after: avoid; }
      h3 { font-size: 11pt; margin: 10pt 0 4pt 0; }
      dl { margin: 4pt 0; }
      dt { font-weight: bold; float: left; clear: left; width: 34%; }
      dd { margin-left: 36%; }
      dl.facts dt { width: 20%; } dl.facts dd { margin-left: 22%; }
      table { border-collapse: collapse; width: 100%; }
      th, td { border: 1px solid #ccc; padding: 2pt 4pt; text-align: left; vertical-align: top; }
      blockquote { margin: 4pt 0 0 12pt; padding-left: 6pt; border-left: 3px solid #bbb;
        font-style: italic; }
      p.citation { margin: 0 0 4pt 12pt; font-size: 9pt; color: #444; }
      .report { border: 1px solid #ddd; background: #f6f6f6; padding: 4pt 8pt; font-size: 9pt; }
      .entry { page-break-inside: avoid; }
      .graph svg { display: block; }
      p.caption { font-size: 8pt; color: #555; }
      """;
}
