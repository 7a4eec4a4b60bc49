package dev.dragoman.provider;

import java.util.List;
import java.util.Optional;

/**
 * A dialect as a plug-in: its name, the addresses it recognises, its own options, and the {@link Engine} that speaks
 * it for one provider instance. Dialects are found with {@link java.util.ServiceLoader} ({@link Dialects}), so adding
 * one means its package and one line in {@code META-INF/services/dev.dragoman.provider.Dialect}; nothing else
 * names it.
 */
public interface Dialect {

    /** The name {@code dragoman.provider.<name>.dialect} and the platform presets use. */
    String name();

    /**
     * Whether an address belongs to this dialect's platform, so that a url alone selects it. Addresses no dialect
     * recognises speak {@value Dialects#DEFAULT}.
     */
    default boolean recognises(String url) {
        return false;
    }

    /** Whether instances call a remote API and so need an address, keys and a model. */
    default boolean remote() {
        return true;
    }

    /**
     * Whether the dialect can send several segments as one request (docs/memory-and-cost.md, "Batched requests"): only when it sends
     * the system prompt that tells the model the user message is a JSON array of texts.
     */
    default boolean batches() {
        return true;
    }

    /** The options this dialect reads besides {@link ProviderOptions#ALL}, each marked {@code .forDialect(name())}. */
    default List<ProviderOption<?>> options() {
        return List.of();
    }

    /** The model when none is set: one the address names (Azure's deployment), or the dialect's only one. */
    default Optional<String> defaultModel(String url) {
        return Optional.empty();
    }

    /** What speaks this dialect for one instance; a new one per instance, so any state it keeps is its own. */
    Engine engine(ProviderSettings settings);
}
