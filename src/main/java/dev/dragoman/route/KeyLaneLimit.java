package dev.dragoman.route;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeySlots;
import dev.dragoman.translate.ClientGone;
import dev.dragoman.translate.ExchangeKeys;

/**
 * At most {@code concurrency} calls in flight on one key: of this process's (its own count), and, when several
 * processes share the key ({@code dragoman.cluster.store}), of the whole group's ({@link KeySlots}). Camel's throttle
 * EIP (ConcurrentRequests mode) is not used here: it returns its permit when the whole unit of work completes, and a
 * call that failed over to the next key shares its caller's unit of work, so it would keep the first key's permit
 * while waiting for the second's. This permit is taken and returned around the HTTP call itself, in the lane's
 * doTry/doFinally, and a text waits for it no longer than its deadline.
 * <p>
 * A text that finds every slot of the key taken waits without a thread: it is queued (first come, first served) and
 * its route goes on, on a worker of {@code waits} ({@link Redeliveries}), once a call of the key gives its slot back;
 * one that finds the group's slots taken asks the store again when the store tells it that a process gave one back
 * ({@link KeySlots#whenFreed}), or, for a slot whose lease ran out (its process killed) or a store that cannot tell,
 * a while later, as a task of {@code waits} too.
 * Blocking its thread instead would hold an HTTP worker per waiting text, and a few more clients than the key has
 * slots would leave no worker for other requests or the health checks. A text whose HTTP client leaves while it waits
 * gives its place up at once ({@link ClientGone}) rather than at its turn or its deadline.
 */
final class KeyLaneLimit extends AsyncProcessorSupport {

    /** How often a text waiting for a slot of the group's asks the store again when the store cannot tell it. */
    private static final long LOOK_AGAIN_MILLIS = 25;
    /**
     * How often it asks when the store tells it of slots given back: only a slot whose lease ran out comes free
     * untold, and the lease is seconds.
     */
    private static final long LOOK_AGAIN_TOLD_MILLIS = 500;

    private final KeySlots slots;
    private final ApiKey key;
    private final String held;
    private final ScheduledExecutorService waits;
    /** Slots of this process free now; never above zero while a text waits. Guarded by {@code this}. */
    private int free;
    /** Texts waiting for a slot, in the order they came. Guarded by {@code this}. */
    private final Queue<Waiting> waiting = new ArrayDeque<>();

    KeyLaneLimit(String lane, int concurrency, KeySlots slots, ApiKey key, ScheduledExecutorService waits) {
        this.free = concurrency;
        this.slots = slots;
        this.key = key;
        this.held = ExchangeKeys.permit(lane);
        this.waits = waits;
    }

