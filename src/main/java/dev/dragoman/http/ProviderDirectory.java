package dev.dragoman.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.dragoman.config.Providers;
import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeyState;
import dev.dragoman.keys.MaskedUrl;
import dev.dragoman.keys.Secrets;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.ProviderOptions;

/**
 * {@code GET /providers}: each instance with its dialect, model, address (credentials in its user-info and query
 * masked), circuit breaker state ({@code closed}, {@code open}, {@code half_open}) and keys, masked, with each key's
 * state (active, cooling until …, rejected until its re-probe and why, probing; the provider's reason redacted), and
 * its prices per million tokens when set, with which the web console shows what a translation cost.
 * Bound as {@code providerDirectory}.
 */
public class ProviderDirectory {

    private final Providers providers;

    public ProviderDirectory(Providers providers) {
        this.providers = providers;
    }

    public String list() throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(providers.all().stream().map(ProviderDirectory::describe).toList());
    }

    private static ProviderView describe(ProviderInstance provider) {
        return new ProviderView(provider.name(), provider.settings().dialect(), provider.settings().model(),
                Secrets.redact(MaskedUrl.of(provider.settings().url())),
                provider.breaker() == null ? null : provider.breaker().getState().name().toLowerCase(),
                provider.keys().keys().stream().map(key -> KeyView.of(key, provider.keys().state(key))).toList(),
                provider.settings().option(ProviderOptions.PRICE_PROMPT),
                provider.settings().option(ProviderOptions.PRICE_COMPLETION));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProviderView(String name, String dialect, String model, String url, String breaker, List<KeyView> keys,
            @JsonProperty("price_prompt") Double pricePrompt, @JsonProperty("price_completion") Double priceCompletion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyView(String key, String state, String until, String reason) {

        static KeyView of(ApiKey key, KeyState state) {
            return new KeyView(key.masked(), state.status().name().toLowerCase(),
                    state.until() == null ? null : state.until().toString(), Secrets.redact(state.reason()));
        }
    }
}
