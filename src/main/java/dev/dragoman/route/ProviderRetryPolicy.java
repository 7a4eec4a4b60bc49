package dev.dragoman.route;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import dev.dragoman.config.DragomanSettings;
import dev.dragoman.provider.InvalidReplyException;
import dev.dragoman.provider.KeyUnusableException;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.TransientProviderException;

/**
 * Decides, once every key of an instance has been tried, whether the call is retried and after how long; the error
 * handler's redelivery does the waiting. Rate limits wait for the first key to come back, transient faults back off a
 * few times, and anything else, or a wait beyond {@code dragoman.retry.max-wait}, fails the instance for good.
 * <p>
 * Runs as the error handler's {@code onExceptionOccurred} processor; its {@code retryWhile} reads the decision from
 * the {@value #RETRY} property and the delay from the {@code CamelRedeliveryDelay} header. When it gives up, the
 * {@value #FAILURE} property says why.
 */
final class ProviderRetryPolicy implements Processor {

    static final String RETRY = "DragomanRetry";
    /** Why the instance failed for good, for the error the caller sees. */
    static final String FAILURE = "DragomanFailure";
    private static final String FIRST_FAILURE = "DragomanFirstFailure";
    private static final String TRANSIENT_FAILURES = "DragomanTransientFailures";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final ProviderInstance provider;
    private final DragomanSettings settings;

    ProviderRetryPolicy(ProviderInstance provider, DragomanSettings settings) {
        this.provider = provider;
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getException();
        Instant first = exchange.getProperty(FIRST_FAILURE, Instant.class);
        if (first == null) {
            first = Instant.now();
            exchange.setProperty(FIRST_FAILURE, first);
        }
        Optional<Duration> wait = waitBeforeRetry(exchange, failure);
        Duration waited = Duration.between(first, Instant.now());
        if (wait.isPresent() && waited.plus(wait.get()).compareTo(settings.maxWait()) <= 0) {
            exchange.setProperty(RETRY, true);
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait.get().toMillis());
            return;
        }
        exchange.setProperty(RETRY, false);
        exchange.setProperty(FAILURE, provider.name() + ": " + reason(failure, wait));
    }

    /** Empty when retrying cannot help. */
    private Optional<Duration> waitBeforeRetry(Exchange exchange, Exception failure) {
        Optional<Duration> keyFree = provider.keys().timeUntilUsable();
        if (failure instanceof TransientProviderException || failure instanceof InvalidReplyException
                || failure instanceof IOException) {
            int failures = exchange.getProperty(TRANSIENT_FAILURES, 0, Integer.class) + 1;
            exchange.setProperty(TRANSIENT_FAILURES, failures);
            if (failures > settings.transientRetries() || keyFree.isEmpty()) {
                return Optional.empty();
            }
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 6));
            return Optional.of(backoff.compareTo(keyFree.get()) >= 0 ? backoff : keyFree.get());
        }
        return failure instanceof KeyUnusableException ? keyFree : Optional.empty();
    }

    private String reason(Exception failure, Optional<Duration> wait) {
        String message = failure.getMessage();
        if (provider.keys().allRejected() && !provider.keys().keys().isEmpty()) {
            return "every key is rejected; last answer: " + message;
        }
        if (wait.isPresent()) {
            return "no key free within " + settings.maxWait().toSeconds() + " s; last answer: " + message;
        }
        return message;
    }
}
