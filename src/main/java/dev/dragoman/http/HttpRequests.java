package dev.dragoman.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.check.Languages;
import dev.dragoman.config.Providers;
import dev.dragoman.keys.ClientBudgets;
import dev.dragoman.keys.Secrets;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.translate.ContextPair;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.SourceBatches;
import dev.dragoman.translate.TranslationFailedException;
import dev.dragoman.translate.TranslationHeaders;
import dev.dragoman.translate.TranslationRequest;

/**
 * Reads {@code POST /translate} bodies and writes the replies; bound as {@code httpRequests}. JSON bodies are
 * {@code {"text": …}} or {@code {"texts": […]}} with optional {@code source_lang}, {@code target_lang},
 * {@code provider}, {@code id}, {@code format} (the text's markup: html, markdown, icu, printf) and {@code context}, the texts before it and their translations
 * ({@code [{"text": …, "translation": …}, …]}, oldest first, for every text of the request); a {@code text/plain} body
 * is one text, with those fields but the context as query parameters.
 */
public class HttpRequests implements Processor {

    private final Providers providers;
    private final ClientBudgets clients;
    private final int maxBody;
    private final int maxTexts;
    private final int maxChars;

    /**
     * @param maxBody  {@code dragoman.http.max-body}, bytes
     * @param maxTexts {@code dragoman.http.max-texts}, texts of one {@code texts} request
     * @param maxChars {@code dragoman.http.max-chars}, characters over all texts of one request
     */
    public HttpRequests(Providers providers, ClientBudgets clients, int maxBody, int maxTexts, int maxChars) {
        this.providers = providers;
        this.clients = clients;
        this.maxBody = maxBody;
        this.maxTexts = maxTexts;
        this.maxChars = maxChars;
    }

    public TranslateCall read(Exchange exchange) throws BadRequestException, TooLargeException {
        TranslateCall call = readCall(exchange);
        // what providers are paid for is the text and the context sent with it, which the body limit bounds only
        // loosely
        long chars = 0;
        for (TranslationRequest request : call.requests()) {
            chars += paidCharacters(request);
        }
        if (chars > maxChars) {
            throw new TooLargeException("the request has " + chars + " characters, its texts' and their context's,"
                    + " more than the " + maxChars + " allowed (dragoman.http.max-chars)");
        }
        return call;
    }

