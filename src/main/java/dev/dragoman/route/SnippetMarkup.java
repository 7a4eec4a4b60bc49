package dev.dragoman.route;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import dev.dragoman.document.ProtectedText;
import dev.dragoman.document.Snippets;
import dev.dragoman.translate.BatchTranslation;
import dev.dragoman.translate.Envelope;
import dev.dragoman.translate.ProviderResult;
import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationFailedException;
import dev.dragoman.translate.TranslationHeaders;
import dev.dragoman.translate.TranslationRequest;

/**
 * The markup of a text from HTTP or Kafka that names its {@code format} ({@code html}, {@code markdown}, {@code icu},
 * {@code printf}) is protected as a document's is: on the way into {@code direct:translate}, the text becomes its
 * form with markers ({@link Snippets}), which the model, the checks and the memory see; on the way out, the envelope
 * gets its own text back and the translation with the markup restored. Texts without a format pass untouched.
 */
final class SnippetMarkup {

    /** The protected forms of the exchange's texts, in order; absent when no text named a format. */
    private static final String PROTECTED = "DragomanProtectedTexts";

    /** A text as its source sent it, and as the model sees it. */
    private record Protected(String original, ProtectedText text) {
    }

    private SnippetMarkup() {
    }

    static void protect(Exchange exchange) {
        Message message = exchange.getMessage();
        if (message.getBody() instanceof TranslationBatch batch) {
            if (batch.requests().stream().allMatch(request -> request.format() == null)) {
                return;
            }
            List<Protected> texts = batch.requests().stream().map(SnippetMarkup::protect).toList();
            List<TranslationRequest> coded = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                coded.add(batch.requests().get(i).withText(texts.get(i).text().coded()));
            }
            exchange.setProperty(PROTECTED, texts);
            message.setBody(new TranslationBatch(coded));
        } else if (message.getBody() instanceof TranslationRequest request && request.format() != null) {
            Protected text = protect(request);
            exchange.setProperty(PROTECTED, List.of(text));
            message.setBody(request.withText(text.text().coded()));
        }
    }

    private static Protected protect(TranslationRequest request) {
        return new Protected(request.text(), Snippets.protect(request.text(),
                request.format() == null ? "text" : request.format()));
    }

    @SuppressWarnings("unchecked")
    static void restore(Exchange exchange) {
        List<Protected> texts = exchange.getProperty(PROTECTED, List.class);
        if (texts == null) {
            return;
        }
        Message message = exchange.getMessage();
        if (message.getBody() instanceof BatchTranslation batch) {
            List<Object> segments = new ArrayList<>(batch.segments().size());
            for (int i = 0; i < texts.size(); i++) {
                segments.add(batch.segments().get(i) instanceof Envelope envelope
                        ? restored(envelope, texts.get(i)) : batch.segments().get(i));
            }
            message.setBody(new BatchTranslation(segments));
        } else if (message.getBody() instanceof Envelope envelope) {
            Object restored = restored(envelope, texts.get(0));
            if (restored instanceof Exception failure) {
                exchange.setException(failure);
                return;
            }
            message.setBody(restored);
            TranslationHeaders.put(message, (Envelope) restored);
        }
    }

    /** The envelope with its own text and its markup restored, or the failure when the markers do not fit. */
    private static Object restored(Envelope envelope, Protected text) {
        try {
            UnaryOperator<String> restore = translation -> translation == null ? null
                    : text.text().restore(translation);
            List<ProviderResult> translations = envelope.translations() == null ? null : envelope.translations()
                    .stream().map(result -> new ProviderResult(result.provider(), result.model(),
                            restore.apply(result.translation()), result.usage(), result.cached(), result.error()))
                    .toList();
            return new Envelope(envelope.id(), envelope.sourceLang(), envelope.targetLang(), text.original(),
                    restore.apply(envelope.translation()), envelope.provider(), envelope.model(), envelope.usage(),
                    envelope.cached(), envelope.latencyMs(), translations);
        } catch (IllegalArgumentException e) {
            return new TranslationFailedException("the translation's markup does not fit its text: "
                    + e.getMessage(), e, false);
        }
    }
}
