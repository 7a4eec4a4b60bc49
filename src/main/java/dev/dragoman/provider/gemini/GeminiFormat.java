package dev.dragoman.provider.gemini;

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
 * Google's native Gemini format (https://ai.google.dev/api/generate-content): the key in {@code x-goog-api-key} (never
 * in the address, where logs would show it), {@code systemInstruction} plus {@code contents} with
 * {@code user}/{@code model} roles, a {@code generationConfig}; text from the candidate's parts except thought parts; a
 * blocked prompt answers 200 with no candidate, which is a refused request rather than an empty translation. Streams
 * ({@code alt=sse}) have no end marker: they end when the connection closes, so a stream is complete once a chunk said
 * why the candidate finished; usage repeats cumulatively. Errors are google.rpc.Status bodies, read by
 * {@link GeminiErrors}.
 */
public class GeminiFormat extends JsonWireFormat {

    /**
     * {@code Candidate.finishReason} as documented at https://ai.google.dev/api/generate-content#FinishReason:
     * {@code STOP} is the natural end, {@code MAX_TOKENS} the token limit, and the safety, recitation, block-list,
     * prohibited-content, personal-data and language verdicts withhold the text.
     */
    private static final Map<String, Ending> FINISH_REASONS = Map.of(
            "MAX_TOKENS", Ending.CUT_OFF,
            "SAFETY", Ending.REFUSED,
            "RECITATION", Ending.REFUSED,
            "LANGUAGE", Ending.REFUSED,
            "BLOCKLIST", Ending.REFUSED,
            "PROHIBITED_CONTENT", Ending.REFUSED,
            "SPII", Ending.REFUSED,
            "IMAGE_SAFETY", Ending.REFUSED);

    private static final SamplingFields SAMPLING = new SamplingFields("temperature", "topP", "topK",
            "maxOutputTokens", "presencePenalty", "frequencyPenalty", "stopSequences");

    @Override
    public HttpCall request(ProviderSettings provider, TranslationRequest request) {
        Prompt prompt = Prompt.of(provider, request);
        ObjectNode body = Json.object();
        if (prompt.system() != null) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", prompt.system());
        }
        ArrayNode contents = body.putArray("contents");
        for (Prompt.Message message : prompt.conversation()) {
            contents.addObject().put("role", message.role() == Prompt.Role.USER ? "user" : "model")
                    .putArray("parts").addObject().put("text", message.text());
        }
        ObjectNode config = body.putObject("generationConfig");
        SAMPLING.write(config, provider);
        if (provider.reasoningEffort() != null) {
            // https://ai.google.dev/gemini-api/docs/thinking: a budget of 0 turns thinking off
            config.putObject("thinkingConfig").put("thinkingBudget", provider.reasoningEffort().budgetTokens());
        }
        if (config.isEmpty()) {
            body.remove("generationConfig");
        }
        return post(GeminiAddress.generateContent(provider.url(), provider.model(), provider.stream()),
                jsonHeaders(provider), body, provider);
    }

    @Override
    public Map<String, String> authHeaders(ApiKey key) {
        return Map.of("x-goog-api-key", key.secret());
    }

    @Override
    public void readReply(JsonNode body, ReplyBuilder reply) throws ProviderException {
        read(body, reply);
        if (body.path("candidates").isEmpty()) {
            throw ProviderException.of(ErrorClass.INVALID_REPLY, "reply has no candidates");
        }
    }

    @Override
    public boolean readEvent(SseEvent event, ReplyBuilder reply) throws ProviderException {
        if ("[DONE]".equals(event.data().strip())) {
            return false;
        }
        JsonNode chunk = event.json();
        read(chunk, reply);
        return true;
    }

    private void read(JsonNode body, ReplyBuilder reply) throws ProviderException {
        if (body.has("error")) {
            JsonNode error = body.get("error");
            throw error(error.path("code").asInt(500), body, body.toString(), name -> null);
        }
        reply.model(Json.text(body, "modelVersion"));
        JsonNode candidates = body.path("candidates");
        String blockReason = Json.text(body.path("promptFeedback"), "blockReason");
        if (candidates.isEmpty() && blockReason != null) {
            throw ProviderException.of(ErrorClass.REQUEST_REJECTED, "HTTP 200: the prompt was blocked ("
                    + blockReason + ")");
        }
        if (!candidates.isEmpty()) {
            JsonNode candidate = candidates.get(0);
            for (JsonNode part : candidate.path("content").path("parts")) {
                if (!part.path("thought").asBoolean(false)) {
                    reply.append(Json.text(part, "text"));
                }
            }
            String finishReason = Json.text(candidate, "finishReason");
            if (finishReason != null) {
                reply.finished(finishReason, FINISH_REASONS).terminated();
            }
        }
        JsonNode usage = body.get("usageMetadata");
        if (usage != null && usage.isObject()) {
            reply.usage(Json.integer(usage, "promptTokenCount"), Json.integer(usage, "candidatesTokenCount"));
        }
    }

    @Override
    public ProviderException error(int status, JsonNode body, String raw, Function<String, String> header) {
        JsonNode error = body == null ? null : body.get("error");
        String code = error == null ? null : Json.text(error, "status");
        GeminiErrors.Verdict verdict = GeminiErrors.classify(status, error);
        return failure(verdict.errorClass(), status, code, message(error, raw),
                verdict.retryDelay().or(() -> retryAfter(header)));
    }

    @Override
    public HttpCall modelsRequest(ProviderSettings provider) {
        return HttpCall.get(GeminiAddress.models(provider.url()), provider.extraHeaders());
    }

    /** https://ai.google.dev/api/models#method:-models.list: {@code nextPageToken}, sent back as {@code pageToken}. */
    @Override
    public HttpCall modelsRequest(ProviderSettings provider, String page) {
        return modelsRequest(provider).withQuery("pageToken", page);
    }

    @Override
    public Optional<String> nextModelsPage(JsonNode body) {
        return Optional.of(body.path("nextPageToken").asText()).filter(token -> !token.isEmpty());
    }

    /** Only models that can generate content, without their {@code models/} prefix. */
    @Override
    public List<String> readModels(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode model : body.path("models")) {
            boolean generates = false;
            for (JsonNode method : model.path("supportedGenerationMethods")) {
                generates |= "generateContent".equals(method.asText());
            }
            String name = model.path("name").asText();
            if (generates && !name.isEmpty()) {
                ids.add(name.startsWith("models/") ? name.substring("models/".length()) : name);
            }
        }
        ids.sort(null);
        return ids;
    }
}
