package dev.dragoman.provider;

import java.util.Map;

/** The HTTP request a dialect wants sent, less the headers that carry the key (those depend on the lane). */
public record HttpCall(String url, Map<String, String> headers, byte[] body, boolean stream) {
}
