package dev.dragoman.route;

import java.time.Instant;
import java.util.List;

import org.apache.camel.BeanInject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.dataformat.JsonLibrary;

import dev.dragoman.config.DragomanSettings.Strategy;
import dev.dragoman.config.Providers;
import dev.dragoman.observe.SourceMeters;
import dev.dragoman.translate.BatchTranslation;
import dev.dragoman.translate.DocumentContext;
import dev.dragoman.translate.Envelope;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.Glossary;
import dev.dragoman.translate.TranslationBatch;

/**
 * {@code direct:translate}, the one entry every source route uses: text (or a request) in, {@link
 * dev.dragoman.translate.Envelope} out; or a {@link TranslationBatch} in, one request to the provider, and a
 * {@link dev.dragoman.translate.BatchTranslation} of an envelope (or the segment's failure) per segment out. The provider calls run on an enriched copy, so a caller's headers (a Kafka
 * commit handle, a file name) never reach a provider and the provider's headers never reach the caller.
 * <p>
 * A request that names its provider ({@code DragomanProvider}) goes to that instance only. Otherwise, with
 * {@code strategy=fallback} a failover load balancer tries the instances in order, moving on when one fails for good;
 * with {@code strategy=compare} a parallel multicast asks every instance. When that round fails for a reason that may
 * pass (an outage, open breakers, resting keys), {@code direct:dispatch-rounds} waits and goes round again, within
 * the text's deadline ({@link InstanceWaitPolicy}), without holding a thread meanwhile ({@link Redeliveries}). Every
 * envelope is also wire-tapped to the {@code dragoman.sinks}, as JSON.
 */
public class TranslationRoutes extends RouteBuilder {

    @BeanInject
    Providers providers;

    @BeanInject
    Glossary glossary;

    @BeanInject
    SourceMeters sourceMeters;

    @BeanInject
    Redeliveries redeliveries;

    @Override
    public void configure() {
        List<String> sinks = providers.settings().sinks();
        var translate = from("direct:translate").routeId("translate")
                .errorHandler(noErrorHandler())
                .setProperty(ExchangeKeys.STARTED, Instant::now)
                .process(exchange -> Deadline.start(exchange, providers.settings().retry().deadline()))
                .process(new RequestReader(providers, glossary))
                // a text that names its format (html, markdown, icu, printf) goes out with its markup as markers
                .process(SnippetMarkup::protect)
                // aggregateOnException: the strategy hands the caller a plain failure, one that the caller's own
                // error handler treats as new rather than as already handled inside the provider route
                .enrich("direct:dispatch-rounds", new EnvelopeStrategy(sourceMeters), true)
                .process(SnippetMarkup::restore)
                .process(TranslationRoutes::remember);
        if (!sinks.isEmpty()) {
            translate.wireTap("direct:sinks");
            from("direct:sinks").routeId("sinks")
                    // a batch's envelopes one by one, its failed segments not at all, as a single text's
                    .process(exchange -> exchange.getMessage().setBody(
                            exchange.getMessage().getBody() instanceof BatchTranslation batch
                                    ? batch.segments().stream().filter(Envelope.class::isInstance).toList()
                                    : List.of(exchange.getMessage().getBody())))
                    .split(body())
                    .marshal().json(JsonLibrary.Jackson)
                    .multicast().to(sinks.toArray(String[]::new));
        }

        // while no instance can translate, the text waits for one rather than failing, within its deadline; the wait
        // holds no thread (Redeliveries)
        from("direct:dispatch-rounds").routeId("dispatch-rounds")
                .errorHandler(defaultErrorHandler()
                        .maximumRedeliveries(-1)
                        .asyncDelayedRedelivery()
                        .executorService(redeliveries)
                        .onExceptionOccurred(new InstanceWaitPolicy(providers))
                        .retryWhile(exchangeProperty(ExchangeKeys.WAIT_FOR_INSTANCE))
                        .logExhausted(false)
                        .logRetryAttempted(false))
                .enrich("direct:dispatch", new RoundOutcome(), true);

        ChoiceDefinition dispatch = from("direct:dispatch").routeId("dispatch")
                .errorHandler(noErrorHandler())
                // plain Java and a property rather than ${body.provider}: simple's OGNL copies the exchange per call
                .process(exchange -> {
                    exchange.setProperty(ExchangeKeys.INSTANCE, NamedInstance.of(exchange.getMessage()));
                    if (exchange.getMessage().getBody() instanceof TranslationBatch batch) {
                        // what the batch asked, for its refused segments' next round (RefusedSegments)
                        exchange.setProperty(ExchangeKeys.BATCH_ASKED, batch);
                    }
                })
                .choice()
                    .when(exchangeProperty(ExchangeKeys.INSTANCE).isNotNull())
                        .toD("direct:provider-${exchangeProperty." + ExchangeKeys.INSTANCE + "}")
                    .otherwise();
        String[] instances = providers.all().stream().map(ProviderRoutes::endpoint).toArray(String[]::new);
        if (providers.settings().strategy() == Strategy.COMPARE) {
            dispatch.multicast(new CompareStrategy(providers.all())).parallelProcessing().to(instances).end();
        } else if (instances.length == 1) {
            // nothing to fall over to: a balancer would only copy the exchange for its one try
            dispatch.to(instances[0]);
        } else {
            // any failure of an instance is final for it: its own route already retried what could be
            dispatch.loadBalance().failover(instances.length - 1, false, false).to(instances).end();
            // a batch's refused segments fall over to the next instance
            dispatch.process(new RefusedSegments(providers.all(), getContext().createProducerTemplate(),
                    "direct:dispatch"));
        }
        dispatch.end();
    }

    /** A translated text (each of a batch's, in order) joins its document's context, for the texts after it. */
    private static void remember(Exchange exchange) {
        DocumentContext document = exchange.getProperty(ExchangeKeys.CONTEXT, DocumentContext.class);
        if (document == null) {
            return;
        }
        Object body = exchange.getMessage().getBody();
        List<?> translated = body instanceof BatchTranslation batch ? batch.segments() : List.of(body);
        for (Object segment : translated) {
            if (segment instanceof Envelope envelope && envelope.translation() != null) {
                document.remember(envelope.text(), envelope.translation());
            }
        }
    }
}
