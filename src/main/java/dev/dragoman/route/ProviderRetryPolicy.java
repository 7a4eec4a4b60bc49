package dev.dragoman.route;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import dev.dragoman.config.RetryRules;
import dev.dragoman.provider.InvalidReplyException;
import dev.dragoman.provider.KeyUnusableException;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.TransientProviderException;
import dev.dragoman.translate.ExchangeKeys;

/**
 * Decides, once a call on one instance failed, whether it is retried on that instance and after how long; the error
 * handler's redelivery does the waiting, holding no thread meanwhile ({@link Redeliveries}). A transient fault or an
 * invalid reply is retried a few times with exponential backoff and jitter, never sooner than the provider asked (a
 * 503's Retry-After); when every key is resting, the call waits for the first to come back, up to
 * {@code dragoman.retry.max-wait}; nothing waits past the text's deadline. An open circuit breaker fails the instance
 * at once, so that the next instance takes over or the text waits for one at the dispatch level.
 * <p>
 * Runs as the error handler's {@code onExceptionOccurred} processor, and tells the instance's circuit breaker of the
 * failure first; its {@code retryWhile} reads the decision from
 * the {@value ExchangeKeys#RETRY} property and the delay from the {@code CamelRedeliveryDelay} header. When it gives
 * up, the {@value ExchangeKeys#FAILURE} property says why.
 */
final class ProviderRetryPolicy implements Processor {

    private final ProviderInstance provider;
    private final RetryRules rules;
    private final BreakerGate breaker;

    ProviderRetryPolicy(ProviderInstance provider, RetryRules rules, BreakerGate breaker) {
        this.provider = provider;
        this.rules = rules;
        this.breaker = breaker;
    }

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getException();
        breaker.failed(exchange, failure);
        Instant first = exchange.getProperty(ExchangeKeys.FIRST_FAILURE, Instant.class);
        if (first == null) {
            first = Instant.now();
            exchange.setProperty(ExchangeKeys.FIRST_FAILURE, first);
        }
        Optional<Duration> wait = waitBeforeRetry(exchange, failure);
        Duration waited = Duration.between(first, Instant.now());
        if (wait.isPresent() && waited.plus(wait.get()).compareTo(rules.maxWait()) <= 0
                && Deadline.allows(exchange, wait.get())) {
            exchange.setProperty(ExchangeKeys.RETRY, true);
            // on the IN message, where the redelivery reads it: a failed attempt may have left the lane's message as
            // the OUT one (the key balancer copies a failed try's results back), which the redelivery drops
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, wait.get().toMillis());
            return;
        }
        exchange.setProperty(ExchangeKeys.RETRY, false);
        exchange.setProperty(ExchangeKeys.FAILURE, provider.name() + ": " + reason(exchange, failure, wait));
    }

    /** Empty when retrying on this instance cannot help. */
    private Optional<Duration> waitBeforeRetry(Exchange exchange, Exception failure) {
        Optional<Duration> keyFree = provider.keys().timeUntilUsable();
        if (failure instanceof InvalidReplyException && exchange.getProperty(ExchangeKeys.BATCH_SIZE) != null) {
            // a batch's reply that is no translation (cut off at max-tokens, most likely) is split in halves instead
            return Optional.empty();
        }
        if (failure instanceof TransientProviderException || failure instanceof InvalidReplyException
                || failure instanceof IOException) {
            int retries = exchange.getProperty(ExchangeKeys.RETRIES, 0, Integer.class) + 1;
            exchange.setProperty(ExchangeKeys.RETRIES, retries);
            if (retries > rules.transientRetries() || keyFree.isEmpty()) {
                return Optional.empty();
            }
            Duration asked = failure instanceof ProviderException answer ? answer.retryAfter().orElse(null) : null;
            return Optional.of(Backoff.atLeast(Backoff.atLeast(Backoff.delay(rules, retries), asked), keyFree.get()));
        }
        if (failure instanceof KeyUnusableException) {
            return keyFree.map(free -> Backoff.atLeast(provider.keys().rules().minCooldown(), free));
        }
        return Optional.empty();
    }

    private String reason(Exchange exchange, Exception failure, Optional<Duration> wait) {
        String message = failure.getMessage();
        if (failure instanceof CallNotPermittedException) {
            return "circuit breaker open after repeated failures; calls resume within "
                    + provider.timeUntilAvailable().toMillis() + " ms";
        }
        if (provider.keys().allRejected()) {
            return "every key is rejected; last answer: " + message;
        }
        if (wait.isPresent() && !Deadline.allows(exchange, wait.get())) {
            return "no time left before the text's deadline (dragoman.deadline); last answer: " + message;
        }
        if (wait.isPresent()) {
            return "no key free within " + rules.maxWait().toSeconds() + " s; last answer: " + message;
        }
        return message;
    }
}
