package dev.dragoman.provider.openai;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.ErrorText;
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
 * The OpenAI Chat Completions format, spoken by most platforms (https://platform.openai.com/docs/api-reference/chat):
 * Bearer key, messages, {@code choices[0].message.content}, SSE chunks of {@code choices[0].delta.content} ending with
 * {@code [DONE]}. {@code reasoning_content} is never read, so reasoning cannot reach a translation. The error shapes of
 * the compatible platforms (iFlytek Spark's {@code code} in a 200 body, SiliconFlow's {@code {code,message,data}},
 * Zhipu's business codes) are read here too, see {@link OpenAiErrorCodes}; platforms whose request differs subclass it.
 */
public class OpenAiFormat extends JsonWireFormat {

    private static final String DONE = "[DONE]";

    private static final SamplingFields SAMPLING = new SamplingFields("temperature", "top_p", "top_k", "max_tokens",
            "presence_penalty", "frequency_penalty", "stop");

    /**
     * {@code finish_reason} as documented at https://platform.openai.com/docs/api-reference/chat/object: {@code stop},
     * {@code length} (the token limit), {@code content_filter}, {@code tool_calls}, {@code function_call}.
     */
    private static final Map<String, Ending> FINISH_REASONS = Map.of(
            "length", Ending.CUT_OFF,
            "content_filter", Ending.REFUSED);

    @Override
    public HttpCall request(ProviderSettings provider, TranslationRequest request) {
        ObjectNode body = Json.object();
        body.put("model", provider.model());
        writeMessages(body.putArray("messages"), provider, request);
        SAMPLING.write(body, provider);
        if (provider.reasoningEffort() != null) {
            writeReasoning(body, provider.reasoningEffort());
        }
        body.put("stream", provider.stream());
        if (provider.stream()) {
            body.putObject("stream_options").put("include_usage", true);
        }
        writePlatformFields(body, provider, request);
        return post(chatUrl(provider), jsonHeaders(provider), body, provider);
    }

    /**
     * The system message (when there is one), then the conversation: context as earlier user and assistant turns, the
     * user message, and a prefill as a last assistant message, which the model continues.
     */
    protected void writeMessages(ArrayNode messages, ProviderSettings provider, TranslationRequest request) {
        Prompt prompt = Prompt.of(provider, request);
        if (prompt.system() != null) {
            messages.addObject().put("role", "system").put("content", prompt.system());
        }
        for (Prompt.Message message : prompt.conversation()) {
            messages.addObject().put("role", message.role() == Prompt.Role.USER ? "user" : "assistant")
                    .put("content", message.text());
        }
    }

    /**
     * The reasoning effort as OpenAI's {@code reasoning_effort}
     * (https://platform.openai.com/docs/api-reference/chat/create#chat-create-reasoning_effort); platforms with
     * another switch override this.
     */
    protected void writeReasoning(ObjectNode body, ReasoningEffort effort) {
        body.put("reasoning_effort", effort.wireName());
    }

    /** Fields only one platform knows; written before extra-body, so users can still override them. */
    protected void writePlatformFields(ObjectNode body, ProviderSettings provider, TranslationRequest request) {
    }

    protected String chatUrl(ProviderSettings provider) {
        return OpenAiAddress.chatCompletions(provider.url());
    }

    @Override
    public Map<String, String> authHeaders(ApiKey key) throws ProviderException {
        return Map.of("Authorization", "Bearer " + key.secret());
    }

    @Override
    public void readReply(JsonNode body, ReplyBuilder reply) throws ProviderException {
        failOnEmbeddedError(body);
        reply.model(Json.text(body, "model"));
        JsonNode choices = body.path("choices");
        if (choices.isEmpty()) {
            throw ProviderException.of(ErrorClass.INVALID_REPLY, "reply has no choices");
        }
        reply.append(Json.text(choices.get(0).path("message"), "content"));
        readFinish(choices.get(0), reply);
        readUsage(body, reply);
    }

    @Override
    public boolean readEvent(SseEvent event, ReplyBuilder reply) throws ProviderException {
        if (DONE.equals(event.data().strip())) {
            reply.terminated();
            return false;
        }
        JsonNode chunk = event.json();
        failOnEmbeddedError(chunk);
        reply.model(Json.text(chunk, "model"));
        JsonNode choices = chunk.path("choices");
        if (!choices.isEmpty()) {
            appendStreamed(reply, Json.text(choices.get(0).path("delta"), "content"));
            readFinish(choices.get(0), reply);
        }
        readUsage(chunk, reply);
        return true;
    }

    /** Stream chunks carry deltas; platforms whose chunks repeat the text so far override this. */
    protected void appendStreamed(ReplyBuilder reply, String text) {
        reply.append(text);
    }

    @Override
    public HttpCall modelsRequest(ProviderSettings provider) {
        return HttpCall.get(OpenAiAddress.models(provider.url()), provider.extraHeaders());
    }

    @Override
    public List<String> readModels(JsonNode body) {
        List<String> ids = dataIds(body);
        ids.sort(null);
        return ids;
    }

    @Override
    public ProviderException error(int status, JsonNode body, String raw, Function<String, String> header) {
        JsonNode error = body != null && body.has("error") && body.get("error").isObject() ? body.get("error") : body;
        String code = error == null ? null : error.path("code").asText(error.path("type").asText(null));
        return failure(classify(status, code), status, code, message(error, raw), retryAfter(header));
    }

    /** Refines the status by the error code: a 429 that says the quota is gone is not worth a retry. */
    protected ErrorClass classify(int status, String code) {
        return OpenAiErrorCodes.classify(code).orElseGet(() -> OpenAiErrorCodes.byStatus(status));
    }

    /**
     * Some platforms answer 200 and put the error in the body, also inside a stream: OpenRouter and gateways as an
     * {@code error} object, iFlytek Spark as a {@code code} other than 0.
     */
    protected void failOnEmbeddedError(JsonNode body) throws ProviderException {
        if (body.hasNonNull("error")) {
            JsonNode error = body.get("error");
            int status = error.path("code").isInt() ? error.path("code").asInt() : 500;
            throw error(status, body, body.toString(), name -> null);
        }
        JsonNode code = body.get("code");
        if (code != null && code.isNumber() && code.asInt() != 0) {
            String text = code.asText();
            throw ProviderException.of(OpenAiErrorCodes.classify(text).orElse(ErrorClass.REQUEST_REJECTED),
                    ErrorText.describe(200, text, Json.text(body, "message")));
        }
    }

    private static void readFinish(JsonNode choice, ReplyBuilder reply) {
        reply.finished(Json.text(choice, "finish_reason"), FINISH_REASONS);
    }

    private static void readUsage(JsonNode body, ReplyBuilder reply) {
        JsonNode usage = body.get("usage");
        if (usage != null && usage.isObject()) {
            reply.usage(Json.integer(usage, "prompt_tokens"), Json.integer(usage, "completion_tokens"));
        }
    }
}
