package dev.dragoman.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible provider that translates every text as {@code "T:" + text} after 10 ms, batches included (a
 * user message that is a JSON array of N strings gets a JSON array of N translations), and counts what a provider
 * bills: requests, and tokens by a rough tokenizer, one token per 4 characters rounded up (OpenAI's rule of thumb,
 * https://help.openai.com/en/articles/4936856-what-are-tokens-and-how-to-count-them). Prompt tokens are the characters
 * of every message of the request, completion tokens those of the reply's content; both go back as the reply's
 * {@code usage}, as a provider reports them.
 */
final class CostStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LATENCY_MS = 10;

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(32);
    final AtomicLong requests = new AtomicLong();
    final AtomicLong promptTokens = new AtomicLong();
    /** Texts that reached the provider: one per single request, N per batch of N. */
    final AtomicLong segments = new AtomicLong();

    CostStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** What the stand-in answers for a text. */
    static String translation(String text) {
        return "T:" + text;
    }

    void reset() {
        requests.set(0);
        promptTokens.set(0);
        segments.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            JsonNode messages = JSON.readTree(in).path("messages");
            long promptChars = 0;
            String text = "";
            for (JsonNode message : messages) {
                promptChars += message.path("content").asText().length();
                if (message.path("role").asText().equals("user")) {
                    text = message.path("content").asText();
                }
            }
            List<String> batch = batch(text);
            String content = batch == null ? translation(text)
                    : JSON.writeValueAsString(batch.stream().map(CostStandIn::translation).toList());
            long prompt = tokens(promptChars);
            requests.incrementAndGet();
            promptTokens.addAndGet(prompt);
            segments.addAndGet(batch == null ? 1 : batch.size());
            Thread.sleep(LATENCY_MS);
            byte[] body = completion(content, prompt, tokens(content.length())).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The segments of a user message that is a JSON array of strings, or null for a single text. */
    static List<String> batch(String text) {
        if (!text.startsWith("[")) {
            return null;
        }
        try {
            JsonNode array = JSON.readTree(text);
            List<String> segments = new ArrayList<>();
            for (JsonNode segment : array) {
                if (!segment.isTextual()) {
                    return null;
                }
                segments.add(segment.asText());
            }
            return array.isArray() ? segments : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static long tokens(long chars) {
        return (chars + 3) / 4;
    }

    /** An OpenAI chat completion whose one choice says content. */
    static String completion(String content, long prompt, long completion) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-cost").put("object", "chat.completion")
                .put("model", "bench");
        body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return body.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
