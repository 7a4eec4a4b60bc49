package dev.dragoman.provider.qwenmt;

import java.util.List;
import java.util.Map;

import dev.dragoman.provider.Dialect;
import dev.dragoman.provider.Engine;
import dev.dragoman.provider.OptionType;
import dev.dragoman.provider.ProviderOption;
import dev.dragoman.provider.ProviderSettings;

/**
 * Alibaba's Qwen-MT translation models. Never recognised by address: Qwen-MT shares DashScope's address with the
 * other Qwen models, so it is chosen by {@code dialect} or {@code platform}.
 */
public final class QwenMtDialect implements Dialect {

    static final String NAME = "qwen-mt";

    public static final ProviderOption<Map<String, String>> TERMS = ProviderOption.of("terms", OptionType.PAIRS,
            "terms to translate as given").forDialect(NAME);
    public static final ProviderOption<String> DOMAINS = ProviderOption.of("domains", OptionType.TEXT,
            "a domain and style hint in English, e.g. \"IT documentation, formal tone\"").forDialect(NAME);

    @Override
    public String name() {
        return NAME;
    }

    /** Qwen-MT takes the raw text alone, with no system prompt to explain a batch: every segment goes alone. */
    @Override
    public boolean batches() {
        return false;
    }

    @Override
    public List<ProviderOption<?>> options() {
        return List.of(TERMS, DOMAINS);
    }

    @Override
    public Engine engine(ProviderSettings settings) {
        return new QwenMtFormat();
    }
}
