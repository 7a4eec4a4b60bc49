package dev.dragoman.provider.claude;

import java.util.LinkedHashMap;
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
import dev.dragoman.provider.HttpCall;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.JsonWireFormat;
import dev.dragoman.provider.Prompt;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.ProviderSettings;
import dev.dragoman.provider.ReasoningEffort;
import dev.dragoman.provider.ReplyBuilder.Ending;
import dev.dragoman.provider.ReplyBuilder;
import dev.dragoman.provider.SseEvent;
import dev.dragoman.translate.TranslationRequest;

/**
 * Anthropic's Messages API (https://platform.claude.com/docs/en/api/messages): {@code x-api-key} plus
 * {@code anthropic-version}, a top-level {@code system}, {@code max_tokens} always (the API requires it), and only one
 * of temperature and top_p (newer models refuse both). Text comes from {@code text} blocks only, so thinking blocks
 * never reach a translation. Streams are named events: text deltas in {@code content_block_delta}, usage in
 * {@code message_start} and {@code message_delta}, an {@code error} event after a 200, the end at {@code message_stop}.
 */
public class ClaudeFormat extends JsonWireFormat {

    static final String VERSION = "2023-06-01";
    static final int DEFAULT_MAX_TOKENS = 4096;

    private static final SamplingFields SAMPLING = new SamplingFields("temperature", "top_p", "top_k", null, null,
            null, "stop_sequences");

    private static final Map<String, ErrorClass> ERROR_TYPES = Map.of(
            "authentication_error", ErrorClass.KEY_REJECTED,
            "permission_error", ErrorClass.KEY_REJECTED,
            "billing_error", ErrorClass.QUOTA_EXHAUSTED,
            "rate_limit_error", ErrorClass.RATE_LIMITED,
            "overloaded_error", ErrorClass.TRANSIENT,
            "api_error", ErrorClass.TRANSIENT,
            "timeout_error", ErrorClass.TRANSIENT,
            "invalid_request_error", ErrorClass.REQUEST_REJECTED,
            "not_found_error", ErrorClass.REQUEST_REJECTED,
            "request_too_large", ErrorClass.REQUEST_REJECTED);

    /**
     * {@code stop_reason} as documented at https://docs.anthropic.com/en/api/messages and
     * https://docs.anthropic.com/en/docs/build-with-claude/handling-stop-reasons: {@code end_turn},
     * {@code stop_sequence}, {@code tool_use}, {@code pause_turn} end a turn, {@code max_tokens} and
     * {@code model_context_window_exceeded} cut it off, {@code refusal} is the safety classifiers declining.
     */
    private static final Map<String, Ending> STOP_REASONS = Map.of(
            "max_tokens", Ending.CUT_OFF,
            "model_context_window_exceeded", Ending.CUT_OFF,
            "refusal", Ending.REFUSED);

    @Override
    public HttpCall request(ProviderSettings provider, TranslationRequest request) {
        Prompt prompt = Prompt.of(provider, request);
        ObjectNode body = Json.object();
        body.put("model", provider.model());
        body.put("max_tokens", provider.maxTokens() != null ? provider.maxTokens()
                : DEFAULT_MAX_TOKENS + thinkingBudget(provider.reasoningEffort()));
        if (prompt.system() != null) {
            body.put("system", prompt.system());
        }
        ArrayNode messages = body.putArray("messages");
        for (Prompt.Message message : prompt.conversation()) {
            messages.addObject().put("role", message.role() == Prompt.Role.USER ? "user" : "assistant")
                    .put("content", message.text());
        }
        if (provider.reasoningEffort() != null) {
            writeThinking(body, provider.reasoningEffort());
        }
        (provider.temperature() != null ? SAMPLING.withoutTopP() : SAMPLING).write(body, provider);
        body.put("stream", provider.stream());
        Map<String, String> headers = jsonHeaders(provider);
        headers.putIfAbsent("anthropic-version", VERSION);
        return post(ClaudeAddress.messages(provider.url()), headers, body, provider);
    }

