package dev.dragoman.memory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The translation memory in one table of a JDBC database: the embedded H2 file by default, PostgreSQL to share it
 * between processes. The table is made on start-up when it is not there yet, with SQL that both databases read the
 * same way. A row is only ever added: a second store of the same key, by this process or another at the same moment,
 * meets the primary key and is dropped, so no database's own upsert syntax is needed.
 */
public final class JdbcTranslationMemory implements TranslationMemory {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTranslationMemory.class);

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS dragoman_memory (
                id CHAR(64) NOT NULL PRIMARY KEY,
                source_lang VARCHAR NOT NULL,
                target_lang VARCHAR NOT NULL,
                model VARCHAR NOT NULL,
                settings_hash CHAR(64) NOT NULL,
                source_text VARCHAR NOT NULL,
                translation VARCHAR NOT NULL,
                created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
            )""";
    private static final String FIND = "SELECT source_text, translation FROM dragoman_memory WHERE id = ?";
    private static final String STORE = "INSERT INTO dragoman_memory"
            + " (id, source_lang, target_lang, model, settings_hash, source_text, translation)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    /** SQLSTATE of a unique constraint violation, the same in H2 and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";
    /** Lookups and stores are short; a few connections serve every instance's lanes. */
    private static final int POOL_SIZE = 8;

    private final DataSource dataSource;

    public JdbcTranslationMemory(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        createTable();
    }

    /** A pooled memory at a JDBC address; fails at once when the database cannot be reached. */
    public static JdbcTranslationMemory open(String url, String user, String password) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dragoman-memory");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        // a memory that is down must not hold a translation up for long: the text goes to the provider instead
        config.setConnectionTimeout(5_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new JdbcTranslationMemory(pool);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private void createTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try {
                statement.execute(SCHEMA);
            } catch (SQLException e) {
                // PostgreSQL: two processes starting at once may both try to make the table, and one of them fails
                try {
                    statement.execute("SELECT 1 FROM dragoman_memory WHERE 1 = 0");
                } catch (SQLException stillMissing) {
                    e.addSuppressed(stillMissing);
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<String> find(MemoryKey key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, key.digest());
            try (ResultSet row = find.executeQuery()) {
                return row.next() && key.text().equals(row.getString(1)) ? Optional.of(row.getString(2))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            LOG.warn("Translation memory lookup failed, asking the provider: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void store(MemoryKey key, String translation) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement store = connection.prepareStatement(STORE)) {
            store.setString(1, key.digest());
            store.setString(2, key.sourceLang());
            store.setString(3, key.targetLang());
            store.setString(4, key.model());
            store.setString(5, key.settingsHash());
            store.setString(6, key.text());
            store.setString(7, translation);
            store.executeUpdate();
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                LOG.warn("Translation memory could not store a translation: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Translation memory did not close cleanly: {}", e.getMessage());
            }
        }
    }
}
