package dev.dragoman.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpSupport;
import org.apache.camel.spi.HeaderFilterStrategy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * platform-http's Vert.x engine, whose routes hand back their worker thread while they wait; bound as
 * {@code platform-http-engine}, where platform-http looks for its engine. Camel 4.17's consumer runs a request's
 * route on a Vert.x worker thread and blocks that thread until the route is done, also while the route waits
 * without working: a text waiting out an outage or a rate limit ({@code dragoman.deadline}: minutes) would hold a
 * worker all that time, and a few such texts would leave none for other requests, the health checks included. Here
 * the route is started on a worker thread as before but run as Camel's asynchronous processor: when it waits (an
 * asynchronous redelivery, a hand-over to {@code httpPool} or {@code filePool}) the worker goes back to the pool, and
 * the reply is written, on the request's event loop as Camel writes it, once the route is done, on whatever thread
 * it finished.
 * <p>
 * Everything else is Camel's: reading the request, the reply (its own {@code writeResponse}), failures, the unit of
 * work. Form posts (no Dragoman route takes one) and proxy endpoints go through Camel's consumer unchanged.
 */
public final class AsyncHttpEngine extends VertxPlatformHttpEngine {

    /**
     * The API server's port, which names the router the routes go on. Camel looks the server up as the only one of its
     * type; with the health checks and metrics on a port of their own ({@code camel.management.port}) there are two,
     * it finds none and falls back to 8080, whose router does not exist, and start-up stops.
     */
    @Override
    public int getServerPort() {
        MainHttpServer server = getCamelContext().hasService(MainHttpServer.class);
        return server != null && server.getPort() > 0 ? server.getPort() : super.getServerPort();
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new Consumer(endpoint, processor, getHandlers(),
                VertxPlatformHttpRouter.getRouterNameFromPort(getServerPort()));
    }

    static final class Consumer extends VertxPlatformHttpConsumer {

        /** Camel's own reply writer, package-private in Camel: found once, so a Camel without it fails at start. */
        private static final MethodHandle WRITE_RESPONSE = writeResponse();

        Consumer(PlatformHttpEndpoint endpoint, Processor processor, List<Handler<RoutingContext>> handlers,
                String routerName) {
            super(endpoint, processor, handlers, routerName);
        }

        @Override
        protected void handleRequest(RoutingContext request) {
            if (isSuspended() || getEndpoint().isHttpProxy() || form(request)) {
                super.handleRequest(request);
                return;
            }
            // the request's event loop, where Camel writes replies
            Context eventLoop = request.vertx().getOrCreateContext();
            Exchange exchange = createExchange(false);
            exchange.setPattern(ExchangePattern.InOut);
            processHttpRequest(exchange, request).onComplete(read -> {
                if (read.failed()) {
                    fail(exchange, request, read.cause());
                    return;
                }
                request.vertx().executeBlocking(() -> {
                    createUoW(exchange);
                    getAsyncProcessor().process(exchange,
                            doneSync -> eventLoop.runOnContext(ignored -> reply(exchange, request)));
                    return null;
                }, false).onFailure(failure -> fail(exchange, request, failure));
            });
        }

        @SuppressWarnings("unchecked")
        private void reply(Exchange exchange, RoutingContext request) {
            Future<Void> written;
            try {
                written = (Future<Void>) WRITE_RESPONSE.invoke(request, exchange,
                        getEndpoint().getHeaderFilterStrategy(), getEndpoint().isMuteException());
            } catch (Throwable failure) {
                fail(exchange, request, failure);
                return;
            }
            written.onComplete(result -> {
                if (result.succeeded()) {
                    done(exchange);
                } else {
                    fail(exchange, request, result.cause());
                }
            });
        }

        /** As Camel's consumer handles a failure to read the request, run the route or write the reply. */
        private void fail(Exchange exchange, RoutingContext request, Throwable failure) {
            getExceptionHandler().handleException("Failed handling platform-http endpoint " + getEndpoint().getPath(),
                    failure);
            request.fail(failure);
            if (getEndpoint().isHandleWriteResponseError() && failure != null) {
                Exception existing = exchange.getException();
                if (existing != null) {
                    failure.addSuppressed(existing);
                }
                exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
                exchange.setException(failure);
            }
            done(exchange);
        }

        private void done(Exchange exchange) {
            doneUoW(exchange);
            releaseExchange(exchange, false);
        }

        /** Whether Camel's consumer would read the body as a form (its populateMultiFormData). */
        private boolean form(RoutingContext request) {
            String type = request.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (!getEndpoint().isUseBodyHandler() || type == null) {
                return false;
            }
            String lower = type.toLowerCase(Locale.ROOT);
            return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
        }

        private static MethodHandle writeResponse() {
            try {
                return MethodHandles.privateLookupIn(VertxPlatformHttpSupport.class, MethodHandles.lookup())
                        .findStatic(VertxPlatformHttpSupport.class, "writeResponse", MethodType.methodType(
                                Future.class, RoutingContext.class, Exchange.class, HeaderFilterStrategy.class,
                                boolean.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("platform-http has no VertxPlatformHttpSupport.writeResponse as in"
                        + " Camel 4.17; AsyncHttpEngine must follow the Camel in use", e);
            }
        }
    }
}
