package dev.dragoman.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeyRates;
import dev.dragoman.keys.KeySlots;
import dev.dragoman.keys.KeyStates;
import dev.dragoman.keys.KeyStores;
import dev.dragoman.keys.SpendLedger;

/**
 * The store the processes of a group share ({@code dragoman.cluster.store = jdbc}): a PostgreSQL database, usually
 * the one the translation memory is in, reached through a small pool of its own and one connection that listens for
 * the slots the processes give back ({@link FreedSlots}). It makes its tables when missing.
 * Every {@link #REFRESH} each process says it is alive, reads the key states the others wrote (so a state one process
 * sets is seen by all within a second) and renews the leases of its calls in flight; from who was alive it knows its
 * share of the keys' slots, rates and budgets should the database go away.
 */
public final class ClusterStore implements KeyStores, AutoCloseable {

    /** How often the states the other processes wrote are read. */
    static final Duration REFRESH = Duration.ofMillis(500);
    /** The database's time in milliseconds since the epoch: leases and liveness go by one clock. */
    static final String NOW_MS = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    /** A process not heard from for this long is no longer counted in the group. */
    private static final Duration ALIVE = Duration.ofSeconds(3);
    private static final int POOL_SIZE = 4;
    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS dragoman_key_state (
              instance VARCHAR(200) NOT NULL,
              key_id CHAR(64) NOT NULL,
              status VARCHAR(16) NOT NULL,
              until_ms BIGINT,
              reason VARCHAR(1000),
              version BIGINT NOT NULL,
              PRIMARY KEY (instance, key_id))""", """
            CREATE TABLE IF NOT EXISTS dragoman_key_slot (
              instance VARCHAR(200) NOT NULL,
              key_id CHAR(64) NOT NULL,
              slot INT NOT NULL,
              holder VARCHAR(100) NOT NULL,
              expires_ms BIGINT NOT NULL,
              PRIMARY KEY (instance, key_id, slot))""", """
            CREATE TABLE IF NOT EXISTS dragoman_rate_bucket (
              id VARCHAR(300) PRIMARY KEY,
              state BYTEA)""", """
            CREATE TABLE IF NOT EXISTS dragoman_spend (
              instance VARCHAR(200) NOT NULL,
              period VARCHAR(10) NOT NULL,
              tokens BIGINT NOT NULL,
              cost DOUBLE PRECISION NOT NULL,
              PRIMARY KEY (instance, period))""", """
            CREATE TABLE IF NOT EXISTS dragoman_process (
              id VARCHAR(64) PRIMARY KEY,
              seen_ms BIGINT NOT NULL)""");
    private static final String ALIVE_NOW = "INSERT INTO dragoman_process (id, seen_ms) VALUES (?, " + NOW_MS
            + ") ON CONFLICT (id) DO UPDATE SET seen_ms = EXCLUDED.seen_ms";
    private static final String LIVE = "SELECT id FROM dragoman_process WHERE seen_ms >= " + NOW_MS + " - ? ORDER BY id";
    private static final String FORGET = "DELETE FROM dragoman_process WHERE seen_ms < " + NOW_MS + " - 60000";

    private final HikariDataSource pool;
    private final Duration lease;
    private final FreedSlots freed;
    /** This process in the group: random, so that a restarted process is a new one. */
    private final String process = UUID.randomUUID().toString();
    private final List<JdbcKeyStates> states = new CopyOnWriteArrayList<>();
    private final List<JdbcKeySlots> slots = new CopyOnWriteArrayList<>();
    private final List<JdbcSpendLedger> ledgers = new CopyOnWriteArrayList<>();
    /** The live processes as last seen, and this one's place among them (by id). */
    private volatile int live = 1;
    private volatile int rank;
    /** Whether the database answered last time; while not, the processes keep to their shares. */
    private volatile boolean reachable = true;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dragoman-cluster-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private ClusterStore(HikariDataSource pool, Duration lease, FreedSlots freed) {
        this.pool = pool;
        this.lease = lease;
        this.freed = freed;
        alive();
        refresher.scheduleWithFixedDelay(() -> {
            alive();
            states.forEach(JdbcKeyStates::refresh);
            slots.forEach(JdbcKeySlots::renew);
            ledgers.forEach(JdbcSpendLedger::refresh);
        }, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the store at a JDBC address and makes its tables; fails at once when the database cannot be reached.
     *
     * @param lease how long a call's slot stays taken when its process stops renewing it (killed)
     */
    public static ClusterStore open(String url, String user, String password, Duration lease) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dragoman-cluster");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        // a store that is down must not hold a call up: the process goes on with what it knows
        config.setConnectionTimeout(2_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            createTables(pool);
            return new ClusterStore(pool, lease, new FreedSlots(() -> DriverManager.getConnection(url, user,
                    password)));
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public KeyStates states(String instance, List<ApiKey> keys) {
        JdbcKeyStates shared = new JdbcKeyStates(pool, instance, keys);
        shared.refresh();
        states.add(shared);
        return shared;
    }

    @Override
    public KeySlots slots(String instance, List<ApiKey> keys, int concurrency) {
        JdbcKeySlots shared = new JdbcKeySlots(pool, instance, keys, concurrency, lease, process, this::share,
                freed);
        slots.add(shared);
        return shared;
    }

    @Override
    public KeyRates rates(String instance, List<ApiKey> keys, Integer rpm, Integer tpm) {
        return rpm == null && tpm == null ? KeyRates.unlimited()
                : new JdbcKeyRates(pool, this, instance, keys, rpm, tpm);
    }

    @Override
    public SpendLedger ledger(String instance) {
        JdbcSpendLedger shared = new JdbcSpendLedger(pool, this, instance, Clock.systemUTC());
        shared.refresh();
        ledgers.add(shared);
        return shared;
    }

    @Override
    public Sharing sharing() {
        return new Sharing("jdbc", reachable, live);
    }

    /** Whether the database answered the last time this process asked it anything. */
    boolean reachable() {
        return reachable;
    }

    /** The database did not answer: the processes keep to their shares until it does again. */
    void lost() {
        reachable = false;
    }

    /**
     * The database answered: the processes share again. Said by every answer, not only the refresh's, because a
     * refresh whose connection waited out the outage fails after the database is back, and until the next one the
     * process would keep to its share of what it could have shared.
     */
    void answered() {
        if (!reachable) {
            reachable = true;
        }
    }

    /** The live processes of the group, as last seen. */
    int live() {
        return live;
    }

    /** This process's part of a key's slots among the live processes: together they hold no more than it has. */
    private int share(int concurrency) {
        int processes = Math.max(1, live);
        return concurrency / processes + (rank < concurrency % processes ? 1 : 0);
    }

    /** Says this process is alive, and counts the live ones. */
    private void alive() {
        try (Connection connection = pool.getConnection();
                PreparedStatement alive = connection.prepareStatement(ALIVE_NOW);
                PreparedStatement list = connection.prepareStatement(LIVE);
                PreparedStatement forget = connection.prepareStatement(FORGET)) {
            alive.setString(1, process);
            alive.executeUpdate();
            list.setLong(1, ALIVE.toMillis());
            List<String> ids = new ArrayList<>();
            try (ResultSet row = list.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
            rank = Math.max(0, ids.indexOf(process));
            live = Math.max(1, ids.size());
            forget.executeUpdate();
            reachable = true;
        } catch (SQLException e) {
            reachable = false;
            // the slots and states say so, once each; the group as last seen stands
        }
    }

    private static void createTables(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : SCHEMA) {
                try {
                    statement.execute(table);
                } catch (SQLException e) {
                    // two processes starting at once may both make a table, and one of them fails
                    String name = table.substring(table.indexOf("EXISTS") + 7, table.indexOf('(')).strip();
                    try {
                        statement.execute("SELECT 1 FROM " + name + " WHERE 1 = 0");
                    } catch (SQLException stillMissing) {
                        e.addSuppressed(stillMissing);
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        freed.close();
        pool.close();
    }
}
