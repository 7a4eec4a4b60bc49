package dev.dragoman.route;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

import dev.dragoman.translate.ExchangeKeys;

/**
 * A fresh exchange for a call made on behalf of a text's exchange: it carries over only what bounds the text's work
 * (its deadline, whether its caller is still there, when it started, the named client it is for), so that no state of
 * an earlier call (retries counted, failures, instances tried) reaches the next.
 */
final class SubExchange {

    private static final List<String> CARRIED = List.of(ExchangeKeys.DEADLINE, ExchangeKeys.CLIENT_GONE,
            ExchangeKeys.STARTED, ExchangeKeys.CLIENT);

    private SubExchange() {
    }

    static Exchange of(Exchange text) {
        Exchange sub = new DefaultExchange(text.getContext());
        for (String property : CARRIED) {
            Object value = text.getProperty(property);
            if (value != null) {
                sub.setProperty(property, value);
            }
        }
        return sub;
    }
}
