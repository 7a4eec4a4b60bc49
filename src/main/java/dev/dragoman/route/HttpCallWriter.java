package dev.dragoman.route;

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
        HttpCall call = exchange.getProperty(ProviderRoutes.CALL, HttpCall.class);
        Message message = exchange.getMessage();
        // only what the provider should see: no caller headers leak into the request
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_METHOD, call.method());
        message.setHeader(Exchange.HTTP_URI, call.url());
        call.headers().forEach(message::setHeader);
        dialect.authHeaders(key).forEach(message::setHeader);
        message.setBody(call.body());
    }
}
