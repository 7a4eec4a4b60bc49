package dev.dragoman.http;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.dragoman.keys.RedactedThrowable;
import dev.dragoman.keys.Secrets;
import dev.dragoman.provider.Json;
import dev.dragoman.translate.TranslationFailedException;

/**
 * Turns whatever stopped an HTTP request into its reply, {@code {"error": "…"}} and never a stack trace: 400 for a
 * request to fix, 413 for one over a limit, 404 for an unknown provider's models, 502 when the providers failed, 503
 * with {@code Retry-After} when the HTTP API's share of translations is taken ({@link HttpShare}), 500
 * for anything else. A 500 is logged, redacted, under the exchange id, and the reply carries that id
 * ({@code {"error": "…", "id": "…"}}) so that a client's report leads to the log line. Bound as {@code httpErrors}.
 */
public class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    public void reply(Exchange exchange) throws JsonProcessingException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int status;
        String error;
        String id = null;
        String retryAfter = null;
        if (failure instanceof BadRequestException) {
            status = 400;
            error = failure.getMessage();
        } else if (failure instanceof TooLargeException) {
            status = 413;
            error = failure.getMessage();
        } else if (failure instanceof ShareFullException) {
            status = 503;
            error = failure.getMessage();
            // slots free as translations end, which is a provider's latency: a second is a fair first wait
            retryAfter = "1";
        } else if (failure instanceof ClientRefusedException refused) {
            status = refused.status();
            error = failure.getMessage();
            retryAfter = refused.retryAfterSeconds() > 0 ? Long.toString(refused.retryAfterSeconds()) : null;
        } else if (failure instanceof NotFoundException) {
            status = 404;
            error = failure.getMessage();
        } else if (failure instanceof TranslationFailedException || failure instanceof ProviderCallException) {
            status = 502;
            error = failure.getMessage();
        } else {
            status = 500;
            error = "internal error; see the Dragoman log under its id";
            id = exchange.getExchangeId();
            LOG.warn("HTTP request {} failed", id, failure == null ? null : RedactedThrowable.of(failure));
        }
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (retryAfter != null) {
            message.setHeader("Retry-After", retryAfter);
        }
        message.setBody(Json.MAPPER.writeValueAsString(id == null ? Map.of("error", Secrets.redact(error))
                : Map.of("error", error, "id", id)));
    }
}
