package dev.dragoman.provider;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.translate.TranslationRequest;

/**
 * The engine of a remote dialect: how a translation request is written, how a whole or streamed reply is read, and
 * what an error means. Routes never touch a provider's JSON. {@link JsonWireFormat} holds what JSON formats share.
 */
public non-sealed interface WireFormat extends Engine {

    /** The request for one translation. */
    HttpCall request(ProviderSettings provider, TranslationRequest request);

    /** The headers that carry the key; may fail for keys that must first be exchanged for a token. */
    Map<String, String> authHeaders(ApiKey key) throws ProviderException;

    /** Reads a complete reply; throws when a successful status still carries an error. */
    void readReply(JsonNode body, ReplyBuilder reply) throws ProviderException;

    /** Reads one event of a streamed reply; false once the stream says it is complete. */
    boolean readEvent(SseEvent event, ReplyBuilder reply) throws ProviderException;

    /**
     * Sorts an error reply into its class.
     *
     * @param body   the body as JSON, or null when it is not JSON
     * @param raw    the body as text
     * @param header a response header by name, case-insensitively
     */
    ProviderException error(int status, JsonNode body, String raw, Function<String, String> header);

    /** The request that lists the provider's models (keys go in through {@link #authHeaders}). */
    HttpCall modelsRequest(ProviderSettings provider);

    /** The model ids of a model-list reply, only those that can chat. */
    List<String> readModels(JsonNode body);

    /**
     * The request for a page of the model list after the first: {@code page} is what the page before named as the
     * next ({@link #nextModelsPage}). Lists of one page need not override it.
     */
    default HttpCall modelsRequest(ProviderSettings provider, String page) {
        return modelsRequest(provider);
    }

    /** What names the model list's next page, when this reply says there is one. */
    default Optional<String> nextModelsPage(JsonNode body) {
        return Optional.empty();
    }
}
