package dev.dragoman.provider;

import java.io.IOException;

import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import dev.dragoman.translate.ClientGoneException;

/**
 * The circuit breaker of one provider instance (Resilience4j, kept by the instance's call route). Only signs of an
 * outage count against the provider: 5xx and overload answers, timeouts, resets and refused connections. An answer
 * that shows the provider is up (a refused request, an invalid reply) counts for it; a call that never reached it
 * (every key resting, a deadline passed) counts for nothing.
 *
 * @see <a href="https://resilience4j.readme.io/docs/circuitbreaker">Resilience4j CircuitBreaker</a>
 */
final class ProviderBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderBreaker.class);

    private ProviderBreaker() {
    }

    static CircuitBreaker create(String instance, BreakerRules rules) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(rules.window())
                .minimumNumberOfCalls(Math.min(rules.minCalls(), rules.window()))
                .failureRateThreshold(rules.failureRate())
                .waitDurationInOpenState(rules.openWait())
                .permittedNumberOfCallsInHalfOpenState(rules.halfOpenCalls())
                // half-open without waiting for a call, so that readiness and paused sources see the breaker move
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(ProviderBreaker::outage)
                .ignoreException(failure -> !outage(failure) && !answered(failure))
                .build();
        CircuitBreaker breaker = CircuitBreaker.of(instance, config);
        breaker.getEventPublisher().onStateTransition(event -> LOG.warn("{}: circuit breaker {}", instance,
                event.getStateTransition().getToState().name().toLowerCase()));
        return breaker;
    }

    /**
     * The failure may come wrapped (a Camel exception around an I/O error): look through the chain. A call cut off
     * because its client left says nothing about the provider.
     */
    private static boolean outage(Throwable failure) {
        return ObjectHelper.getException(ClientGoneException.class, failure) == null
                && (ObjectHelper.getException(TransientProviderException.class, failure) != null
                        || ObjectHelper.getException(IOException.class, failure) != null);
    }

    private static boolean answered(Throwable failure) {
        return ObjectHelper.getException(RequestRejectedException.class, failure) != null
                || ObjectHelper.getException(InvalidReplyException.class, failure) != null;
    }
}
