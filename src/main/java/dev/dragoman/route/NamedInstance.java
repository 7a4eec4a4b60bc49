package dev.dragoman.route;

import org.apache.camel.Message;

import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationRequest;

/**
 * The instance a text asks for by name ({@code provider}), or null when the strategy chooses. A batch's texts are
 * packed per instance, so its first text names the batch's.
 */
final class NamedInstance {

    private NamedInstance() {
    }

    static String of(Message message) {
        return message.getBody() instanceof TranslationBatch batch ? batch.requests().get(0).provider()
                : message.getBody(TranslationRequest.class).provider();
    }
}
