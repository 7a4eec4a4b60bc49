package dev.dragoman.provider.azure;

import java.util.Map;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.HttpCall;
import dev.dragoman.provider.ProviderSettings;
import dev.dragoman.provider.openai.OpenAiFormat;

/**
 * Azure OpenAI (https://learn.microsoft.com/en-us/azure/ai-services/openai/reference): the OpenAI body and stream, but
 * the resource key goes in an {@code api-key} header and the address names the deployment. The first stream chunk has
 * {@code choices: []} (only {@code prompt_filter_results}), which the OpenAI reading already skips; a
 * {@code content_filter} 400 is a request-rejected error by its status.
 */
public class AzureFormat extends OpenAiFormat {

    @Override
    protected String chatUrl(ProviderSettings provider) {
        return AzureAddress.chatCompletions(provider.url());
    }

    @Override
    public Map<String, String> authHeaders(ApiKey key) {
        return Map.of("api-key", key.secret());
    }

    @Override
    public HttpCall modelsRequest(ProviderSettings provider) {
        return HttpCall.get(AzureAddress.models(provider.url()), provider.extraHeaders());
    }
}
