package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.fabrique.core.error.InvalidInputException;
import org.xml.sax.SAXException;

/**
 * The XML factories of the REFI-QDA exchange, hardened: no DTD, no external entity, no external
 * schema or stylesheet is ever fetched.
 */
public final class SecureXml {
  private SecureXml() {}

  /** A StAX factory that refuses DTDs (so no entity, internal or external, is ever expanded). */
  public static XMLInputFactory inputFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("External resources are not allowed: " + systemId);
        });
    return factory;
  }

  public static XMLStreamReader reader(InputStream in) {
    try {
      return inputFactory().createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw new InvalidInputException("The file is not XML: " + e.getMessage(), e);
    }
  }

  public static XMLOutputFactory outputFactory() {
    return XMLOutputFactory.newFactory();
  }

  /** A schema from a class-path resource; the schema may not fetch anything from outside. */
  public static Schema schema(URL resource) {
    try (InputStream in = resource.openStream()) {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newSchema(new StreamSource(in, resource.toExternalForm()));
    } catch (IOException | SAXException e) {
      throw new IllegalStateException("Cannot load the schema " + resource, e);
    }
  }
}
