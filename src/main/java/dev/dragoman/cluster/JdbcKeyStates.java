package dev.dragoman.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeyState;
import dev.dragoman.keys.KeyStates;

/**
 * The states of one instance's keys in the shared table, one row per key that ever left {@link KeyState#ACTIVE}, each
 * with a version: a change is written only over the version this process last read, so of several processes that
 * make the same change (probing a rejected key) one wins. Reads come from the copy {@link ClusterStore} refreshes.
 * A key is filed under the SHA-256 of its secret, never the secret. While the database cannot be reached, the
 * process goes on with the states it knows and its own changes (logged once), and takes the group's again once it
 * can.
 */
final class JdbcKeyStates implements KeyStates {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcKeyStates.class);
    private static final int REASON_LENGTH = 1000;
    private static final String READ = "SELECT key_id, status, until_ms, reason, version FROM dragoman_key_state "
            + "WHERE instance = ?";
    private static final String INSERT = "INSERT INTO dragoman_key_state (status, until_ms, reason, instance, key_id, "
            + "version) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (instance, key_id) DO NOTHING";
    private static final String UPDATE = "UPDATE dragoman_key_state SET status = ?, until_ms = ?, reason = ?, "
            + "version = version + 1 WHERE instance = ? AND key_id = ? AND version = ?";
    private static final String UPSERT = "INSERT INTO dragoman_key_state (status, until_ms, reason, instance, key_id, "
            + "version) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (instance, key_id) DO UPDATE SET status = "
            + "EXCLUDED.status, until_ms = EXCLUDED.until_ms, reason = EXCLUDED.reason, version = "
            + "dragoman_key_state.version + 1 RETURNING version";

    /** A state as read or written, with the row's version; version 0 is no row. */
    private record Versioned(KeyState state, long version) {
    }

    private static final Versioned NO_ROW = new Versioned(KeyState.ACTIVE, 0);

    private final DataSource dataSource;
    private final String instance;
    private final Map<String, ApiKey> byId = new HashMap<>();
    private final Map<ApiKey, String> ids = new HashMap<>();
    private final Map<ApiKey, Versioned> known = new ConcurrentHashMap<>();
    private final AtomicBoolean unreachable = new AtomicBoolean();

    JdbcKeyStates(DataSource dataSource, String instance, List<ApiKey> keys) {
        this.dataSource = dataSource;
        this.instance = instance;
        for (ApiKey key : keys) {
            String id = id(key);
            byId.put(id, key);
            ids.put(key, id);
        }
    }

    @Override
    public KeyState get(ApiKey key) {
        return known.getOrDefault(key, NO_ROW).state();
    }

    @Override
    public boolean replace(ApiKey key, KeyState expected, KeyState next) {
        Versioned current = known.getOrDefault(key, NO_ROW);
        if (!current.state().equals(expected)) {
            return false;
        }
        if (current.version() == 0 && next.equals(KeyState.ACTIVE)) {
            return true;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement write = connection.prepareStatement(current.version() == 0 ? INSERT : UPDATE)) {
            bind(write, key, next);
            if (current.version() > 0) {
                write.setLong(6, current.version());
            }
            boolean written = write.executeUpdate() == 1;
            reachable();
            if (written) {
                known.put(key, new Versioned(stored(next), current.version() + 1));
            } else {
                refresh();
            }
            return written;
        } catch (SQLException e) {
            unreachable(e);
            return known.replace(key, current, new Versioned(stored(next), current.version()));
        }
    }

    @Override
    public void put(ApiKey key, KeyState state) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement write = connection.prepareStatement(UPSERT)) {
            bind(write, key, state);
            try (ResultSet row = write.executeQuery()) {
                row.next();
                known.put(key, new Versioned(stored(state), row.getLong(1)));
            }
            reachable();
        } catch (SQLException e) {
            unreachable(e);
            known.compute(key, (k, before) -> new Versioned(stored(state), before == null ? 0 : before.version()));
        }
    }

    /** Takes up what every process wrote. */
    void refresh() {
        Map<ApiKey, Versioned> read = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(READ)) {
            select.setString(1, instance);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ApiKey key = byId.get(row.getString(1).strip());
                    if (key != null) {
                        long untilMillis = row.getLong(3);
                        Instant until = row.wasNull() ? null : Instant.ofEpochMilli(untilMillis);
                        read.put(key, new Versioned(new KeyState(KeyState.Status.valueOf(row.getString(2)), until,
                                row.getString(4)), row.getLong(5)));
                    }
                }
            }
            reachable();
        } catch (SQLException e) {
            unreachable(e);
            return;
        }
        for (ApiKey key : ids.keySet()) {
            Versioned shared = read.get(key);
            if (shared == null) {
                known.remove(key);
            } else {
                known.put(key, shared);
            }
        }
    }

    /**
     * The state as the table keeps it (its time to the millisecond, its reason cut to the column), so that the state
     * this process wrote equals the one it reads back.
     */
    private static KeyState stored(KeyState state) {
        String reason = state.reason();
        return new KeyState(state.status(), state.until() == null ? null : state.until().truncatedTo(ChronoUnit.MILLIS),
                reason == null || reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH));
    }

    private void bind(PreparedStatement write, ApiKey key, KeyState state) throws SQLException {
        KeyState stored = stored(state);
        write.setString(1, stored.status().name());
        if (stored.until() == null) {
            write.setNull(2, Types.BIGINT);
        } else {
            write.setLong(2, stored.until().toEpochMilli());
        }
        write.setString(3, stored.reason());
        write.setString(4, instance);
        write.setString(5, ids.get(key));
    }

    private void reachable() {
        if (unreachable.compareAndSet(true, false)) {
            LOG.info("The cluster store is back: instance {} shares its keys' states again", instance);
        }
    }

    private void unreachable(SQLException e) {
        if (unreachable.compareAndSet(false, true)) {
            LOG.warn("The cluster store cannot be reached ({}): instance {} goes on with the key states it knows",
                    e.getMessage(), instance);
        }
    }

    static String id(ApiKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.secret().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
