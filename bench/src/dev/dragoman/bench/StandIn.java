package dev.dragoman.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A lean stand-in for an OpenAI-compatible provider: the JDK's own HTTP server on a fixed pool of platform threads,
 * one canned chat completion, no JSON parsing but for batches (a request whose user message is a JSON array of N
 * texts, Dragoman's batched request, gets a JSON array of N canned translations). Its behaviour is in the address,
 * so one server serves every phase:
 * {@code /s/<latency ms>/<in flight per key>/v1/chat/completions} answers after the latency and, when the second
 * number is above 0, admits at most that many requests in flight per key (the bearer token), answering
 * {@code 429 Retry-After: 1} beyond it.
 */
final class StandIn implements AutoCloseable {

    private static final String TRANSLATION = "Bonjour le monde";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How a message whose content is a JSON array starts in Dragoman's request (written by Jackson, no spaces). */
    private static final String BATCH_MARK = "\"content\":\"[";
    private static final byte[] TOO_MANY = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, byte[]> replies = new ConcurrentHashMap<>();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong tooMany = new AtomicLong();
    /** System.nanoTime() of the first request since {@link #reset()}, 0 before it. */
    final AtomicLong firstRequest = new AtomicLong();

    StandIn(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/s/", this::handle);
        server.start();
    }

    /** The base address of a behaviour, as a provider instance's {@code url}. */
    String url(int latencyMillis, int perKeyLimit) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/s/" + latencyMillis + "/" + perKeyLimit + "/v1";
    }

    /** What a behaviour answers as the translation: tells which instance translated a text. */
    static String translation(int latencyMillis, int perKeyLimit) {
        return TRANSLATION + " " + latencyMillis + "/" + perKeyLimit;
    }

    private static byte[] reply(String translation) {
        return ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"model\":\"bench\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + translation + "\"},"
                + "\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,\"total_tokens\":16}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The number of texts of a batched request, 0 for a single text. */
    private static int batchSize(byte[] request) throws IOException {
        if (!new String(request, StandardCharsets.UTF_8).contains(BATCH_MARK)) {
            return 0;
        }
        String text = "";
        for (JsonNode message : JSON.readTree(request).path("messages")) {
            if (message.path("role").asText().equals("user")) {
                text = message.path("content").asText();
            }
        }
        List<String> batch = CostStandIn.batch(text);
        return batch == null ? 0 : batch.size();
    }

    void reset() {
        requests.set(0);
        tooMany.set(0);
        firstRequest.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] request = in.readAllBytes();
            firstRequest.compareAndSet(0, System.nanoTime());
            requests.incrementAndGet();
            String[] path = exchange.getRequestURI().getPath().split("/");
            long latency = Long.parseLong(path[2]);
            int limit = Integer.parseInt(path[3]);
            String translation = translation((int) latency, limit);
            int batch = batchSize(request);
            byte[] reply = batch == 0 ? replies.computeIfAbsent(path[2] + "/" + path[3], k -> reply(translation))
                    : CostStandIn.completion(JSON.writeValueAsString(Collections.nCopies(batch, translation)), 12, 4)
                            .getBytes(StandardCharsets.UTF_8);
            AtomicInteger keyInFlight = null;
            if (limit > 0) {
                String key = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
                keyInFlight = inFlight.computeIfAbsent(key, k -> new AtomicInteger());
                if (keyInFlight.incrementAndGet() > limit) {
                    keyInFlight.decrementAndGet();
                    tooMany.incrementAndGet();
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(429, TOO_MANY.length);
                    exchange.getResponseBody().write(TOO_MANY);
                    return;
                }
            }
            try {
                if (latency > 0) {
                    Thread.sleep(latency);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                // the request is served once its answer starts: the key's slot is free again
                if (keyInFlight != null) {
                    keyInFlight.decrementAndGet();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
