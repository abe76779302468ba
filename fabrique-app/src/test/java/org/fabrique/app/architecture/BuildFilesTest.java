package org.fabrique.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Versions live in the parent POM only (decision 0018): a module POM declares its dependencies and
 * plugins without {@code <version>} and manages nothing itself, so that one change of the parent
 * moves every module. The Enforcer's dependencyConvergence then keeps one version of each library
 * on every classpath.
 */
class BuildFilesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The elements that name an artifact whose version the parent manages. */
  private static final Set<String> MANAGED = Set.of("dependency", "plugin", "extension");

  @Test
  void moduleBuildFilesWriteNoVersionsAndManageNothing() throws Exception {
    List<String> modules = texts(read(ROOT.resolve("pom.xml")), "module");
    assertFalse(modules.isEmpty(), "the parent POM lists its modules");
    List<String> faults = new ArrayList<>();
    for (String module : modules) {
      Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
      for (String section : List.of("dependencyManagement", "pluginManagement")) {
        if (pom.getElementsByTagName(section).getLength() > 0) {
          faults.add(module + ": a <" + section + "> (manage versions in the parent POM)");
        }
      }
      NodeList versions = pom.getElementsByTagName("version");
      for (int i = 0; i < versions.getLength(); i++) {
        Element version = (Element) versions.item(i);
        String owner = version.getParentNode().getNodeName();
        String value = version.getTextContent().strip();
        if (owner.equals("parent") || owner.equals("project")) {
          continue;
        }
        if (MANAGED.contains(owner)) {
          faults.add(module + ": <" + owner + "> " + artifact(version) + " writes its version");
        } else if (!value.startsWith("${")) {
          faults.add(module + ": <" + owner + "> " + artifact(version) + " has version " + value);
        }
      }
    }
    assertEquals(List.of(), faults, "versions belong to the parent POM (CONTRIBUTING.md)");
  }

  private static String artifact(Element version) {
    Node owner = version.getParentNode();
    List<String> ids = new ArrayList<>();
    for (Node child = owner.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeName().equals("groupId") || child.getNodeName().equals("artifactId")) {
        ids.add(child.getTextContent().strip());
      }
    }
    return String.join(":", ids);
  }

  private static List<String> texts(Document document, String tag) {
    NodeList nodes = document.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }

  private static Document read(Path pom)
      throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(pom)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }
}
