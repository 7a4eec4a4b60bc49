package dev.dragoman.provider.qianfan;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.wire.OpenAiFormatStub;
import dev.dragoman.support.wire.Sse;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Baidu Qianfan v2 with an {@code AK:SK} key (https://ai.baidu.com/ai-doc/WENXINWORKSHOP/Um2wxbaps): the key is
 * exchanged once at the IAM token endpoint (BCE-signed), then the chat calls carry the bearer token; replies are
 * OpenAI-shaped with {@code reasoning_content}.
 */
public final class QianfanStub extends OpenAiFormatStub {

    public static final String ACCESS_KEY = "ALTAKqianfanAccessKey01";
    public static final String SECRET_KEY = "qianfanSecretKey0000000000000001";
    public static final String TOKEN = "bce-v3/ALTAK-qianfanToken/0123456789abcdef";
    public static final String TOKEN_PATH = "/v1/BCE-BEARER/token";
    private static final String PATH = "/v2/chat/completions";

    @Override
    public String name() {
        return "qianfan";
    }

    @Override
    public Map<String, String> settings(String baseUrl) {
        return Map.of("url", baseUrl + "/v2", "dialect", "qianfan", "keys", ACCESS_KEY + ":" + SECRET_KEY,
                "model", "ernie-4.0-turbo-8k", "token-url", baseUrl + TOKEN_PATH);
    }

    /** The IAM token endpoint too, answering with a token that lasts. */
    @Override
    public void stub(WireMockExtension server) {
        server.stubFor(get(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"token\":\"" + TOKEN + "\","
                + "\"expireTime\":\"2099-01-01T00:00:00Z\",\"createTime\":\"2026-01-01T00:00:00Z\","
                + "\"userId\":\"u1\",\"status\":\"enable\"}")));
        super.stub(server);
    }

    @Override
    protected String path(boolean stream) {
        return PATH;
    }

    @Override
    protected ResponseDefinitionBuilder wholeReply() {
        return OpenAiStub.reply("{\"role\":\"assistant\",\"reasoning_content\":\"French.\","
                + "\"content\":\"Bonjour\"}");
    }

    @Override
    protected ResponseDefinitionBuilder streamedReply() {
        return Sse.stream(
                Sse.data("{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"French.\"}}]}"),
                OpenAiStub.delta("Bon"),
                OpenAiStub.delta("jour"),
                OpenAiStub.finish("stop"),
                OpenAiStub.USAGE,
                OpenAiStub.DONE);
    }

    /** Every key is exchanged for the one token the stub hands out, so calls cannot be told apart by key. */
    @Override
    protected String keyValue(String key) {
        return "Bearer " + TOKEN;
    }

    @Override
    protected RequestPatternBuilder expect(RequestPatternBuilder request) {
        return request
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.model", equalTo("ernie-4.0-turbo-8k")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("into French")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo(TEXT)));
    }

    /** The key was exchanged exactly once, with a BCE v1 signature of the access key. */
    @Override
    public void verifyAlso(WireMockExtension server) {
        server.verify(1, getRequestedFor(urlEqualTo(TOKEN_PATH + "?expireInSeconds=86400"))
                .withHeader("Authorization", matching("bce-auth-v1/" + ACCESS_KEY
                + "/\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ/1800/host/[0-9a-f]{64}")));
    }
}
