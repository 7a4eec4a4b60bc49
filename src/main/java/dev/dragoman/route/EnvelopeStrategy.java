package dev.dragoman.route;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import dev.dragoman.translate.Comparison;
import dev.dragoman.translate.Envelope;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.ProviderResult;
import dev.dragoman.translate.Translation;
import dev.dragoman.translate.TranslationFailedException;
import dev.dragoman.translate.TranslationRequest;

import static dev.dragoman.translate.TranslationHeaders.ID;
import static dev.dragoman.translate.TranslationHeaders.LATENCY;
import static dev.dragoman.translate.TranslationHeaders.MODEL;
import static dev.dragoman.translate.TranslationHeaders.PROVIDER;
import static dev.dragoman.translate.TranslationHeaders.SOURCE_LANG;
import static dev.dragoman.translate.TranslationHeaders.TARGET_LANG;

/**
 * Enriches the caller's message with the translation: the body becomes the {@link Envelope}, the same facts travel as
 * {@code Dragoman*} headers, and nothing else of the provider call (its HTTP headers) reaches the caller. A failure
 * becomes a {@link TranslationFailedException} that says which provider failed and why.
 */
final class EnvelopeStrategy implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange original, Exchange result) {
        Exception failure = result.getException();
        if (failure != null) {
            String reason = result.getProperty(ExchangeKeys.FAILURE, failure.getMessage(), String.class);
            original.setException(new TranslationFailedException(reason, failure, Retryable.of(failure)));
            return original;
        }
        Message message = original.getMessage();
        TranslationRequest request = message.getBody(TranslationRequest.class);
        Instant started = original.getProperty(ExchangeKeys.STARTED, Instant.class);
        long latency = Duration.between(started, Instant.now()).toMillis();
        Object answer = result.getMessage().getBody();
        Envelope envelope = answer instanceof Comparison comparison
                ? new Envelope(request.id(), request.sourceLang(), request.targetLang(), request.text(), null, null,
                        null, null, remembered(comparison), latency, comparison.results())
                : envelope(request, (Translation) answer, latency);
        message.setBody(envelope);
        message.setHeader(ID, request.id());
        message.setHeader(SOURCE_LANG, request.sourceLang());
        message.setHeader(TARGET_LANG, request.targetLang());
        message.setHeader(PROVIDER, envelope.provider());
        message.setHeader(MODEL, envelope.model());
        message.setHeader(LATENCY, latency);
        return original;
    }

    private static Envelope envelope(TranslationRequest request, Translation translation, long latency) {
        return new Envelope(request.id(), request.sourceLang(), request.targetLang(), request.text(),
                translation.text(), translation.provider(), translation.model(), translation.usage(),
                translation.cached(), latency, null);
    }

    /** A comparison is cached when no instance had to be called for it. */
    private static boolean remembered(Comparison comparison) {
        return comparison.results().stream().allMatch(ProviderResult::remembered);
    }
}
