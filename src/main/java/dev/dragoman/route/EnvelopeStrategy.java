package dev.dragoman.route;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import dev.dragoman.observe.SourceMeters;
import dev.dragoman.observe.TranslationOutcome;
import dev.dragoman.translate.BatchTranslation;
import dev.dragoman.translate.Comparison;
import dev.dragoman.translate.Envelope;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.ProviderResult;
import dev.dragoman.translate.Translation;
import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationFailedException;
import dev.dragoman.translate.TranslationHeaders;
import dev.dragoman.translate.TranslationRequest;


/**
 * Enriches the caller's message with the translation: the body becomes the {@link Envelope}, the same facts travel as
 * {@code Dragoman*} headers (for a {@link TranslationBatch}: one envelope per segment, see {@link #batch}), and nothing else of the provider call (its HTTP headers) reaches the caller. A failure
 * becomes a {@link TranslationFailedException} that says which provider failed and why. Each text (each segment of a
 * batch) is counted here as translated, cached or failed for its source ({@link SourceMeters}).
 */
final class EnvelopeStrategy implements AggregationStrategy {

    private final SourceMeters sources;

    EnvelopeStrategy(SourceMeters sources) {
        this.sources = sources;
    }

    @Override
    public Exchange aggregate(Exchange original, Exchange result) {
        Exception failure = result.getException();
        Message message = original.getMessage();
        Instant started = original.getProperty(ExchangeKeys.STARTED, Instant.class);
        long latency = Duration.between(started, Instant.now()).toMillis();
        if (message.getBody() instanceof TranslationBatch batch) {
            BatchTranslation translated = batch(batch, result, latency);
            for (Object segment : translated.segments()) {
                sources.finished(original, outcome(segment));
            }
            message.setBody(translated);
            return original;
        }
        if (failure != null) {
            sources.finished(original, TranslationOutcome.FAILED);
            original.setException(failure(result));
            return original;
        }
        TranslationRequest request = message.getBody(TranslationRequest.class);
        Envelope envelope = envelope(request, result.getMessage().getBody(), latency);
        sources.finished(original, outcome(envelope));
        message.setBody(envelope);
        TranslationHeaders.put(message, envelope);
        return original;
    }

    /**
     * A batch's envelopes, one per segment; a batch that failed as a whole fails each of its segments with the
     * reason, and a segment that failed alone keeps its own failure. The headers stay the caller's.
     */
    private static BatchTranslation batch(TranslationBatch batch, Exchange result, long latency) {
        List<Object> segments = result.getException() == null
                ? result.getMessage().getBody(BatchTranslation.class).segments()
                : Collections.nCopies(batch.size(), failure(result));
        List<Object> envelopes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Object segment = segments.get(i);
            envelopes.add(segment instanceof TranslationFailedException ? segment
                    : envelope(batch.requests().get(i), segment, latency));
        }
        return new BatchTranslation(envelopes);
    }

    private static TranslationOutcome outcome(Object segment) {
        if (segment instanceof Envelope envelope) {
            return envelope.cached() ? TranslationOutcome.CACHED : TranslationOutcome.TRANSLATED;
        }
        return TranslationOutcome.FAILED;
    }

    private static TranslationFailedException failure(Exchange result) {
        Exception failure = result.getException();
        String reason = result.getProperty(ExchangeKeys.FAILURE, failure.getMessage(), String.class);
        // a text whose replies were bad while other texts got through fails for good: no wait would change it
        boolean badText = result.getProperty(ExchangeKeys.BAD_TEXT, false, Boolean.class);
        return new TranslationFailedException(reason, failure, Retryable.of(failure) && !badText);
    }

    /** The envelope of a {@link Translation}, or of a {@link Comparison} under {@code strategy=compare}. */
    private static Envelope envelope(TranslationRequest request, Object answer, long latency) {
        if (answer instanceof Comparison comparison) {
            return new Envelope(request.id(), request.sourceLang(), request.targetLang(), request.text(), null, null,
                    null, null, remembered(comparison), latency, comparison.results());
        }
        Translation translation = (Translation) answer;
        return new Envelope(request.id(), request.sourceLang(), request.targetLang(), request.text(),
                translation.text(), translation.provider(), translation.model(), translation.usage(),
                translation.cached(), latency, null);
    }

    /** A comparison is cached when no instance had to be called for it. */
    private static boolean remembered(Comparison comparison) {
        return comparison.results().stream().allMatch(ProviderResult::remembered);
    }
}
