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
 * The provider of the formats phase: OpenAI's chat format, answering at once with a translation that keeps every
 * inline marker ({@code <g1>…</g1>}, {@code <x1/>}) and placeholder of its text, as a good model does: the text with
 * {@link #PREFIX} put before it (after its leading white space, which belongs to the document). A batch (the system
 * prompt says that the user message is a JSON array of strings) gets a JSON array of as many translations. Counts
 * requests and the texts they carried.
 */
final class FormatsStandIn implements AutoCloseable {

    /** German, with a colon and a space: a translation's ordinary characters that a writer has to quote or escape. */
    static final String PREFIX = "Übersetzt: ";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH = "The user message is a JSON array of";

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    final AtomicLong requests = new AtomicLong();
    /** Texts that reached the provider: one per single request, N per batch of N. */
    final AtomicLong segments = new AtomicLong();
    /** Requests the stand-in could not read (no user message, a batch that is no JSON array of strings). */
    final AtomicLong unreadable = new AtomicLong();

    FormatsStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** What the stand-in answers for a text: the prefix after the text's leading white space. */
    static String translation(String text) {
        String rest = text.stripLeading();
        return text.substring(0, text.length() - rest.length()) + PREFIX + rest;
    }

    void reset() {
        requests.set(0);
        segments.set(0);
        unreadable.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String system = "";
            String text = null;
            for (JsonNode message : JSON.readTree(in).path("messages")) {
                String role = message.path("role").asText();
                if (role.equals("system")) {
                    system = message.path("content").asText();
                } else if (role.equals("user")) {
                    text = message.path("content").asText();
                }
            }
            requests.incrementAndGet();
            List<String> batch = text != null && system.contains(BATCH) ? batch(text) : null;
            String content;
            if (text == null || system.contains(BATCH) && batch == null) {
                unreadable.incrementAndGet();
                content = "";
            } else if (batch == null) {
                segments.incrementAndGet();
                content = translation(text);
            } else {
                segments.addAndGet(batch.size());
                content = JSON.writeValueAsString(batch.stream().map(FormatsStandIn::translation).toList());
            }
            byte[] body = completion(content).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The strings of a batch's user message, or null when it is no JSON array of strings. */
    private static List<String> batch(String text) {
        try {
            JsonNode array = JSON.readTree(text);
            if (array == null || !array.isArray()) {
                return null;
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode entry : array) {
                if (!entry.isTextual()) {
                    return null;
                }
                texts.add(entry.asText());
            }
            return texts;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String completion(String content) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-formats").put("object", "chat.completion")
                .put("model", "bench");
        body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content);
        long tokens = (content.length() + 3) / 4;
        body.putObject("usage").put("prompt_tokens", tokens).put("completion_tokens", tokens)
                .put("total_tokens", 2 * tokens);
        return body.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
