package dev.dragoman.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
 * Issue 11, "client gone, work stops": an HTTP client that disconnects stops its text. A text still waiting for a slot
 * on its key is never sent; a streamed translation's provider call is aborted. Two instances: {@code slow}, one key
 * with one slot at a WireMock stub, and {@code trickle}, a stand-in that streams a long reply a delta at a time and
 * notes when Dragoman closes the connection.
 */
class ClientGoneTest extends DragomanTestSupport {

    /** Deltas the stand-in sends, one every 100 ms: a 20 s stream. */
    static final int STREAM_DELTAS = 200;

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    private final AtomicInteger deltasSent = new AtomicInteger();
    private final AtomicBoolean streamCut = new AtomicBoolean();
    private HttpServer trickle;

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "slow, trickle");
        openAi(properties, "slow", provider.baseUrl(), "sk-slow-key-000000001", "stub-model");
        properties.put("dragoman.provider.slow.concurrency", "1");
        openAi(properties, "trickle", "http://127.0.0.1:" + trickle().getAddress().getPort(),
                "sk-trickle-key-0000001", "stub-model");
        properties.put("dragoman.provider.trickle.stream", "true");
        return properties;
    }

    /** Made on first use: Camel's test support asks for the properties before JUnit runs set-up methods. */
    private HttpServer trickle() {
        if (trickle == null) {
            try {
                trickle = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            trickle.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    for (int i = 0; i < STREAM_DELTAS; i++) {
                        body.write((OpenAiStub.delta("word" + i + " ") + "\n\n").getBytes(StandardCharsets.UTF_8));
                        body.flush();
                        deltasSent.incrementAndGet();
                        Thread.sleep(100);
                    }
                    body.write((OpenAiStub.finish("stop") + "\n\n" + OpenAiStub.DONE + "\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    streamCut.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            trickle.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            trickle.start();
        }
        return trickle;
    }

    @AfterEach
    void stopTrickle() {
        trickle.stop(0);
    }

    @Test
    void should_not_send_a_waiting_text_whose_client_disconnected() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(5000)));
        String lane = "provider-slow-key-1";
        // the first text holds the key's one slot for 5 s
        CompletableFuture<HttpResponse<String>> first = java.net.http.HttpClient.newHttpClient().sendAsync(
                new HttpClientSupport(port()).request("/translate").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"text\": \"first\", \"provider\": \"slow\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> context.getInflightRepository().size(lane) == 1);

        try (Socket client = request("{\"text\": \"second\", \"provider\": \"slow\"}", false)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> context.getInflightRepository().size(lane) == 2);
        }
        // the second gives its place up as its client leaves, not at its turn
        await().atMost(Duration.ofSeconds(10)).until(() -> context.getInflightRepository().size(lane) == 1);
        assertThat(first).as("the first text's call, still out").isNotDone();

        assertThat(first.get().statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> context.getInflightRepository().size(lane) == 0);
        provider.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
    }

    @Test
    void should_abort_the_provider_stream_of_a_client_that_disconnected() throws Exception {
        try (Socket client = request("{\"text\": \"long\", \"provider\": \"trickle\"}", true)) {
            BufferedReader events = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = events.readLine();
            } while (line != null && !line.equals("event: delta"));
            assertThat(line).as("a delta streamed before the client leaves").isEqualTo("event: delta");
        }

        await().atMost(Duration.ofSeconds(10)).untilTrue(streamCut);
        assertThat(deltasSent.get()).as("deltas sent before the stream was cut").isLessThan(STREAM_DELTAS / 2);
    }

    @Test
    void should_cancel_the_provider_call_of_a_client_that_disconnected_before_the_reply() throws Exception {
        // far longer than the test waits below: only a cancelled call gives the key's slot back in time
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(30_000)));
        String lane = "provider-slow-key-1";

        try (Socket client = request("{\"text\": \"unanswered\", \"provider\": \"slow\"}", false)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> provider.getAllServeEvents().size() == 1);
            assertThat(context.getInflightRepository().size(lane)).as("the call is out").isEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> context.getInflightRepository().size(lane) == 0);
    }

    private Socket request(String json, boolean events) throws IOException {
        return request(port(), json, events);
    }

    /** A POST /translate on a connection of its own, which the test closes to leave. */
    static Socket request(int port, String json, boolean events) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(("POST /translate HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\n" + (events ? "Accept: text/event-stream\r\n" : "")
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
        return socket;
    }
}
