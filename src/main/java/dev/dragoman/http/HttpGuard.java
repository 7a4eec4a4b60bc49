package dev.dragoman.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import dev.dragoman.provider.Json;

/**
 * The one check every HTTP request passes before any route sees it, health checks and the web console's own files
 * ({@link WebConsole}, which asks for a token itself) excepted: its origin
 * ({@link CrossOrigin}), its bearer token ({@link BearerTokens}) and its client's rate ({@link RequestRate}); it names
 * the client to the routes in {@value #CLIENT_HEADER}, whatever the client sent in it. It is a
 * Vert.x handler placed first on the server's router, so a refused request is answered before its body is read and
 * before a worker thread is taken, and a CORS preflight is answered for every path and method. Started as a Camel
 * service after the HTTP server and before the routes, so no route is ever reachable without it.
 */
public final class HttpGuard extends ServiceSupport implements Handler<RoutingContext> {

    /** The request header in which the guard tells the routes which named client sent a request. */
    public static final String CLIENT_HEADER = "Dragoman-Client";
    private static final Logger LOG = LoggerFactory.getLogger(HttpGuard.class);

    private final MainHttpServer server;
    private final String healthPath;
    private final BearerTokens tokens;
    private final CrossOrigin origins;
    private final RequestRate rate;

    public HttpGuard(MainHttpServer server, String healthPath, BearerTokens tokens, CrossOrigin origins,
            RequestRate rate) {
        this.server = server;
        this.healthPath = healthPath;
        this.tokens = tokens;
        this.origins = origins;
        this.rate = rate;
    }

    @Override
    protected void doStart() {
        if (server.getRouter() == null) {
            throw new IllegalStateException("the HTTP server has no router yet: the HTTP API would be unguarded");
        }
        // before the routes platform-http adds (they take orders from 0 up), whatever path or method they match
        server.getRouter().route().order(-1).handler(this).failureHandler(HttpGuard::tooLarge);
        if (!tokens.required() && !loopback(server.getHost())) {
            LOG.warn("The HTTP API listens on {} without dragoman.http.tokens: anyone who reaches port {} can spend"
                    + " the providers' keys. Set dragoman.http.tokens, or camel.server.host = 127.0.0.1 (README.md,"
                    + " \"Opening the API to other machines\")", server.getHost(), server.getPort());
        }
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (path.equals(healthPath) || path.startsWith(healthPath + "/")
                || WebConsole.serves(path) && request.method() == HttpMethod.GET) {
            context.next();
            return;
        }
        switch (origins.judge(request)) {
            case REFUSED -> {
                refuse(context, 403, "requests from the web page at " + request.getHeader(HttpHeaders.ORIGIN)
                        + " are not allowed; list its origin in dragoman.http.cors-origins to allow them");
                return;
            }
            case ALLOWED -> {
                CrossOrigin.allow(request, context.response());
                if (CrossOrigin.preflight(request)) {
                    CrossOrigin.answerPreflight(context.response());
                    context.response().setStatusCode(204).end();
                    return;
                }
            }
            case SAME_ORIGIN -> {
            }
        }
        // the server's own body limit would answer in plain text, once the body came: a body it announces too large is
        // refused here, in JSON like every other error (a chunked one still meets the server's limit)
        long length = contentLength(request);
        if (server.getMaxBodySize() != null && length > server.getMaxBodySize()) {
            refuse(context, 413, "the body has " + length + " bytes, far more than the server takes"
                    + " (dragoman.http.max-body): send less at once");
            return;
        }
        // who the client is, the guard says, never the client itself
        request.headers().remove(CLIENT_HEADER);
        String client;
        if (tokens.required()) {
            Optional<String> token = tokens.match(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (token.isEmpty()) {
                context.response().putHeader("WWW-Authenticate", "Bearer");
                refuse(context, 401, "send a valid token as 'Authorization: Bearer <token>' (dragoman.http.tokens)");
                return;
            }
            client = token.get();
            // the route holds a named client to its limits (HttpRequests), off the event loop: they may be shared
            // through a database
            request.headers().set(CLIENT_HEADER, client);
        } else {
            client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        }
        if (rate.limited()) {
            long wait = rate.admit(client);
            if (wait > 0) {
                context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                refuse(context, 429, "too many requests: try again in " + wait + " s (dragoman.http.rpm-per-token)");
                return;
            }
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String error) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(Map.of("error", error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of one string is always JSON", e);
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }

    /**
     * A chunked body that grows past the server's limit fails in Vert.x's body handler, which answers in plain text;
     * this route's failure handler answers it in JSON like every other error.
     */
    private static void tooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            refuse(context, 413, "the body is far larger than the server takes (dragoman.http.max-body): send less"
                    + " at once");
        } else {
            context.next();
        }
    }

    private static long contentLength(HttpServerRequest request) {
        try {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static boolean loopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
