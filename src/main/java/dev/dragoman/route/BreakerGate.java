package dev.dragoman.route;

import org.apache.camel.Exchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import dev.dragoman.translate.ExchangeKeys;

/**
 * The instance's circuit breaker around one call over its keys, kept by the call route itself: {@link #enter} before
 * the keys, {@link #passed} after them, and {@link #failed} from the route's retry policy, which sees every failure.
 * <p>
 * Not Camel's Circuit Breaker EIP, which a profile of the overhead phase found costing more than it shows on every
 * call: it runs its steps on a copy of the exchange in a unit of work and a route hop of its own, through several
 * decorating callables, and blocks its thread until they are done. What it adds over Resilience4j's own API (a
 * fallback, a time limiter, a bulkhead) Dragoman does not use: the retry policy is its fallback and {@link CallTimer}
 * its time limit. The breaker's rules, which failures count, stay in the breaker's configuration.
 *
 * @see <a href="https://resilience4j.readme.io/docs/circuitbreaker">Resilience4j CircuitBreaker</a>
 */
final class BreakerGate {

    private final CircuitBreaker breaker;

    BreakerGate(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    /** Takes a permission for the call, or fails it at once while the breaker is open (half open: out of trials). */
    void enter(Exchange exchange) {
        if (!breaker.tryAcquirePermission()) {
            throw CallNotPermittedException.createCallNotPermittedException(breaker);
        }
        exchange.setProperty(ExchangeKeys.BREAKER_ENTERED, breaker.getCurrentTimestamp());
    }

    /** The call went through: one success in the breaker's window. */
    void passed(Exchange exchange) {
        if (exchange.removeProperty(ExchangeKeys.BREAKER_ENTERED) instanceof Long entered) {
            breaker.onSuccess(breaker.getCurrentTimestamp() - entered, breaker.getTimestampUnit());
        }
    }

    /**
     * The call failed: the breaker records the failure or ignores it by its rules, and gives back a half-open trial
     * either way. Nothing to record for a failure before the call was let in (a refusal of the breaker included).
     */
    void failed(Exchange exchange, Throwable failure) {
        if (exchange.removeProperty(ExchangeKeys.BREAKER_ENTERED) instanceof Long entered) {
            breaker.onError(breaker.getCurrentTimestamp() - entered, breaker.getTimestampUnit(), failure);
        }
    }
}