    private TranslateCall readCall(Exchange exchange) throws BadRequestException, TooLargeException {
        Message message = exchange.getMessage();
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class);
        if (contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/")) {
            // the server has already taken such a body apart into form fields
            throw new BadRequestException("send the body as application/json or text/plain, not " + contentType
                    + " (with curl: -H 'Content-Type: application/json')");
        }
        byte[] body = message.getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new BadRequestException("the body is empty: send {\"text\": \"…\"} or {\"texts\": [\"…\"]}");
        }
        if (body.length > maxBody) {
            throw new BadRequestException("the body has " + body.length + " bytes, more than the " + maxBody
                    + " allowed (dragoman.http.max-body)");
        }
        boolean stream = message.getHeader("Accept", "", String.class).contains("text/event-stream");
        if (contentType.startsWith("text/plain")) {
            String text = new String(body, StandardCharsets.UTF_8);
            return new TranslateCall(List.of(request(exchange, text, null, field(message, "source_lang"),
                    field(message, "target_lang"), field(message, "provider"))), false, stream);
        }
        JsonNode json = parse(body);
        String source = text(json, "source_lang");
        String target = text(json, "target_lang");
        String provider = text(json, "provider");
        String id = text(json, "id");
        String format = format(text(json, "format"));
        List<ContextPair> context = context(json);
        if (json.has("texts") && json.has("text")) {
            throw new BadRequestException("send either \"text\" or \"texts\", not both");
        }
        if (json.has("texts")) {
            JsonNode texts = json.get("texts");
            if (!texts.isArray() || texts.isEmpty()) {
                throw new BadRequestException("\"texts\" must be a non-empty array of strings");
            }
            if (texts.size() > maxTexts) {
                throw new TooLargeException("the request has " + texts.size() + " texts, more than the " + maxTexts
                        + " allowed (dragoman.http.max-texts)");
            }
            List<TranslationRequest> requests = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (!texts.get(i).isTextual()) {
                    throw new BadRequestException("\"texts\"[" + i + "] must be a string");
                }
                requests.add(request(exchange, texts.get(i).asText(),
                        (id == null ? exchange.getExchangeId() : id) + "-" + i, source, target, provider)
                        .withContext(context).withFormat(format));
            }
            if (stream) {
                throw new BadRequestException("streaming (Accept: text/event-stream) takes one \"text\", not \"texts\"");
            }
            return new TranslateCall(requests, true, false);
        }
        JsonNode text = json.get("text");
        if (text == null || !text.isTextual()) {
            throw new BadRequestException(text == null ? "\"text\" is missing" : "\"text\" must be a string");
        }
        if (stream && format != null) {
            throw new BadRequestException("streaming (Accept: text/event-stream) takes plain text, not a \"format\"");
        }
        return new TranslateCall(List.of(request(exchange, text.asText(), id, source, target, provider)
                .withContext(context).withFormat(format)), false, stream);
    }

    /**
     * {@link #read} for the route: the call in the variable {@code call}, whether it streams and whether it is a
     * {@code texts} batch as the boolean variables {@code stream} and {@code batch} (plain variables: a route's
     * {@code ${variable.call.stream}} would copy the exchange on every request), and the first text as the body.
     */
    @Override
    public void process(Exchange exchange) throws BadRequestException, TooLargeException, ClientRefusedException {
        TranslateCall call = read(exchange);
        holdToClientLimits(exchange, call);
        exchange.setVariable(ExchangeKeys.HTTP_CALL, call);
        exchange.setVariable(ExchangeKeys.HTTP_STREAM, call.stream());
        exchange.setVariable(ExchangeKeys.HTTP_BATCH, call.batch());
        // set here rather than returned: the message stays platform-http's own, which server-sent events write to
        exchange.getMessage().setBody(call.requests().get(0));
    }

    /**
     * A named client's request (the guard names it, {@link HttpGuard#CLIENT_HEADER}) within its limits counts
     * against its rate, and its texts carry its name so that their calls count against its budgets and go only to
     * the instances it may use.
     */
    private void holdToClientLimits(Exchange exchange, TranslateCall call) throws ClientRefusedException {
        String client = exchange.getMessage().removeHeader(HttpGuard.CLIENT_HEADER) instanceof String name ? name
                : null;
        if (client == null) {
            return;
        }
        for (TranslationRequest request : call.requests()) {
            if (request.provider() != null && !clients.allows(client, request.provider())) {
                throw ClientRefusedException.notAllowed("client " + client + " may not use instance "
                        + request.provider() + ", only " + clients.instances(client) + " (dragoman.http.clients)");
            }
        }
        Optional<ClientBudgets.Refusal> over = clients.admit(client);
        if (over.isPresent()) {
            throw ClientRefusedException.overLimit(over.get().why() + ": try again in "
                    + over.get().retryAfterSeconds() + " s (dragoman.http.clients)", over.get().retryAfterSeconds());
        }
        exchange.setProperty(ExchangeKeys.CLIENT, client);
    }

    /**
     * The reply body: one envelope, or for {@code texts} (the results of its batches) an array in the order of the
     * texts, each an envelope or, for a text that could not be translated, a {@link FailedText}. Such a partial answer has status 207 (Multi-Status),
     * so that a client that only looks at the status still learns that not everything was translated; when no text
     * was translated, the request fails as a single text would (502).
     */
    public String reply(Exchange exchange) throws JsonProcessingException, TranslationFailedException {
        Object translated = exchange.getMessage().getBody();
        if (translated instanceof List<?> batches) {
            List<TranslationRequest> requests = exchange.getVariable(ExchangeKeys.HTTP_CALL, TranslateCall.class)
                    .requests();
            List<Object> segments = SourceBatches.segments(batches);
            List<Object> items = new ArrayList<>(segments.size());
            for (int i = 0; i < segments.size(); i++) {
                items.add(segments.get(i) instanceof Exception failure ? failed(failure, requests.get(i))
                        : segments.get(i));
            }
            translated = items;
            List<FailedText> failed = items.stream().filter(FailedText.class::isInstance).map(FailedText.class::cast)
                    .toList();
            if (failed.size() == items.size()) {
                throw new TranslationFailedException("every text failed: " + String.join("; ",
                        failed.stream().map(FailedText::error).distinct().toList()), null,
                        failed.stream().anyMatch(FailedText::retryable));
            }
            if (!failed.isEmpty()) {
                exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 207);
            }
        }
        return Json.MAPPER.writeValueAsString(translated);
    }

    /** What a text of a {@code texts} batch that could not be translated answers in its envelope's place. */
    public FailedText failed(Exception failure, TranslationRequest request) {
        return new FailedText(request.id(), request.text(), Secrets.redact(failure.getMessage()),
                failure instanceof TranslationFailedException translation && translation.retryable());
    }

    /**
     * A text of a batch that was not translated: its id and text, why, and whether the same request may succeed later
     * (an outage, rate limits) or not (the provider refused it).
     */
    public record FailedText(String id, String text, String error, boolean retryable) {
    }

    /** In loops, not streams: every request pays for this, and a stream pipeline is objects per text. */
    private static long paidCharacters(TranslationRequest request) {
        long chars = characters(request.text());
        for (ContextPair pair : request.context()) {
            chars += characters(pair.text()) + characters(pair.translation());
        }
        return chars;
    }

    private static long characters(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    private TranslationRequest request(Exchange exchange, String text, String id, String source, String target,
            String provider) throws BadRequestException {
        if (text.isBlank()) {
            throw new BadRequestException("the text is empty");
        }
        for (String language : new String[] { source, target }) {
            if (language != null && !Languages.isValid(language)) {
                throw new BadRequestException("a language must be a BCP 47 tag (de, pt-BR) or a language's name"
                        + " (letters, spaces, hyphens, parentheses; at most 40), not '" + language + "'");
            }
        }
        if (provider != null && providers.byName(provider).isEmpty()) {
            throw new BadRequestException("unknown provider '" + provider + "'; configured: "
                    + String.join(", ", providers.all().stream().map(ProviderInstance::name).toList()));
        }
        return new TranslationRequest(id != null ? id : exchange.getExchangeId(), text,
                source != null ? source : providers.settings().sourceLang(),
                target != null ? target : providers.settings().targetLang(), provider);
    }

    private static JsonNode parse(byte[] body) throws BadRequestException {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw new BadRequestException("the body must be a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestException("the body is not valid JSON: " + e.getMessage());
        }
    }

    private static List<ContextPair> context(JsonNode json) throws BadRequestException {
        JsonNode context = json.get("context");
        if (context == null || context.isNull()) {
            return List.of();
        }
        if (!context.isArray()) {
            throw new BadRequestException("\"context\" must be an array of {\"text\": …, \"translation\": …}");
        }
        List<ContextPair> pairs = new ArrayList<>();
        for (int i = 0; i < context.size(); i++) {
            JsonNode pair = context.get(i);
            if (!pair.isObject() || !pair.path("text").isTextual() || !pair.path("translation").isTextual()) {
                throw new BadRequestException("\"context\"[" + i
                        + "] must be {\"text\": \"…\", \"translation\": \"…\"}");
            }
            pairs.add(new ContextPair(pair.get("text").asText(), pair.get("translation").asText()));
        }
        return pairs;
    }

    private static String text(JsonNode json, String field) throws BadRequestException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequestException("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    /** A text's markup, whose tags and placeholders come back as they are (docs/files-and-formats.md, "Formats"); null for plain text. */
    private static String format(String value) throws BadRequestException {
        if (value != null && !TranslationHeaders.FORMATS.contains(value)) {
            throw new BadRequestException("\"format\" must be one of " + String.join(", ", TranslationHeaders.FORMATS)
                    + ", not '" + value + "'");
        }
        return value;
    }

    private static String field(Message message, String name) {
        return message.getHeader(name, String.class);
    }
}
