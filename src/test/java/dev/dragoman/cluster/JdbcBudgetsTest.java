package dev.dragoman.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.InstanceBudget;
import dev.dragoman.keys.KeyRates;
import dev.dragoman.keys.RateLimit;
import dev.dragoman.keys.SpendLedger;
import dev.dragoman.keys.SpendLimits;
import dev.dragoman.support.LocalPostgres;

/** Two stores on one PostgreSQL stand for two processes sharing one key's rpm and tpm, and one instance's budget. */
@Tag("postgres")
class JdbcBudgetsTest {

    private static final ApiKey KEY = new ApiKey("sk-budgeted-key-00000001");
    private static final String TODAY = SpendLimits.Period.DAY.at(Clock.systemUTC().instant());

    @RegisterExtension
    static LocalPostgres postgres = new LocalPostgres();

    private static ClusterStore store() throws Exception {
        return ClusterStore.open(postgres.url(), postgres.user(), "", Duration.ofSeconds(30));
    }

    @Test
    void two_processes_take_from_one_bucket_per_key_and_limit() throws Exception {
        try (ClusterStore first = store(); ClusterStore second = store()) {
            KeyRates mine = first.rates("rated", List.of(KEY), 60, 1_000);
            KeyRates theirs = second.rates("rated", List.of(KEY), 60, 1_000);

            // a tpm of 1,000 holds 100 at once; the call used 10
            mine.tryReserve(KEY, 100).orElseThrow().settle(10);

            assertThat(theirs.tryReserve(KEY, 1)).as("the rpm's one at once, taken by the other")
                    .isEmpty();
            assertThat(theirs.remaining(KEY, RateLimit.Kind.TPM).getAsLong()).as("the tokens the other gave back")
                    .isBetween(89L, 91L);
            ScheduledExecutorService waits = Executors.newSingleThreadScheduledExecutor();
            try {
                assertThat(theirs.reserve(KEY, 1, Duration.ofSeconds(5), waits)).as("a second later")
                        .succeedsWithin(Duration.ofSeconds(10)).satisfies(taken -> assertThat(taken).isPresent());
            } finally {
                waits.shutdownNow();
            }
        }
    }

    @Test
    void what_one_process_spends_closes_the_instance_for_the_other() throws Exception {
        try (ClusterStore first = store(); ClusterStore second = store()) {
            SpendLedger mine = first.ledger("spending");
            InstanceBudget theirs = new InstanceBudget("spending", new SpendLimits(0.005, SpendLimits.Period.DAY,
                    null), 1.0, 1.0, second.ledger("spending"), Clock.systemUTC());

            mine.add(TODAY, new SpendLedger.Spent(6_000, 0.006));

            await().atMost(Duration.ofSeconds(2)).until(() -> theirs.closed().isPresent());
            assertThat(theirs.spend()).isEqualTo(0.006, within(1e-9));
        }
    }

    @Test
    void spending_while_the_store_is_away_keeps_to_a_share_and_is_added_when_it_is_back() throws Exception {
        try (ClusterStore first = store(); ClusterStore second = store()) {
            SpendLedger mine = first.ledger("away");
            SpendLedger theirs = second.ledger("away");
            mine.add(TODAY, new SpendLedger.Spent(1_000, 0.001));
            // the other, and those of the tests before until they are 3 s gone
            await().atMost(Duration.ofSeconds(2)).until(() -> first.live() >= 2);

            postgres.stop();
            try {
                mine.add(TODAY, new SpendLedger.Spent(2_000, 0.002));
                assertThat(mine.unshared(TODAY).tokens()).isEqualTo(2_000);
                assertThat(mine.sharers()).as("the processes last seen share what is left").isGreaterThanOrEqualTo(2);
                assertThat(mine.total(TODAY).tokens()).isEqualTo(3_000);
            } finally {
                postgres.start();
            }

            // both sides: the refresh that adds it may be between its write and its bookkeeping on a busy machine
            await().atMost(Duration.ofSeconds(15)).until(() -> theirs.total(TODAY).tokens() == 3_000
                    && mine.unshared(TODAY).tokens() == 0);
            assertThat(mine.sharers()).isEqualTo(1);
        }
    }

    @Test
    void spending_written_after_a_failed_refresh_shares_the_budget_again_at_once() throws Exception {
        try (ClusterStore first = store(); ClusterStore second = store()) {
            SpendLedger mine = first.ledger("answered");
            await().atMost(Duration.ofSeconds(2)).until(() -> first.live() >= 2);
            // as a refresh whose connection waited out an outage and failed after the database was back
            first.lost();

            mine.add(TODAY, new SpendLedger.Spent(1_000, 0.001));

            assertThat(mine.unshared(TODAY).tokens()).isZero();
            assertThat(mine.sharers()).as("the database answered the spending").isEqualTo(1);
        }
    }
}
