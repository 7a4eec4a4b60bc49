package dev.dragoman.route;

import java.util.concurrent.Semaphore;

import org.apache.camel.Exchange;

/**
 * At most {@code concurrency} calls in flight on one key. Camel's throttle EIP (ConcurrentRequests mode) is not used
 * here: it returns its permit when the whole unit of work completes, and a call that failed over to the next key
 * shares its caller's unit of work, so it would keep the first key's permit while waiting for the second's. This
 * permit is taken and returned around the HTTP call itself, in the lane's doTry/doFinally.
 */
final class KeyLaneLimit {

    private final Semaphore permits;
    private final String held;

    KeyLaneLimit(String lane, int concurrency) {
        this.permits = new Semaphore(concurrency, true);
        this.held = "DragomanPermit-" + lane;
    }

    void acquire(Exchange exchange) throws InterruptedException {
        permits.acquire();
        exchange.setProperty(held, true);
    }

    void release(Exchange exchange) {
        if (exchange.removeProperty(held) != null) {
            permits.release();
        }
    }
}
