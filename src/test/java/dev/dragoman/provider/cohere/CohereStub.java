package dev.dragoman.provider.cohere;

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
 * Cohere's Chat v2 (https://docs.cohere.com/reference/chat-stream): thinking content, content-delta events,
 * message-end, stray [DONE].
 */
public final class CohereStub extends SameAddressStub {

    public static final String KEY = "co-cohere-test-key-000000001";
    private static final String PATH = "/v2/chat";

    private static final String START = Sse.named("message-start", "{\"type\":\"message-start\",\"id\":\"c1\","
            + "\"delta\":{\"message\":{\"role\":\"assistant\",\"content\":[]}}}");

    @Override
    public String name() {
        return "cohere";
    }

    @Override
    public Map<String, String> settings(String baseUrl) {
        return Map.of("url", baseUrl, "dialect", "cohere", "keys", KEY, "model", "command-a-03-2025",
                "top-p", "0.9", "top-k", "40", "max-tokens", "256");
    }

    @Override
    protected String path(boolean stream) {
        return PATH;
    }

    @Override
    protected ResponseDefinitionBuilder wholeReply() {
        return okJson("""
                {"id":"c1","finish_reason":"COMPLETE",
                 "message":{"role":"assistant","content":[{"type":"thinking","thinking":"The user wants French."},
                                                          {"type":"text","text":"Bonjour"}]},
                 "usage":{"billed_units":{"input_tokens":25,"output_tokens":12},
                          "tokens":{"input_tokens":31,"output_tokens":12}}}""");
    }

    @Override
    protected ResponseDefinitionBuilder streamedReply() {
        return Sse.stream(
                Sse.named("message-start", "{\"type\":\"message-start\",\"id\":\"c1\",\"delta\":{\"message\":"
                + "{\"role\":\"assistant\",\"content\":[]}}}"),
                Sse.named("content-start", "{\"type\":\"content-start\",\"index\":0,\"delta\":{\"message\":"
                + "{\"content\":{\"type\":\"thinking\",\"thinking\":\"\"}}}}"),
                Sse.named("content-delta", "{\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":"
                + "{\"content\":{\"thinking\":\"The user wants French.\"}}}}"),
                Sse.named("content-start", "{\"type\":\"content-start\",\"index\":1,\"delta\":{\"message\":"
                + "{\"content\":{\"type\":\"text\",\"text\":\"\"}}}}"),
                Sse.named("content-delta", "{\"type\":\"content-delta\",\"index\":1,\"delta\":{\"message\":"
                + "{\"content\":{\"text\":\"Bon\"}}}}"),
                Sse.named("content-delta", "{\"type\":\"content-delta\",\"index\":1,\"delta\":{\"message\":"
                + "{\"content\":{\"text\":\"jour\"}}}}"),
                Sse.named("content-end", "{\"type\":\"content-end\",\"index\":1}"),
                Sse.named("message-end", "{\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"COMPLETE\","
                + "\"usage\":{\"billed_units\":{\"input_tokens\":25,\"output_tokens\":12},"
                + "\"tokens\":{\"input_tokens\":31,\"output_tokens\":12}}}}"),
                Sse.data("[DONE]"));
    }

    @Override
    public ResponseDefinitionBuilder faultyReply(Fault fault, boolean stream) {
        return switch (fault) {
            case EMPTY -> stream
                    ? Sse.stream(START, end("COMPLETE"))
                    : whole("{\"type\":\"thinking\",\"thinking\":\"The user wants French.\"}", "COMPLETE");
            case CUT_OFF -> stream
                    ? Sse.stream(START, text("Bon"), text("j"), end("MAX_TOKENS"))
                    : whole("{\"type\":\"text\",\"text\":\"Bonj\"}", "MAX_TOKENS");
            case UNTERMINATED -> Sse.stream(START, text("Bon"), text("jour"));
        };
    }


    private static String text(String text) {
        return Sse.named("content-delta", "{\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":"
                + "{\"content\":{\"text\":\"" + text + "\"}}}}");
    }

    private static String end(String finishReason) {
        return Sse.named("message-end", "{\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"" + finishReason
                + "\",\"usage\":{\"tokens\":{\"input_tokens\":31,\"output_tokens\":12}}}}");
    }

    private static ResponseDefinitionBuilder whole(String content, String finishReason) {
        return okJson("{\"id\":\"c1\",\"finish_reason\":\"" + finishReason + "\",\"message\":{\"role\":\"assistant\","
                + "\"content\":[" + content + "]},\"usage\":{\"tokens\":{\"input_tokens\":31,\"output_tokens\":12}}}");
    }

    @Override
    protected String keyHeader() {
        return "Authorization";
    }

    @Override
    protected String keyValue(String key) {
        return "Bearer " + key;
    }

    @Override
    protected RequestPatternBuilder expect(RequestPatternBuilder request) {
        return request
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("command-a-03-2025")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("into French")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo(TEXT)))
                .withRequestBody(matchingJsonPath("$.p", equalTo("0.9")))
                .withRequestBody(matchingJsonPath("$.k", equalTo("40")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("256")));
    }
}
