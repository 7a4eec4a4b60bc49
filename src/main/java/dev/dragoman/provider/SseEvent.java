package dev.dragoman.provider;

/** One server-sent event: its {@code event:} name (null when absent) and its joined {@code data:} lines. */
public record SseEvent(String name, String data) {
}
