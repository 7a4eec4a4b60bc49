package dev.dragoman.route;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;

import dev.dragoman.translate.ExchangeKeys;

/**
 * At most {@code concurrency} calls in flight on one key. Camel's throttle EIP (ConcurrentRequests mode) is not used
 * here: it returns its permit when the whole unit of work completes, and a call that failed over to the next key
 * shares its caller's unit of work, so it would keep the first key's permit while waiting for the second's. This
 * permit is taken and returned around the HTTP call itself, in the lane's doTry/doFinally, and a text waits for it no
 * longer than its deadline.
 */
final class KeyLaneLimit {

    private final Semaphore permits;
    private final String held;

    KeyLaneLimit(String lane, int concurrency) {
        this.permits = new Semaphore(concurrency, true);
        this.held = ExchangeKeys.permit(lane);
    }

    void acquire(Exchange exchange) throws InterruptedException, DeadlinePassedException {
        Deadline.check(exchange);
        if (!permits.tryAcquire(Math.max(Deadline.remaining(exchange).toMillis(), 0), TimeUnit.MILLISECONDS)) {
            throw new DeadlinePassedException("the text's deadline passed waiting for a free slot on a key"
                    + " (dragoman.deadline)");
        }
        exchange.setProperty(held, true);
    }

    void release(Exchange exchange) {
        if (exchange.removeProperty(held) != null) {
            permits.release();
        }
    }
}
