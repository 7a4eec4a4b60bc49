package dev.dragoman.provider;

import com.fasterxml.jackson.databind.JsonNode;

/** One server-sent event: its {@code event:} name (null when absent) and its joined {@code data:} lines. */
public record SseEvent(String name, String data) {

    /** The data as JSON; a stream that sends something else broke off or is not the provider's. */
    public JsonNode json() throws ProviderException {
        return Json.tryParse(data)
                .orElseThrow(() -> ProviderException.of(ErrorClass.INVALID_REPLY, "a stream event is not JSON"));
    }
}
