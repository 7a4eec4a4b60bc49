package dev.dragoman.provider.gemini;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.dragoman.support.wire.SameAddressStub;
import dev.dragoman.support.wire.Sse;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/**
 * Gemini's generateContent and streamGenerateContent?alt=sse (https://ai.google.dev/api/generate-content): thought
 * parts, no [DONE].
 */
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

    /** Only the last chunk says why the candidate finished: the stream's one sign that it is complete. */
    @Override
    protected ResponseDefinitionBuilder streamedReply() {
        return Sse.stream(
                chunk("{\"text\":\"Thinking\",\"thought\":true}", null,
                        "\"promptTokenCount\":31,\"candidatesTokenCount\":0"),
                chunk("{\"text\":\"Bon\"}", null, "\"promptTokenCount\":31,\"candidatesTokenCount\":5"),
                chunk("{\"text\":\"jour\"}", null, null),
                chunk(null, "STOP", "\"promptTokenCount\":31,\"candidatesTokenCount\":12,\"totalTokenCount\":43"));
    }

    @Override
    public ResponseDefinitionBuilder faultyReply(Fault fault, boolean stream) {
        return switch (fault) {
            case EMPTY -> stream
                    ? Sse.stream(chunk("{\"text\":\"The user wants French.\",\"thought\":true}", null, null),
                            chunk(null, "STOP", "\"promptTokenCount\":31,\"candidatesTokenCount\":0"))
                    : okJson(whole("{\"text\":\"The user wants French.\",\"thought\":true}", "STOP"));
            case CUT_OFF -> stream
                    ? Sse.stream(chunk("{\"text\":\"Bonj\"}", null, null),
                            chunk(null, "MAX_TOKENS", "\"promptTokenCount\":31,\"candidatesTokenCount\":256"))
                    : okJson(whole("{\"text\":\"Bonj\"}", "MAX_TOKENS"));
            case UNTERMINATED -> Sse.stream(chunk("{\"text\":\"Bon\"}", null, null),
                    chunk("{\"text\":\"jour\"}", null, "\"promptTokenCount\":31,\"candidatesTokenCount\":12"));
        };
    }

    /** One streamed chunk: a candidate with the part (or none), its finish reason (or none), the usage (or none). */
    private static String chunk(String part, String finishReason, String usage) {
        return Sse.data("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":["
                + (part == null ? "" : part) + "]}"
                + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"")
                + "}]" + (usage == null ? "" : ",\"usageMetadata\":{" + usage + "}")
                + ",\"modelVersion\":\"gemini-2.5-flash-001\"}");
    }

    private static String whole(String part, String finishReason) {
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + part + "]},"
                + "\"finishReason\":\"" + finishReason + "\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":31,\"candidatesTokenCount\":5},"
                + "\"modelVersion\":\"gemini-2.5-flash-001\"}";
    }

    @Override
    protected String keyHeader() {
        return "x-goog-api-key";
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
