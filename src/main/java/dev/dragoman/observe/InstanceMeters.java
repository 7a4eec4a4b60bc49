package dev.dragoman.observe;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.ProviderOptions;

/**
 * One provider instance's meters: a {@link KeyMeters} per key, the call durations of all its keys
 * ({@code dragoman_provider_request_seconds}, with the buckets {@code histogram_quantile} needs for p50 and p99), its
 * tokens ({@code dragoman_tokens_total}) and, when a price is set, its cost ({@code dragoman_cost_total}). Tokens and
 * cost are read from the keys' own counts at each scrape, the same counts {@code GET /usage} reads, so the two always
 * agree. Labelled with the configured model: a provider that names a dated variant in its replies does not split the
 * series.
 */
public final class InstanceMeters {

    private static final double PER_MILLION = 1_000_000d;

    private final String instance;
    private final String model;
    private final Double pricePrompt;
    private final Double priceCompletion;
    private final List<KeyMeters> keys = new ArrayList<>();
    private final MeterRegistry registry;
    private final List<String> checks;
    /**
     * Check name to its rejections, registered at a check's first rejection rather than at start: every meter in the
     * registry costs each exchange a little (Camel's exchange event notifier searches them all), and most checks of
     * a working instance never reject anything.
     */
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();

    InstanceMeters(MeterRegistry registry, ProviderInstance provider, Clock clock) {
        this.instance = provider.name();
        this.model = provider.settings().model();
        this.pricePrompt = provider.settings().option(ProviderOptions.PRICE_PROMPT);
        this.priceCompletion = provider.settings().option(ProviderOptions.PRICE_COMPLETION);
        Timer duration = Timer.builder("dragoman.provider.request")
                .description("How long HTTP calls to the provider took, reading the reply included")
                .tag("instance", instance)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        for (ApiKey key : provider.keys().keys()) {
            keys.add(new KeyMeters(registry, instance, key, provider.keys().label(key), duration));
            KeyStateGauge.register(registry, instance, provider.keys(), key, clock);
        }
        BudgetGauges.register(registry, provider);
        this.registry = registry;
        this.checks = provider.settings().checks();
        tokens(registry, "prompt", InstanceMeters::promptTokens);
        tokens(registry, "completion", InstanceMeters::completionTokens);
        if (priced()) {
            FunctionCounter.builder("dragoman.cost", this, InstanceMeters::cost)
                    .description("What the tokens cost at price-prompt and price-completion (per million tokens)")
                    .tag("instance", instance).tag("model", model)
                    .register(registry);
        }
    }

    private void tokens(MeterRegistry registry, String kind, ToLongFunction<InstanceMeters> count) {
        FunctionCounter.builder("dragoman.tokens", this, meters -> count.applyAsLong(meters))
                .description("Tokens the provider counted, by kind (prompt, completion)")
                .tag("instance", instance).tag("model", model).tag("kind", kind)
                .register(registry);
    }

    /** A check of this instance's rejected a translation. */
    public void rejected(String check) {
        rejections.computeIfAbsent(check, name -> Counter.builder("dragoman.qa.rejections")
                .description("Translations a check rejected as bad replies, by check")
                .tag("instance", instance).tag("check", name)
                .register(registry)).increment();
    }

    /** Rejections by check, every check of the instance, for {@code GET /usage}. */
    Map<String, Long> rejections() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String check : checks) {
            Counter counter = rejections.get(check);
            counts.put(check, counter == null ? 0 : (long) counter.count());
        }
        return counts;
    }

    public String instance() {
        return instance;
    }

    public String model() {
        return model;
    }

    /** The meters of one of this instance's keys. */
    public KeyMeters key(ApiKey key) {
        return keys.stream().filter(meters -> meters.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(instance + " has no key " + key));
    }

    List<KeyMeters> keys() {
        return keys;
    }

    boolean priced() {
        return pricePrompt != null || priceCompletion != null;
    }

    long promptTokens() {
        return keys.stream().mapToLong(KeyMeters::promptTokens).sum();
    }

    long completionTokens() {
        return keys.stream().mapToLong(KeyMeters::completionTokens).sum();
    }

    double cost() {
        return cost(promptTokens(), completionTokens());
    }

    /** What the tokens cost; a price not set counts as nothing. */
    double cost(long prompt, long completion) {
        return (prompt * (pricePrompt == null ? 0 : pricePrompt)
                + completion * (priceCompletion == null ? 0 : priceCompletion)) / PER_MILLION;
    }
}
