package dev.dragoman.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;

/**
 * Which browser origins may call the API: the server's own, and those {@code dragoman.http.cors-origins} lists, which
 * get CORS answers (https://fetch.spec.whatwg.org/#http-cors-protocol). A request from any other page is refused
 * before it does anything: without this a web page could make its visitor's browser post {@code text/plain}
 * translations (a "simple" request that needs no preflight) to a Dragoman it can reach.
 */
public final class CrossOrigin {

    static final String ALLOWED_METHODS = "GET, POST";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept";
    /** How long a browser may keep a preflight's answer (seconds). */
    static final String MAX_AGE = "600";

    public enum Verdict { SAME_ORIGIN, ALLOWED, REFUSED }

    private final Set<String> allowed;

    public CrossOrigin(List<String> origins) {
        this.allowed = origins.stream().map(CrossOrigin::normal).collect(Collectors.toUnmodifiableSet());
    }

    /** Requests without {@code Origin} (curl, servers) and from the server's own pages are not cross-origin. */
    public Verdict judge(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return Verdict.SAME_ORIGIN;
        }
        // the Host header, or HTTP/2's :authority
        HostAndPort authority = request.authority();
        if (authority != null && normal(origin).equals(normal(request.scheme() + "://" + authority.host()
                + (authority.port() < 0 ? "" : ":" + authority.port())))) {
            return Verdict.SAME_ORIGIN;
        }
        return allowed.contains(normal(origin)) ? Verdict.ALLOWED : Verdict.REFUSED;
    }

    /** A CORS preflight: the browser asks before sending a request that is not "simple". */
    public static boolean preflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }

    /** The headers every answer to an allowed origin carries. */
    public static void allow(HttpServerRequest request, HttpServerResponse response) {
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, request.getHeader(HttpHeaders.ORIGIN));
        response.putHeader(HttpHeaders.VARY, "Origin");
    }

    /** What a preflight of an allowed origin is answered with (then 204, no body). */
    public static void answerPreflight(HttpServerResponse response) {
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
        response.putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
    }

    private static String normal(String origin) {
        String lower = origin.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
