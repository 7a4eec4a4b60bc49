package dev.dragoman.observe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.dragoman.provider.Json;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.PrometheusSamples;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped Grafana dashboard ({@code ops/grafana-dashboard.json}) and Prometheus alert rules
 * ({@code ops/alerts.yaml}) are well-formed, and every series they query is in a scrape of a running Dragoman that
 * translates a text over HTTP and a file at the same time, with prices set.
 */
class OpsFilesTest extends DragomanTestSupport {

    private static final Path DASHBOARD = Path.of("ops/grafana-dashboard.json");
    private static final Path ALERTS = Path.of("ops/alerts.yaml");
    /** A series name in a PromQL expression. */
    private static final Pattern SERIES = Pattern.compile("\\bdragoman_[a-z_]+\\b");

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    private final HttpClientSupport http = new HttpClientSupport(port());

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-ops-key-000000000001", "stub-model");
        properties.put("dragoman.provider.stub.batch-lines", "1");
        properties.put("dragoman.provider.stub.price-prompt", "0.5");
        properties.put("dragoman.provider.stub.price-completion", "1.5");
        return properties;
    }

    @Test
    void the_dashboard_is_grafana_json_with_panels_that_query_prometheus() throws Exception {
        JsonNode dashboard = Json.MAPPER.readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").isInt()).as("schemaVersion").isTrue();
        assertThat(dashboard.path("templating").path("list").isArray()).as("templating.list").isTrue();
        assertThat(dashboard.path("panels")).isNotEmpty();
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("a panel id of its own: " + title).isTrue();
            assertThat(panel.path("type").asText()).as(title).isNotBlank();
            for (String field : List.of("x", "y", "w", "h")) {
                assertThat(panel.path("gridPos").path(field).isInt()).as(title + " gridPos." + field).isTrue();
            }
            assertThat(panel.path("targets")).as(title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("refId").asText()).as(title).isNotBlank();
                assertThat(SERIES.matcher(target.path("expr").asText()).find()).as(title + " queries Dragoman")
                        .isTrue();
            }
        }
        assertThat(panelTitles(dashboard)).as("the views the issue asks for").contains(
                "Translations per second by source", "Provider latency p50 / p99", "429s per key",
                "Rejections per key", "Tokens per instance", "Cost per instance (last hour)", "Key states");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_alert_rules_are_prometheus_rule_groups() throws Exception {
        Map<String, Object> rules = (Map<String, Object>) load(ALERTS);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        assertThat(groups).isNotEmpty();
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> group : groups) {
            assertThat(group.get("name")).isNotNull();
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.add((String) rule.get("alert"));
                assertThat(rule.get("expr")).as(rule.get("alert") + " expr").isInstanceOf(String.class);
                assertThat((Map<String, Object>) rule.get("labels")).as(rule.get("alert") + " severity")
                        .containsKey("severity");
                assertThat((Map<String, Object>) rule.get("annotations")).as(rule.get("alert") + " summary")
                        .containsKey("summary");
            }
        }
        assertThat(alerts).as("an instance with no usable key, a key rejected, error ratio, readiness down")
                .contains("DragomanInstanceWithoutUsableKey", "DragomanKeyRejected", "DragomanProviderErrorRatio",
                        "DragomanNotReady");
    }

    @Test
    void every_series_the_dashboard_and_the_alerts_query_is_in_a_scrape() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(50)));
        assertThat(http.postJson("/translate", "{\"text\": \"Hello\"}").status()).isEqualTo(200);
        // a file in flight, for the per-file series
        drop("long.txt", IntStream.rangeClosed(1, 200).mapToObj(i -> "Line " + i)
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8));

        Set<String> queried = new TreeSet<>(series(Files.readString(DASHBOARD)));
        queried.addAll(series(Files.readString(ALERTS)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Set<String> scraped = PrometheusSamples.parse(http.get("/observe/metrics").body()).all().stream()
                    .map(PrometheusSamples.Sample::name).collect(Collectors.toSet());
            assertThat(scraped).containsAll(queried);
        });
    }

    private static List<String> panelTitles(JsonNode dashboard) {
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> titles.add(panel.path("title").asText()));
        return titles;
    }

    private static Set<String> series(String text) {
        Set<String> names = new TreeSet<>();
        Matcher series = SERIES.matcher(text);
        while (series.find()) {
            names.add(series.group());
        }
        return names;
    }

    private static Object load(Path file) throws Exception {
        return new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }
}
