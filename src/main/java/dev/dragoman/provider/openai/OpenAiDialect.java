package dev.dragoman.provider.openai;

import dev.dragoman.provider.Dialect;
import dev.dragoman.provider.Dialects;
import dev.dragoman.provider.Engine;
import dev.dragoman.provider.ProviderSettings;

/** The OpenAI Chat Completions format, and the dialect of every address no other dialect recognises. */
public final class OpenAiDialect implements Dialect {

    @Override
    public String name() {
        return Dialects.DEFAULT;
    }

    @Override
    public Engine engine(ProviderSettings settings) {
        if (DeepSeekFormat.isDeepSeek(settings.url())) {
            return new DeepSeekFormat();
        }
        return DashScopeFormat.isDashScope(settings.url()) ? new DashScopeFormat() : new OpenAiFormat();
    }
}
