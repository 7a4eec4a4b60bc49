package dev.dragoman.memory;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Under strategy=compare each instance has its own memory entries: per-entry cached flags, and the envelope's. */
class RememberedComparisonsTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "first,second");
        properties.put("dragoman.strategy", "compare");
        openAi(properties, "first", provider.baseUrl(), "sk-stub-key-000000000001", "model-one");
        openAi(properties, "second", provider.baseUrl(), "sk-stub-key-000000000002", "model-two");
        properties.put("dragoman.memory.enabled", "true");
        properties.put("dragoman.memory.url", "jdbc:h2:file:" + dir().resolve("data/memory") + ";AUTO_SERVER=TRUE");
        return properties;
    }

    @Test
    void a_comparison_made_before_is_cached_for_every_instance() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        HttpClientSupport http = new HttpClientSupport(port());

        JsonNode first = http.postJson("/translate", "{\"text\": \"Hello\"}").json();
        JsonNode second = http.postJson("/translate", "{\"text\": \"Hello\"}").json();

        assertThat(first.get("cached").asBoolean()).isFalse();
        assertThat(first.get("translations").findValues("cached")).isEmpty();
        assertThat(second.get("cached").asBoolean()).isTrue();
        assertThat(second.get("translations").findValuesAsText("cached")).containsExactly("true", "true");
        assertThat(second.get("translations").findValuesAsText("translation")).containsExactly("T:Hello", "T:Hello");
        assertThat(provider.getAllServeEvents()).as("one call per instance, for the first request").hasSize(2);
    }
}
