package dev.dragoman.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeySlots;
import dev.dragoman.support.LocalPostgres;

/** Two stores on one PostgreSQL stand for two processes drawing from one key's slots. */
@Tag("postgres")
class JdbcKeySlotsTest {

    private static final ApiKey KEY = new ApiKey("sk-slotted-key-000000001");

    @RegisterExtension
    static LocalPostgres postgres = new LocalPostgres();

    private static ClusterStore store(Duration lease) throws Exception {
        return ClusterStore.open(postgres.url(), postgres.user(), "", lease);
    }

    @Test
    void the_group_holds_no_more_calls_on_a_key_than_its_concurrency() throws Exception {
        try (ClusterStore first = store(Duration.ofSeconds(30)); ClusterStore second = store(Duration.ofSeconds(30))) {
            KeySlots mine = first.slots("limits", List.of(KEY), 2);
            KeySlots theirs = second.slots("limits", List.of(KEY), 2);

            Optional<KeySlots.Slot> one = mine.take(KEY);
            Optional<KeySlots.Slot> two = theirs.take(KEY);
            Optional<KeySlots.Slot> three = theirs.take(KEY);

            assertThat(one).isPresent();
            assertThat(two).isPresent();
            assertThat(three).as("a third call while two are out").isEmpty();
            one.get().release();
            assertThat(theirs.take(KEY)).as("the slot the other process gave back").isPresent();
        }
    }

    @Test
    void a_slot_given_back_is_told_to_the_other_process_s_waiting_texts_also_after_the_store_restarts()
            throws Exception {
        try (ClusterStore first = store(Duration.ofSeconds(30)); ClusterStore second = store(Duration.ofSeconds(30))) {
            KeySlots mine = first.slots("told", List.of(KEY), 1);
            KeySlots theirs = second.slots("told", List.of(KEY), 1);

            assertToldOfTheSlotGivenBack(mine, theirs);

            postgres.stop();
            try {
                assertThat(theirs.whenFreed(KEY, () -> { })).as("told while the store is away").isEmpty();
            } finally {
                postgres.start();
            }
            await("the store back").atMost(Duration.ofSeconds(10)).until(() -> first.reachable() && second.reachable());
            assertToldOfTheSlotGivenBack(mine, theirs);
        }
    }

    @Test
    void a_waiting_text_that_cannot_be_woken_leaves_the_others_and_the_listening_going() throws Exception {
        try (FreedSlots freed = new FreedSlots(
                () -> DriverManager.getConnection(postgres.url(), postgres.user(), ""))) {
            CountDownLatch told = new CountDownLatch(2);
            await("listening").atMost(Duration.ofSeconds(10)).until(() -> freed.whenFreed("stopping/key", () -> {
                throw new RejectedExecutionException("its executor is stopping");
            }).isPresent());
            freed.whenFreed("stopping/key", told::countDown);

            giveBack("stopping/key");
            await("the other text woken").atMost(Duration.ofSeconds(10)).until(() -> told.getCount() == 1);
            freed.whenFreed("stopping/key", told::countDown);
            giveBack("stopping/key");

            assertThat(told.await(10, TimeUnit.SECONDS)).as("told again: still listening").isTrue();
        }
    }

    /** What a process that gives back a slot tells the group. */
    private static void giveBack(String payload) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.user(), "");
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, FreedSlots.CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    /** While {@code mine} holds the key's one slot, {@code theirs} asks to be told; mine gives it back. */
    private static void assertToldOfTheSlotGivenBack(KeySlots mine, KeySlots theirs) throws Exception {
        KeySlots.Slot held = await("the slot").atMost(Duration.ofSeconds(10)).until(() -> mine.take(KEY),
                Optional::isPresent).get();
        assertThat(theirs.take(KEY)).as("the slot the other process holds").isEmpty();
        CountDownLatch told = new CountDownLatch(1);
        // the store listens a moment after it opens, or after the database is back
        await("the store listening").atMost(Duration.ofSeconds(10))
                .until(() -> theirs.whenFreed(KEY, told::countDown).isPresent());

        held.release();

        assertThat(told.await(10, TimeUnit.SECONDS)).as("told that the slot was given back").isTrue();
        assertThat(theirs.take(KEY)).as("the slot given back").hasValueSatisfying(KeySlots.Slot::release);
    }

    @Test
    void a_process_that_stops_renewing_gives_its_slots_back_after_the_lease() throws Exception {
        Duration lease = Duration.ofSeconds(2);
        try (ClusterStore survivor = store(lease)) {
            KeySlots theirs = survivor.slots("leases", List.of(KEY), 2);
            ClusterStore killed = store(lease);
            KeySlots mine = killed.slots("leases", List.of(KEY), 2);
            assertThat(mine.take(KEY)).isPresent();
            assertThat(mine.take(KEY)).isPresent();
            // no release and no more renewals, as after kill -9
            killed.close();
            assertThat(theirs.take(KEY)).as("the dead process's slots, before its lease ran out").isEmpty();

            await("a slot once the dead process's lease ran out").atMost(lease.plusSeconds(2))
                    .pollInterval(Duration.ofMillis(25)).until(() -> theirs.take(KEY).isPresent());
        }
    }

    @Test
    void calls_in_flight_keep_their_slots_past_the_lease() throws Exception {
        Duration lease = Duration.ofSeconds(1);
        try (ClusterStore first = store(lease); ClusterStore second = store(lease)) {
            KeySlots mine = first.slots("renewals", List.of(KEY), 1);
            KeySlots theirs = second.slots("renewals", List.of(KEY), 1);
            assertThat(mine.take(KEY)).isPresent();

            await("a slot renewed by its live process").during(lease.multipliedBy(3))
                    .atMost(lease.multipliedBy(4)).pollInterval(Duration.ofMillis(25))
                    .until(() -> theirs.take(KEY).isEmpty());
        }
    }
}
