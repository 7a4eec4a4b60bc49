package dev.dragoman.provider;

import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.StubServers;
import dev.dragoman.support.wire.WireFormatStub;
import dev.dragoman.support.wire.WireFormatStubs;
import dev.dragoman.translate.Envelope;
import dev.dragoman.translate.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dedicated dialect through the real routes and real HTTP, against a stub that speaks the provider's documented
 * format: the exact request (path, auth header, body fields), reasoning dropped, usage mapped, whole and streamed.
 * The stubs are each dialect's own, found through {@link WireFormatStubs}.
 */
class DialectRoutesTest extends DragomanTestSupport {

    private static final List<WireFormatStub> FORMATS = WireFormatStubs.all();

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    static Stream<Named<WireFormatStub>> formats() {
        return FORMATS.stream().map(format -> Named.of(format.name(), format));
    }

    @BeforeEach
    void stubProviders() {
        FORMATS.forEach(format -> format.stub(provider));
    }

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        StringBuilder names = new StringBuilder();
        for (WireFormatStub format : FORMATS) {
            for (boolean stream : List.of(false, true)) {
                String name = format.name() + (stream ? "-stream" : "");
                names.append(names.isEmpty() ? "" : ",").append(name);
                format.settings(provider.baseUrl())
                        .forEach((option, value) -> properties.put("dragoman.provider." + name + "." + option, value));
                properties.put("dragoman.provider." + name + ".stream", String.valueOf(stream));
            }
        }
        properties.put("dragoman.providers", names.toString());
        properties.put("dragoman.target-lang", WireFormatStub.TARGET_LANG);
        return properties;
    }

    private Envelope translate(String instance) {
        return template.requestBodyAndHeader("direct:translate", WireFormatStub.TEXT, "DragomanProvider", instance,
                Envelope.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void translates_a_whole_reply(WireFormatStub format) {
        Envelope envelope = translate(format.name());

        assertTranslated(envelope, format.name());
        provider.verify(1, format.plainRequest());
        format.verifyAlso(provider);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void translates_a_streamed_reply(WireFormatStub format) {
        Envelope envelope = translate(format.name() + "-stream");

        assertTranslated(envelope, format.name() + "-stream");
        provider.verify(1, format.streamedRequest());
        format.verifyAlso(provider);
    }

    private static void assertTranslated(Envelope envelope, String instance) {
        assertThat(envelope.translation()).isEqualTo(WireFormatStub.TRANSLATION);
        assertThat(envelope.provider()).isEqualTo(instance);
        assertThat(envelope.usage())
                .isEqualTo(new Usage(WireFormatStub.PROMPT_TOKENS, WireFormatStub.COMPLETION_TOKENS));
    }
}
