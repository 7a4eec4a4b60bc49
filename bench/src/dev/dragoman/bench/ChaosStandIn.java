package dev.dragoman.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible provider that misbehaves: it translates each text as {@code "T:" + text} (each text of a
 * batch, a JSON array of texts, in a JSON array) after a short
 * latency, but answers a share of the calls (the chaos phase 30%, the soak 5%) with one of six faults, drawn with
 * equal odds from a seeded random: a 429 with {@code Retry-After: 1}, a 500, a 503 with {@code Retry-After: 1}, a
 * connection closed without an answer, a 200 whose JSON is cut off, and a 200 whose reply is empty.
 * {@link #down()} closes its port (connections are refused) until {@link #up()} opens the same port again.
 */
final class ChaosStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LATENCY_MS = 10;

    private final int port;
    private final double faultShare;
    private final ExecutorService pool = Executors.newFixedThreadPool(64);
    private final Random random = new Random(20261122);
    private HttpServer server;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong faults = new AtomicLong();

    /** @param faultShare the share of calls answered with a fault, 0 to 1 */
    ChaosStandIn(double faultShare) throws IOException {
        this.port = Bench.freePort();
        this.faultShare = faultShare;
        up();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    synchronized void up() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    synchronized void down() {
        server.stop(0);
    }

    private synchronized int draw() {
        return random.nextDouble() < faultShare ? 1 + random.nextInt(6) : 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            request = JSON.readTree(in);
        }
        JsonNode messages = request.path("messages");
        String text = messages.get(messages.size() - 1).path("content").asText();
        int fault = draw();
        if (fault > 0) {
            faults.incrementAndGet();
        }
        try {
            Thread.sleep(LATENCY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        switch (fault) {
            case 1 -> answer(exchange, 429, "1", "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                    + "\"code\":\"rate_limit_exceeded\"}}");
            case 2 -> answer(exchange, 500, null, "{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}");
            case 3 -> answer(exchange, 503, "1", "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
            // closed without an answer: the client sees the connection end
            case 4 -> exchange.close();
            case 5 -> answer(exchange, 200, null, "{\"id\":\"chatcmpl-chaos\",\"choices\":[{\"index\":0,\"message\":{\"ro");
            case 6 -> answer(exchange, 200, null, completion(""));
            default -> answer(exchange, 200, null, completion(translation(text)));
        }
    }

    /** "T:" and the text; a batch (a JSON array of texts) as a JSON array of each one's, as Dragoman asks. */
    private static String translation(String text) {
        List<String> batch = CostStandIn.batch(text);
        if (batch == null) {
            return "T:" + text;
        }
        ArrayNode translations = JSON.createArrayNode();
        batch.forEach(segment -> translations.add("T:" + segment));
        return translations.toString();
    }

    private static String completion(String content) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-chaos").put("object", "chat.completion")
                .put("model", "chaos");
        body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 4);
        return body.toString();
    }

    private static void answer(HttpExchange exchange, int status, String retryAfter, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
