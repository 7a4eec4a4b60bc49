package dev.dragoman.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the group's processes give key slots back, so that a text waiting for one of the group's slots asks the store
 * again when one is free rather than on a timer. A process gives a slot back with PostgreSQL's {@code NOTIFY} on
 * {@link #CHANNEL} in the same statement ({@link JdbcKeySlots}); this one connection, outside the pool, {@code LISTEN}s
 * and wakes this process's texts waiting for that key (https://www.postgresql.org/docs/current/sql-notify.html,
 * https://www.postgresql.org/docs/current/sql-listen.html; the driver's side: {@code PGConnection.getNotifications},
 * https://jdbc.postgresql.org/documentation/publicapi/org/postgresql/PGConnection.html). A slot whose lease runs out
 * (its process was killed) sends nothing: the waiting texts still ask again now and then ({@code KeyLaneLimit}).
 * <p>
 * When the connection is lost, every text waiting is woken, since a slot may be given back unheard, and until it
 * listens again (tried every {@link ClusterStore#REFRESH}) {@link #whenFreed} says it cannot tell: the texts ask again
 * on a short timer.
 */
final class FreedSlots implements AutoCloseable {

    static final String CHANNEL = "dragoman_slot_freed";
    private static final Logger LOG = LoggerFactory.getLogger(FreedSlots.class);

    /** Opens the listening connection; a connection of its own, held for as long as the store is open. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    /** The texts to wake, by the notification's payload (instance and key id, {@link #payload}). */
    private final Map<String, Set<Runnable>> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread listener;
    private volatile boolean listening;

    FreedSlots(Connector connector) {
        this.connector = connector;
        this.listener = new Thread(this::listen, "dragoman-cluster-freed-slots");
        listener.setDaemon(true);
        listener.start();
    }

    /** What a process that gives back a slot of this instance's key notifies. */
    static String payload(String instance, String keyId) {
        return instance + "/" + keyId;
    }

    /**
     * Runs {@code wake} once when any process gives back a slot of the key named by {@code payload}, on this class's
     * thread (it must only hand the work on). Empty when the store cannot tell now; otherwise how to withdraw.
     */
    Optional<Runnable> whenFreed(String payload, Runnable wake) {
        if (!listening) {
            return Optional.empty();
        }
        // compute, not computeIfAbsent and add: a wake added to a set that freed() has just taken away would be lost
        waiting.compute(payload, (name, texts) -> {
            Set<Runnable> all = texts == null ? ConcurrentHashMap.newKeySet() : texts;
            all.add(wake);
            return all;
        });
        return Optional.of(() -> waiting.computeIfPresent(payload, (name, texts) -> {
            texts.remove(wake);
            return texts.isEmpty() ? null : texts;
        }));
    }

    private void listen() {
        boolean warned = false;
        while (closed.getCount() > 0) {
            try (Connection connection = connector.connect(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                if (warned) {
                    LOG.info("Listening for the group's freed key slots again");
                    warned = false;
                }
                while (closed.getCount() > 0) {
                    PGNotification[] heard = notifications.getNotifications((int) ClusterStore.REFRESH.toMillis());
                    for (PGNotification freed : heard == null ? new PGNotification[0] : heard) {
                        wake(waiting.remove(freed.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // the driver's runtime failures too: this thread is the only one listening
                listening = false;
                wakeAll();
                if (!warned && closed.getCount() > 0) {
                    LOG.warn("Cannot listen for the group's freed key slots ({}): texts waiting for one ask the store"
                            + " again on a timer until it can", e.getMessage());
                    warned = true;
                }
            }
            try {
                closed.await(ClusterStore.REFRESH.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every text waiting: each asks the store again, and is told or asks again on its timer. */
    private void wakeAll() {
        waiting.keySet().forEach(payload -> wake(waiting.remove(payload)));
    }

    private static void wake(Set<Runnable> texts) {
        if (texts == null) {
            return;
        }
        for (Runnable text : texts) {
            try {
                text.run();
            } catch (RuntimeException e) {
                // one text's wake refused (its executor stopping with Camel) leaves the others to be woken
                LOG.debug("A text waiting for a freed key slot could not be woken", e);
            }
        }
    }

    @Override
    public void close() {
        listening = false;
        closed.countDown();
    }
}
