package dev.dragoman.provider.qwenmt;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.wire.OpenAiFormatStub;
import dev.dragoman.support.wire.Sse;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;

/**
 * Qwen-MT on DashScope's compatible mode (https://www.alibabacloud.com/help/en/model-studio/machine-translation):
 * translation_options, one user message, and a cumulative stream whose chunks repeat the translation so far.
 */
public final class QwenMtStub extends OpenAiFormatStub {

    public static final String KEY = "sk-qwen-mt-test-key-00000001";
    private static final String PATH = "/compatible-mode/v1/chat/completions";

    @Override
    public String name() {
        return "qwen-mt";
    }

    @Override
    public Map<String, String> settings(String baseUrl) {
        return Map.of("url", baseUrl + "/compatible-mode/v1", "dialect", "qwen-mt", "keys", KEY,
                "model", "qwen-mt-turbo", "terms", "生物传感器=biological sensor | 芯片=chip",
                "domains", "IT documentation, professional tone");
    }

    @Override
    protected String path(boolean stream) {
        return PATH;
    }

    @Override
    protected ResponseDefinitionBuilder wholeReply() {
        return OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"Bonjour\"}");
    }

    @Override
    protected ResponseDefinitionBuilder streamedReply() {
        return Sse.stream(
                OpenAiStub.delta("Bon"),
                OpenAiStub.delta("Bonjo"),
                OpenAiStub.delta("Bonjour"),
                OpenAiStub.delta("Bonjour"),
                OpenAiStub.finish("stop"),
                OpenAiStub.USAGE,
                OpenAiStub.DONE);
    }

    @Override
    protected RequestPatternBuilder expect(RequestPatternBuilder request) {
        return request
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo(TEXT)))
                .withRequestBody(matchingJsonPath("$.translation_options.source_lang", equalTo("auto")))
                .withRequestBody(matchingJsonPath("$.translation_options.target_lang", equalTo(TARGET_LANG)))
                .withRequestBody(matchingJsonPath("$.translation_options.terms[0].source", equalTo("生物传感器")))
                .withRequestBody(matchingJsonPath("$.translation_options.terms[1].target", equalTo("chip")))
                .withRequestBody(matchingJsonPath("$.translation_options.domains",
                        equalTo("IT documentation, professional tone")));
    }
}
