package dev.dragoman.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code concurrency} threads, each sending the next request as soon as its last one is answered,
 * over the JDK's HttpClient (HTTP/1.1, one kept-alive connection per thread in practice). Records each request's
 * latency; a request that does not answer 200 counts as an error.
 */
final class LoadGenerator implements AutoCloseable {

    private final HttpClient client;
    private final ExecutorService threads;
    private final int concurrency;
    final AtomicLong errors = new AtomicLong();

    LoadGenerator(int concurrency) {
        this.concurrency = concurrency;
        this.threads = Executors.newFixedThreadPool(concurrency);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Sends {@code count} copies of the request; returns their latencies in nanoseconds, sorted. */
    long[] run(URI uri, String json, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer direct")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - start;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        Arrays.sort(latencies);
        return latencies;
    }

    /** The percentile (0-100) of sorted latencies, in milliseconds. */
    static double percentileMillis(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
