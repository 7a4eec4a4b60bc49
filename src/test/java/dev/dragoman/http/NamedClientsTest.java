package dev.dragoman.http;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

/**
 * Named clients with limits of their own, like a gateway's virtual keys, through the HTTP API against stand-ins that
 * count 43 tokens a call: {@code intern} may use only instance {@code b} and 100 tokens a day, {@code team} makes 2
 * requests a minute, {@code buyer} spends 0.005 a month at b's prices (0.0043 a call); a token of
 * {@code dragoman.http.tokens} has no limits, and cannot pass for a named client.
 */
class NamedClientsTest extends DragomanTestSupport {

    private static final String INTERN = "intern-token-000000001";
    private static final String TEAM = "team-token-0000000001";
    private static final String BUYER = "buyer-token-000000001";
    private static final String ANYONE = "anyone-token-00000001";

    @RegisterExtension
    static WireMockExtension a = StubServers.create();

    @RegisterExtension
    static WireMockExtension b = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "a, b");
        properties.put("dragoman.strategy", "fallback");
        openAi(properties, "a", a.baseUrl(), "sk-client-a-key-0000001", "a-model");
        openAi(properties, "b", b.baseUrl(), "sk-client-b-key-0000001", "b-model");
        properties.put("dragoman.provider.b.price-prompt", "100");
        properties.put("dragoman.provider.b.price-completion", "100");
        properties.put("dragoman.http.tokens", ANYONE);
        properties.put("dragoman.http.clients", "intern, team, buyer");
        properties.put("dragoman.http.client.intern.token", INTERN);
        properties.put("dragoman.http.client.intern.instances", "b");
        properties.put("dragoman.http.client.intern.tokens-per-day", "100");
        properties.put("dragoman.http.client.team.token", TEAM);
        properties.put("dragoman.http.client.team.rpm", "2");
        properties.put("dragoman.http.client.buyer.token", BUYER);
        properties.put("dragoman.http.client.buyer.instances", "b");
        properties.put("dragoman.http.client.buyer.spend-per-month", "0.005");
        return properties;
    }

    @BeforeEach
    void standIns() {
        a.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        b.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
    }

    @Test
    void a_client_uses_only_its_instances_and_its_tokens_a_day() throws Exception {
        assertThat(translate(INTERN, "{\"text\":\"Eins\",\"provider\":\"a\"}").status()).as("naming another")
                .isEqualTo(403);
        // 43, 86, 129 tokens: the third passes 100
        for (String text : new String[] { "Eins", "Zwei", "Drei" }) {
            Reply reply = translate(INTERN, "{\"text\":\"" + text + "\"}");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("provider").asText()).as("a comes first, but not for intern").isEqualTo("b");
        }
        Reply over = translate(INTERN, "{\"text\":\"Vier\"}");

        assertThat(over.status()).isEqualTo(429);
        assertThat(over.json().get("error").asText()).contains("tokens-per-day 100 reached for client intern");
        assertThat(Long.parseLong(over.header("Retry-After"))).isBetween(1L, 86_400L);
        assertThat(a.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_client_over_its_rate_or_its_spending_gets_429_and_when_to_come_again() throws Exception {
        assertThat(translate(TEAM, "{\"text\":\"Eins\"}").status()).isEqualTo(200);
        Reply tooSoon = translate(TEAM, "{\"text\":\"Zwei\"}");
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.json().get("error").asText()).contains("rpm 2 reached for client team");
        assertThat(tooSoon.header("Retry-After")).isEqualTo("30");

        assertThat(translate(BUYER, "{\"text\":\"Eins\"}").status()).isEqualTo(200);
        assertThat(translate(BUYER, "{\"text\":\"Zwei\"}").status()).as("0.0043 of 0.005").isEqualTo(200);
        Reply spent = translate(BUYER, "{\"text\":\"Drei\"}");
        assertThat(spent.status()).isEqualTo(429);
        assertThat(spent.json().get("error").asText()).contains("budget 0.005 a month spent for client buyer");
    }

    @Test
    void a_token_without_a_name_has_no_limits_and_cannot_pass_for_a_named_client() throws Exception {
        HttpRequest request = new HttpClientSupport(port()).request("/translate")
                .header("Authorization", "Bearer " + ANYONE).header("Dragoman-Client", "intern")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Fünf\",\"provider\":\"a\"}")).build();

        Reply reply = HttpClientSupport.send(request);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("provider").asText()).isEqualTo("a");
    }

    private Reply translate(String token, String json) throws Exception {
        return HttpClientSupport.send(new HttpClientSupport(port()).request("/translate")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
