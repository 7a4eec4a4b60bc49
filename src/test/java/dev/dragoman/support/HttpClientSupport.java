package dev.dragoman.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.provider.Json;

/** Calls the running HTTP API as a client would. */
public final class HttpClientSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;

    public HttpClientSupport(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        /** A header of the reply, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return Json.tryParse(body).orElseThrow(() -> new AssertionError("not JSON: " + body));
        }
    }

    public Reply postJson(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", json);
    }

    public Reply postText(String path, String text) throws IOException, InterruptedException {
        return post(path, "text/plain", text);
    }

    public Reply post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A POST whose reply is read line by line as it arrives. */
    public HttpResponse<java.util.stream.Stream<String>> postForEvents(String path, String json)
            throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    /** A request to this server's {@code path}, for a test to add headers and a method to. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    public static Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response.headers());
    }
}
