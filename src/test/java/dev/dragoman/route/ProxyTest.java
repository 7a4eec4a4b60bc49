package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code proxy}: an instance's calls go to its proxy, addressed to the provider, and through a proxy that asks for
 * Basic credentials with those of the proxy address. The provider's address does not even resolve here, so a call
 * that bypassed the proxy could not succeed; the proxy stand-in answers as the provider would.
 */
class ProxyTest extends DragomanTestSupport {

    private static final String PROVIDER = "http://llm.example.invalid:8443";

    @RegisterExtension
    static WireMockExtension proxy = StubServers.create();

    @RegisterExtension
    static WireMockExtension guardedProxy = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "open, guarded");
        openAi(properties, "open", PROVIDER, "sk-stub-key-000000000001", "stub-model");
        openAi(properties, "guarded", PROVIDER, "sk-stub-key-000000000002", "stub-model");
        properties.put("dragoman.provider.open.proxy", proxy.baseUrl());
        properties.put("dragoman.provider.guarded.proxy",
                guardedProxy.baseUrl().replace("http://", "http://dragoman:s3cret-pr0xy@"));
        return properties;
    }

    @Test
    void calls_go_through_the_instances_proxy() throws Exception {
        proxy.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));

        Reply reply = new HttpClientSupport(port()).postJson("/translate", "{\"text\": \"Hello\", \"provider\": \"open\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("translation").asText()).isEqualTo("T:Hello");
        List<LoggedRequest> requests = proxy.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Host")).as("addressed to the provider").isEqualTo("llm.example.invalid:8443");
    }

    @Test
    void a_proxy_that_asks_for_credentials_gets_those_of_the_proxy_address() throws Exception {
        String credentials = "Basic " + Base64.getEncoder().encodeToString("dragoman:s3cret-pr0xy"
                .getBytes(StandardCharsets.UTF_8));
        guardedProxy.stubFor(post(OpenAiStub.PATH).atPriority(1)
                .withHeader("Proxy-Authorization", equalTo(credentials)).willReturn(OpenAiStub.echo()));
        guardedProxy.stubFor(post(OpenAiStub.PATH).atPriority(5).willReturn(aResponse().withStatus(407)
                .withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));

        Reply reply = new HttpClientSupport(port()).postJson("/translate",
                "{\"text\": \"Hello\", \"provider\": \"guarded\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("translation").asText()).isEqualTo("T:Hello");
        assertThat(proxy.getAllServeEvents()).as("each instance its own proxy").isEmpty();
    }

    @Test
    void the_model_list_goes_through_the_proxy_too() throws Exception {
        proxy.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[{\"id\":\"stub-model\"}]}")));

        Reply reply = new HttpClientSupport(port()).get("/providers/open/models");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("models").toString()).isEqualTo("[\"stub-model\"]");
    }
}
