package dev.dragoman.observe;

import java.util.Locale;
import java.util.Optional;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/** Where a text came from, as the {@code source} label of the translation and in-flight series names it. */
public enum Source {
    FILE("file:"), KAFKA("dragoman-kafka:"), HTTP("platform-http:");

    private final String scheme;
    private final String label = name().toLowerCase(Locale.ROOT);

    Source(String scheme) {
        this.scheme = scheme;
    }

    public String label() {
        return label;
    }

    /**
     * The source of a text, by the consumer its exchange came from (a split's parts keep their file's or request's,
     * the Kafka stream's batches their poll's); none for a route of the user's own that reads from elsewhere.
     */
    public static Optional<Source> of(Exchange exchange) {
        Endpoint from = exchange.getFromEndpoint();
        if (from != null) {
            String uri = from.getEndpointUri();
            for (Source source : values()) {
                if (uri.startsWith(source.scheme)) {
                    return Optional.of(source);
                }
            }
        }
        return Optional.empty();
    }
}
