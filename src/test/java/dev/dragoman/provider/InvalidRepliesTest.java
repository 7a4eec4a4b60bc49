package dev.dragoman.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.BeanInject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.dragoman.config.Providers;
import dev.dragoman.config.TestSettings;
import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeyState;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;
import dev.dragoman.support.wire.Sse;
import dev.dragoman.support.wire.WireFormatStub.Fault;
import dev.dragoman.support.wire.WireFormatStub;
import dev.dragoman.support.wire.WireFormatStubs;
import dev.dragoman.translate.Envelope;
import dev.dragoman.translate.TranslationFailedException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replies that come with a success status but are no translation (empty, cut off at the token limit, a stream that
 * broke off before its end marker, a body that is not the provider's JSON, one larger than {@code max-reply}), and
 * error pages from something between Dragoman and the provider, through the real routes against stubs that speak
 * each wire format: a bad reply is retried on the other key, and a text whose every reply is bad fails with the
 * reason, never as an empty or partial translation.
 */
class InvalidRepliesTest extends DragomanTestSupport {

    /** One stub per reply format: the OpenAI-compatible dialects' replies are the openai dialect's. */
    private static final List<WireFormatStub> FORMATS = WireFormatStubs.all().stream()
            .filter(WireFormatStub::ownReplyFormat).toList();
    /** The format of the tests that are about HTTP and sizes, not about a format. */
    private static final WireFormatStub OPENAI = FORMATS.stream().filter(format -> "openai".equals(format.name()))
            .findFirst().orElseThrow();
    private static final String KEY_1 = "test-key-first-0000001";
    private static final String KEY_2 = "test-key-second-000002";
    private static final int MAX_REPLY = 4096;

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @BeanInject
    Providers providers;

    static Stream<Arguments> faults() {
        List<Arguments> faults = new ArrayList<>();
        for (WireFormatStub format : FORMATS) {
            for (boolean stream : List.of(false, true)) {
                for (Fault fault : Fault.values()) {
                    if (stream || fault != Fault.UNTERMINATED) {
                        faults.add(Arguments.of(Named.of(format.name(), format), stream, fault));
                    }
                }
            }
        }
        return faults.stream();
    }

    @BeforeEach
    void stubProviders() {
        FORMATS.forEach(format -> format.stub(provider));
    }

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        List<String> names = new ArrayList<>();
        for (WireFormatStub format : FORMATS) {
            for (boolean stream : List.of(false, true)) {
                String name = instance(format, stream);
                names.add(name);
                format.settings(provider.baseUrl())
                        .forEach((option, value) -> properties.put("dragoman.provider." + name + "." + option, value));
                properties.put("dragoman.provider." + name + ".keys", KEY_1 + "|" + KEY_2);
                properties.put("dragoman.provider." + name + ".stream", String.valueOf(stream));
                properties.put("dragoman.provider." + name + ".max-reply", String.valueOf(MAX_REPLY));
                // a generous read timeout: a reply that was read to its end would show as a slow test, not a timeout
                properties.put("dragoman.provider." + name + ".timeout", "120s");
            }
        }
        properties.put("dragoman.providers", String.join(",", names));
        properties.put("dragoman.target-lang", WireFormatStub.TARGET_LANG);
        // one retry, which goes to the other key: once both keys gave a bad reply the text fails
        properties.put("dragoman.retry.transient-attempts", "1");
        // the waits between tries are not what these tests are about (Backoff's and the retry policy's tests are)
        properties.put("dragoman.retry.backoff", "10ms");
        properties.put("dragoman.retry.max-backoff", "50ms");
        properties.put("dragoman.keys.min-cooldown", "10ms");
        return properties;
    }

    private static String instance(WireFormatStub format, boolean stream) {
        return format.name() + (stream ? "-stream" : "");
    }

    private Envelope translate(String instance) {
        return template.requestBodyAndHeader("direct:translate", WireFormatStub.TEXT, "DragomanProvider", instance,
                Envelope.class);
    }

    /** The first call, whichever key makes it, gets the reply; later calls the stub's good one. */
    private static void firstCallAnswers(WireFormatStub format, boolean stream, ResponseDefinitionBuilder reply) {
        provider.stubFor(format.call(stream).inScenario("first call").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(reply).willSetStateTo("answered"));
    }

    private static void everyCallAnswers(WireFormatStub format, boolean stream, ResponseDefinitionBuilder reply) {
        provider.stubFor(format.call(stream).willReturn(reply));
    }

    private static int callsWith(WireFormatStub format, boolean stream, String key) {
        return provider.findAll(format.requestsWithKey(stream, key)).size();
    }

    private void assertFails(String instance, String reason) {
        assertThatThrownBy(() -> translate(instance)).cause()
                // a flaky provider's bad reply may well be good later: sources try the text again rather than park it
                .isInstanceOfSatisfying(TranslationFailedException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0} stream={1} {2}")
    @MethodSource("faults")
    void a_bad_reply_is_retried_on_the_other_key(WireFormatStub format, boolean stream, Fault fault) {
        firstCallAnswers(format, stream, format.faultyReply(fault, stream));

        Envelope envelope = translate(instance(format, stream));

        assertThat(envelope.translation()).isEqualTo(WireFormatStub.TRANSLATION);
        assertThat(callsWith(format, stream, KEY_1)).isEqualTo(1);
        assertThat(callsWith(format, stream, KEY_2)).isEqualTo(1);
    }

    @Test
    void the_retry_goes_out_after_the_policys_backoff() {
        firstCallAnswers(OPENAI, false, OPENAI.faultyReply(Fault.EMPTY, false));

        assertThat(translate("openai").translation()).isEqualTo(WireFormatStub.TRANSLATION);

        List<Long> sent = provider.getAllServeEvents().stream()
                .map(event -> event.getRequest().getLoggedDate().getTime()).sorted().toList();
        assertThat(sent).hasSize(2);
        // a backoff of 10-50 ms; a second or more is Camel's own redelivery delay, the policy's wait lost on the way
        assertThat(sent.get(1) - sent.get(0)).isLessThan(1000);
    }

    @ParameterizedTest(name = "{0} stream={1} {2}")
    @MethodSource("faults")
    void a_text_whose_every_reply_is_bad_fails_with_the_reason(WireFormatStub format, boolean stream, Fault fault) {
        everyCallAnswers(format, stream, format.faultyReply(fault, stream));

        assertFails(instance(format, stream), fault.reason);
        assertThat(callsWith(format, stream, KEY_1)).isGreaterThanOrEqualTo(1);
        assertThat(callsWith(format, stream, KEY_2)).isGreaterThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "text/html; charset=utf-8 | <!DOCTYPE html><html><head><title>Just a moment...</title></head></html> "
                    + "| reply is not JSON (text/html; charset=utf-8)",
            "application/json | {\"object\":\"chat.completion\",\"choices\":[]} | reply has no choices",
            "text/plain | upstream connect error or disconnect/reset before headers | reply is not JSON (text/plain)",
    })
    void a_success_that_is_not_the_providers_json_is_an_invalid_reply(String contentType, String body,
            String reason) {
        ResponseDefinitionBuilder reply = aResponse().withStatus(200).withHeader("Content-Type", contentType)
                .withBody(body);
        firstCallAnswers(OPENAI, false, reply);
        assertThat(translate("openai").translation()).isEqualTo(WireFormatStub.TRANSLATION);
        assertThat(callsWith(OPENAI, false, KEY_1) + callsWith(OPENAI, false, KEY_2)).isEqualTo(2);

        everyCallAnswers(OPENAI, false, reply);
        assertFails("openai", reason);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"403", "401", "502"})
    void an_error_page_from_a_proxy_does_not_take_the_key_out(int status) {
        provider.stubFor(OPENAI.call(false).withHeader("Authorization", equalTo("Bearer " + KEY_1))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/html")
                        .withBody("<html><head><title>" + status + " Forbidden</title></head>"
                                + "<body><center>cloudflare</center></body></html>")));

        for (int text = 0; text < 6; text++) {
            assertThat(translate("openai").translation()).isEqualTo(WireFormatStub.TRANSLATION);
        }

        ProviderInstance openai = providers.byName("openai").orElseThrow();
        ApiKey first = openai.keys().keys().get(0);
        assertThat(openai.keys().state(first).status()).isEqualTo(KeyState.Status.ACTIVE);
        // a key taken out after its first call would have had no second one
        assertThat(callsWith(OPENAI, false, KEY_1)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_json_401_from_the_provider_still_takes_the_key_out() {
        provider.stubFor(OPENAI.call(false).withHeader("Authorization", equalTo("Bearer " + KEY_1))
                .willReturn(OpenAiStub.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key")));

        for (int text = 0; text < 4; text++) {
            assertThat(translate("openai").translation()).isEqualTo(WireFormatStub.TRANSLATION);
        }

        ProviderInstance openai = providers.byName("openai").orElseThrow();
        assertThat(openai.keys().state(openai.keys().keys().get(0)).status()).isEqualTo(KeyState.Status.REJECTED);
        assertThat(callsWith(OPENAI, false, KEY_1)).isEqualTo(1);
    }

    @Test
    void a_whole_reply_larger_than_max_reply_is_refused() {
        everyCallAnswers(OPENAI, false, OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\""
                + "Bonjour ".repeat(MAX_REPLY / 4) + "\"}"));

        assertFails("openai", "reply larger than max-reply (" + MAX_REPLY + " bytes)");
    }

    @Test
    void a_stream_larger_than_max_reply_is_refused_without_reading_it_all() {
        String[] events = new String[2001];
        for (int i = 0; i < 2000; i++) {
            events[i] = OpenAiStub.delta("Bonjour ".repeat(128));
        }
        events[2000] = OpenAiStub.DONE;
        // about 2 MiB dribbled over two minutes: reading it all would take that long
        everyCallAnswers(OPENAI, true, Sse.stream(events).withChunkedDribbleDelay(200, 120_000));

        Instant start = Instant.now();
        assertFails("openai-stream", "reply larger than max-reply (" + MAX_REPLY + " bytes)");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void max_reply_is_one_mebibyte_unless_set() {
        assertThat(TestSettings.read("p", Map.of("platform", "openai")).maxReply()).isEqualTo(1 << 20);
        assertThat(providers.byName("openai").orElseThrow().settings().maxReply()).isEqualTo(MAX_REPLY);
    }
}
