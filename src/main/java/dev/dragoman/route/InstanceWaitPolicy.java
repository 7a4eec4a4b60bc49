package dev.dragoman.route;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.config.Providers;
import dev.dragoman.config.RetryRules;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.translate.ExchangeKeys;

/**
 * Decides, once every instance the strategy tried has failed, whether the text waits and goes round again: only when
 * the failure may pass by itself (an outage, open breakers, keys resting or rejected, and a few times bad replies) and
 * the wait (an exponential backoff with jitter, and at least until some instance could take a call) still ends before
 * the text's deadline. A text therefore rides out a short outage instead of failing, without a call going out while
 * breakers are open. Like {@link ProviderRetryPolicy}, it runs as the error handler's {@code onExceptionOccurred}
 * processor and hands its decision to {@code retryWhile} in {@value ExchangeKeys#WAIT_FOR_INSTANCE}.
 */
final class InstanceWaitPolicy implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceWaitPolicy.class);

    private final Providers providers;
    private final RetryRules rules;

    InstanceWaitPolicy(Providers providers) {
        this.providers = providers;
        this.rules = providers.settings().retry();
    }

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getException();
        int round = exchange.getProperty(ExchangeKeys.ROUNDS, 0, Integer.class) + 1;
        // no sooner than an instance could take a call again: no round is wasted on open breakers and resting keys
        Duration wait = Backoff.atLeast(Backoff.delay(rules, round), timeUntilAvailable(exchange));
        boolean retry = Retryable.of(failure) && Deadline.allows(exchange, wait)
                && !repeatedBadReplies(exchange, failure);
        exchange.setProperty(ExchangeKeys.WAIT_FOR_INSTANCE, retry);
        if (retry) {
            exchange.setProperty(ExchangeKeys.ROUNDS, round);
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis());
            LOG.debug("no instance could translate, round {} again in {} ms: {}", round, wait.toMillis(),
                    failure.getMessage());
        }
    }

    /**
     * Bad replies get a few more rounds ({@code dragoman.retry.transient-attempts}), not the whole deadline: a flaky
     * provider's next answer is likely good, a model that always answers empty should fail fast. When an instance
     * translated other texts well since this one started, its failure is then final: the text is at fault.
     */
    private boolean repeatedBadReplies(Exchange exchange, Exception failure) {
        if (!Retryable.invalidReply(failure)) {
            return false;
        }
        int rounds = exchange.getProperty(ExchangeKeys.BAD_REPLY_ROUNDS, 0, Integer.class) + 1;
        exchange.setProperty(ExchangeKeys.BAD_REPLY_ROUNDS, rounds);
        if (rounds <= rules.transientRetries()) {
            return false;
        }
        Instant started = exchange.getProperty(ExchangeKeys.STARTED, Instant.class);
        if (started != null && providers.all().stream().anyMatch(p -> p.goodReplies().since(started))) {
            // the instances translated other texts well meanwhile: this text is at fault, and no wait would help
            exchange.setProperty(ExchangeKeys.BAD_TEXT, true);
        }
        return true;
    }

    /** Of the instance the text asked for, if it named one; else of the first instance that can take a call. */
    private Duration timeUntilAvailable(Exchange exchange) {
        // a batch (file lines, Kafka records, a texts request) as well as a single text, as dispatch reads it
        String named = NamedInstance.of(exchange.getMessage());
        return named == null ? providers.timeUntilAvailable()
                : providers.byName(named).map(ProviderInstance::timeUntilAvailable).orElse(Duration.ZERO);
    }
}
