package dev.dragoman.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.WebServerRequest;

import dev.dragoman.translate.ClientGone;
import dev.dragoman.translate.ExchangeKeys;

/**
 * Notices when the client of a {@code POST /translate} disconnects before its reply, so that its texts are not
 * translated for nobody ({@link ClientGone}); bound as {@code httpClients}. platform-http's request is Vert.x Web's,
 * whose routing context reports a connection closed before the response ended to its end handlers as a failure.
 */
public class HttpClients implements Processor {

    /** Watches the request's connection for the rest of the exchange. */
    @Override
    public void process(Exchange exchange) {
        ClientGone client = new ClientGone();
        exchange.setProperty(ExchangeKeys.CLIENT_GONE, client);
        HttpMessage message = exchange.getIn(HttpMessage.class);
        HttpServerRequest request = message == null ? null : message.getRequest();
        if (request instanceof WebServerRequest web) {
            web.routingContext().addEndHandler(ended -> {
                if (ended.failed()) {
                    client.gone();
                }
            });
            // closed before the handler was added: it would never hear of it
            if (message.getResponse().closed()) {
                client.gone();
            }
        }
    }
}
