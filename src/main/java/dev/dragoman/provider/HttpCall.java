package dev.dragoman.provider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HTTP request a dialect wants sent, less the headers that carry the key (those depend on the lane).
 *
 * @param body   the request body, or null for a GET
 * @param stream whether the reply is read as a server-sent event stream
 */
public record HttpCall(String method, String url, Map<String, String> headers, byte[] body, boolean stream) {

    public static HttpCall post(String url, Map<String, String> headers, byte[] body, boolean stream) {
        return new HttpCall("POST", url, headers, body, stream);
    }

    public static HttpCall get(String url, Map<String, String> headers) {
        return new HttpCall("GET", url, headers, null, false);
    }

    /** This call with one more query parameter, its value encoded: a list's next page, for one. */
    public HttpCall withQuery(String name, String value) {
        return new HttpCall(method, url + (url.contains("?") ? "&" : "?") + name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8), headers, body, stream);
    }
}
