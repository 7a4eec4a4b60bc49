package dev.dragoman.route;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.ServedCalls;
import dev.dragoman.support.StubServers;

/**
 * The per-instance and per-key budgets of one process, through the routes against stand-ins that count 43 tokens a
 * call (31 prompt, 12 completion): {@code paid} spends 0.0043 a call at 100 a million tokens, so its budget of 0.01
 * is spent by its third call and {@code spare} takes the rest; {@code metered} has {@code tpm = 10000};
 * {@code truncating} answers calls with replies cut off at the token limit, which it bills all the same.
 */
class KeyBudgetsTest extends DragomanTestSupport {

    private static final int TPM = 10_000;
    private static final int TOKENS_PER_CALL = 43;

    @RegisterExtension
    static WireMockExtension paid = StubServers.create();

    @RegisterExtension
    static WireMockExtension spare = StubServers.create();

    @RegisterExtension
    static WireMockExtension metered = StubServers.create();

    @RegisterExtension
    static WireMockExtension truncating = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "paid, spare, metered, truncating");
        properties.put("dragoman.strategy", "fallback");
        openAi(properties, "paid", paid.baseUrl(), "sk-paid-budget-key-000001", "paid-model");
        properties.put("dragoman.provider.paid.price-prompt", "100");
        properties.put("dragoman.provider.paid.price-completion", "100");
        properties.put("dragoman.provider.paid.budget", "0.01");
        openAi(properties, "spare", spare.baseUrl(), "sk-spare-budget-key-00001", "spare-model");
        openAi(properties, "metered", metered.baseUrl(), "sk-metered-tpm-key-000001", "metered-model");
        properties.put("dragoman.provider.metered.tpm", String.valueOf(TPM));
        properties.put("dragoman.provider.metered.batch-lines", "1");
        openAi(properties, "truncating", truncating.baseUrl(), "sk-truncating-key-0000001", "truncating-model");
        properties.put("dragoman.provider.truncating.price-prompt", "100");
        properties.put("dragoman.provider.truncating.price-completion", "100");
        properties.put("dragoman.provider.truncating.budget", "1");
        // the truncated text's retries, quickly: no other case here retries
        properties.put("dragoman.retry.backoff", "10ms");
        properties.put("dragoman.retry.max-backoff", "50ms");
        return properties;
    }

    @Test
    void a_spent_budget_stops_the_instance_at_the_call_that_spent_it_and_the_next_instance_takes_over()
            throws Exception {
        paid.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        spare.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        HttpClientSupport http = new HttpClientSupport(port());

        List<String> translatedBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpClientSupport.Reply reply = http.postJson("/translate", "{\"text\":\"Text " + i + "\"}");
            assertThat(reply.status()).isEqualTo(200);
            translatedBy.add(reply.json().get("provider").asText());
        }

        // 0.0043, 0.0086 < 0.01; the third call spends 0.0129: no fourth
        assertThat(translatedBy).containsExactly("paid", "paid", "paid", "spare", "spare", "spare");
        assertThat(paid.getAllServeEvents()).hasSize(3);
        JsonNode budget = http.get("/providers").json().get(0).get("budget");
        assertThat(budget.get("spend").asDouble()).isEqualTo(0.0129, within(1e-9));
        assertThat(budget.get("closed_why").asText()).isEqualTo("budget 0.01 a day spent");
        assertThat(http.get("/observe/metrics").body())
                .contains("dragoman_spend_total{instance=\"paid\"")
                .containsPattern("dragoman_key_budget_remaining\\{instance=\"paid\",key=\"all\",kind=\"budget\"} 0\\.0");
    }

    @Test
    void replies_that_are_no_translation_are_paid_for_and_counted() throws Exception {
        truncating.stubFor(post(OpenAiStub.PATH)
                .willReturn(OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"Cut of\"}", "length")));
        HttpClientSupport http = new HttpClientSupport(port());

        HttpClientSupport.Reply reply = http.postJson("/translate",
                "{\"text\":\"A long text\",\"provider\":\"truncating\"}");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.body()).contains("cut off at max_tokens");
        int calls = truncating.getAllServeEvents().size();
        assertThat(calls).as("calls, each cut off").isPositive();
        JsonNode budget = http.get("/providers").json().get(3).get("budget");
        assertThat(budget.get("tokens_today").asLong()).isEqualTo((long) calls * TOKENS_PER_CALL);
        assertThat(budget.get("spend").asDouble()).isEqualTo(calls * 0.0043, within(1e-9));
        assertThat(http.get("/observe/metrics").body()).containsPattern(
                "dragoman_tokens_total\\{[^}]*instance=\"truncating\"[^}]*kind=\"completion\"[^}]*} "
                        + calls * 12 + "\\.0");
    }

    @Test
    void a_translation_s_usage_includes_the_replies_before_it_that_were_no_translation() throws Exception {
        cutOffFirst("cut off once", "whole");
        truncating.stubFor(post(OpenAiStub.PATH).inScenario("cut off once").whenScenarioStateIs("whole")
                .willReturn(OpenAiStub.echo()));

        assertTranslatedWithTheCutOffReplysTokens(2);
    }

    @Test
    void a_translation_s_usage_includes_the_replies_that_were_no_translation_before_an_outage_it_waited_out()
            throws Exception {
        cutOffFirst("cut off, then down", "down 1");
        // the cut-off reply and two 503s are the instance's call and its two transient retries: the text then waits
        // for the instance (Retry-After) and goes round again
        for (int down = 1; down <= 3; down++) {
            truncating.stubFor(post(OpenAiStub.PATH).inScenario("cut off, then down")
                    .whenScenarioStateIs("down " + down)
                    .willReturn(OpenAiStub.error(503, "server_error", "overloaded", "Overloaded")
                            .withHeader("Retry-After", "1"))
                    .willSetStateTo(down < 3 ? "down " + (down + 1) : "whole"));
        }
        truncating.stubFor(post(OpenAiStub.PATH).inScenario("cut off, then down").whenScenarioStateIs("whole")
                .willReturn(OpenAiStub.echo()));

        // the 503s bill nothing
        assertTranslatedWithTheCutOffReplysTokens(5);
    }

    /** The scenario's first call is answered cut off at the token limit, billed all the same. */
    private static void cutOffFirst(String scenario, String then) {
        truncating.stubFor(post(OpenAiStub.PATH).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"Cut of\"}", "length"))
                .willSetStateTo(then));
    }

    /** A text asked of {@code truncating} is translated after {@code calls} calls, with the cut-off reply's tokens. */
    private void assertTranslatedWithTheCutOffReplysTokens(int calls) throws Exception {
        HttpClientSupport.Reply reply = new HttpClientSupport(port()).postJson("/translate",
                "{\"text\":\"A long text\",\"provider\":\"truncating\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("translation").asText()).isEqualTo("T:A long text");
        assertThat(truncating.getAllServeEvents()).hasSize(calls);
        // the cut-off reply's 31 + 12 tokens, then the translation's
        assertThat(reply.json().at("/usage/prompt_tokens").asInt()).isEqualTo(62);
        assertThat(reply.json().at("/usage/completion_tokens").asInt()).isEqualTo(24);
    }

    @Test
    void no_minute_of_a_key_has_more_tokens_than_its_tpm() throws Exception {
        metered.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        HttpClientSupport http = new HttpClientSupport(port());
        Instant until = Instant.now().plusSeconds(15);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<List<Integer>>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            running.add(clients.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; Instant.now().isBefore(until); i++) {
                    statuses.add(http.postJson("/translate",
                            "{\"text\":\"Text " + i + "\",\"provider\":\"metered\"}")
                            .status());
                }
                return statuses;
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> client : running) {
            statuses.addAll(client.get());
        }
        clients.shutdown();

        List<ServeEvent> calls = metered.getAllServeEvents();
        assertThat(statuses).as("every text is translated").containsOnly(200);
        assertThat(ServedCalls.mostInAMinute(calls) * TOKENS_PER_CALL).as("the most tokens in any 60 s").isLessThanOrEqualTo(TPM);
        assertThat(http.get("/providers").json().get(2).at("/keys/0/limits/tpm/limit").asInt()).isEqualTo(TPM);
        // a tenth of the limit at once, then 9,000 a minute: the key is used, not stalled
        assertThat(calls.size() * TOKENS_PER_CALL).as("tokens in 15 s").isGreaterThan(TPM / 10);
    }
}
