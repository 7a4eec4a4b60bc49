package dev.dragoman.route;

import java.util.Optional;

import org.apache.camel.Exchange;

import dev.dragoman.memory.MemoryKey;
import dev.dragoman.memory.SettingsHash;
import dev.dragoman.memory.TranslationMemory;
import dev.dragoman.provider.Prompt;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.translate.DeltaListener;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.Translation;
import dev.dragoman.translate.TranslationRequest;

/**
 * The translation memory as one provider instance's route uses it: before the call, a text the memory has becomes
 * the instance's translation at once (no call, no tokens); after the call, the translation that the reply yielded is
 * stored. The key is the instance's model and settings hash with the request's languages and text; a text this
 * instance never translated may still have a translation imported from a TMX file, which any instance answers with.
 */
final class InstanceMemory {

    /** The key of the text in the instance's route, from the look-up to the store. */
    private static final String KEY = "DragomanMemoryKey";

    private final TranslationMemory memory;
    private final ProviderInstance provider;
    private final String settingsHash;

    InstanceMemory(TranslationMemory memory, ProviderInstance provider) {
        this.memory = memory;
        this.provider = provider;
        this.settingsHash = SettingsHash.of(provider.settings());
    }

    /** False when the memory keeps nothing ({@code dragoman.memory.enabled = false}). */
    boolean remembers() {
        return memory.remembers();
    }

    /**
     * On a hit the body becomes the remembered {@link Translation}; on a miss it stays the request. A batch's call
     * is not remembered as a whole: {@link BatchCall} looks up and stores its segments one by one.
     */
    void recall(Exchange exchange) {
        MemoryKey key = key(exchange.getMessage().getBody(TranslationRequest.class));
        exchange.setProperty(KEY, key);
        lookUp(key).ifPresent(text -> {
            // a streaming caller hears it as one delta, as from a provider that does not stream; a previous
            // instance's partial text is void
            DeltaListener listener = exchange.getProperty(ExchangeKeys.DELTAS, DeltaListener.NONE, DeltaListener.class);
            listener.onReset();
            listener.onDelta(text);
            exchange.getMessage().setBody(Translation.remembered(provider.name(), provider.settings().model(), text));
        });
    }

    /**
     * The key this instance files a text under; a batch looks up and stores each of its segments by it. Context pairs,
     * glossary terms and a note (a gettext context tells apart two uses of one text) change what the model is asked,
     * so a text that carries them is filed under the whole prompt it is sent with as well: a re-dropped file, whose
     * context comes back the same, still finds its lines.
     */
    MemoryKey key(TranslationRequest request) {
        String shaping = request.context().isEmpty() && request.glossary().isEmpty() && request.note() == null
                ? settingsHash
                // one digest of both: the memory's column holds one (two joined never fitted, and never stored)
                : MemoryKey.digestOf(settingsHash + "+" + Prompt.of(provider.settings(), request));
        return new MemoryKey(request.sourceLang(), request.targetLang(), provider.settings().model(), shaping,
                request.text());
    }

    /** Stores the translation the provider's reply yielded under the key {@link #recall} made. */
    void remember(Exchange exchange) {
        MemoryKey key = exchange.getProperty(KEY, MemoryKey.class);
        if (key != null) {
            memory.store(key, exchange.getMessage().getBody(Translation.class).text());
        }
    }

    /** A segment's remembered translation, if the memory has one. */
    Optional<Translation> recall(TranslationRequest segment) {
        return lookUp(key(segment))
                .map(text -> Translation.remembered(provider.name(), provider.settings().model(), text));
    }

    /** This instance's own translation, else an imported one for the same languages and text. */
    private Optional<String> lookUp(MemoryKey key) {
        return memory.find(key).or(() -> memory.findImported(key.sourceLang(), key.targetLang(), key.text()));
    }

    /** Stores the translation of a segment {@link BatchCall} sent, alone or in an aligned batch reply. */
    void remember(TranslationRequest segment, Translation translation) {
        memory.store(key(segment), translation.text());
    }
}
