package dev.dragoman.route;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeySlots;
import dev.dragoman.translate.ExchangeKeys;

/**
 * At most {@code concurrency} calls in flight on one key: of this process's ({@code permits}), and, when several
 * processes share the key ({@code dragoman.cluster.store}), of the whole group's ({@link KeySlots}). Camel's throttle
 * EIP (ConcurrentRequests mode) is not used here: it returns its permit when the whole unit of work completes, and a
 * call that failed over to the next key shares its caller's unit of work, so it would keep the first key's permit
 * while waiting for the second's. This permit is taken and returned around the HTTP call itself, in the lane's
 * doTry/doFinally, and a text waits for it no longer than its deadline.
 */
final class KeyLaneLimit {

    private final Semaphore permits;
    private final KeySlots slots;
    private final ApiKey key;
    private final String held;

    KeyLaneLimit(String lane, int concurrency, KeySlots slots, ApiKey key) {
        this.permits = new Semaphore(concurrency, true);
        this.slots = slots;
        this.key = key;
        this.held = ExchangeKeys.permit(lane);
    }

    void acquire(Exchange exchange) throws InterruptedException, DeadlinePassedException {
        Deadline.check(exchange);
        if (!permits.tryAcquire(Math.max(Deadline.remaining(exchange).toMillis(), 0), TimeUnit.MILLISECONDS)) {
            throw new DeadlinePassedException("the text's deadline passed waiting for a free slot on a key"
                    + " (dragoman.deadline)");
        }
        Optional<KeySlots.Slot> slot;
        try {
            slot = slots.take(key, Deadline.remaining(exchange));
        } catch (InterruptedException | RuntimeException e) {
            permits.release();
            throw e;
        }
        if (slot.isEmpty()) {
            permits.release();
            throw new DeadlinePassedException("the text's deadline passed waiting for a free slot on a key that"
                    + " the group's processes share (dragoman.deadline)");
        }
        exchange.setProperty(held, slot.get());
    }

    void release(Exchange exchange) {
        if (exchange.removeProperty(held) instanceof KeySlots.Slot slot) {
            slot.release();
            permits.release();
        }
    }
}
