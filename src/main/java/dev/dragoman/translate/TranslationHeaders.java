package dev.dragoman.translate;

/**
 * The message headers a source may set on a text for {@code direct:translate}, and that carry the envelope's facts
 * afterwards. Exchange properties and variables are in {@link ExchangeKeys}.
 */
public final class TranslationHeaders {

    public static final String ID = "DragomanId";
    public static final String SOURCE_LANG = "DragomanSourceLang";
    public static final String TARGET_LANG = "DragomanTargetLang";
    public static final String PROVIDER = "DragomanProvider";
    public static final String MODEL = "DragomanModel";
    public static final String LATENCY = "DragomanLatency";

    private TranslationHeaders() {
    }
}
