package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad reply is about its text, not an outage: a line the model always answers badly while it translates the
 * others fails for good, alone, and its neighbours are written; the file does not wait in the inbox for a reply that
 * will never come. A line whose replies are bad only for a while gets the rounds an unbatched text gets.
 */
class BadRepliesTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-bad-replies-one|sk-bad-replies-two", "stub-model");
        // three lines in one request: the bad line must not hold the other two
        properties.put("dragoman.provider.stub.batch-lines", "3");
        properties.put("dragoman.file.retry-delay", "2s");
        return properties;
    }

    @Test
    void should_fail_only_the_line_the_model_always_answers_empty() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        provider.stubFor(emptyReplyTo(matching("two|.*\"two\".*")));

        drop("three.txt", "one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8));

        String reason = Files.readString(awaitFile(failed().resolve("three.txt.error.txt"), Duration.ofSeconds(60)));
        assertThat(reason).contains("1 of 3 lines could not be translated", "line 2: stub: ")
                .doesNotContain("line 1:", "line 3:");
        assertThat(failed().resolve("three.partial.txt")).hasContent("T:one\ntwo\nT:three\n");
        assertThat(awaitFile(failed().resolve("three.txt"), Duration.ofSeconds(10))).hasContent("one\ntwo\nthree\n");
        assertThat(inbox().resolve("three.txt")).doesNotExist();
    }

    @Test
    void should_give_a_line_cut_out_of_its_batch_another_round_before_judging_it_bad() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        // every batch that holds the line gets an empty reply, so it is split down to the line alone
        provider.stubFor(emptyReplyTo(matching(".*\"five\".*")));
        // the line alone: empty for its first call's three attempts, translated from the fourth call on
        String[] states = {Scenario.STARTED, "second empty", "third empty", "translates"};
        for (int i = 0; i < 3; i++) {
            provider.stubFor(emptyReplyTo(equalTo("five")).inScenario("flaky line")
                    .whenScenarioStateIs(states[i]).willSetStateTo(states[i + 1]));
        }

        drop("flaky.txt", "four\nfive\nsix\n".getBytes(StandardCharsets.UTF_8));

        assertThat(awaitFile(outbox().resolve("flaky.txt"), Duration.ofSeconds(60)))
                .hasContent("T:four\nT:five\nT:six\n");
        provider.verify(4, postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("five"))));
        assertThat(failed().resolve("flaky.txt.error.txt")).doesNotExist();
    }

    /** A reply with empty content (an invalid reply) to the requests whose user message matches. */
    private static MappingBuilder emptyReplyTo(StringValuePattern userMessage) {
        return post(OpenAiStub.PATH).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[1].content", userMessage))
                .willReturn(OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"\"}"));
    }
}
