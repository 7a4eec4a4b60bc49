package dev.dragoman.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.LocalPostgres;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

/**
 * Three Dragoman processes share their keys' states through one PostgreSQL ({@code dragoman.cluster.store = jdbc}): a
 * key one of them finds rejected (401) is left alone by all three, and when its re-probe is due exactly one probe goes
 * out for the group. The stand-in refuses one of the instance's two keys on every call and records each call.
 */
@Tag("postgres")
class SharedKeyStatesTest {

    private static final String GOOD = "sk-good-key-000000000001";
    private static final String BAD = "sk-revoked-key-00000000002";
    private static final Duration RECHECK = Duration.ofSeconds(10);
    /** How soon the other processes must see a state one of them set (the "within 2 s"). */
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(2);

    @RegisterExtension
    static LocalPostgres postgres = new LocalPostgres();

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @TempDir
    Path dir;

    @Test
    void a_key_one_process_finds_rejected_is_left_alone_by_all_and_probed_once() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + BAD))
                .willReturn(OpenAiStub.error(401, "invalid_request_error", "invalid_api_key",
                        "Incorrect API key provided")));
        try (Group group = Group.start("cluster", List.of("a", "b", "c"), postgres, dir, Map.of(
                "dragoman.provider.stub.url", provider.baseUrl(),
                "dragoman.provider.stub.keys", GOOD + "|" + BAD,
                "dragoman.provider.stub.model", "stub-model",
                "dragoman.keys.recheck", RECHECK.toSeconds() + "s"))) {
            // a's calls take the two keys in turn: its second text at the latest meets the 401
            HttpClientSupport a = group.client(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                assertThat(a.postJson("/translate", "{\"text\":\"Hallo\"}").status()).isEqualTo(200);
                return !badKeyCalls().isEmpty();
            });
            Instant firstRefusal = badKeyCalls().get(0);

            // then all three translate, side by side, until well after the key's re-probe is due
            List<Integer> statuses = group.translateUntil(
                    firstRefusal.plus(SEEN_WITHIN).plus(RECHECK).plus(Duration.ofSeconds(4)), 1);

            assertThat(statuses).as("every text is translated, on the good key").hasSizeGreaterThan(30)
                    .containsOnly(200);
            List<Instant> later = badKeyCalls().stream()
                    .filter(call -> call.isAfter(firstRefusal.plus(SEEN_WITHIN))).toList();
            assertThat(later).as("calls on the rejected key after the others could see it rejected: the re-probe")
                    .hasSize(1);
            assertThat(later.get(0)).as("the re-probe goes when it is due")
                    .isAfter(firstRefusal.plus(RECHECK).minus(Duration.ofSeconds(1)));
        }
    }

    /** When the stand-in saw a call on the refused key, oldest first. */
    private static List<Instant> badKeyCalls() {
        return provider.getAllServeEvents().stream()
                .filter(event -> ("Bearer " + BAD).equals(event.getRequest().getHeader("Authorization")))
                .map(ServeEvent::getRequest).map(request -> request.getLoggedDate().toInstant()).sorted().toList();
    }

}