    /**
     * Extended thinking (https://platform.claude.com/docs/en/build-with-claude/extended-thinking): on with a token
     * budget, which {@code max_tokens} must exceed, or off. Thinking does not go with a prefill or a changed
     * temperature; the API says so when both are set.
     */
    private static void writeThinking(ObjectNode body, ReasoningEffort effort) {
        ObjectNode thinking = body.putObject("thinking");
        if (effort == ReasoningEffort.NONE) {
            thinking.put("type", "disabled");
        } else {
            thinking.put("type", "enabled").put("budget_tokens", effort.budgetTokens());
        }
    }

    private static int thinkingBudget(ReasoningEffort effort) {
        return effort == null ? 0 : effort.budgetTokens();
    }

    @Override
    public Map<String, String> authHeaders(ApiKey key) {
        return Map.of("x-api-key", key.secret());
    }

    @Override
    public void readReply(JsonNode body, ReplyBuilder reply) throws ProviderException {
        failOnError(body);
        reply.model(Json.text(body, "model"));
        if (!body.path("content").isArray()) {
            throw ProviderException.of(ErrorClass.INVALID_REPLY, "reply has no content");
        }
        for (JsonNode block : body.path("content")) {
            if ("text".equals(Json.text(block, "type"))) {
                reply.append(Json.text(block, "text"));
            }
        }
        reply.finished(Json.text(body, "stop_reason"), STOP_REASONS);
        JsonNode usage = body.path("usage");
        reply.usage(Json.integer(usage, "input_tokens"), Json.integer(usage, "output_tokens"));
    }

    @Override
    public boolean readEvent(SseEvent event, ReplyBuilder reply) throws ProviderException {
        JsonNode data = event.json();
        failOnError(data);
        String type = data.path("type").asText(event.name() == null ? "" : event.name());
        switch (type) {
            case "message_start" -> {
                JsonNode message = data.path("message");
                reply.model(Json.text(message, "model"));
                reply.mergeUsage(Json.integer(message.path("usage"), "input_tokens"),
                        Json.integer(message.path("usage"), "output_tokens"));
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                if ("text_delta".equals(Json.text(delta, "type"))) {
                    reply.append(Json.text(delta, "text"));
                }
            }
            case "message_delta" -> {
                reply.finished(Json.text(data.path("delta"), "stop_reason"), STOP_REASONS);
                reply.mergeUsage(Json.integer(data.path("usage"), "input_tokens"),
                        Json.integer(data.path("usage"), "output_tokens"));
            }
            case "message_stop" -> {
                reply.terminated();
                return false;
            }
            default -> {
                // ping, content_block_start/stop (thinking blocks included): nothing to read
            }
        }
        return true;
    }

    /** A reply or stream event of type {@code error}: the status it would have had comes from its error type. */
    private void failOnError(JsonNode body) throws ProviderException {
        if ("error".equals(Json.text(body, "type"))) {
            throw error(200, body, body.toString(), name -> null);
        }
    }

    @Override
    public ProviderException error(int status, JsonNode body, String raw, Function<String, String> header) {
        JsonNode error = body == null ? null : body.get("error");
        String type = error == null ? null : Json.text(error, "type");
        ErrorClass errorClass = type != null && ERROR_TYPES.containsKey(type) ? ERROR_TYPES.get(type)
                : status == 200 ? ErrorClass.TRANSIENT : ErrorStatus.classify(status);
        return failure(errorClass, status, type, message(error, raw), retryAfter(header));
    }

    @Override
    public HttpCall modelsRequest(ProviderSettings provider) {
        Map<String, String> headers = new LinkedHashMap<>(provider.extraHeaders());
        headers.putIfAbsent("anthropic-version", VERSION);
        return HttpCall.get(ClaudeAddress.models(provider.url()), headers);
    }

    @Override
    public List<String> readModels(JsonNode body) {
        return dataIds(body);
    }

    /** https://docs.anthropic.com/en/api/models-list: while {@code has_more}, the next page is after {@code last_id}. */
    @Override
    public HttpCall modelsRequest(ProviderSettings provider, String page) {
        return modelsRequest(provider).withQuery("after_id", page);
    }

    @Override
    public Optional<String> nextModelsPage(JsonNode body) {
        return body.path("has_more").asBoolean() ? Optional.of(body.path("last_id").asText())
                .filter(last -> !last.isEmpty()) : Optional.empty();
    }
}
