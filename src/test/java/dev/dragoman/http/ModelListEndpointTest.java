package dev.dragoman.http;

import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.StubServers;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /providers/{name}/models} over real HTTP, for each model-list shape: OpenAI, Gemini, Claude, Cohere. */
class ModelListEndpointTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "openai,gemini,claude,cohere");
        openAi(properties, "openai", provider.baseUrl() + "/openai", "sk-openai-00000000001", "gpt-4o-mini");
        openAi(properties, "gemini", provider.baseUrl() + "/v1beta", "AIza-gemini-000000002", "gemini-2.5-flash");
        openAi(properties, "claude", provider.baseUrl(), "sk-ant-claude-0000003", "claude-haiku-4-5");
        openAi(properties, "cohere", provider.baseUrl(), "cohere-key-0000000004", "command-r-08-2024");
        properties.put("dragoman.provider.gemini.dialect", "gemini");
        properties.put("dragoman.provider.claude.dialect", "claude");
        properties.put("dragoman.provider.cohere.dialect", "cohere");
        return properties;
    }

    @BeforeEach
    void stubModelLists() {
        provider.stubFor(get(urlPathEqualTo("/openai/v1/models"))
                .withHeader("Authorization", equalTo("Bearer sk-openai-00000000001"))
                .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\"},{\"id\":\"gpt-4o\"}]}")));
        // two pages each: Gemini names the next by a token, Claude by the last id of the page before
        provider.stubFor(get(urlPathEqualTo("/v1beta/models")).withQueryParam("pageToken", absent())
                .withHeader("x-goog-api-key", equalTo("AIza-gemini-000000002"))
                .willReturn(okJson("{\"models\":["
                        + "{\"name\":\"models/gemini-2.5-flash\",\"supportedGenerationMethods\":[\"generateContent\"]},"
                        + "{\"name\":\"models/text-embedding-004\",\"supportedGenerationMethods\":[\"embedContent\"]}],"
                        + "\"nextPageToken\":\"page+2\"}")));
        provider.stubFor(get(urlPathEqualTo("/v1beta/models")).withQueryParam("pageToken", equalTo("page+2"))
                .withHeader("x-goog-api-key", equalTo("AIza-gemini-000000002"))
                .willReturn(okJson("{\"models\":["
                        + "{\"name\":\"models/gemini-2.5-pro\",\"supportedGenerationMethods\":[\"generateContent\"]}]}")));
        provider.stubFor(get(urlPathEqualTo("/v1/models")).withQueryParam("after_id", absent())
                .withHeader("x-api-key", equalTo("sk-ant-claude-0000003"))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .willReturn(okJson("{\"data\":[{\"id\":\"claude-sonnet-4-5\",\"type\":\"model\"},"
                        + "{\"id\":\"claude-haiku-4-5\",\"type\":\"model\"}],\"has_more\":true,"
                        + "\"last_id\":\"claude-haiku-4-5\"}")));
        provider.stubFor(get(urlPathEqualTo("/v1/models")).withQueryParam("after_id", equalTo("claude-haiku-4-5"))
                .withHeader("x-api-key", equalTo("sk-ant-claude-0000003"))
                .willReturn(okJson("{\"data\":[{\"id\":\"claude-opus-4-1\",\"type\":\"model\"}],"
                        + "\"has_more\":false,\"last_id\":\"claude-opus-4-1\"}")));
        provider.stubFor(get(urlPathEqualTo("/v1/models"))
                .withQueryParam("endpoint", equalTo("chat"))
                .withHeader("Authorization", equalTo("Bearer cohere-key-0000000004"))
                .willReturn(okJson("{\"models\":[{\"name\":\"command-r-08-2024\",\"endpoints\":[\"chat\"]},"
                        + "{\"name\":\"command-a-03-2025\",\"endpoints\":[\"chat\",\"generate\"]}]}")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "openai | [\"gpt-4o\",\"gpt-4o-mini\"]",
            "gemini | [\"gemini-2.5-flash\",\"gemini-2.5-pro\"]",
            "claude | [\"claude-sonnet-4-5\",\"claude-haiku-4-5\",\"claude-opus-4-1\"]",
            "cohere | [\"command-a-03-2025\",\"command-r-08-2024\"]",
    })
    void should_list_the_models_of_each_shape(String name, String models) throws Exception {
        Reply reply = new HttpClientSupport(port()).get("/providers/" + name + "/models");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("provider").asText()).isEqualTo(name);
        assertThat(reply.json().get("models").toString()).isEqualTo(models);
    }
}
