package dev.dragoman.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeyPool;
import dev.dragoman.keys.KeyState;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.ProviderException;

/**
 * First step of a key lane: a key that is rejected or cooling fails at once, without an HTTP request, so the failover
 * load balancer moves the call to the next key. A rejected key whose re-probe is due lets exactly one call through.
 */
final class KeyGate implements Processor {

    private final KeyPool pool;
    private final ApiKey key;

    KeyGate(KeyPool pool, ApiKey key) {
        this.pool = pool;
        this.key = key;
    }

    @Override
    public void process(Exchange exchange) throws ProviderException {
        if (!pool.claim(key)) {
            KeyState state = pool.state(key);
            ErrorClass why = state.outOfRotation() ? ErrorClass.KEY_REJECTED : ErrorClass.RATE_LIMITED;
            throw ProviderException.of(why, "key " + key + " is " + state.status().name().toLowerCase()
                    + (state.until() != null ? " until " + state.until() : "") + ": " + state.reason());
        }
    }
}
