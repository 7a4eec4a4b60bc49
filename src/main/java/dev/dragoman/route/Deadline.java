package dev.dragoman.route;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;

import dev.dragoman.translate.ClientGone;
import dev.dragoman.translate.ExchangeKeys;

/**
 * The time by which one text must be done ({@code dragoman.deadline}), fixed when it enters {@code direct:translate}
 * and respected by every wait after: retries, rounds over the instances, a free slot on a key, the provider call.
 * A text whose client has gone ({@link ClientGone}) has no time left: nobody waits for it any more.
 */
final class Deadline {

    private static final Duration NONE_LEFT = Duration.ofMillis(-1);

    private Deadline() {
    }

    static void start(Exchange exchange, Duration deadline) {
        exchange.setProperty(ExchangeKeys.DEADLINE, Instant.now().plus(deadline));
    }

    /** The deadline; calls that did not come through {@code direct:translate} (model lists) have none. */
    static Instant of(Exchange exchange) {
        Instant at = exchange.getProperty(ExchangeKeys.DEADLINE, Instant.class);
        return at != null ? at : Instant.MAX;
    }

    static Duration remaining(Exchange exchange) {
        if (ClientGone.of(exchange)) {
            return NONE_LEFT;
        }
        Instant at = of(exchange);
        return at == Instant.MAX ? Duration.ofMillis(Long.MAX_VALUE) : Duration.between(Instant.now(), at);
    }

    /** Whether a wait of this length still ends before the deadline. */
    static boolean allows(Exchange exchange, Duration wait) {
        return remaining(exchange).compareTo(wait) > 0;
    }

    static void check(Exchange exchange) throws DeadlinePassedException {
        if (ClientGone.of(exchange)) {
            throw new DeadlinePassedException("the client has gone: the text is not translated");
        }
        if (remaining(exchange).isNegative()) {
            throw new DeadlinePassedException("the text's deadline passed (dragoman.deadline)");
        }
    }
}
