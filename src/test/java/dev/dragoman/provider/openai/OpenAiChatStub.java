package dev.dragoman.provider.openai;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.wire.OpenAiFormatStub;
import dev.dragoman.support.wire.Sse;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;

/** OpenAI's own Chat Completions (https://platform.openai.com/docs/api-reference/chat), the plain openai dialect. */
public final class OpenAiChatStub extends OpenAiFormatStub {

    public static final String KEY = "sk-proj-openai-test-key-0001";

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public Map<String, String> settings(String baseUrl) {
        return Map.of("url", baseUrl + "/v1", "dialect", "openai", "keys", KEY, "model", "gpt-4o-mini");
    }

    /** The Chat Completions replies, which the compatible dialects' stubs share. */
    @Override
    public boolean ownReplyFormat() {
        return true;
    }

    @Override
    protected String path(boolean stream) {
        return OpenAiStub.PATH;
    }

    @Override
    protected ResponseDefinitionBuilder wholeReply() {
        return OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"<think>French.</think>Bonjour\"}");
    }

    @Override
    protected ResponseDefinitionBuilder streamedReply() {
        return Sse.stream(OpenAiStub.delta("Bon"), OpenAiStub.delta("jour"), OpenAiStub.finish("stop"),
                OpenAiStub.USAGE, OpenAiStub.DONE);
    }

    @Override
    protected RequestPatternBuilder expect(RequestPatternBuilder request) {
        return request
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("into French")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo(TEXT)));
    }
}
