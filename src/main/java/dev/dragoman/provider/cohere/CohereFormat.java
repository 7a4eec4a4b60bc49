package dev.dragoman.provider.cohere;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.ErrorStatus;
import dev.dragoman.provider.ErrorText;
import dev.dragoman.provider.HttpCall;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.JsonWireFormat;
import dev.dragoman.provider.Prompt;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.ProviderSettings;
import dev.dragoman.provider.ReplyBuilder.Ending;
import dev.dragoman.provider.ReplyBuilder;
import dev.dragoman.provider.SseEvent;
import dev.dragoman.translate.TranslationRequest;

/**
 * Cohere's Chat API v2 (https://docs.cohere.com/reference/chat): Bearer key, {@code /v2/chat}, the system message
 * first, top-p and top-k named {@code p} and {@code k}; text from {@code text} content only (thinking content is
 * skipped); streams of {@code content-delta} events ending at {@code message-end}, which carries the usage and the
 * finish reason (a stray {@code [DONE]} is no end of its own). Errors are {@code {"message": …}} bodies read by their
 * status. The model list is on v1.
 */
public class CohereFormat extends JsonWireFormat {

    private static final SamplingFields SAMPLING = new SamplingFields("temperature", "p", "k", "max_tokens",
            "presence_penalty", "frequency_penalty", "stop_sequences");

    /**
     * {@code finish_reason} as documented at https://docs.cohere.com/reference/chat: {@code COMPLETE},
     * {@code STOP_SEQUENCE}, {@code TOOL_CALL} end the reply, {@code MAX_TOKENS} cuts it off, {@code ERROR} and
     * {@code TIMEOUT} mean the generation failed.
     */
    private static final Map<String, Ending> FINISH_REASONS = Map.of(
            "MAX_TOKENS", Ending.CUT_OFF,
            "ERROR", Ending.FAILED,
            "TIMEOUT", Ending.FAILED);

    @Override
    public HttpCall request(ProviderSettings provider, TranslationRequest request) {
        Prompt prompt = Prompt.of(provider, request);
        ObjectNode body = Json.object();
        body.put("model", provider.model());
        ArrayNode messages = body.putArray("messages");
        if (prompt.system() != null) {
            messages.addObject().put("role", "system").put("content", prompt.system());
        }
        // Cohere documents no prefill of the assistant's turn (https://docs.cohere.com/reference/chat): left out
        for (Prompt.Message message : prompt.withoutPrefill()) {
            messages.addObject().put("role", message.role() == Prompt.Role.USER ? "user" : "assistant")
                    .put("content", message.text());
        }
        SAMPLING.write(body, provider);
        body.put("stream", provider.stream());
        return post(chatUrl(provider.url()), jsonHeaders(provider), body, provider);
    }

    /** {@code https://api.cohere.com} → {@code …/v2/chat}; an address ending in {@code /v2/chat} is used as given. */
    static String chatUrl(String url) {
        String path = url.strip();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/v2/chat")) {
            return path;
        }
        return (path.endsWith("/v2") ? path : path + "/v2") + "/chat";
    }

    @Override
    public Map<String, String> authHeaders(ApiKey key) {
        return Map.of("Authorization", "Bearer " + key.secret());
    }

    @Override
    public void readReply(JsonNode body, ReplyBuilder reply) throws ProviderException {
        if (!body.path("message").isObject()) {
            throw ProviderException.of(ErrorClass.INVALID_REPLY, "reply has no message");
        }
        appendText(body.path("message").path("content"), reply);
        reply.finished(Json.text(body, "finish_reason"), FINISH_REASONS);
        readUsage(body.path("usage"), reply);
    }

    @Override
    public boolean readEvent(SseEvent event, ReplyBuilder reply) throws ProviderException {
        if ("[DONE]".equals(event.data().strip())) {
            return true;
        }
        JsonNode data = event.json();
        String type = data.path("type").asText(event.name() == null ? "" : event.name());
        switch (type) {
            case "content-delta" -> reply.append(Json.text(data.path("delta").path("message").path("content"),
                    "text"));
            case "message-end" -> {
                reply.finished(Json.text(data.path("delta"), "finish_reason"), FINISH_REASONS);
                readUsage(data.path("delta").path("usage"), reply);
                reply.terminated();
                return false;
            }
            case "error" -> throw ProviderException.of(ErrorClass.TRANSIENT,
                    ErrorText.describe(200, type, data.path("message").asText(data.toString())));
            default -> {
                // message-start, content-start/end, tool and citation events: nothing to read
            }
        }
        return true;
    }

    private static void appendText(JsonNode content, ReplyBuilder reply) {
        for (JsonNode item : content) {
            if ("text".equals(Json.text(item, "type"))) {
                reply.append(Json.text(item, "text"));
            }
        }
    }

    /** The tokens the model saw and wrote ({@code tokens}), else the billed ones. */
    private static void readUsage(JsonNode usage, ReplyBuilder reply) {
        JsonNode tokens = usage.has("tokens") ? usage.path("tokens") : usage.path("billed_units");
        reply.usage(Json.integer(tokens, "input_tokens"), Json.integer(tokens, "output_tokens"));
    }

    @Override
    public ProviderException error(int status, JsonNode body, String raw, Function<String, String> header) {
        return failure(ErrorStatus.classify(status), status, null, message(body, raw), retryAfter(header));
    }

    /** {@code GET /v1/models?endpoint=chat} on the same host: the list is on v1 even for v2 chat. */
    @Override
    public HttpCall modelsRequest(ProviderSettings provider) {
        URI address = URI.create(provider.url().strip());
        String origin = address.getScheme() + "://" + address.getRawAuthority();
        return HttpCall.get(origin + "/v1/models?endpoint=chat&page_size=1000", provider.extraHeaders());
    }

    /** https://docs.cohere.com/reference/list-models: {@code next_page_token}, sent back as {@code page_token}. */
    @Override
    public HttpCall modelsRequest(ProviderSettings provider, String page) {
        return modelsRequest(provider).withQuery("page_token", page);
    }

    @Override
    public Optional<String> nextModelsPage(JsonNode body) {
        return Optional.of(body.path("next_page_token").asText()).filter(token -> !token.isEmpty());
    }

    @Override
    public List<String> readModels(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode model : body.path("models")) {
            if (model.path("endpoints").toString().contains("\"chat\"") && model.hasNonNull("name")) {
                ids.add(model.get("name").asText());
            }
        }
        ids.sort(null);
        return ids;
    }
}
