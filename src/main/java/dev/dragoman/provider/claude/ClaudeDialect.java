package dev.dragoman.provider.claude;

import dev.dragoman.provider.AddressHost;
import dev.dragoman.provider.Dialect;
import dev.dragoman.provider.Engine;
import dev.dragoman.provider.ProviderSettings;

/** Anthropic's Messages API, recognised by Anthropic's own host. */
public final class ClaudeDialect implements Dialect {

    @Override
    public String name() {
        return "claude";
    }

    @Override
    public boolean recognises(String url) {
        return AddressHost.of(url).equals("api.anthropic.com");
    }

    @Override
    public Engine engine(ProviderSettings settings) {
        return new ClaudeFormat();
    }
}
