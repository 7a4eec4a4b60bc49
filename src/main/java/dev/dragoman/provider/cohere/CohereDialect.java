package dev.dragoman.provider.cohere;

import dev.dragoman.provider.AddressHost;
import dev.dragoman.provider.Dialect;
import dev.dragoman.provider.Engine;
import dev.dragoman.provider.ProviderSettings;

/**
 * Cohere's Chat API v2, recognised by Cohere's hosts; Cohere's OpenAI compatibility address
 * (https://docs.cohere.com/docs/compatibility-api) speaks the OpenAI format instead.
 */
public final class CohereDialect implements Dialect {

    @Override
    public String name() {
        return "cohere";
    }

    @Override
    public boolean recognises(String url) {
        return AddressHost.of(url).startsWith("api.cohere.") && !url.contains("/compatibility");
    }

    @Override
    public Engine engine(ProviderSettings settings) {
        return new CohereFormat();
    }
}
