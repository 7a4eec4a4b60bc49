package dev.dragoman.route;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import dev.dragoman.config.Providers;
import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationRequest;

import static dev.dragoman.translate.TranslationHeaders.ID;
import static dev.dragoman.translate.TranslationHeaders.PROVIDER;
import static dev.dragoman.translate.TranslationHeaders.SOURCE_LANG;
import static dev.dragoman.translate.TranslationHeaders.TARGET_LANG;

/**
 * Makes the {@link TranslationRequest} out of whatever a source sends to {@code direct:translate}: a ready request,
 * or text with the {@code Dragoman*} headers, falling back on the configured languages. A provider that is not
 * configured is refused here, before any call.
 */
final class RequestReader implements Processor {

    private final Providers providers;

    RequestReader(Providers providers) {
        this.providers = providers;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        if (message.getBody() instanceof TranslationBatch batch) {
            // the batch's segments share their instance (BatchPacker)
            known(batch.requests().get(0));
            return;
        }
        TranslationRequest request = message.getBody() instanceof TranslationRequest given ? given
                : new TranslationRequest(
                        message.getHeader(ID, exchange.getExchangeId(), String.class),
                        message.getMandatoryBody(String.class),
                        message.getHeader(SOURCE_LANG, providers.settings().sourceLang(), String.class),
                        message.getHeader(TARGET_LANG, providers.settings().targetLang(), String.class),
                        message.getHeader(PROVIDER, String.class));
        known(request);
        message.setBody(request);
    }

    private void known(TranslationRequest request) {
        if (request.provider() != null && providers.byName(request.provider()).isEmpty()) {
            throw new IllegalArgumentException("unknown provider '" + request.provider() + "'");
        }
    }
}
