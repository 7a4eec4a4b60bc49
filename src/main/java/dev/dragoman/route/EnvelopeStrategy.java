package dev.dragoman.route;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import dev.dragoman.translate.Envelope;
import dev.dragoman.translate.Translation;
import dev.dragoman.translate.TranslationFailedException;
import dev.dragoman.translate.TranslationRequest;

/**
 * Enriches the caller's message with the translation: the body becomes the {@link Envelope}, the same facts travel as
 * {@code Dragoman*} headers, and nothing else of the provider call (its HTTP headers) reaches the caller. A failure
 * becomes a {@link TranslationFailedException} that says which provider failed and why.
 */
final class EnvelopeStrategy implements AggregationStrategy {

    static final String STARTED = "DragomanStarted";

    @Override
    public Exchange aggregate(Exchange original, Exchange result) {
        Exception failure = result.getException();
        if (failure != null) {
            String reason = result.getProperty(ProviderRetryPolicy.FAILURE, failure.getMessage(), String.class);
            original.setException(new TranslationFailedException(reason, failure));
            return original;
        }
        Message message = original.getMessage();
        TranslationRequest request = message.getBody(TranslationRequest.class);
        Translation translation = result.getMessage().getBody(Translation.class);
        Instant started = original.getProperty(STARTED, Instant.class);
        long latency = Duration.between(started, Instant.now()).toMillis();
        message.setBody(new Envelope(request.id(), request.sourceLang(), request.targetLang(), request.text(),
                translation.text(), translation.provider(), translation.model(), translation.usage(), false, latency));
        message.setHeader(RequestReader.ID, request.id());
        message.setHeader(RequestReader.SOURCE_LANG, request.sourceLang());
        message.setHeader(RequestReader.TARGET_LANG, request.targetLang());
        message.setHeader(RequestReader.PROVIDER, translation.provider());
        message.setHeader("DragomanModel", translation.model());
        message.setHeader("DragomanLatency", latency);
        return original;
    }
}
