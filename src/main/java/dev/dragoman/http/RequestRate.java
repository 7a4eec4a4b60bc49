package dev.dragoman.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * {@code dragoman.http.rpm-per-token}: at most so many requests per client in a fixed window of one minute that starts
 * with the client's first request. A window is forgotten when its minute is over, so the map holds only the clients
 * of the last minute (and at most {@link #MAX_CLIENTS} of them, should addresses be spoofed by the thousand).
 */
public final class RequestRate {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 100_000;

    private final int perMinute;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    public RequestRate(int perMinute, Ticker ticker) {
        this.perMinute = perMinute;
        this.ticker = ticker;
        this.windows = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(WINDOW).maximumSize(MAX_CLIENTS).build();
    }

    /** Whether requests are counted at all (a limit of 0 or less is off). */
    public boolean limited() {
        return perMinute > 0;
    }

    /** Counts a request of this client: 0 when it may pass, else the seconds until its window ends (at least 1). */
    public long admit(String client) {
        Window window = windows.get(client, key -> new Window(ticker.read(), new AtomicInteger()));
        if (window.count().incrementAndGet() <= perMinute) {
            return 0;
        }
        long left = WINDOW.toNanos() - (ticker.read() - window.start());
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    private record Window(long start, AtomicInteger count) {
    }
}
