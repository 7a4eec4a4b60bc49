package dev.dragoman.route;

import org.apache.camel.Exchange;

import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.Usage;
import dev.dragoman.translate.UsageShares;

/**
 * The tokens of the replies one instance gave a text that were no translation (cut off at the token limit, empty,
 * broken off, failing a check): the provider billed them, so they join the usage of the translation the instance
 * gives the text at last, and a text's envelope says what its translation cost, as a batch's envelopes add up to what
 * the provider counted. Kept per instance: what one instance spent on a text before it gave up is no part of another
 * instance's translation, whose envelope names that other instance and its model.
 */
final class TokensInVain {

    private final String property;

    TokensInVain(String instance) {
        this.property = ExchangeKeys.tokensInVain(instance);
    }

    /** A reply that is no translation: its tokens wait for the text's translation. */
    void add(Exchange exchange, Usage usage) {
        if (usage != null) {
            exchange.setProperty(property, UsageShares.plus(exchange.getProperty(property, Usage.class), usage));
        }
    }

    /**
     * After a round over the instances that failed: what its instances spent in vain stays with the text for the next
     * round, which runs on a copy of the text's exchange as this one did ({@link RoundOutcome}).
     */
    static void keepForTheNextRound(Exchange round, Exchange text) {
        round.getProperties().forEach((name, usage) -> {
            if (name.startsWith(ExchangeKeys.TOKENS_IN_VAIN)) {
                text.setProperty(name, usage);
            }
        });
    }

    /** The tokens of the text's replies so far that were no translation, taken off the exchange; null when none. */
    Usage take(Exchange exchange) {
        return exchange.removeProperty(property) instanceof Usage usage ? usage : null;
    }
}
