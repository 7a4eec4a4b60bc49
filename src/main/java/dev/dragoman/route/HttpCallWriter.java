package dev.dragoman.route;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.HttpCall;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.translate.ExchangeKeys;

/**
 * Turns the prepared call into the message camel-http sends, with this lane's key in the dialect's auth headers. A
 * key that cannot even be turned into headers (a Qianfan AK:SK the token service refuses) is judged like a key the
 * provider refused.
 */
final class HttpCallWriter implements Processor {

    private final ProviderInstance provider;
    private final ApiKey key;
    private final Duration defaultCooldown;

    HttpCallWriter(ProviderInstance provider, ApiKey key, Duration defaultCooldown) {
        this.provider = provider;
        this.key = key;
        this.defaultCooldown = defaultCooldown;
    }

    @Override
    public void process(Exchange exchange) throws ProviderException {
        Map<String, String> auth;
        try {
            auth = provider.wire().authHeaders(key);
        } catch (ProviderException e) {
            KeyVerdicts.record(provider, key, e, defaultCooldown);
            throw e;
        }
        write(exchange.getMessage(), exchange.getProperty(ExchangeKeys.CALL, HttpCall.class), auth);
        exchange.setProperty(ExchangeKeys.AUTH_HEADERS, auth.keySet());
    }

    /**
     * After the call, whatever its outcome: the key leaves the message, in its headers and in the address (a relay's
     * may carry one in its query). The message goes on up the routes and may wait out a retry there, and Camel dumps a
     * waiting exchange's headers when it stops (its await manager's WARN): the key must not be among them. A retry
     * writes them again.
     */
    static void forgetAuth(Exchange exchange) {
        if (exchange.removeProperty(ExchangeKeys.AUTH_HEADERS) instanceof Set<?> names) {
            names.forEach(name -> exchange.getMessage().removeHeader((String) name));
        }
        exchange.getMessage().removeHeader(Exchange.HTTP_URI);
    }

    /** Only what the provider should see: no header of the caller's message leaks into the request. */
    static void write(Message message, HttpCall call, Map<String, String> auth) {
        message.getHeaders().clear();
        // as camel-http's enum: a String header is converted on every call by a scan of Camel's type converters
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(call.method()));
        message.setHeader(Exchange.HTTP_URI, call.url());
        call.headers().forEach(message::setHeader);
        auth.forEach(message::setHeader);
        message.setBody(call.body());
    }
}
