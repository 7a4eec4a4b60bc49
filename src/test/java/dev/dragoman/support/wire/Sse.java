package dev.dragoman.support.wire;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

/** Server-sent event bodies for stubs: unnamed {@code data:} events and named {@code event:} + {@code data:} ones. */
public final class Sse {

    private Sse() {
    }

    /** A text/event-stream reply of the given events, each ended by a blank line. */
    public static ResponseDefinitionBuilder stream(String... events) {
        return WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(Arrays.stream(events).map(event -> event + "\n\n").collect(Collectors.joining()));
    }

    public static String data(String json) {
        return "data: " + json;
    }

    /** A named event whose data repeats its name in {@code type}, as Anthropic and Cohere send them. */
    public static String named(String name, String json) {
        return "event: " + name + "\ndata: " + json;
    }
}
