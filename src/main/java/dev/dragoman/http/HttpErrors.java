package dev.dragoman.http;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.dragoman.keys.Secrets;
import dev.dragoman.provider.Json;
import dev.dragoman.translate.TranslationFailedException;

/**
 * Turns whatever stopped an HTTP request into its reply, {@code {"error": "…"}} and never a stack trace: 400 for a
 * request to fix, 413 for one over a limit, 404 for an unknown provider's models, 502 when the providers failed, 500 for anything else (logged).
 * Bound as {@code httpErrors}.
 */
public class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    public void reply(Exchange exchange) throws JsonProcessingException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int status;
        String error;
        if (failure instanceof BadRequestException) {
            status = 400;
            error = failure.getMessage();
        } else if (failure instanceof TooLargeException) {
            status = 413;
            error = failure.getMessage();
        } else if (failure instanceof NotFoundException) {
            status = 404;
            error = failure.getMessage();
        } else if (failure instanceof TranslationFailedException || failure instanceof ProviderCallException) {
            status = 502;
            error = failure.getMessage();
        } else {
            status = 500;
            error = "internal error; see the Dragoman log";
            LOG.warn("HTTP request failed", failure);
        }
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(Json.MAPPER.writeValueAsString(Map.of("error", Secrets.redact(error))));
    }
}
