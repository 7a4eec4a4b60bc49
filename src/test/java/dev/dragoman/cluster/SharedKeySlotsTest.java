package dev.dragoman.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.dragoman.support.LocalPostgres;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

/**
 * Three Dragoman processes share one key of {@code concurrency = 2} through one PostgreSQL: under load from all
 * three, the stand-in (answering each call after 300 ms) never has more than two of the key's calls at once, and
 * every text is translated. Each process alone would allow the key two, six for the group.
 */
@Tag("postgres")
class SharedKeySlotsTest {

    private static final int CONCURRENCY = 2;
    /** As many texts at once as each process takes in for one key of concurrency 2 (dragoman.http.max-in-flight). */
    private static final int CLIENTS_PER_PROCESS = 2;

    @RegisterExtension
    static LocalPostgres postgres = new LocalPostgres();

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @TempDir
    Path dir;

    @Test
    void the_group_never_has_more_calls_on_a_key_than_its_concurrency() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(300)));
        try (Group group = Group.start("slots", List.of("a", "b", "c"), postgres, dir, Map.of(
                "dragoman.provider.stub.url", provider.baseUrl(),
                "dragoman.provider.stub.keys", "sk-shared-slots-key-0000001",
                "dragoman.provider.stub.model", "stub-model",
                "dragoman.provider.stub.concurrency", String.valueOf(CONCURRENCY),
                "dragoman.provider.stub.batch-lines", "1"))) {
            provider.resetRequests();

            List<Integer> statuses = group.translateUntil(Instant.now().plusSeconds(6), CLIENTS_PER_PROCESS);

            assertThat(statuses).as("every text is translated").hasSizeGreaterThan(10).containsOnly(200);
            assertThat(mostAtOnce(provider.getAllServeEvents())).as("the key's calls at once, over the group")
                    .isBetween(1, CONCURRENCY);
        }
    }

    /** The most calls the stand-in was answering at one time, from when each came in and how long it took. */
    private static int mostAtOnce(List<ServeEvent> calls) {
        TreeMap<Long, Integer> changes = new TreeMap<>();
        for (ServeEvent call : calls) {
            long start = call.getRequest().getLoggedDate().getTime();
            long end = start + call.getTiming().getTotalTime();
            changes.merge(start, 1, Integer::sum);
            // a call that ends as another starts is not at the same time as it
            changes.merge(end, -1, Integer::sum);
        }
        int now = 0;
        int most = 0;
        for (int change : changes.values()) {
            now += change;
            most = Math.max(most, now);
        }
        return most;
    }

}
