package dev.dragoman.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeyStates;

/**
 * The store the processes of a group share ({@code dragoman.cluster.store = jdbc}): a PostgreSQL database, usually
 * the one the translation memory is in, reached through a small pool of its own. It makes its table when missing, and
 * reads what the other processes wrote every {@link #REFRESH}, so that a key state one process sets is seen by all
 * within a second.
 */
public final class ClusterStore implements AutoCloseable {

    /** How often the states the other processes wrote are read. */
    static final Duration REFRESH = Duration.ofMillis(500);
    private static final int POOL_SIZE = 2;
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS dragoman_key_state (
              instance VARCHAR(200) NOT NULL,
              key_id CHAR(64) NOT NULL,
              status VARCHAR(16) NOT NULL,
              until_ms BIGINT,
              reason VARCHAR(1000),
              version BIGINT NOT NULL,
              PRIMARY KEY (instance, key_id))""";

    private final HikariDataSource pool;
    private final List<JdbcKeyStates> states = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dragoman-cluster-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private ClusterStore(HikariDataSource pool) {
        this.pool = pool;
        refresher.scheduleWithFixedDelay(() -> states.forEach(JdbcKeyStates::refresh), REFRESH.toMillis(),
                REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens the store at a JDBC address and makes its table; fails at once when the database cannot be reached. */
    public static ClusterStore open(String url, String user, String password) throws SQLException {
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
            createTable(pool);
            return new ClusterStore(pool);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The shared states of one provider instance's keys. */
    public KeyStates keyStates(String instance, List<ApiKey> keys) {
        JdbcKeyStates shared = new JdbcKeyStates(pool, instance, keys);
        shared.refresh();
        states.add(shared);
        return shared;
    }

    private static void createTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try {
                statement.execute(SCHEMA);
            } catch (SQLException e) {
                // two processes starting at once may both make the table, and one of them fails
                try {
                    statement.execute("SELECT 1 FROM dragoman_key_state WHERE 1 = 0");
                } catch (SQLException stillMissing) {
                    e.addSuppressed(stillMissing);
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        pool.close();
    }
}
