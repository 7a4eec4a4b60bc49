package dev.dragoman.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock response transformer ({@value #NAME}) that answers an OpenAI chat request as a translator would: the user
 * message's text as "T:" and the text, or, for a batch (the user message a JSON array of strings), a JSON array of
 * each string so. With the parameter {@code fault} set to {@code merge} or {@code drop}, every fifth batch comes back
 * misaligned: its first two translations merged into one, or its last one missing; set to {@code errors}, a share of
 * the calls (the parameter {@code rate}, drawn from a seeded random) is answered with an HTTP 500 server error.
 */
public final class BatchEcho implements ResponseTransformerV2 {

    public static final String NAME = "batch-echo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger batches = new AtomicInteger();
    private final Random random = new Random(20_261_204);

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        try {
            JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
            JsonNode messages = request.get("messages");
            String text = messages.get(messages.size() - 1).get("content").asText();
            Parameters parameters = serveEvent.getResponseDefinition().getTransformerParameters();
            Object fault = parameters == null ? "" : parameters.getOrDefault("fault", "");
            if (fault.equals("errors") && random.nextDouble() < Double.parseDouble(parameters.get("rate").toString())) {
                return Response.Builder.like(response).but().status(500)
                        .body("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")
                        .build();
            }
            return reply(response, translate(text, fault.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The response as a whole OpenAI chat reply whose message is {@code content}. */
    static Response reply(Response response, String content) throws JsonProcessingException {
        ObjectNode reply = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("model", "stub-model");
        ObjectNode choice = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        reply.putObject("usage").put("prompt_tokens", 31).put("completion_tokens", 12).put("total_tokens", 43);
        return Response.Builder.like(response).but().body(JSON.writeValueAsString(reply)).build();
    }

    /** The user message's JSON array of a batch, or null for a single text. */
    static JsonNode batch(String text) {
        return text.startsWith("[") ? readArray(text) : null;
    }

    private String translate(String text, String fault) throws JsonProcessingException {
        JsonNode array = batch(text);
        if (array == null) {
            return "T:" + text;
        }
        List<String> translations = new ArrayList<>();
        array.forEach(entry -> translations.add("T:" + entry.asText()));
        if (translations.size() > 1 && batches.incrementAndGet() % 5 == 0) {
            if (fault.equals("merge")) {
                translations.set(0, translations.get(0) + " " + translations.remove(1));
            } else if (fault.equals("drop")) {
                translations.remove(translations.size() - 1);
            }
        }
        return JSON.writeValueAsString(translations);
    }

    private static JsonNode readArray(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isArray() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
