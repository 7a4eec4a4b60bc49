package dev.dragoman.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.dragoman.config.Providers;
import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.InstanceBudget;
import dev.dragoman.keys.KeyState;
import dev.dragoman.keys.KeyStores;
import dev.dragoman.keys.MaskedUrl;
import dev.dragoman.keys.RateLimit;
import dev.dragoman.keys.Secrets;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.ProviderOptions;

/**
 * {@code GET /providers}: each instance with its dialect, model, address (credentials in its user-info and query
 * masked), circuit breaker state ({@code closed}, {@code open}, {@code half_open}) and keys, masked, with each key's
 * state (active, cooling until …, rejected until its re-probe and why, probing; the provider's reason redacted), and
 * its prices per million tokens when set, with which the web console shows what a translation cost; each key's
 * limits (the group's slots in use, what is left of its rpm and tpm), the instance's budget and spending, and, with a
 * cluster store, whether it is reachable and how many processes share it.
 * Bound as {@code providerDirectory}.
 */
public class ProviderDirectory {

    private final Providers providers;

    public ProviderDirectory(Providers providers) {
        this.providers = providers;
    }

    public String list() throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(providers.all().stream().map(this::describe).toList());
    }

    private ProviderView describe(ProviderInstance provider) {
        KeyStores.Sharing sharing = providers.sharing();
        return new ProviderView(provider.name(), provider.settings().dialect(), provider.settings().model(),
                Secrets.redact(MaskedUrl.of(provider.settings().url())),
                provider.breaker() == null ? null : provider.breaker().getState().name().toLowerCase(),
                provider.keys().keys().stream().map(key -> KeyView.of(provider, key)).toList(),
                provider.settings().option(ProviderOptions.PRICE_PROMPT),
                provider.settings().option(ProviderOptions.PRICE_COMPLETION),
                BudgetView.of(provider.budget()),
                sharing.store().equals("none") ? null : sharing);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProviderView(String name, String dialect, String model, String url, String breaker, List<KeyView> keys,
            @JsonProperty("price_prompt") Double pricePrompt, @JsonProperty("price_completion") Double priceCompletion,
            BudgetView budget, KeyStores.Sharing group) {
    }

    /**
     * A key, its state, and its limits: the group's slots in use when a store shares them, and what is left of its
     * rpm and tpm buckets now.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyView(String key, String state, String until, String reason, Integer concurrency,
            @JsonProperty("slots_held") Integer slotsHeld, Map<String, LimitView> limits) {

        static KeyView of(ProviderInstance provider, ApiKey key) {
            KeyState state = provider.keys().state(key);
            OptionalInt held = provider.keys().slots().held(key);
            Map<String, LimitView> limits = new LinkedHashMap<>();
            for (RateLimit limit : provider.keys().rates().limits()) {
                limits.put(limit.kind().label(), new LimitView(limit.perMinute(),
                        Math.max(0, provider.keys().rates().remaining(key, limit.kind()).orElse(0))));
            }
            return new KeyView(provider.keys().label(key), state.status().name().toLowerCase(),
                    state.until() == null ? null : state.until().toString(), Secrets.redact(state.reason()),
                    provider.offline() ? null : provider.settings().concurrency(),
                    held.isPresent() ? held.getAsInt() : null, limits.isEmpty() ? null : limits);
        }
    }

    /** A per-minute limit and what its bucket holds now. */
    record LimitView(long limit, long remaining) {
    }

    /** An instance's spend and token limits, what the group used in their periods, and until when it is closed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BudgetView(Double budget, String period, double spend, @JsonProperty("tokens_per_day") Long tokensPerDay,
            @JsonProperty("tokens_today") long tokensToday, @JsonProperty("closed_until") String closedUntil,
            @JsonProperty("closed_why") String closedWhy) {

        static BudgetView of(InstanceBudget budget) {
            if (!budget.limits().any()) {
                return null;
            }
            Optional<InstanceBudget.Closed> closed = budget.closed();
            return new BudgetView(budget.limits().budget(), budget.limits().period().name().toLowerCase(),
                    budget.spend(), budget.limits().tokensPerDay(), budget.tokensToday(),
                    closed.map(shut -> shut.until().toString()).orElse(null),
                    closed.map(InstanceBudget.Closed::reason).orElse(null));
        }
    }
}
