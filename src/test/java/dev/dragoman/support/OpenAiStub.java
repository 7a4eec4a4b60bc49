package dev.dragoman.support;

import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import dev.dragoman.support.wire.Sse;

/**
 * Replies in the OpenAI Chat Completions wire format (https://platform.openai.com/docs/api-reference/chat), for
 * WireMock stubs: whole replies, SSE streams, and error bodies.
 */
public final class OpenAiStub {

    public static final String PATH = "/v1/chat/completions";

    /** The usage chunk that {@code stream_options.include_usage} adds after the last choice chunk. */
    public static final String USAGE = "data: {\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":31,\"completion_tokens\":12}}";

    /** The stream's end marker. */
    public static final String DONE = "data: [DONE]";

    private OpenAiStub() {
    }

    /**
     * A reply whose translation is "T:" and the user message, so each text's translation is known; a batch (a JSON
     * array of texts) is answered text by text ({@link BatchEcho}).
     */
    public static ResponseDefinitionBuilder echo() {
        return WireMock.okJson("{}").withTransformers(BatchEcho.NAME);
    }

    /** {@link #echo()} with this share of calls (0 to 1, at random) answered with an HTTP 500 instead. */
    public static ResponseDefinitionBuilder flakyEcho(double errorRate) {
        return WireMock.okJson("{}").withTransformers(BatchEcho.NAME).withTransformerParameter("fault", "errors")
                .withTransformerParameter("rate", errorRate);
    }

    /** {@link #echo()} with every fifth batch misaligned: {@code fault} is {@code merge} or {@code drop}. */
    public static ResponseDefinitionBuilder echo(String fault) {
        return WireMock.okJson("{}").withTransformers(BatchEcho.NAME).withTransformerParameter("fault", fault);
    }

    public static ResponseDefinitionBuilder reply(String messageJson) {
        return reply(messageJson, "stop");
    }

    /** A whole reply that ended for the given {@code finish_reason} ({@code stop}, {@code length}…). */
    public static ResponseDefinitionBuilder reply(String messageJson, String finishReason) {
        return WireMock.okJson("""
                {"id":"chatcmpl-1","object":"chat.completion","model":"stub-model",
                 "choices":[{"index":0,"message":%s,"finish_reason":"%s"}],
                 "usage":{"prompt_tokens":31,"completion_tokens":12,"total_tokens":43}}
                """.formatted(messageJson, finishReason));
    }

    /** A text/event-stream body made of the given raw SSE lines, each followed by a blank line. */
    public static ResponseDefinitionBuilder stream(List<String> events) {
        return Sse.stream(events.toArray(String[]::new));
    }

    /** One streamed chunk with a content delta. */
    public static String delta(String content) {
        return "data: {\"object\":\"chat.completion.chunk\",\"model\":\"stub-model\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}";
    }

    /** The chunk that ends the choice, with an empty delta and its {@code finish_reason}. */
    public static String finish(String reason) {
        return "data: {\"object\":\"chat.completion.chunk\",\"model\":\"stub-model\",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}";
    }

    public static ResponseDefinitionBuilder error(int status, String type, String code, String message) {
        return WireMock.aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,"
                        + "\"code\":\"" + code + "\"}}");
    }
}
