package dev.dragoman.translate;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the XML files users hand Dragoman (TMX, TBX) without ever fetching what they point to: no DTD is read and no
 * external entity resolved, so a file's {@code <!DOCTYPE tmx SYSTEM "tmx14.dtd">} costs no network call and a hostile
 * one cannot read local files (https://owasp.org/www-community/vulnerabilities/XML_External_Entity_(XXE)_Processing).
 */
public final class XmlFiles {

    /** The namespace of {@code xml:lang} (https://www.w3.org/TR/xml/#sec-lang-tag). */
    public static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private XmlFiles() {
    }

    /** A pull parser over {@code in}, its encoding from the XML declaration (UTF-8 without one). */
    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /**
     * The element's {@code xml:lang}, or null. TMX before 1.4 named it {@code lang}, deprecated since but still
     * found in files (https://www.gala-global.org/tmx-14b).
     */
    public static String lang(XMLStreamReader reader) {
        String lang = reader.getAttributeValue(XML_NAMESPACE, "lang");
        return lang != null ? lang : reader.getAttributeValue(null, "lang");
    }
}
