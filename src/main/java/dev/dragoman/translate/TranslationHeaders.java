package dev.dragoman.translate;

import java.util.List;

import org.apache.camel.Message;

/**
 * The message headers a source may set on a text for {@code direct:translate}, and that carry the envelope's facts
 * afterwards. Exchange properties and variables are in {@link ExchangeKeys}.
 */
public final class TranslationHeaders {

    public static final String ID = "DragomanId";
    public static final String SOURCE_LANG = "DragomanSourceLang";
    public static final String TARGET_LANG = "DragomanTargetLang";
    public static final String PROVIDER = "DragomanProvider";
    /** The markup of the text whose tags and placeholders must come back as they are: html, markdown, icu, printf. */
    public static final String FORMAT = "DragomanFormat";
    /** The values {@link #FORMAT} and the request fields named {@code format} take. */
    public static final List<String> FORMATS = List.of("html", "markdown", "icu", "printf", "text");
    public static final String MODEL = "DragomanModel";
    public static final String LATENCY = "DragomanLatency";

    private TranslationHeaders() {
    }

    /** The envelope's facts on the message that carries it. */
    public static void put(Message message, Envelope envelope) {
        message.setHeader(ID, envelope.id());
        message.setHeader(SOURCE_LANG, envelope.sourceLang());
        message.setHeader(TARGET_LANG, envelope.targetLang());
        message.setHeader(PROVIDER, envelope.provider());
        message.setHeader(MODEL, envelope.model());
        message.setHeader(LATENCY, envelope.latencyMs());
    }
}
