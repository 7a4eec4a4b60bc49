package dev.dragoman.provider.qianfan;

import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.StubServers;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.translate.Envelope;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** An AK:SK pair the token service refuses is a rejected key: out of rotation, the call goes on with the next. */
class QianfanKeyRotationTest extends DragomanTestSupport {

    static final String REFUSED = "ALTAKrefusedAccessKey1:refusedSecretKey00000000000001";
    static final String GOOD = "ALTAKgoodAccessKey0001:goodSecretKey000000000000000001";

    @RegisterExtension
    static WireMockExtension server = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "qianfan");
        openAi(properties, "qianfan", server.baseUrl() + "/v2", REFUSED + "|" + GOOD, "ernie-4.0-turbo-8k");
        properties.put("dragoman.provider.qianfan.dialect", "qianfan");
        properties.put("dragoman.provider.qianfan.token-url", server.baseUrl() + QianfanStub.TOKEN_PATH);
        return properties;
    }

    @Test
    void should_take_a_refused_access_key_out_and_translate_with_the_next() throws Exception {
        server.stubFor(get(urlPathEqualTo(QianfanStub.TOKEN_PATH)).willReturn(okJson(
                "{\"token\":\"bce-v3/ALTAK-good/0000000000000001\",\"expireTime\":\"2099-01-01T00:00:00Z\"}")));
        server.stubFor(get(urlPathEqualTo(QianfanStub.TOKEN_PATH))
                .withHeader("Authorization", containing("ALTAKrefusedAccessKey1"))
                .willReturn(unauthorized().withBody("{\"code\":\"InvalidAccessKeyId\",\"message\":\"invalid\"}")));
        server.stubFor(post("/v2/chat/completions").willReturn(OpenAiStub.echo()));

        for (String text : new String[] { "one", "two", "three", "four" }) {
            Envelope envelope = template.requestBody("direct:translate", text, Envelope.class);
            assertThat(envelope.translation()).isEqualTo("T:" + text);
        }
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(QianfanStub.TOKEN_PATH))
                .withHeader("Authorization", containing("ALTAKrefusedAccessKey1"))))
                .as("the refused pair is asked once, then left out").hasSize(1);
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(QianfanStub.TOKEN_PATH))
                .withHeader("Authorization", containing("ALTAKgoodAccessKey0001"))))
                .as("the good pair's token is reused").hasSize(1);
    }
}
