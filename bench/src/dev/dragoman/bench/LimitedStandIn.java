package dev.dragoman.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible provider that holds its one key to limits as the platforms do: at most {@code concurrency}
 * calls at once and {@code rpm} calls accepted in any 60 seconds; a call over either gets a 429 in OpenAI's shape
 * (https://platform.openai.com/docs/guides/error-codes) with {@code Retry-After}. A call it accepts is answered
 * {@code "T:" + text} after 50 ms. It counts the calls it accepted and the 429s it sent.
 */
final class LimitedStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LATENCY_MS = 50;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(64);
    private final int concurrency;
    private final int rpm;
    /** When each accepted call of the last 60 s came. */
    private final Deque<Long> accepted = new ArrayDeque<>();
    private int inFlight;
    final AtomicLong answered = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    LimitedStandIn(int concurrency, int rpm) throws IOException {
        this.concurrency = concurrency;
        this.rpm = rpm;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    synchronized void reset() {
        accepted.clear();
        answered.set(0);
        refused.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String text = "";
            for (var message : JSON.readTree(in).path("messages")) {
                if (message.path("role").asText().equals("user")) {
                    text = message.path("content").asText();
                }
            }
            long retryAfter = admit();
            if (retryAfter > 0) {
                refused.incrementAndGet();
                byte[] body = ("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                        + "\"code\":\"rate_limit_exceeded\"}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter));
                exchange.sendResponseHeaders(429, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            try {
                Thread.sleep(LATENCY_MS);
                byte[] body = CostStandIn.completion("T:" + text, 20, 20).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                answered.incrementAndGet();
            } finally {
                done();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** 0 when the call is within the limits (and now counts against them), else the seconds to wait. */
    private synchronized long admit() {
        long now = System.nanoTime();
        while (!accepted.isEmpty() && now - accepted.peekFirst() >= MINUTE_NANOS) {
            accepted.removeFirst();
        }
        if (accepted.size() >= rpm) {
            return Math.max(1, (accepted.peekFirst() + MINUTE_NANOS - now + 999_999_999) / 1_000_000_000);
        }
        if (inFlight >= concurrency) {
            return 1;
        }
        accepted.addLast(now);
        inFlight++;
        return 0;
    }

    private synchronized void done() {
        inFlight--;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
