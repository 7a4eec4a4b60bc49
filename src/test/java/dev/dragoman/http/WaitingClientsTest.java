package dev.dragoman.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.provider.Json;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20, waits that hold no thread: more clients than the HTTP server has worker threads wait out an outage of
 * their instance ({@code down}, every call a 503), or wait for the one slot of a busy key ({@code narrow}) or for a
 * key's rate ({@code metered}), and
 * meanwhile a text for the healthy instance and the health check are answered at once; in the end every waiting
 * client gets its translation. No thread sleeps in Camel's redelivery or waits for a key's slot, and no Vert.x worker
 * waits for a translation while they wait.
 */
class WaitingClientsTest extends DragomanTestSupport {

    /** The HTTP server's worker threads in this test. */
    static final int WORKERS = 4;
    /** Three times as many clients as workers, all waiting at once. */
    static final int CLIENTS = 3 * WORKERS;
    /** What "at once" means on a loaded 2-core machine; the waiting clients wait for far longer. */
    static final Duration PROMPTLY = Duration.ofSeconds(10);

    static final String DOWN_PATH = "/down" + OpenAiStub.PATH;
    static final String NARROW_PATH = "/narrow" + OpenAiStub.PATH;
    /** How long {@code narrow} takes to answer: its one slot is busy for the whole test. */
    static final int NARROW_MILLIS = 1_500;
    static final String METERED_PATH = "/metered" + OpenAiStub.PATH;

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "down,healthy,narrow,metered");
        openAi(properties, "down", provider.baseUrl() + "/down", "sk-down-key-00000000001", "stub-model");
        openAi(properties, "healthy", provider.baseUrl(), "sk-healthy-key-000000001", "stub-model");
        openAi(properties, "narrow", provider.baseUrl() + "/narrow", "sk-narrow-key-00000000001", "stub-model");
        properties.put("dragoman.provider.narrow.concurrency", "1");
        // one call every two seconds
        openAi(properties, "metered", provider.baseUrl() + "/metered", "sk-metered-key-0000000001", "stub-model");
        properties.put("dragoman.provider.metered.rpm", "30");
        properties.put("dragoman.http.worker-threads", String.valueOf(WORKERS));
        // every waiting client holds a slot of the HTTP API's share: room for all of them and the healthy text
        properties.put("dragoman.http.max-in-flight", String.valueOf(4 * CLIENTS));
        // short rounds and breaker rests, so that the clients notice the provider's return within seconds
        properties.put("dragoman.retry.max-backoff", "1s");
        properties.put("dragoman.breaker.open-wait", "1s");
        return properties;
    }

    @Test
    void should_answer_other_requests_while_more_clients_than_workers_wait_out_an_outage() throws Exception {
        provider.stubFor(post(DOWN_PATH).willReturn(
                OpenAiStub.error(503, "server_error", "overloaded", "The server is overloaded")));
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));

        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            waiting.add(translate("{\"text\": \"waiting " + i + "\", \"provider\": \"down\"}"));
        }
        // every worker has a waiting client by now (before the fix, each slept in Camel's redelivery)
        await().atMost(Duration.ofSeconds(30)).until(() -> textsSeenByDown().size() >= WORKERS);

        othersAreAnsweredPromptly();

        // all of them reached the provider and wait for it: none queues behind another for a worker
        await().atMost(Duration.ofSeconds(30)).until(() -> textsSeenByDown().size() == CLIENTS);
        assertThat(waiting).noneMatch(CompletableFuture::isDone);
        // a worker may still be reading its text's first 503; none holds a text once that is done
        await().atMost(PROMPTLY).untilAsserted(() -> assertThat(threadsWaiting())
                .as("threads that hold a waiting text").isEmpty());

        provider.stubFor(post(DOWN_PATH).willReturn(OpenAiStub.echo()));
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < CLIENTS; i++) {
            HttpResponse<String> reply = waiting.get(i).get();
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(reply.body()).get("translation").asText()).isEqualTo("T:waiting " + i);
        }
    }

    @Test
    void should_answer_other_requests_while_more_clients_than_workers_wait_for_a_busy_keys_slot() throws Exception {
        provider.stubFor(post(NARROW_PATH).willReturn(OpenAiStub.echo().withFixedDelay(NARROW_MILLIS)));
        shouldAnswerOthersWhileClientsWaitFor("narrow", NARROW_PATH);
    }

    @Test
    void should_answer_other_requests_while_more_clients_than_workers_wait_for_a_keys_rate() throws Exception {
        provider.stubFor(post(METERED_PATH).willReturn(OpenAiStub.echo()));
        shouldAnswerOthersWhileClientsWaitFor("metered", METERED_PATH);
    }

    /**
     * More clients than workers send a text each to {@code instance}, whose key lets one call out at a time: while they
     * wait, a text for the healthy instance and the health check are answered, and no thread waits on a lane.
     */
    private void shouldAnswerOthersWhileClientsWaitFor(String instance, String path) throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            waiting.add(translate("{\"text\": \"queued " + i + "\", \"provider\": \"" + instance + "\"}"));
        }
        // the first call is out, the other clients wait for the key (before the fix, each on a worker thread)
        await().atMost(Duration.ofSeconds(30)).until(() -> !provider.findAll(postRequestedFor(urlEqualTo(path)))
                .isEmpty());

        othersAreAnsweredPromptly();
        assertThat(threadsWaiting()).as("threads that hold a waiting text").noneMatch(t -> t.contains("lane"));

        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        for (int i = 0; i < CLIENTS; i++) {
            HttpResponse<String> reply = waiting.get(i).get();
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(reply.body()).get("translation").asText()).isEqualTo("T:queued " + i);
        }
        assertThat(provider.findAll(postRequestedFor(urlEqualTo(path)))).as("one call a text").hasSize(CLIENTS);
    }

    /** A text for the healthy instance and the health check, while clients wait: both answered at once. */
    private void othersAreAnsweredPromptly() {
        List<String> holding = threadsWaiting();
        assertThat(translate("{\"text\": \"meanwhile\", \"provider\": \"healthy\"}"))
                .as("a text for the healthy instance; threads holding waiting texts: %s", holding)
                .succeedsWithin(PROMPTLY).satisfies(reply -> {
                    assertThat(reply.statusCode()).isEqualTo(200);
                    assertThat(Json.MAPPER.readTree(reply.body()).get("translation").asText())
                            .isEqualTo("T:meanwhile");
                });
        assertThat(client.sendAsync(new HttpClientSupport(port()).request("/observe/health/live").GET().build(),
                HttpResponse.BodyHandlers.ofString()))
                .as("the health check; threads holding waiting texts: %s", holding)
                .succeedsWithin(PROMPTLY).satisfies(reply -> assertThat(reply.statusCode()).isEqualTo(200));
    }

    private CompletableFuture<HttpResponse<String>> translate(String json) {
        return client.sendAsync(new HttpClientSupport(port()).request("/translate")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The waiting texts the instance that is down has been asked for so far. */
    private List<String> textsSeenByDown() {
        return IntStream.range(0, CLIENTS).mapToObj(i -> "waiting " + i)
                .filter(text -> provider.findAll(postRequestedFor(urlEqualTo(DOWN_PATH))).stream()
                        .anyMatch(request -> request.getBodyAsString().contains("\"" + text + "\"")))
                .toList();
    }

    /**
     * Threads sleeping in Camel's synchronous redelivery, threads waiting on a key lane for a slot or the key's rate,
     * and Vert.x workers waiting for a route to finish: while the clients wait, there must be none.
     */
    private static List<String> threadsWaiting() {
        List<String> found = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            List<StackTraceElement> stack = Arrays.asList(thread.getValue());
            boolean redeliverySleep = stack.stream().anyMatch(frame -> frame.getClassName()
                    .startsWith("org.apache.camel.processor.errorhandler.RedeliveryErrorHandler")
                    && frame.getMethodName().equals("runSynchronousRedelivery"));
            boolean workerAwaits = thread.getKey().getName().startsWith("vert.x-worker-thread")
                    && stack.stream().anyMatch(frame -> frame.getClassName().contains("AsyncProcessorAwaitManager"));
            boolean parked = !stack.isEmpty()
                    && Set.of("park", "sleep", "sleep0").contains(stack.get(0).getMethodName());
            boolean laneWait = parked && stack.stream().anyMatch(frame -> frame.getClassName().endsWith(".KeyLaneLimit")
                            || frame.getClassName().endsWith(".KeyLaneBudget"));
            if (redeliverySleep || workerAwaits || laneWait) {
                found.add(thread.getKey().getName() + (redeliverySleep ? " sleeps in a redelivery"
                        : laneWait ? " waits on a lane for its key" : " awaits a route"));
            }
        }
        return found;
    }
}
