package dev.dragoman.http;

import java.util.List;

import dev.dragoman.translate.TranslationRequest;

/**
 * A {@code POST /translate} as understood: the texts, whether the client sent one text or an array (it gets back the
 * same shape), and whether it asked for server-sent events.
 */
public record TranslateCall(List<TranslationRequest> requests, boolean batch, boolean stream) {
}
