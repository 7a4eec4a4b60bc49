package dev.dragoman.support.wire;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/** Gemini's generateContent and streamGenerateContent?alt=sse (reference/providers.md §3): thought parts, no [DONE]. */
public final class GeminiStub extends SameAddressStub {

    public static final String KEY = "AIzaSy-gemini-test-key-0001";
    private static final String MODEL = "gemini-2.5-flash";
    private static final String PLAIN = "/v1beta/models/" + MODEL + ":generateContent";
    private static final String STREAMED = "/v1beta/models/" + MODEL + ":streamGenerateContent?alt=sse";

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public Map<String, String> settings(String baseUrl) {
        return Map.of("url", baseUrl + "/v1beta", "keys", KEY, "model", MODEL, "temperature", "0.2",
                "top-k", "40", "max-tokens", "256", "stop", "###");
    }

    @Override
    protected String path(boolean stream) {
        return stream ? STREAMED : PLAIN;
    }

    @Override
    protected ResponseDefinitionBuilder wholeReply() {
        return okJson("""
                {"candidates":[{"content":{"role":"model","parts":[
                   {"text":"The user wants French.","thought":true},{"text":"Bonjour"}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":31,"candidatesTokenCount":12,"thoughtsTokenCount":100,
                   "totalTokenCount":143},
                 "modelVersion":"gemini-2.5-flash-001","responseId":"r1"}""");
    }

    @Override
    protected ResponseDefinitionBuilder streamedReply() {
        return Sse.stream(
                Sse.data("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Thinking\","
                + "\"thought\":true}]}}],\"usageMetadata\":{\"promptTokenCount\":31,"
                + "\"candidatesTokenCount\":0}}"),
                Sse.data("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Bon\"}]},"
                + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":31,"
                + "\"candidatesTokenCount\":5},\"modelVersion\":\"gemini-2.5-flash-001\"}"),
                Sse.data("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"jour\"}]},"
                + "\"finishReason\":\"STOP\"}]}"),
                Sse.data("{\"candidates\":[{\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":31,"
                + "\"candidatesTokenCount\":12,\"totalTokenCount\":43}}"));
    }

    @Override
    protected RequestPatternBuilder expect(RequestPatternBuilder request) {
        return request
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withoutHeader("Authorization")
                .withRequestBody(matchingJsonPath("$.systemInstruction.parts[0].text", containing("into French")))
                .withRequestBody(matchingJsonPath("$.contents[0].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[0].text", equalTo(TEXT)))
                .withRequestBody(matchingJsonPath("$.generationConfig.temperature", equalTo("0.2")))
                .withRequestBody(matchingJsonPath("$.generationConfig.topK", equalTo("40")))
                .withRequestBody(matchingJsonPath("$.generationConfig.maxOutputTokens", equalTo("256")))
                .withRequestBody(matchingJsonPath("$.generationConfig.stopSequences[0]", equalTo("###")));
    }
}
