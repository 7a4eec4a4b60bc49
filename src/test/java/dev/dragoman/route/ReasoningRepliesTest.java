package dev.dragoman.route;

import java.util.List;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;
import dev.dragoman.translate.Envelope;
import dev.dragoman.translate.Usage;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Replies of reasoning models, whole and streamed: only the translation reaches the envelope. */
class ReasoningRepliesTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @BeforeEach
    void stubProvider() {
        provider.stubFor(post(OpenAiStub.PATH).withRequestBody(containing("plain-reasoning-field"))
                .willReturn(OpenAiStub.reply("{\"role\":\"assistant\",\"reasoning_content\":\"Let me think.\","
                        + "\"content\":\"Bonjour\"}")));
        provider.stubFor(post(OpenAiStub.PATH).withRequestBody(containing("plain-think-tags"))
                .willReturn(OpenAiStub.reply("{\"role\":\"assistant\","
                        + "\"content\":\"<think>The user wants French.</think>\\n\\nBonjour\"}")));
        provider.stubFor(post(OpenAiStub.PATH).withRequestBody(containing("plain-lone-close"))
                .willReturn(OpenAiStub.reply("{\"role\":\"assistant\","
                        + "\"content\":\"Reasoning first.\\n</think>\\nBonjour\"}")));
        provider.stubFor(post(OpenAiStub.PATH).withRequestBody(containing("streamed-reasoning"))
                .willReturn(OpenAiStub.stream(List.of(
                        ": keep-alive",
                        "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                                + "\"reasoning_content\":\"Thinking...\"}}]}",
                        OpenAiStub.delta("<thi"),
                        OpenAiStub.delta("nk>still thinking</th"),
                        OpenAiStub.delta("ink>Bon"),
                        "data:" + OpenAiStub.delta("jour").substring(5),
                        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":31,\"completion_tokens\":12}}",
                        "data: [DONE]"))));
        provider.stubFor(post(OpenAiStub.PATH).withRequestBody(containing("streamed-lone-close"))
                .willReturn(OpenAiStub.stream(List.of(
                        OpenAiStub.delta("The user writes English. </"),
                        OpenAiStub.delta("think>"),
                        OpenAiStub.delta("Bonjour"),
                        "data: [DONE]"))));
    }

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "plain,streamed");
        for (String name : List.of("plain", "streamed")) {
            properties.put("dragoman.provider." + name + ".url", provider.baseUrl() + "/v1");
            properties.put("dragoman.provider." + name + ".keys", "sk-reasoning-key-0000001");
            properties.put("dragoman.provider." + name + ".model", "deepseek-reasoner");
        }
        properties.put("dragoman.provider.streamed.stream", "true");
        properties.put("dragoman.target-lang", "French");
        return properties;
    }

    private Envelope translate(String provider, String text) {
        return template.requestBodyAndHeader("direct:translate", text, "DragomanProvider", provider, Envelope.class);
    }

    @Test
    void should_drop_reasoning_from_plain_replies() {
        assertThat(translate("plain", "plain-reasoning-field").translation()).isEqualTo("Bonjour");
        assertThat(translate("plain", "plain-think-tags").translation()).isEqualTo("Bonjour");
        assertThat(translate("plain", "plain-lone-close").translation()).isEqualTo("Bonjour");
    }

    @Test
    void should_drop_reasoning_from_streamed_replies() {
        Envelope envelope = translate("streamed", "streamed-reasoning");
        assertThat(envelope.translation()).isEqualTo("Bonjour");
        assertThat(envelope.usage()).isEqualTo(new Usage(31, 12));
        assertThat(envelope.provider()).isEqualTo("streamed");
        assertThat(translate("streamed", "streamed-lone-close").translation()).isEqualTo("Bonjour");
        provider.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(containing("\"stream\":true"))
                .withRequestBody(containing("into French")));
    }

    @Test
    void should_fill_the_envelope() {
        Envelope envelope = translate("plain", "plain-reasoning-field");
        assertThat(envelope.text()).isEqualTo("plain-reasoning-field");
        assertThat(envelope.sourceLang()).isEqualTo("auto");
        assertThat(envelope.targetLang()).isEqualTo("French");
        assertThat(envelope.model()).isEqualTo("stub-model");
        assertThat(envelope.usage()).isEqualTo(new Usage(31, 12));
        assertThat(envelope.cached()).isFalse();
    }
}
