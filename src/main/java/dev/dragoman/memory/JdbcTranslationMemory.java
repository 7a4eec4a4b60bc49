package dev.dragoman.memory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.dragoman.check.Languages;

/**
 * The translation memory in one table of a JDBC database: the embedded H2 file by default, PostgreSQL to share it
 * between processes. The table is made on start-up when it is not there yet, with SQL that both databases read the
 * same way. A provider's translation is only ever added: a second store of the same key, by this process or another at
 * the same moment, meets the primary key and is dropped, so no database's own upsert syntax is needed.
 * <p>
 * A unit imported from a TMX file is a row of model {@code *} and settings {@code tmx}, filed under its target
 * language's {@link Languages#matchKey} and its text alone: a request whose source language is {@code auto} (the
 * default) finds it too, and its source language, kept in the row, is compared after the look-up. The same text
 * imported from two source languages into one target is therefore one row, the later import's: an import updates the
 * rows it finds and adds the others.
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
    private static final String FIND_IMPORTED = "SELECT source_lang, source_text, translation FROM dragoman_memory"
            + " WHERE id = ?";
    private static final String UPDATE_IMPORTED = "UPDATE dragoman_memory"
            + " SET source_lang = ?, target_lang = ?, translation = ?, created_at = CURRENT_TIMESTAMP WHERE id = ?";
    private static final String FORGET_OLD = "DELETE FROM dragoman_memory WHERE created_at < ?";
    /** The newest rows are kept: the ones beyond the cap, oldest first, go (H2 and PostgreSQL alike). */
    private static final String FORGET_BEYOND = "DELETE FROM dragoman_memory WHERE id IN (SELECT id FROM"
            + " dragoman_memory ORDER BY created_at DESC, id DESC OFFSET ? ROWS)";
    private static final String COUNT = "SELECT count(*) FROM dragoman_memory";
    private static final String ROWS = "SELECT id, source_text, translation, model, created_at FROM dragoman_memory"
            + " WHERE source_lang = ? AND target_lang = ?";
    /** The model and settings hash of an imported unit: no instance's, as no real hash is three letters. */
    static final String IMPORTED_MODEL = "*";
    static final String IMPORTED_SETTINGS = "tmx";
    /** Rows an export fetches at a time: PostgreSQL otherwise reads the whole result before the first row. */
    private static final int FETCH_SIZE = 500;
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
    public Optional<String> findImported(String sourceLang, String targetLang, String text) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND_IMPORTED)) {
            find.setString(1, importedId(targetLang, text));
            try (ResultSet row = find.executeQuery()) {
                return row.next() && text.equals(row.getString(2)) && fromSource(row.getString(1), sourceLang)
                        ? Optional.of(row.getString(3)) : Optional.empty();
            }
        } catch (SQLException e) {
            LOG.warn("Translation memory lookup of imported units failed, asking the provider: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** An imported unit's row id: its target language, as a language rather than a spelling, and its text. */
    private static String importedId(String targetLang, String text) {
        return new MemoryKey("", Languages.matchKey(targetLang), IMPORTED_MODEL, IMPORTED_SETTINGS, text).digest();
    }

    /** A request without a source language takes a unit of any; a unit of an undetermined one serves any request. */
    private static boolean fromSource(String unitLang, String requested) {
        return requested == null || requested.isBlank() || requested.strip().equalsIgnoreCase("auto")
                || Languages.UNDETERMINED.equals(unitLang) || Languages.same(unitLang, requested);
    }

    /**
     * Updates the units already there and inserts the others, in one transaction and two batches. Another process
     * importing the same units at the same moment makes an insert fail on the primary key: the transaction is then
     * tried once more, when the rows are there to update.
     */
    @Override
    public void storeImported(List<ImportedUnit> units) throws SQLException {
        // a file may hold one text twice: the later unit wins, as it would in two imports
        Map<String, ImportedUnit> byId = new LinkedHashMap<>();
        units.forEach(unit -> byId.put(importedId(unit.targetLang(), unit.text()), unit));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                storeImported(connection, byId);
            } catch (SQLException e) {
                connection.rollback();
                storeImported(connection, byId);
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void storeImported(Connection connection, Map<String, ImportedUnit> units) throws SQLException {
        List<String> ids = List.copyOf(units.keySet());
        List<String> missing = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(UPDATE_IMPORTED)) {
            for (String id : ids) {
                ImportedUnit unit = units.get(id);
                update.setString(1, unit.sourceLang());
                update.setString(2, unit.targetLang());
                update.setString(3, unit.translation());
                update.setString(4, id);
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            for (int i = 0; i < ids.size(); i++) {
                if (updated[i] == 0) {
                    missing.add(ids.get(i));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(STORE)) {
            for (String id : missing) {
                ImportedUnit unit = units.get(id);
                insert.setString(1, id);
                insert.setString(2, unit.sourceLang());
                insert.setString(3, unit.targetLang());
                insert.setString(4, IMPORTED_MODEL);
                insert.setString(5, IMPORTED_SETTINGS);
                insert.setString(6, unit.text());
                insert.setString(7, unit.translation());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    /**
     * An open cursor over a language pair's rows, holding one pooled connection until it is closed. Read in a
     * transaction of its own, so that PostgreSQL fetches the rows {@link #FETCH_SIZE} at a time.
     */
    @Override
    public MemoryRows rows(String sourceLang, String targetLang) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            PreparedStatement select = connection.prepareStatement(ROWS);
            select.setFetchSize(FETCH_SIZE);
            select.setString(1, sourceLang);
            select.setString(2, targetLang);
            return new Cursor(connection, select, select.executeQuery());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The rows of {@link #rows}; closing it ends the read transaction and gives the connection back. */
    private static final class Cursor implements MemoryRows {

        private final Connection connection;
        private final PreparedStatement select;
        private final ResultSet result;

        Cursor(Connection connection, PreparedStatement select, ResultSet result) {
            this.connection = connection;
            this.select = select;
            this.result = result;
        }

        @Override
        public MemoryRow next() throws SQLException {
            if (!result.next()) {
                return null;
            }
            Timestamp created = result.getTimestamp(5);
            return new MemoryRow(result.getString(1), result.getString(2), result.getString(3), result.getString(4),
                    created == null ? null : created.toInstant());
        }

        @Override
        public void close() throws SQLException {
            try (connection; select) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Override
    public boolean remembers() {
        return true;
    }

    @Override
    public long forget(Instant before, Long maxRows) throws SQLException {
        long gone = 0;
        try (Connection connection = dataSource.getConnection()) {
            if (before != null) {
                try (PreparedStatement old = connection.prepareStatement(FORGET_OLD)) {
                    old.setTimestamp(1, Timestamp.from(before));
                    gone += old.executeUpdate();
                }
            }
            if (maxRows != null) {
                try (PreparedStatement beyond = connection.prepareStatement(FORGET_BEYOND)) {
                    beyond.setLong(1, maxRows);
                    gone += beyond.executeUpdate();
                }
            }
        }
        return gone;
    }

    @Override
    public long rows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(COUNT)) {
            count.next();
            return count.getLong(1);
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
