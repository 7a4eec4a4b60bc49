package dev.dragoman.provider.azure;

import java.util.Optional;

import dev.dragoman.provider.Dialect;
import dev.dragoman.provider.Engine;
import dev.dragoman.provider.ProviderSettings;

/** Azure OpenAI: recognised by its {@code *.openai.azure.com} address, whose deployment is the default model. */
public final class AzureDialect implements Dialect {

    @Override
    public String name() {
        return "azure";
    }

    @Override
    public boolean recognises(String url) {
        return AzureAddress.isAzure(url);
    }

    @Override
    public Optional<String> defaultModel(String url) {
        return AzureAddress.deployment(url);
    }

    @Override
    public Engine engine(ProviderSettings settings) {
        return new AzureFormat();
    }
}
