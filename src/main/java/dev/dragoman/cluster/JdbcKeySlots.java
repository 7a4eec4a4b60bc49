package dev.dragoman.cluster;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeySlots;

/**
 * The call slots of one instance's keys in the shared table: a row per key and slot ({@code concurrency} of them),
 * held by one call of one process until it is returned or its lease runs out. A process renews the leases of its
 * calls in flight ({@link ClusterStore}), so a long stream keeps its slot, and a process killed outright gives its
 * slots back within the lease. Lease times are the database's clock, so the processes' clocks need not agree.
 * <p>
 * While the database cannot be reached, the process takes its share of each key's slots, as {@link ClusterStore}
 * last saw the group: of {@code concurrency} slots and N live processes, each gets {@code concurrency / N}, and the
 * first {@code concurrency % N} by id one more, so the group never holds more than the key allows.
 */
final class JdbcKeySlots implements KeySlots {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcKeySlots.class);
    private static final String TAKE = "INSERT INTO dragoman_key_slot (instance, key_id, slot, holder, expires_ms) "
            + "VALUES (?, ?, ?, ?, " + ClusterStore.NOW_MS + " + ?) ON CONFLICT (instance, key_id, slot) DO UPDATE "
            + "SET holder = EXCLUDED.holder, expires_ms = EXCLUDED.expires_ms WHERE dragoman_key_slot.expires_ms < "
            + ClusterStore.NOW_MS;
    /** Gives the slot back and, in the same transaction, tells the group's processes ({@link FreedSlots}). */
    private static final String RETURN = "WITH freed AS (DELETE FROM dragoman_key_slot WHERE instance = ? AND "
            + "key_id = ? AND slot = ? AND holder = ? RETURNING slot) SELECT pg_notify(?, ?) FROM freed";
    private static final String HELD = "SELECT count(*) FROM dragoman_key_slot WHERE instance = ? AND key_id = ? AND "
            + "expires_ms >= " + ClusterStore.NOW_MS;
    private static final String RENEW = "UPDATE dragoman_key_slot SET expires_ms = " + ClusterStore.NOW_MS + " + ? "
            + "WHERE holder = ANY (?)";

    private final DataSource dataSource;
    private final String instance;
    private final int concurrency;
    private final Duration lease;
    private final String process;
    /** This process's share of a key's slots while the store cannot be reached, from the group it last saw. */
    private final IntUnaryOperator share;
    private final FreedSlots freed;
    private final Map<ApiKey, String> ids = new HashMap<>();
    /** The holders of this process's slots in flight, whose leases it renews. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Map<ApiKey, Semaphore> fallback = new ConcurrentHashMap<>();
    private final AtomicLong leases = new AtomicLong();
    private final AtomicBoolean unreachable = new AtomicBoolean();

    JdbcKeySlots(DataSource dataSource, String instance, List<ApiKey> keys, int concurrency, Duration lease,
            String process, IntUnaryOperator share, FreedSlots freed) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.concurrency = concurrency;
        this.lease = lease;
        this.process = process;
        this.share = share;
        this.freed = freed;
        keys.forEach(key -> ids.put(key, JdbcKeyStates.id(key)));
    }

    @Override
    public Optional<Slot> take(ApiKey key) {
        String id = ids.get(key);
        int first = ThreadLocalRandom.current().nextInt(concurrency);
        try {
            for (int i = 0; i < concurrency; i++) {
                int slot = (first + i) % concurrency;
                String holder = process + ":" + leases.incrementAndGet();
                if (take(id, slot, holder)) {
                    reachable();
                    held.add(holder);
                    return Optional.of(() -> giveBack(id, slot, holder));
                }
            }
            reachable();
            return Optional.empty();
        } catch (SQLException e) {
            unreachable(e);
            return takeShare(key);
        }
    }

    @Override
    public Optional<Runnable> whenFreed(ApiKey key, Runnable wake) {
        return freed.whenFreed(FreedSlots.payload(instance, ids.get(key)), wake);
    }

    @Override
    public OptionalInt held(ApiKey key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(HELD)) {
            count.setString(1, instance);
            count.setString(2, ids.get(key));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return OptionalInt.of(row.getInt(1));
            }
        } catch (SQLException e) {
            return OptionalInt.empty();
        }
    }

    /** Extends the leases of the calls in flight. */
    void renew() {
        if (held.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement renew = connection.prepareStatement(RENEW)) {
            Array holders = connection.createArrayOf("varchar", held.toArray());
            renew.setLong(1, lease.toMillis());
            renew.setArray(2, holders);
            renew.executeUpdate();
            reachable();
        } catch (SQLException e) {
            unreachable(e);
        }
    }

    private boolean take(String id, int slot, String holder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement take = slotStatement(connection, TAKE, id, slot, holder)) {
            take.setLong(5, lease.toMillis());
            return take.executeUpdate() == 1;
        }
    }

    private void giveBack(String id, int slot, String holder) {
        held.remove(holder);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement giveBack = slotStatement(connection, RETURN, id, slot, holder)) {
            giveBack.setString(5, FreedSlots.CHANNEL);
            giveBack.setString(6, FreedSlots.payload(instance, id));
            giveBack.execute();
        } catch (SQLException e) {
            // the lease runs out by itself
            unreachable(e);
        }
    }

    /** A statement whose first parameters name one slot and its holder: instance, key, slot, holder. */
    private PreparedStatement slotStatement(Connection connection, String sql, String id, int slot, String holder)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, instance);
        statement.setString(2, id);
        statement.setInt(3, slot);
        statement.setString(4, holder);
        return statement;
    }

    private Optional<Slot> takeShare(ApiKey key) {
        Semaphore mine = fallback.computeIfAbsent(key, any -> new Semaphore(share.applyAsInt(concurrency)));
        return mine.tryAcquire() ? Optional.of(mine::release) : Optional.empty();
    }

    private void reachable() {
        if (unreachable.compareAndSet(true, false)) {
            fallback.clear();
            LOG.info("The cluster store is back: instance {} shares its keys' slots with the group again", instance);
        }
    }

    private void unreachable(SQLException e) {
        if (unreachable.compareAndSet(false, true)) {
            LOG.warn("The cluster store cannot be reached ({}): instance {} takes only its share of each key's {} "
                    + "slots, {}, until it is back", e.getMessage(), instance, concurrency,
                    share.applyAsInt(concurrency));
        }
    }
}