    /** Takes a slot of the key for the exchange's call, now or once one is given back within its deadline. */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            Deadline.check(exchange);
        } catch (DeadlinePassedException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        Waiting queued = null;
        synchronized (this) {
            if (free == 0) {
                queued = queue(exchange, callback);
            } else {
                free--;
            }
        }
        if (queued != null) {
            ClientGone.onGone(exchange, queued.clientGone);
            return false;
        }
        return takeGroupSlot(exchange, callback, true);
    }

    /** Puts the text at the end of the queue, to leave it when its deadline passes. Called holding {@code this}. */
    private Waiting queue(Exchange exchange, AsyncCallback callback) {
        Waiting text = new Waiting(exchange, callback);
        text.expiry = waits.schedule(() -> leave(text, "the text's deadline passed waiting for a free slot on a key"
                + " (dragoman.deadline)"), Math.max(Deadline.remaining(exchange).toMillis(), 0), TimeUnit.MILLISECONDS);
        waiting.add(text);
        return text;
    }

    /** After the call, whatever its outcome: its slot goes to the first text waiting, if any. */
    void release(Exchange exchange) {
        if (exchange.removeProperty(held) instanceof KeySlots.Slot slot) {
            slot.release();
            giveBack();
        }
    }

    /** This process's slot, held now, goes to the next text waiting for one, or is free again. */
    private void giveBack() {
        Waiting next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                free++;
                return;
            }
        }
        next.expiry.cancel(false);
        ClientGone.forget(next.exchange, next.clientGone);
        waits.execute(() -> takeGroupSlot(next.exchange, next.callback, false));
    }

    /**
     * With this process's slot held: the group's too, if the key is shared, now or, asking the store again without a
     * thread ({@link GroupWait}), within the text's deadline; the exchange fails when none comes.
     *
     * @return whether the exchange is done with this step now, on the caller's thread
     */
    private boolean takeGroupSlot(Exchange exchange, AsyncCallback callback, boolean sync) {
        Optional<KeySlots.Slot> slot;
        try {
            if (!sync) {
                // after a wait: a text whose client left or whose deadline passed meanwhile takes no slot
                Deadline.check(exchange);
            }
            slot = slots.take(key);
        } catch (DeadlinePassedException | RuntimeException e) {
            giveBack();
            exchange.setException(e);
            callback.done(sync);
            return sync;
        }
        if (slot.isPresent()) {
            exchange.setProperty(held, slot.get());
        } else {
            long left = Deadline.remaining(exchange).toMillis();
            if (left > 0) {
                new GroupWait(exchange, callback).start(left);
                return false;
            }
            giveBack();
            exchange.setException(new DeadlinePassedException("the text's deadline passed waiting for a free slot on"
                    + " a key that the group's processes share (dragoman.deadline)"));
        }
        callback.done(sync);
        return sync;
    }

    /** The text gives its place up without a slot: its deadline passed, or its client left. */
    private void leave(Waiting text, String why) {
        synchronized (this) {
            if (!waiting.remove(text)) {
                // a slot came first
                return;
            }
        }
        text.expiry.cancel(false);
        ClientGone.forget(text.exchange, text.clientGone);
        text.exchange.setException(new DeadlinePassedException(why));
        text.callback.done(false);
    }

    /**
     * A text holding this process's slot, waiting for one of the group's: it asks the store again once told that a
     * slot was given back, or after a while, whichever comes first; it gives up as soon as its client leaves. A slot
     * given back between its look and its ask is found at its next look.
     */
    private final class GroupWait implements Runnable {
        private final Exchange exchange;
        private final AsyncCallback callback;
        private final AtomicBoolean woken = new AtomicBoolean();
        private volatile Runnable withdraw = () -> { };
        private volatile ScheduledFuture<?> timer;

        GroupWait(Exchange exchange, AsyncCallback callback) {
            this.exchange = exchange;
            this.callback = callback;
        }

        void start(long left) {
            Optional<Runnable> told = slots.whenFreed(key, this);
            told.ifPresent(ask -> withdraw = ask);
            ClientGone.onGone(exchange, this);
            timer = waits.schedule(this, Math.min(told.isPresent() ? LOOK_AGAIN_TOLD_MILLIS : LOOK_AGAIN_MILLIS, left),
                    TimeUnit.MILLISECONDS);
        }

        /** Told, the timer or the client gone: whichever is first goes on, on a worker of waits. */
        @Override
        public void run() {
            if (woken.compareAndSet(false, true)) {
                withdraw.run();
                ClientGone.forget(exchange, this);
                ScheduledFuture<?> pending = timer;
                if (pending != null) {
                    pending.cancel(false);
                }
                waits.execute(() -> takeGroupSlot(exchange, callback, false));
            }
        }
    }

    private final class Waiting {
        private final Exchange exchange;
        private final AsyncCallback callback;
        /** Heard on the HTTP server's event loop: the text's route goes on from there on a worker of waits. */
        private final Runnable clientGone = () -> waits.execute(
                () -> leave(this, "the client has gone: the text is not translated"));
        private ScheduledFuture<?> expiry;

        Waiting(Exchange exchange, AsyncCallback callback) {
            this.exchange = exchange;
            this.callback = callback;
        }
    }
}
