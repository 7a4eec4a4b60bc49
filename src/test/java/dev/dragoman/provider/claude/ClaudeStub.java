package dev.dragoman.provider.claude;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.dragoman.support.wire.SameAddressStub;
import dev.dragoman.support.wire.Sse;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/**
 * Anthropic's Messages API (https://platform.claude.com/docs/en/build-with-claude/streaming): thinking blocks, named
 * stream events, message_stop.
 */
public final class ClaudeStub extends SameAddressStub {

    public static final String KEY = "sk-ant-api03-claude-test-key-0001";
    private static final String PATH = "/v1/messages";

    private static final String START = Sse.named("message_start", "{\"type\":\"message_start\",\"message\":"
            + "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5-20251001\","
            + "\"content\":[],\"usage\":{\"input_tokens\":31,\"output_tokens\":1}}}");
    private static final String THINKING = Sse.named("content_block_delta", "{\"type\":\"content_block_delta\","
            + "\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"The user wants French.\"}}");
    private static final String STOP = Sse.named("message_stop", "{\"type\":\"message_stop\"}");

    @Override
    public String name() {
        return "claude";
    }

    @Override
    public Map<String, String> settings(String baseUrl) {
        return Map.of("url", baseUrl, "dialect", "claude", "keys", KEY, "model", "claude-haiku-4-5",
                "temperature", "0.2", "top-p", "0.9", "stop", "###");
    }

    @Override
    protected String path(boolean stream) {
        return PATH;
    }

    @Override
    protected ResponseDefinitionBuilder wholeReply() {
        return okJson("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001",
                 "content":[{"type":"thinking","thinking":"The user wants French.","signature":"sig"},
                            {"type":"text","text":"Bonjour"}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":31,"output_tokens":12}}""");
    }

    @Override
    protected ResponseDefinitionBuilder streamedReply() {
        return Sse.stream(
                Sse.named("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5-20251001\","
                + "\"content\":[],\"usage\":{\"input_tokens\":31,\"output_tokens\":1}}}"),
                Sse.named("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}"),
                Sse.named("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"The user wants French.\"}}"),
                Sse.named("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                Sse.named("ping", "{\"type\":\"ping\"}"),
                Sse.named("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                Sse.named("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Bon\"}}"),
                Sse.named("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"jour\"}}"),
                Sse.named("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"),
                Sse.named("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":12}}"),
                Sse.named("message_stop", "{\"type\":\"message_stop\"}"),
                Sse.named("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\" after the end\"}}"));
    }

    @Override
    public ResponseDefinitionBuilder faultyReply(Fault fault, boolean stream) {
        return switch (fault) {
            case EMPTY -> stream
                    ? Sse.stream(START, THINKING, stop("end_turn", 40), STOP)
                    : whole("{\"type\":\"thinking\",\"thinking\":\"The user wants French.\",\"signature\":\"sig\"}",
                            "end_turn");
            case CUT_OFF -> stream
                    ? Sse.stream(START, text("Bonj"), stop("max_tokens", 4096), STOP)
                    : whole("{\"type\":\"text\",\"text\":\"Bonj\"}", "max_tokens");
            case UNTERMINATED -> Sse.stream(START, text("Bon"), text("jour"), stop("end_turn", 12));
        };
    }


    private static String text(String text) {
        return Sse.named("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
    }

    /** The message_delta that says why the message ended. */
    private static String stop(String reason, int outputTokens) {
        return Sse.named("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + reason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}");
    }

    private static ResponseDefinitionBuilder whole(String block, String stopReason) {
        return okJson("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-haiku-4-5-20251001\",\"content\":[" + block + "],\"stop_reason\":\""
                + stopReason + "\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":31,\"output_tokens\":12}}");
    }

    @Override
    protected String keyHeader() {
        return "x-api-key";
    }

    @Override
    protected RequestPatternBuilder expect(RequestPatternBuilder request) {
        return request
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withoutHeader("Authorization")
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-haiku-4-5")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("4096")))
                .withRequestBody(matchingJsonPath("$.system", containing("into French")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo(TEXT)))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.2")))
                .withRequestBody(notContaining("\"top_p\""))
                .withRequestBody(matchingJsonPath("$.stop_sequences[0]", equalTo("###")));
    }
}
