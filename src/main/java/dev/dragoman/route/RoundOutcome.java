package dev.dragoman.route;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import dev.dragoman.translate.ExchangeKeys;

/**
 * Hands one round over the instances back to {@code direct:dispatch-rounds}: the translation, or the failure as a
 * fresh one on the round's own exchange. Fresh matters: the provider routes' error handlers have marked their failure
 * exhausted, and Camel would not let the rounds' error handler retry an exhausted exchange. A failed round's tokens
 * spent in vain go back too ({@link TokensInVain}).
 */
final class RoundOutcome implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange original, Exchange round) {
        if (round.getException() != null) {
            original.setException(round.getException());
            original.setProperty(ExchangeKeys.FAILURE, round.getProperty(ExchangeKeys.FAILURE));
            TokensInVain.keepForTheNextRound(round, original);
        } else {
            original.getMessage().setBody(round.getMessage().getBody());
            original.removeProperty(ExchangeKeys.FAILURE);
        }
        return original;
    }
}
