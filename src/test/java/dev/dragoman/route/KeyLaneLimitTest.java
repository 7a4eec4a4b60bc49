package dev.dragoman.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeySlots;
import dev.dragoman.translate.ClientGone;
import dev.dragoman.translate.ExchangeKeys;

/** A key whose slots a group of processes shares, seen from one text waiting for one ({@code KeyLaneLimit}). */
class KeyLaneLimitTest {

    private static final ApiKey KEY = new ApiKey("sk-group-slot-key-0000001");

    private final ScheduledExecutorService waits = Executors.newSingleThreadScheduledExecutor();
    private final GroupSlots slots = new GroupSlots();
    private final KeyLaneLimit limit = new KeyLaneLimit("lane", 1, slots, KEY, waits);
    /** A text with time enough left, and whether its route went on. */
    private final Exchange text = new DefaultExchange(new DefaultCamelContext());
    private final AtomicBoolean goesOn = new AtomicBoolean();

    KeyLaneLimitTest() {
        Deadline.start(text, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopWaits() {
        waits.shutdownNow();
    }

    @Test
    void a_text_waiting_for_the_group_s_slot_asks_the_store_again_when_told_one_was_given_back() throws Exception {
        long start = System.nanoTime();
        assertThat(limit.process(text, sync -> goesOn.set(true))).as("done at once").isFalse();
        // told, it looks again only every half second (for a lease that ran out); untold, it would every 25 ms
        await("few looks while nothing was given back").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
                .until(() -> slots.looks.get() <= 1 + (System.nanoTime() - start) / 400_000_000L);

        slots.giveBack();

        await("the text on its way with the slot given back").atMost(Duration.ofSeconds(5)).untilTrue(goesOn);
        assertThat(text.getException()).isNull();
    }

    @Test
    void a_text_whose_client_leaves_while_it_waits_for_the_group_s_slot_gives_up_and_takes_none() throws Exception {
        ClientGone client = new ClientGone();
        text.setProperty(ExchangeKeys.CLIENT_GONE, client);
        assertThat(limit.process(text, sync -> goesOn.set(true))).as("done at once").isFalse();

        client.gone();
        slots.giveBack();

        await("the text on its way without a slot").atMost(Duration.ofSeconds(5)).untilTrue(goesOn);
        assertThat(text.getException()).hasMessage("the client has gone: the text is not translated");
        assertThat(slots.looks).as("the store asked for a slot: once, before the client left").hasValue(1);
    }

    /** The group's one slot, held by another process until {@link #giveBack}, which tells the texts that asked. */
    private static final class GroupSlots implements KeySlots {
        private final AtomicInteger looks = new AtomicInteger();
        private final List<Runnable> told = new CopyOnWriteArrayList<>();
        private volatile boolean free;

        @Override
        public Optional<Slot> take(ApiKey key) {
            looks.incrementAndGet();
            return free ? Optional.of(() -> { }) : Optional.empty();
        }

        @Override
        public Optional<Runnable> whenFreed(ApiKey key, Runnable wake) {
            told.add(wake);
            return Optional.of(() -> told.remove(wake));
        }

        void giveBack() {
            free = true;
            told.forEach(Runnable::run);
        }
    }
}
