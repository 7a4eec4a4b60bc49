package dev.dragoman.route;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import dev.dragoman.config.Providers;
import dev.dragoman.translate.DocumentContext;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.Glossary;
import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationRequest;

import static dev.dragoman.translate.TranslationHeaders.FORMAT;
import static dev.dragoman.translate.TranslationHeaders.ID;
import static dev.dragoman.translate.TranslationHeaders.PROVIDER;
import static dev.dragoman.translate.TranslationHeaders.SOURCE_LANG;
import static dev.dragoman.translate.TranslationHeaders.TARGET_LANG;

/**
 * Makes the {@link TranslationRequest} out of whatever a source sends to {@code direct:translate}: a ready request,
 * or text with the {@code Dragoman*} headers, falling back on the configured languages. A provider that is not
 * configured is refused here, before any call. The request takes along its document's context, unless its caller
 * gave one, and the glossary's terms that occur in it.
 */
final class RequestReader implements Processor {

    private final Providers providers;
    private final Glossary glossary;

    RequestReader(Providers providers, Glossary glossary) {
        this.providers = providers;
        this.glossary = glossary;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        DocumentContext document = exchange.getProperty(ExchangeKeys.CONTEXT, DocumentContext.class);
        if (message.getBody() instanceof TranslationBatch batch) {
            // the batch's segments share their instance (BatchPacker)
            known(batch.requests().get(0));
            message.setBody(new TranslationBatch(batch.requests().stream()
                    .map(segment -> prepared(segment, document)).toList()));
            return;
        }
        TranslationRequest request = message.getBody() instanceof TranslationRequest given ? given
                : new TranslationRequest(
                        message.getHeader(ID, exchange.getExchangeId(), String.class),
                        message.getMandatoryBody(String.class),
                        message.getHeader(SOURCE_LANG, providers.settings().sourceLang(), String.class),
                        message.getHeader(TARGET_LANG, providers.settings().targetLang(), String.class),
                        message.getHeader(PROVIDER, String.class))
                        .withFormat(message.getHeader(FORMAT, String.class));
        known(request);
        message.setBody(prepared(request, document));
    }

    /**
     * The request with its document's context, unless its caller gave one, and the glossary's terms that occur in
     * it. Sources keep a document's batches to one segment while an instance takes context, so each segment sees the
     * translations of those before it.
     */
    private TranslationRequest prepared(TranslationRequest request, DocumentContext document) {
        TranslationRequest withContext = document != null && request.context().isEmpty()
                ? request.withContext(document.recent()) : request;
        return withContext.withGlossary(glossary.termsFor(request.text(), request.targetLang()));
    }

    private void known(TranslationRequest request) {
        if (request.provider() != null && providers.byName(request.provider()).isEmpty()) {
            throw new IllegalArgumentException("unknown provider '" + request.provider() + "'");
        }
    }
}
