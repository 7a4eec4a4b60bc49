package dev.dragoman.observe;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.translate.Usage;

/**
 * The calls made with one key of an instance: {@code dragoman_provider_requests_total} by outcome, the instance's
 * {@code dragoman_provider_request_seconds}, and the tokens the provider counted, which the instance's
 * {@code dragoman_tokens_total} and {@code GET /usage} both read. Every meter is resolved when the key's lane is built,
 * so recording a call only adds to counters: no tags, no look-up, no lock.
 */
public final class KeyMeters {

    private final ApiKey key;
    private final Counter[] requests = new Counter[CallOutcome.values().length];
    private final Timer duration;
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();

    private final String label;

    KeyMeters(MeterRegistry registry, String instance, ApiKey key, String label, Timer duration) {
        this.key = key;
        this.label = label;
        this.duration = duration;
        for (CallOutcome outcome : CallOutcome.values()) {
            requests[outcome.ordinal()] = Counter.builder("dragoman.provider.requests")
                    .description("HTTP calls to a provider, by key (masked) and outcome")
                    .tag("instance", instance).tag("key", label).tag("outcome", outcome.label())
                    .register(registry);
        }
    }

    /** The key as the meters name it: masked, unique within its instance ({@link dev.dragoman.keys.KeyPool#label}). */
    String label() {
        return label;
    }

    /** One HTTP call made with this key, with the tokens of its reply when the provider counted them. */
    public void record(CallOutcome outcome, long nanos, Usage usage) {
        requests[outcome.ordinal()].increment();
        duration.record(nanos, TimeUnit.NANOSECONDS);
        if (usage != null) {
            if (usage.promptTokens() != null) {
                promptTokens.add(usage.promptTokens());
            }
            if (usage.completionTokens() != null) {
                completionTokens.add(usage.completionTokens());
            }
        }
    }

    public ApiKey key() {
        return key;
    }

    long requests(CallOutcome outcome) {
        return (long) requests[outcome.ordinal()].count();
    }

    long promptTokens() {
        return promptTokens.sum();
    }

    long completionTokens() {
        return completionTokens.sum();
    }
}
