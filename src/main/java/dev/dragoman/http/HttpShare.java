package dev.dragoman.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

import dev.dragoman.translate.ClientGone;
import dev.dragoman.translate.ExchangeKeys;

/**
 * The HTTP API's bounded share of translations in flight ({@code dragoman.http.max-in-flight}), so that a flood of
 * requests cannot take the keys from the file drop and Kafka; bound as {@code httpShare}. A request takes one slot per
 * text, at most the whole share, or none and is refused at once (503) rather than queued. A {@code texts} batch that
 * holds the whole share runs on {@code httpPool}, whose threads are as many as the share, so the texts in flight never
 * outnumber the share: single texts run on their request's thread, and batches smaller than the share hold a slot for
 * each of their texts. The slots are given back when the request is done, whatever its outcome, or as soon as its
 * client has gone ({@link ClientGone}, watched by {@code httpClients} before this step): a text whose client left makes
 * no more calls, but one waiting out a retry or an outage ends only when its wait does, and until then it would keep
 * the slot from the clients that are still there (those that gave up waiting and asked again, first of all).
 */
public class HttpShare implements Processor {

    private final Semaphore slots;
    private final int size;

    public HttpShare(int size) {
        this.slots = new Semaphore(size);
        this.size = size;
    }

    /** The slots taken now, for {@code dragoman_in_flight}. */
    public int inFlight() {
        return size - slots.availablePermits();
    }

    /** Admits the request's texts, or refuses it. */
    @Override
    public void process(Exchange exchange) throws ShareFullException {
        int wanted = Math.min(exchange.getVariable(ExchangeKeys.HTTP_CALL, TranslateCall.class).requests().size(), size);
        if (!slots.tryAcquire(wanted)) {
            throw new ShareFullException("the HTTP API is translating as many texts as it may at once"
                    + " (dragoman.http.max-in-flight = " + size + "); try again shortly");
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.getAndSet(false)) {
                slots.release(wanted);
            }
        };
        ClientGone.onGone(exchange, release);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                ClientGone.forget(done, release);
                release.run();
            }
        });
    }
}
