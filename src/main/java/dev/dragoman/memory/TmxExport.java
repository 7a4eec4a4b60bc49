package dev.dragoman.memory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.dragoman.check.Languages;
import dev.dragoman.translate.XmlFiles;

/**
 * A language pair of the memory as a TMX 1.4b document (https://www.gala-global.org/tmx-14b), read as a stream: each
 * read takes the next rows from the database cursor and writes their {@code <tu>} elements, so a memory of any size
 * goes out with a few rows in memory at a time. Each unit holds the text and its translation as {@code <tuv>}
 * elements and the model that translated it as {@code <prop type="x-model">} (none for a unit imported from TMX).
 * <p>
 * TMX wants BCP 47 tags in {@code xml:lang}: a language stored by its name ({@code German}) goes out as its tag
 * ({@code de}), and one that is no language ({@code auto}) as {@code und}, undetermined. A character that XML 1.0
 * cannot carry (a control character a model let slip) goes out as U+FFFD.
 */
public final class TmxExport extends InputStream {

    /** Units written per refill of the buffer. */
    private static final int UNITS_PER_READ = 100;
    /** TMX's own date format, in UTC: 20260102T030405Z. */
    private static final DateTimeFormatter TMX_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final String VERSION = Optional.ofNullable(TmxExport.class.getPackage().getImplementationVersion())
            .orElse("development");

    private final MemoryRows rows;
    private final String sourceTag;
    private final String targetTag;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final XMLStreamWriter xml;
    private byte[] chunk = new byte[0];
    private int position;
    private boolean closed;

    /** Writes the document's start at once, so that a writer that cannot be made fails before any reply. */
    public TmxExport(MemoryRows rows, String sourceLang, String targetLang) throws XMLStreamException {
        this.rows = rows;
        this.sourceTag = tagOf(sourceLang);
        this.targetTag = tagOf(targetLang);
        this.xml = FACTORY.createXMLStreamWriter(pending, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("tmx");
        xml.writeAttribute("version", "1.4");
        xml.writeCharacters("\n  ");
        xml.writeEmptyElement("header");
        xml.writeAttribute("creationtool", "Dragoman");
        xml.writeAttribute("creationtoolversion", VERSION);
        // a text Dragoman translates is a line of a file, a record or a request's text: a paragraph at most
        xml.writeAttribute("segtype", "paragraph");
        xml.writeAttribute("o-tmf", "Dragoman");
        xml.writeAttribute("adminlang", "en");
        xml.writeAttribute("srclang", sourceTag);
        xml.writeAttribute("datatype", "plaintext");
        xml.writeCharacters("\n  ");
        xml.writeStartElement("body");
    }

    private static String tagOf(String language) {
        return Languages.tagOf(language).orElse(Languages.UNDETERMINED);
    }

    @Override
    public synchronized int read() throws IOException {
        return fill() ? chunk[position++] & 0xff : -1;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        return count;
    }

    /** Makes sure bytes are waiting; false at the document's end. */
    private boolean fill() throws IOException {
        while (position == chunk.length) {
            if (closed) {
                return false;
            }
            pending.reset();
            boolean more;
            try {
                more = writeUnits();
                xml.flush();
            } catch (SQLException | XMLStreamException e) {
                close();
                throw new IOException("the translation memory could not be exported: " + e.getMessage(), e);
            }
            chunk = pending.toByteArray();
            position = 0;
            if (!more) {
                close();
            }
        }
        return true;
    }

    /** Writes the next units, or the document's end after the last; false when it wrote the end. */
    private boolean writeUnits() throws SQLException, XMLStreamException {
        for (int i = 0; i < UNITS_PER_READ; i++) {
            MemoryRow row = rows.next();
            if (row == null) {
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                return false;
            }
            writeUnit(row);
        }
        return true;
    }

    private void writeUnit(MemoryRow row) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("tu");
        xml.writeAttribute("tuid", row.id());
        if (row.created() != null) {
            xml.writeAttribute("creationdate", TMX_DATE.format(row.created()));
        }
        if (!JdbcTranslationMemory.IMPORTED_MODEL.equals(row.model())) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("prop");
            xml.writeAttribute("type", "x-model");
            xml.writeCharacters(xmlText(row.model()));
            xml.writeEndElement();
        }
        writeVariant(sourceTag, row.text());
        writeVariant(targetTag, row.translation());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private void writeVariant(String tag, String text) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeStartElement("tuv");
        xml.writeAttribute("xml", XmlFiles.XML_NAMESPACE, "lang", tag);
        xml.writeStartElement("seg");
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The text with every character XML 1.0 cannot hold replaced (https://www.w3.org/TR/xml/#charsets). */
    static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD
                || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF
                ? c : 0xFFFD));
        return out.toString();
    }

    /** Gives the database connection back: at the document's end, or when the client went away before it. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
