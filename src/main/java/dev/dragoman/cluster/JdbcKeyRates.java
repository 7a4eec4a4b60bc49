package dev.dragoman.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeyBuckets;
import dev.dragoman.keys.KeyRates;
import dev.dragoman.keys.RateLimit;

/**
 * The per-minute limits of one instance's keys in buckets the group shares: Bucket4j's PostgreSQL proxy manager
 * (https://bucket4j.com/8.14.0/toc.html#postgresql-integration) keeps each bucket's state in a row that a call locks
 * for the moment it takes its tokens. A bucket's row is named by the instance, the limit and the key's hash, so that
 * processes configured with another limit keep their own bucket rather than fight over one.
 * <p>
 * While the database cannot be reached, the process takes from buckets of its own holding its share of each limit
 * among the processes it last saw, so the group never goes over the limit: N processes, a limit over N each.
 * Bucket4j times refills by the processes' own clocks: keep them synchronised (NTP).
 */
final class JdbcKeyRates implements KeyRates {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcKeyRates.class);

    private final String instance;
    private final KeyBuckets shared;
    private final ClusterStore store;
    /** This process's shares, by the number of processes they were cut for. */
    private final Map<Integer, KeyRates> shares = new ConcurrentHashMap<>();
    private final AtomicBoolean unreachable = new AtomicBoolean();

    JdbcKeyRates(DataSource dataSource, ClusterStore store, String instance, List<ApiKey> keys, Integer rpm,
            Integer tpm) {
        this.instance = instance;
        this.store = store;
        ProxyManager<String> buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("dragoman_rate_bucket")
                .idColumn("id")
                .stateColumn("state")
                .build();
        Map<ApiKey, String> ids = new ConcurrentHashMap<>();
        keys.forEach(key -> ids.put(key, JdbcKeyStates.id(key)));
        this.shared = new KeyBuckets(rpm, tpm, (key, limit) -> buckets.builder()
                .build(instance + "/" + limit.kind().label() + "-" + limit.perMinute() + "/" + ids.get(key),
                        limit::bucket));
    }

    @Override
    public CompletableFuture<Optional<Reservation>> reserve(ApiKey key, long tokens, Duration wait,
            ScheduledExecutorService waits) {
        if (!store.reachable()) {
            return share().reserve(key, tokens, wait, waits);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        CompletableFuture<Optional<Reservation>> reserved;
        try {
            reserved = shared.reserve(key, tokens, wait, waits);
        } catch (RuntimeException e) {
            reserved = CompletableFuture.failedFuture(e);
        }
        return reserved.<Optional<Reservation>>thenApply(reservation -> {
            reachable();
            return reservation.map(taken -> used -> settle(taken, used));
        }).exceptionallyCompose(failure -> {
            unreachable(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
            return share().reserve(key, tokens, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), waits);
        });
    }

    private void settle(Reservation taken, long used) {
        try {
            taken.settle(used);
        } catch (RuntimeException e) {
            // what the estimate was off by is lost with the store; the estimate stands
            unreachable(e);
        }
    }

    @Override
    public List<RateLimit> limits() {
        return shared.limits();
    }

    @Override
    public OptionalLong remaining(ApiKey key, RateLimit.Kind kind) {
        if (store.reachable()) {
            try {
                return shared.remaining(key, kind);
            } catch (RuntimeException e) {
                unreachable(e);
            }
        }
        return share().remaining(key, kind);
    }

    /** The limits as this process's share while the store is away. */
    private KeyRates share() {
        return shares.computeIfAbsent(store.live(), shared::share);
    }

    private void reachable() {
        store.answered();
        if (unreachable.compareAndSet(true, false)) {
            shares.clear();
            LOG.info("The cluster store is back: instance {} shares its keys' {} with the group again", instance,
                    shared.limits());
        }
    }

    private void unreachable(Throwable e) {
        store.lost();
        if (unreachable.compareAndSet(false, true)) {
            LOG.warn("The cluster store cannot be reached ({}): instance {} takes only its share of each key's {},"
                    + " one of {} processes, until it is back", e.getMessage(), instance, shared.limits(),
                    store.live());
        }
    }
}
