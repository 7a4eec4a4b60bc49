package dev.dragoman.provider.gemini;

import dev.dragoman.provider.Dialect;
import dev.dragoman.provider.Engine;
import dev.dragoman.provider.ProviderSettings;

/** Google's native Gemini format, recognised by the Gemini API's address. */
public final class GeminiDialect implements Dialect {

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public boolean recognises(String url) {
        return GeminiAddress.isGemini(url);
    }

    @Override
    public Engine engine(ProviderSettings settings) {
        return new GeminiFormat();
    }
}
