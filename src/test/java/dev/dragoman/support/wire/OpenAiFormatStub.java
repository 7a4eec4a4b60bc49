package dev.dragoman.support.wire;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.dragoman.support.OpenAiStub;

/**
 * The Chat Completions format shared by the OpenAI-compatible dialects (reference:
 * https://platform.openai.com/docs/api-reference/chat): a Bearer key, and the replies that are no translation as
 * they come on that wire: {@code content: null}, {@code finish_reason: "length"}, a stream without {@code [DONE]}.
 */
public abstract class OpenAiFormatStub extends SameAddressStub {

    @Override
    protected String keyHeader() {
        return "Authorization";
    }

    @Override
    protected String keyValue(String key) {
        return "Bearer " + key;
    }

    /** The compatible dialects' replies are OpenAI's own, which the openai dialect's stub covers. */
    @Override
    public boolean ownReplyFormat() {
        return false;
    }

    @Override
    public ResponseDefinitionBuilder faultyReply(Fault fault, boolean stream) {
        return switch (fault) {
            case EMPTY -> stream
                    ? Sse.stream(OpenAiStub.delta("<think>The user wants French"), OpenAiStub.finish("stop"),
                            OpenAiStub.USAGE, OpenAiStub.DONE)
                    : OpenAiStub.reply("{\"role\":\"assistant\",\"content\":null}");
            case CUT_OFF -> stream
                    ? Sse.stream(OpenAiStub.delta("Bon"), OpenAiStub.delta("j"), OpenAiStub.finish("length"),
                            OpenAiStub.USAGE, OpenAiStub.DONE)
                    : OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"Bonj\"}", "length");
            case UNTERMINATED -> Sse.stream(OpenAiStub.delta("Bon"), OpenAiStub.delta("jour"),
                    OpenAiStub.finish("stop"), OpenAiStub.USAGE);
        };
    }
}
