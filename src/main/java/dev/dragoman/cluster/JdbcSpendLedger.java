package dev.dragoman.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.dragoman.keys.SpendLedger;
import dev.dragoman.keys.SpendLimits;

/**
 * One instance's spending per period in the shared table, a row per period that every process adds its calls to. A
 * process reads the group's totals with each call it adds and every {@link ClusterStore#REFRESH}; what it spends while
 * the database is away it keeps, and adds when the database is back.
 */
final class JdbcSpendLedger implements SpendLedger {

    private static final String ADD = "INSERT INTO dragoman_spend (instance, period, tokens, cost) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (instance, period) DO UPDATE SET tokens = dragoman_spend.tokens + EXCLUDED.tokens,"
            + " cost = dragoman_spend.cost + EXCLUDED.cost RETURNING tokens, cost";
    private static final String READ = "SELECT period, tokens, cost FROM dragoman_spend WHERE instance = ? AND period"
            + " IN (?, ?)";

    private final DataSource dataSource;
    private final ClusterStore store;
    private final String instance;
    private final Clock clock;
    /** The group's totals as last read, by period. */
    private final Map<String, Spent> seen = new ConcurrentHashMap<>();
    /** This process's spending the table does not have yet, by period. */
    private final Map<String, Spent> unshared = new ConcurrentHashMap<>();

    JdbcSpendLedger(DataSource dataSource, ClusterStore store, String instance, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.instance = instance;
        this.clock = clock;
    }

    @Override
    public void add(String period, Spent spent) {
        try {
            seen.put(period, write(period, spent));
        } catch (SQLException e) {
            store.lost();
            unshared.merge(period, spent, Spent::plus);
        }
    }

    @Override
    public Spent total(String period) {
        return seen.getOrDefault(period, Spent.NONE).plus(unshared(period));
    }

    @Override
    public Spent unshared(String period) {
        return unshared.getOrDefault(period, Spent.NONE);
    }

    @Override
    public int sharers() {
        return store.reachable() ? 1 : store.live();
    }

    /** Adds what the table lacks, then reads the group's totals for today and this month. */
    void refresh() {
        try {
            for (Map.Entry<String, Spent> period : unshared.entrySet()) {
                Spent written = period.getValue();
                write(period.getKey(), written);
                // what was spent meanwhile stays for the next time
                unshared.computeIfPresent(period.getKey(), (name, now) -> now.equals(written) ? null
                        : now.minus(written));
            }
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement read = connection.prepareStatement(READ)) {
                read.setString(1, instance);
                read.setString(2, SpendLimits.Period.DAY.at(clock.instant()));
                read.setString(3, SpendLimits.Period.MONTH.at(clock.instant()));
                Map<String, Spent> now = new ConcurrentHashMap<>();
                try (ResultSet row = read.executeQuery()) {
                    while (row.next()) {
                        now.put(row.getString(1), new Spent(row.getLong(2), row.getDouble(3)));
                    }
                }
                // a period that turned is gone from here too
                seen.keySet().retainAll(now.keySet());
                seen.putAll(now);
            }
            store.answered();
        } catch (SQLException e) {
            store.lost();
        }
    }

    private Spent write(String period, Spent spent) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setString(1, instance);
            add.setString(2, period);
            add.setLong(3, spent.tokens());
            add.setDouble(4, spent.cost());
            try (ResultSet row = add.executeQuery()) {
                row.next();
                store.answered();
                return new Spent(row.getLong(1), row.getDouble(2));
            }
        }
    }
}
