package dev.dragoman.http;

import java.net.http.HttpRequest;
import java.util.Collections;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import dev.dragoman.provider.Json;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped limits on what one request may ask for, against the shipped pseudo provider. */
class HttpLimitsTest extends DragomanTestSupport {

    private HttpClientSupport http() {
        return new HttpClientSupport(port());
    }

    private static String texts(int count, String text) throws Exception {
        return "{\"texts\": " + Json.MAPPER.writeValueAsString(Collections.nCopies(count, text)) + "}";
    }

    private static void assertTooLarge(Reply reply, String property) {
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).contains(property);
    }

    @Test
    void more_texts_than_max_texts_are_refused_and_as_many_are_translated() throws Exception {
        assertTooLarge(http().postJson("/translate", texts(1001, "Hi")), "dragoman.http.max-texts");
        Reply translated = http().postJson("/translate", texts(1000, "Hi"));
        assertThat(translated.status()).isEqualTo(200);
        assertThat(translated.json().size()).isEqualTo(1000);
    }

    @Test
    void more_characters_than_max_chars_are_refused_in_one_text_or_many() throws Exception {
        assertTooLarge(http().postJson("/translate", "{\"text\": \"" + "x".repeat(250_000) + "\"}"),
                "dragoman.http.max-chars");
        assertTooLarge(http().postJson("/translate", texts(250, "x".repeat(1000))), "dragoman.http.max-chars");
        assertTooLarge(http().postText("/translate", "x".repeat(200_001)), "dragoman.http.max-chars");
        assertTooLarge(http().postJson("/translate", "{\"text\": \"Hi\", \"context\": [{\"text\": \""
                + "x".repeat(150_000) + "\", \"translation\": \"" + "y".repeat(60_000) + "\"}]}"),
                "dragoman.http.max-chars");
    }

    @Test
    void a_huge_body_is_refused_by_the_server_before_any_route_sees_it() throws Exception {
        NotifyBuilder translateRoute = new NotifyBuilder(context).fromRoute("http-translate").whenReceived(1).create();
        byte[] body = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'x');

        Reply reply = HttpClientSupport.send(http().request("/translate").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        // the route answers a body over dragoman.http.max-body with 400; 413 is the server's own limit
        assertTooLarge(reply, "dragoman.http.max-body");
        // sent in chunks, without a length the server could judge before the body comes
        Reply chunked = HttpClientSupport.send(http().request("/translate").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build());
        assertTooLarge(chunked, "dragoman.http.max-body");
        assertThat(translateRoute.matches()).isFalse();
        assertThat(http().postText("/translate", "Hello").status()).isEqualTo(200);
        assertThat(translateRoute.matches()).isTrue();
    }
}
