package dev.dragoman.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeyPool;
import dev.dragoman.keys.KeyRules;
import dev.dragoman.keys.KeyRates;
import dev.dragoman.keys.KeySlots;
import dev.dragoman.keys.KeyState;
import dev.dragoman.support.LocalPostgres;

/** Two stores on one PostgreSQL stand for two processes: what one sets, the other reads; of two probers one wins. */
@Tag("postgres")
class JdbcKeyStatesTest {

    private static final KeyRules RULES = new KeyRules(Duration.ofSeconds(60), Duration.ofSeconds(5),
            Duration.ofMillis(500), Duration.ofMinutes(10), Duration.ofHours(1));
    private static final ApiKey KEY = new ApiKey("sk-shared-key-0000000001");
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @RegisterExtension
    static LocalPostgres postgres = new LocalPostgres();

    private static ClusterStore store() throws Exception {
        return ClusterStore.open(postgres.url(), postgres.user(), "", Duration.ofSeconds(30));
    }

    private static JdbcKeyStates states(ClusterStore store, String instance) {
        return (JdbcKeyStates) store.states(instance, List.of(KEY));
    }

    @Test
    void a_state_one_process_sets_is_read_by_the_other_and_the_secret_is_not_stored() throws Exception {
        try (ClusterStore first = store(); ClusterStore second = store()) {
            JdbcKeyStates mine = states(first, "reads");
            JdbcKeyStates theirs = states(second, "reads");
            Instant until = Instant.parse("2030-01-01T00:00:00Z");

            mine.put(KEY, new KeyState(KeyState.Status.REJECTED, until, "401 invalid_api_key"));
            theirs.refresh();

            assertThat(theirs.get(KEY)).isEqualTo(new KeyState(KeyState.Status.REJECTED, until, "401 invalid_api_key"));
            try (var connection = java.sql.DriverManager.getConnection(postgres.url(), postgres.user(), "");
                    var rows = connection.createStatement().executeQuery("SELECT * FROM dragoman_key_state")) {
                while (rows.next()) {
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        assertThat(rows.getString(column)).doesNotContain(KEY.secret());
                    }
                }
            }
        }
    }

    /** A pool on these states, at {@link #NOW}. */
    private static KeyPool pool(JdbcKeyStates states) {
        return new KeyPool(List.of(KEY), states, KeySlots.inProcess(), KeyRates.unlimited(), RULES, CLOCK);
    }

    /** Rejected, its re-probe due a second ago. */
    private static void dueForProbe(JdbcKeyStates states) {
        states.put(KEY, new KeyState(KeyState.Status.REJECTED, NOW.minusSeconds(1), "401"));
    }

    @Test
    void of_two_processes_due_to_probe_a_rejected_key_exactly_one_does() throws Exception {
        try (ClusterStore first = store(); ClusterStore second = store()) {
            JdbcKeyStates mine = states(first, "probes");
            JdbcKeyStates theirs = states(second, "probes");
            dueForProbe(mine);
            theirs.refresh();
            KeyPool one = pool(mine);
            KeyPool other = pool(theirs);

            boolean oneProbes = one.claim(KEY);
            boolean otherProbes = other.claim(KEY);

            assertThat(List.of(oneProbes, otherProbes)).containsExactlyInAnyOrder(true, false);
            theirs.refresh();
            assertThat(theirs.get(KEY).status()).isEqualTo(KeyState.Status.PROBING);
        }
    }

    @Test
    void a_probe_that_brings_the_key_back_puts_it_in_rotation_for_both() throws Exception {
        try (ClusterStore first = store(); ClusterStore second = store()) {
            JdbcKeyStates mine = states(first, "back");
            JdbcKeyStates theirs = states(second, "back");
            KeyPool one = pool(mine);
            dueForProbe(mine);

            assertThat(one.claim(KEY)).isTrue();
            assertThat(one.succeeded(KEY)).isTrue();
            theirs.refresh();

            assertThat(theirs.get(KEY)).isEqualTo(KeyState.ACTIVE);
        }
    }
}
