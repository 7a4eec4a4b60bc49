package dev.dragoman.keys;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.dragoman.provider.Json;
import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.KafkaBroker;
import dev.dragoman.support.KafkaTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.provider.qianfan.QianfanStub;
import dev.dragoman.translate.TranslationHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keys configured in every shape, echoed back by providers in every form (as they are, JSON-escaped in an upstream's
 * quoted body, URL-encoded in the address, in a basic-auth header, the secret half of an AK:SK pair), never reach
 * anything Dragoman writes: its log, GET /providers, HTTP replies, dead letters, sink messages, the file drop's
 * outputs. Under strategy=compare every text meets every instance, so each failing instance's error is carried into
 * every envelope next to the working instance's translation.
 */
class SecretsStayHiddenTest extends KafkaTestSupport {

    private static final String PLAIN = "sk-plain-Hq4Wz8Ns2Kd6";
    private static final String ESCAPED = "sk-esc/Mv3Jt7Pb/Xc5e";
    private static final String ENCODED = "sk-enc/Rf6Gy1Lq+Tn4=";
    private static final String AK_SK = "ALTAKqf0000000001:skQianfanSecret8Yw3Ud5";
    private static final String BASIC = Base64.getEncoder()
            .encodeToString(("relay:" + ENCODED).getBytes(StandardCharsets.UTF_8));
    private static final String ENCODED_PATH = "/enc/v1/chat/completions";
    private static final String ENCODED_QUERY = "?key=" + URLEncoder.encode(ENCODED, StandardCharsets.UTF_8);

    /** The parts of each secret that no mask shows, in no form, and the Base64 that carries one. */
    private static final List<String> NEVER_SHOWN = List.of("Hq4Wz8Ns", "Mv3Jt7Pb", "Rf6Gy1Lq", "QianfanSecret",
            BASIC, KEY_ONE, KEY_TWO);

    @Override
    protected Properties properties() {
        Properties properties = super.properties();
        String base = provider.baseUrl();
        properties.put("dragoman.providers", "stub, plain, escaped, encoded, qianfan");
        properties.put("dragoman.strategy", "compare");
        openAi(properties, "plain", base + "/plain/v1", PLAIN, "m");
        openAi(properties, "escaped", base + "/esc/v1", ESCAPED, "m");
        openAi(properties, "encoded", base + ENCODED_PATH + ENCODED_QUERY, ENCODED, "m");
        openAi(properties, "qianfan", base + "/v2", AK_SK, "ernie-4.0-turbo-8k");
        properties.put("dragoman.provider.qianfan.dialect", "qianfan");
        properties.put("dragoman.provider.qianfan.token-url", base + QianfanStub.TOKEN_PATH);
        properties.put("dragoman.sinks", "file:" + sink() + "?fileName=${exchangeId}.json");
        return properties;
    }

    private Path sink() {
        return dir().resolve("sink");
    }

    private static ResponseDefinitionBuilder refusal(int status, String message) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Json.MAPPER.createObjectNode().set("error", Json.MAPPER.createObjectNode()
                        .put("message", message).put("type", "invalid_request_error").put("code", "refused"))
                        .toString());
    }

    private static void stubProviders() {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        provider.stubFor(post("/plain/v1/chat/completions")
                .willReturn(refusal(400, "Incorrect API key provided: " + PLAIN)));
        // a relay quoting its upstream's JSON body: the key arrives JSON-escaped inside the message
        provider.stubFor(post("/esc/v1/chat/completions").willReturn(refusal(400,
                "upstream said {\"key\":\"sk-esc\\/Mv3Jt7Pb\\u002fXc5e\"}")));
        provider.stubFor(post(urlPathEqualTo(ENCODED_PATH)).willReturn(refusal(400,
                "no route for " + ENCODED_PATH + ENCODED_QUERY + " (Authorization: Basic " + BASIC + ")")));
        provider.stubFor(get(urlPathEqualTo(QianfanStub.TOKEN_PATH)).willReturn(WireMock.aResponse().withStatus(401)
                .withBody("{\"code\":\"SignatureDoesNotMatch\",\"message\":\"secret skQianfanSecret8Yw3Ud5 of "
                        + AK_SK + " does not match\"}")));
    }

    @Test
    void no_key_shows_in_anything_dragoman_writes() throws Exception {
        stubProviders();
        List<String> written = new ArrayList<>();
        HttpClientSupport http = new HttpClientSupport(port());
        try (CapturedLog log = new CapturedLog()) {
            Reply compared = http.postJson("/translate", "{\"text\": \"Hello\"}");
            assertThat(compared.status()).isEqualTo(200);
            assertThat(compared.body()).contains("T:Hello", "sk-…2Kd6", "sk-…Xc5e", "sk-…Tn4=", "ALT…0001:…");
            written.add(compared.body());
            for (String refusing : List.of("plain", "escaped", "encoded")) {
                Reply refused = http.postJson("/translate",
                        "{\"text\": \"Hello\", \"provider\": \"" + refusing + "\"}");
                assertThat(refused.status()).isEqualTo(502);
                written.add(refused.body());
            }

            List<ProducerRecord<String, String>> records = new ArrayList<>();
            records.add(new ProducerRecord<>(topics().input(), "compared", "Hello Kafka"));
            for (String refusing : List.of("plain", "escaped", "encoded")) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topics().input(), refusing, "Hello");
                record.headers().add(TranslationHeaders.PROVIDER, refusing.getBytes(StandardCharsets.UTF_8));
                records.add(record);
            }
            KafkaBroker.send(records);
            List<ConsumerRecord<String, String>> dead = awaitRecords(topics().deadLetter(), 3);
            assertThat(dead).extracting(ConsumerRecord::value).allSatisfy(letter -> assertThat(letter)
                    .contains("HTTP 400 refused"));
            dead.forEach(record -> written.add(record.value()));
            List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), 1);
            assertThat(out.get(0).value()).contains("T:Hello Kafka", "qianfan");
            out.forEach(record -> written.add(record.value()));

            drop("hello.txt", "Hello file\n".getBytes(StandardCharsets.UTF_8));
            awaitFile(outbox().resolve("hello.stub.txt"), Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> filesUnder(sink()).size() >= 3);
            for (Path folder : List.of(outbox(), failed(), sink())) {
                for (Path file : filesUnder(folder)) {
                    written.add(file + ": " + Files.readString(file));
                }
            }

            Reply providers = http.get("/providers");
            assertThat(providers.body()).contains(ENCODED_PATH + "?key=***", "ALT…0001:…", "rejected");
            written.add(providers.body());

            written.add(log.text());
        }

        assertThat(written).anySatisfy(text -> assertThat(text).contains("(Base64 of sk-…Tn4=)"));
        for (String text : written) {
            assertThat(text).doesNotContain(NEVER_SHOWN);
        }
    }

    private static List<Path> filesUnder(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
