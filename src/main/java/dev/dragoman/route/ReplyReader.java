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
import dev.dragoman.provider.WireFormat;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.ErrorStatus;
import dev.dragoman.provider.HttpCall;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.Reply;
import dev.dragoman.provider.ReplyBuilder;
import dev.dragoman.provider.SseReader;
import dev.dragoman.translate.ClientGoneException;
import dev.dragoman.translate.DeltaListener;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.TranslationHeaders;

/**
 * Last step of a key lane: reads the provider's answer (whole or streamed, at most {@code max-reply} bytes) through
 * the dialect, and on an error records what it means for this key before the failover load balancer decides where
 * the call goes next. A successful status whose body is not the provider's JSON is an invalid reply, and an error
 * page from something in between is judged by {@link ErrorStatus#page}, never as the provider's verdict on the key.
 */
final class ReplyReader implements Processor {

    private final ProviderInstance provider;
    private final ApiKey key;
    private final Duration defaultCooldown;
    private final TokensInVain inVain;

    ReplyReader(ProviderInstance provider, ApiKey key, Duration defaultCooldown, TokensInVain inVain) {
        this.provider = provider;
        this.key = key;
        this.defaultCooldown = defaultCooldown;
        this.inVain = inVain;
    }

    @Override
    public void process(Exchange exchange) throws ProviderException, ClientGoneException {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class);
        HttpCall call = exchange.getProperty(ExchangeKeys.CALL, HttpCall.class);
        try (InputStream body = new ReplyBody(message.getBody(InputStream.class), provider.settings().maxReply())) {
            if (status / 100 != 2) {
                throw error(status, contentType, text(body), message);
            }
            DeltaListener listener = exchange.getProperty(ExchangeKeys.DELTAS, DeltaListener.NONE,
                    DeltaListener.class);
            // a retry on another key starts the text over
            listener.onReset();
            ReplyBuilder reply = new ReplyBuilder(listener);
            Reply built = null;
            try {
                built = read(call, contentType, body, reply);
                message.setBody(built);
            } finally {
                // what the provider counted is paid for, translation or not (cut off at max_tokens, empty)
                if (reply.usage() != null) {
                    exchange.setProperty(ExchangeKeys.BILLED, reply.usage());
                    if (built == null) {
                        inVain.add(exchange, reply.usage());
                    }
                }
            }
            // read: left on, the reply's HTTP headers would be copied at every step of the call's way back
            message.getHeaders().clear();
        } catch (ProviderException e) {
            KeyVerdicts.record(provider, key, e, defaultCooldown);
            throw e;
        } catch (ReplyBody.TooLarge e) {
            throw ProviderException.of(ErrorClass.INVALID_REPLY, e.getMessage());
        } catch (ClientGoneException e) {
            // not the provider's failure: its breaker must see this, not a transient fault
            throw e;
        } catch (IOException e) {
            throw ProviderException.of(ErrorClass.TRANSIENT, "reading the reply failed: " + e.getMessage());
        }
    }

    private Reply read(HttpCall call, String contentType, InputStream body, ReplyBuilder reply)
            throws ProviderException, IOException {
        WireFormat wire = provider.wire();
        if (call.stream() && contentType.startsWith("text/event-stream")) {
            SseReader.read(new InputStreamReader(body, StandardCharsets.UTF_8), event -> wire.readEvent(event, reply));
            return reply.buildStreamed();
        }
        String type = contentType.isEmpty() ? "no content type" : contentType;
        // parsed as it is read: a reply held as text first cost a buffer and a copy per call
        JsonNode json = Json.tryParse(body).orElseThrow(() -> ProviderException.of(
                ErrorClass.INVALID_REPLY, "reply is not JSON (" + type + ")"));
        wire.readReply(json, reply);
        return reply.build();
    }

    private ProviderException error(int status, String contentType, String raw, Message message) {
        Function<String, String> header = name -> message.getHeader(name, String.class);
        JsonNode json = Json.tryParse(raw).orElse(null);
        return json == null && ErrorStatus.isPage(contentType, raw)
                ? ErrorStatus.page(status, contentType, raw, header)
                : provider.wire().error(status, json, raw, header);
    }

    private static String text(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
}
