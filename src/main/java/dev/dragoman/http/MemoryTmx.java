package dev.dragoman.http;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

import javax.xml.stream.XMLStreamException;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.dragoman.memory.MemoryRows;
import dev.dragoman.memory.TmxExport;
import dev.dragoman.memory.TmxImport;
import dev.dragoman.memory.TranslationMemory;
import dev.dragoman.provider.Json;

/**
 * The translation memory in TMX 1.4b (https://www.gala-global.org/tmx-14b), the format translation tools exchange
 * memories in; bound as {@code memoryTmx}. {@code GET /memory.tmx?source=…&target=…} streams a language pair's
 * translations ({@link TmxExport}), the languages as the memory stores them, the configured or requested values;
 * {@code POST /memory.tmx} imports a TMX body ({@link TmxImport}), optionally only from {@code source} and into
 * {@code target}, and answers {@code {"imported": N, "skipped": M}}. With the memory off both answer 404.
 */
public class MemoryTmx {

    /** The media type TMX files go by (there is no registered one). */
    public static final String MEDIA_TYPE = "application/x-tmx+xml";

    private static final Logger LOG = LoggerFactory.getLogger(MemoryTmx.class);

    private final TranslationMemory memory;

    public MemoryTmx(TranslationMemory memory) {
        this.memory = memory;
    }

    /**
     * Sets the body to the document as a stream, which platform-http sends as it is read; a client that goes away
     * before its end closes it, so the export's database connection goes back to the pool either way.
     */
    public void export(Exchange exchange) throws NotFoundException, BadRequestException, SQLException,
            XMLStreamException {
        on();
        Message message = exchange.getMessage();
        String source = message.getHeader("source", String.class);
        String target = message.getHeader("target", String.class);
        if (blank(source) || blank(target)) {
            throw new BadRequestException("name the language pair to export, as the memory stores it:"
                    + " GET /memory.tmx?source=English&target=German");
        }
        MemoryRows rows = memory.rows(source, target);
        TmxExport document;
        try {
            document = new TmxExport(rows, source, target);
        } catch (XMLStreamException | RuntimeException e) {
            rows.close();
            throw e;
        }
        if (message instanceof HttpMessage http) {
            http.getResponse().closeHandler(closed -> closeQuietly(document));
        }
        message.setBody(document);
    }

    /** Imports the TMX body; a body that is no TMX document is the client's to fix (400). */
    public String importFile(Exchange exchange) throws NotFoundException, BadRequestException, SQLException,
            JsonProcessingException {
        on();
        Message message = exchange.getMessage();
        TmxImport.Count count;
        try (InputStream body = message.getMandatoryBody(InputStream.class)) {
            count = new TmxImport(memory).read(body, nonBlank(message.getHeader("source", String.class)),
                    nonBlank(message.getHeader("target", String.class)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        } catch (IOException | InvalidPayloadException e) {
            throw new BadRequestException("the body cannot be read: " + e.getMessage());
        }
        LOG.info("translation memory: {} translation(s) imported over HTTP, {} skipped", count.imported(),
                count.skipped());
        return Json.MAPPER.writeValueAsString(count);
    }

    private void on() throws NotFoundException {
        if (!memory.remembers()) {
            throw new NotFoundException("the translation memory is off (dragoman.memory.enabled = false)");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nonBlank(String value) {
        return blank(value) ? null : value.strip();
    }

    private static void closeQuietly(InputStream document) {
        try {
            document.close();
        } catch (IOException e) {
            LOG.debug("an export the client left did not close cleanly: {}", e.getMessage());
        }
    }
}
