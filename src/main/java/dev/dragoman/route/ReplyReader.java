package dev.dragoman.route;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.DeltaListener;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.HttpCall;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.ReplyBuilder;
import dev.dragoman.provider.SseReader;
import dev.dragoman.translate.TranslationHeaders;

/**
 * Last step of a key lane: reads the provider's answer (whole or streamed) through the dialect, and on an error
 * records what it means for this key before the failover load balancer decides where the call goes next.
 */
final class ReplyReader implements Processor {

    private final ProviderInstance provider;
    private final ApiKey key;
    private final Duration defaultCooldown;

    ReplyReader(ProviderInstance provider, ApiKey key, Duration defaultCooldown) {
        this.provider = provider;
        this.key = key;
        this.defaultCooldown = defaultCooldown;
    }

    @Override
    public void process(Exchange exchange) throws ProviderException {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        HttpCall call = exchange.getProperty(ProviderRoutes.CALL, HttpCall.class);
        try (InputStream body = message.getBody(InputStream.class)) {
            if (status / 100 != 2) {
                String raw = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                Function<String, String> header = name -> message.getHeader(name, String.class);
                throw provider.dialect().error(status, Json.tryParse(raw).orElse(null), raw, header);
            }
            DeltaListener listener = exchange.getProperty(TranslationHeaders.DELTAS, DeltaListener.NONE,
                    DeltaListener.class);
            // a retry on another key starts the text over
            listener.onReset();
            ReplyBuilder reply = new ReplyBuilder(listener);
            String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class);
            if (call.stream() && contentType.startsWith("text/event-stream")) {
                SseReader.read(new InputStreamReader(body, StandardCharsets.UTF_8),
                        event -> provider.dialect().readEvent(event, reply));
            } else {
                String raw = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                JsonNode json = Json.tryParse(raw).orElseThrow(() -> ProviderException.of(ErrorClass.TRANSIENT,
                        "HTTP " + status + " reply is not JSON"));
                provider.dialect().readReply(json, reply);
            }
            message.setBody(reply.build());
        } catch (ProviderException e) {
            KeyVerdicts.record(provider, key, e, defaultCooldown);
            throw e;
        } catch (IOException e) {
            throw ProviderException.of(ErrorClass.TRANSIENT, "reading the reply failed: " + e.getMessage());
        }
    }
}
