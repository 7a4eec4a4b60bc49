package dev.dragoman.document;

import java.util.Map;

/** What to say about a file its filter could not read: the format's name and the parser's own words, on one line. */
final class InvalidInput {

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("po", "PO"),
            Map.entry("xliff", "XLIFF"), Map.entry("xliff2", "XLIFF 2"), Map.entry("json", "JSON"),
            Map.entry("properties", "properties"), Map.entry("yaml", "YAML"), Map.entry("markdown", "Markdown"),
            Map.entry("html", "HTML"), Map.entry("srt", "SRT"), Map.entry("vtt", "WebVTT"),
            Map.entry("docx", "DOCX"));

    private InvalidInput() {
    }

    static String formatName(DocumentFormat format) {
        return NAMES.getOrDefault(format.name(), format.name());
    }

    /** The innermost cause's message, whitespace collapsed, or its type when it has none. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? failure.getMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip();
    }
}
