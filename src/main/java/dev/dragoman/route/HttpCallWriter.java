package dev.dragoman.route;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.Dialect;
import dev.dragoman.provider.HttpCall;

/** Turns the prepared call into the message camel-http sends, with this lane's key in the dialect's auth headers. */
final class HttpCallWriter implements Processor {

    private final Dialect dialect;
    private final ApiKey key;

    HttpCallWriter(Dialect dialect, ApiKey key) {
        this.dialect = dialect;
        this.key = key;
    }

    @Override
    public void process(Exchange exchange) {
        write(exchange.getMessage(), exchange.getProperty(ProviderRoutes.CALL, HttpCall.class),
                dialect.authHeaders(key));
    }

    /** Only what the provider should see: no header of the caller's message leaks into the request. */
    static void write(Message message, HttpCall call, Map<String, String> auth) {
        message.getHeaders().clear();
        // as camel-http's enum: a String header is converted on every call by a scan of Camel's type converters
        message.setHeader(Exchange.HTTP_METHOD, org.apache.camel.component.http.HttpMethods.valueOf(call.method()));
        message.setHeader(Exchange.HTTP_URI, call.url());
        call.headers().forEach(message::setHeader);
        auth.forEach(message::setHeader);
        message.setBody(call.body());
    }
}
