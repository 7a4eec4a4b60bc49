package example.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.provider.Json;
import dev.dragoman.support.DragomanTestSupport;

/**
 * Another Camel app (a package of its own, outside Dragoman's route scan), with nothing of Dragoman but the Kamelet file (kamelets/dragoman-translate-action.kamelet.yaml)
 * and Dragoman's address, translates through a running Dragoman (here the offline pseudo-localiser behind a token).
 */
class KameletTest extends DragomanTestSupport {

    private static final String TOKEN = "kamelet-test-token-0001";

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "local");
        properties.put("dragoman.provider.local.dialect", "pseudo");
        properties.put("dragoman.http.tokens", TOKEN);
        return properties;
    }

    @Test
    void another_camel_app_translates_through_the_kamelet_and_gets_the_envelope() throws Exception {
        Main app = new Main();
        app.addInitialProperty("camel.component.kamelet.location", "file:" + Path.of("kamelets").toAbsolutePath());
        app.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:translate").to("kamelet:dragoman-translate-action?url=http://127.0.0.1:" + port()
                        + "&targetLang=German&token=" + TOKEN);
                from("direct:refused").to("kamelet:dragoman-translate-action?url=http://127.0.0.1:" + port()
                        + "&provider=nope&token=" + TOKEN);
            }
        });
        app.start();
        try {
            ProducerTemplate producer = app.getCamelContext().createProducerTemplate();

            JsonNode envelope = Json.MAPPER.readTree(producer.requestBody("direct:translate", "Hello world",
                    String.class));

            assertThat(envelope.get("translation").asText()).isEqualTo("[Ĥéļļó ŵóŕļđ ~~~~]");
            assertThat(envelope.get("provider").asText()).isEqualTo("local");
            assertThat(envelope.get("target_lang").asText()).isEqualTo("German");
            assertThatThrownBy(() -> producer.requestBody("direct:refused", "Hello", String.class))
                    .isInstanceOf(CamelExecutionException.class)
                    .cause().isInstanceOf(HttpOperationFailedException.class)
                    .satisfies(failure -> assertThat(((HttpOperationFailedException) failure).getResponseBody())
                            .contains("unknown provider 'nope'"));
        } finally {
            app.stop();
        }
    }
}
