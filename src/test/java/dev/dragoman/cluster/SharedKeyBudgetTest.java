package dev.dragoman.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.LocalPostgres;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.ServedCalls;
import dev.dragoman.support.StubServers;

/**
 * Three Dragoman processes share one key of {@code concurrency = 2} and {@code rpm = 60} through one PostgreSQL; the
 * stand-in answers each call after 300 ms and records when it came. Each process alone would allow the key two calls
 * at once and 60 a minute, six and 180 for the group. In turn: the group under load keeps to the key's limits; a
 * process holding both slots is killed and the others get them within the lease; the database stops and the two
 * left keep to their shares, then share again once it is back.
 */
@Tag("postgres")
class SharedKeyBudgetTest {

    private static final int CONCURRENCY = 2;
    private static final int RPM = 60;
    private static final Duration LEASE = Duration.ofSeconds(5);
    /** As many texts at once as each process takes in for one key of concurrency 2 (dragoman.http.max-in-flight). */
    private static final int CLIENTS_PER_PROCESS = 2;

    @RegisterExtension
    static LocalPostgres postgres = new LocalPostgres();

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @TempDir
    Path dir;

    @Test
    void the_group_keeps_to_the_key_s_budget_through_a_killed_process_and_a_stopped_store() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(300)));
        // a text that keeps its call out, so that its process holds the slot
        provider.stubFor(post(OpenAiStub.PATH).withRequestBody(containing("Hold"))
                .willReturn(OpenAiStub.echo().withFixedDelay(120_000)));
        try (Group group = Group.start("budget", List.of("a", "b", "c"), postgres, dir, Map.of(
                "dragoman.provider.stub.url", provider.baseUrl(),
                "dragoman.provider.stub.keys", "sk-shared-budget-key-000001",
                "dragoman.provider.stub.model", "stub-model",
                "dragoman.provider.stub.concurrency", String.valueOf(CONCURRENCY),
                "dragoman.provider.stub.rpm", String.valueOf(RPM),
                "dragoman.provider.stub.batch-lines", "1",
                "dragoman.cluster.lease", LEASE.toSeconds() + "s"))) {
            theGroupKeepsToTheKeysLimits(group);
            aKilledProcessGivesItsSlotsBackWithinTheLease(group);
            theProcessesKeepToTheirSharesWhileTheStoreIsAway(group);
        }
    }

    private static void theGroupKeepsToTheKeysLimits(Group group) throws Exception {
        provider.resetRequests();
        Instant start = Instant.now();
        List<Integer> statuses = group.translateUntil(start.plusSeconds(20), CLIENTS_PER_PROCESS);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000d;

        List<ServeEvent> calls = provider.getAllServeEvents();
        assertThat(statuses).as("every text is translated").hasSizeGreaterThan(10).containsOnly(200);
        assertThat(ServedCalls.mostAtOnce(calls)).as("the key's calls at once, over the group")
                .isBetween(1, CONCURRENCY);
        assertThat(ServedCalls.mostInAMinute(calls)).as("the key's calls in any minute").isLessThanOrEqualTo(RPM);
        // one at once, then 59 a minute for the group: each process on its own would send three times as many
        assertThat(calls.size()).as("the key's calls in %.0f s", seconds)
                .isLessThanOrEqualTo(2 + (int) (seconds * (RPM - 1) / 60));
    }

    private static void aKilledProcessGivesItsSlotsBackWithinTheLease(Group group) throws Exception {
        ExecutorService clients = Executors.newCachedThreadPool();
        try {
            for (int i = 0; i < CONCURRENCY; i++) {
                int text = i;
                clients.submit(() -> group.client(0).postJson("/translate", "{\"text\":\"Hold " + text + "\"}"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> slotsHeld() == CONCURRENCY);
            JsonNode stub = group.client(1).get("/providers").json().get(0);
            assertThat(stub.at("/keys/0/slots_held").asInt()).as("b sees a's slots").isEqualTo(CONCURRENCY);
            assertThat(stub.at("/keys/0/limits/rpm/limit").asInt()).isEqualTo(RPM);
            assertThat(stub.at("/group/processes").asInt()).isEqualTo(3);
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> status(group.client(1), "Quick"),
                    clients);

            Instant killed = Instant.now();
            group.kill(0);

            assertThat(waiting.get()).as("b's text, once a's slots are free").isEqualTo(200);
            // the lease, and a margin for two busy cores
            assertThat(Duration.between(killed, Instant.now())).isLessThan(LEASE.plusSeconds(4));
        } finally {
            clients.shutdownNow();
        }
    }

    private static void theProcessesKeepToTheirSharesWhileTheStoreIsAway(Group group) throws Exception {
        provider.resetRequests();
        postgres.stop();
        try {
            List<Integer> statuses = group.translateUntil(Instant.now().plusSeconds(15), CLIENTS_PER_PROCESS);

            List<ServeEvent> calls = provider.getAllServeEvents().stream()
                    .filter(call -> !call.getRequest().getBodyAsString().contains("Hold")).toList();
            assertThat(statuses).as("every text is translated without the store").hasSizeGreaterThan(5)
                    .containsOnly(200);
            // b and c saw two live processes: a slot and 30 a minute each
            assertThat(ServedCalls.mostAtOnce(calls)).as("calls at once without the store").isBetween(1, CONCURRENCY);
            assertThat(ServedCalls.mostInAMinute(calls)).as("calls in any minute without the store")
                    .isLessThanOrEqualTo(RPM);
            assertThat(group.client(1).get("/providers").json().at("/0/group/reachable").asBoolean()).isFalse();
            assertThat(group.client(2).get("/observe/health/ready?exposureLevel=full&data=true").body())
                    .contains("jdbc unreachable: this process keeps to its share, one of 2");
        } finally {
            postgres.start();
        }
        for (int process : List.of(1, 2)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(group.process(process).log())
                    .contains("The cluster store is back"));
        }
        assertThat(status(group.client(1), "Back")).as("a text once the store is back").isEqualTo(200);
    }

    private static int status(HttpClientSupport client, String text) {
        try {
            return client.postJson("/translate", "{\"text\":\"" + text + "\"}").status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The slots whose lease has not run out, in the store. */
    private static int slotsHeld() throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.user(), "");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM dragoman_key_slot WHERE expires_ms > "
                        + ClusterStore.NOW_MS)) {
            count.next();
            return count.getInt(1);
        }
    }
}
