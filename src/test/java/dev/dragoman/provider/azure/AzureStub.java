package dev.dragoman.provider.azure;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.wire.OpenAiFormatStub;
import dev.dragoman.support.wire.Sse;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;

/**
 * Azure OpenAI's deployments address with its api-version
 * (https://learn.microsoft.com/en-us/azure/ai-services/openai/reference): api-key header, first stream chunk with
 * {@code choices: []} and {@code prompt_filter_results}. The dialect is detected from the address.
 */
public final class AzureStub extends OpenAiFormatStub {

    public static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String PATH = "/openai/deployments/gpt-4o-dep/chat/completions?api-version=2024-10-21";

    @Override
    public String name() {
        return "azure";
    }

    @Override
    public Map<String, String> settings(String baseUrl) {
        return Map.of("url", baseUrl + "/openai/deployments/gpt-4o-dep?api-version=2024-10-21", "keys", KEY);
    }

    @Override
    protected String path(boolean stream) {
        return PATH;
    }

    @Override
    protected ResponseDefinitionBuilder wholeReply() {
        return OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"<think>French.</think>Bonjour\"}");
    }

    @Override
    protected ResponseDefinitionBuilder streamedReply() {
        return Sse.stream(
                Sse.data("{\"choices\":[],\"prompt_filter_results\":[{\"prompt_index\":0,"
                                + "\"content_filter_results\":{\"hate\":{\"filtered\":false,\"severity\":\"safe\"}}}]}"),
                OpenAiStub.delta("Bon"),
                OpenAiStub.delta("jour"),
                OpenAiStub.finish("stop"),
                OpenAiStub.USAGE,
                OpenAiStub.DONE);
    }

    @Override
    protected String keyHeader() {
        return "api-key";
    }

    @Override
    protected String keyValue(String key) {
        return key;
    }

    @Override
    protected RequestPatternBuilder expect(RequestPatternBuilder request) {
        return request
                .withHeader("api-key", equalTo(KEY))
                .withoutHeader("Authorization")
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-dep")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("into French")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo(TEXT)));
    }
}
