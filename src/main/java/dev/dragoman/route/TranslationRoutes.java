package dev.dragoman.route;

import java.time.Instant;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.LoadBalanceDefinition;

import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.Providers;

/**
 * {@code direct:translate}, the one entry every source route uses: text (or a request) in, {@link
 * dev.dragoman.translate.Envelope} out. The provider calls run on an enriched copy, so a caller's headers (a Kafka
 * commit handle, a file name) never reach a provider and the provider's headers never reach the caller. With
 * {@code strategy=fallback} the instances are tried in order by a failover load balancer that moves on when one
 * fails for good; a request that names its provider ({@code DragomanProvider}) goes to that one only.
 */
public class TranslationRoutes extends RouteBuilder {

    @BeanInject
    Providers providers;

    @Override
    public void configure() {
        from("direct:translate").routeId("translate")
                .errorHandler(noErrorHandler())
                .setProperty(EnvelopeStrategy.STARTED, Instant::now)
                .process(new RequestReader(providers))
                // aggregateOnException: the strategy hands the caller a plain failure, one that the caller's own
                // error handler treats as new rather than as already handled inside the provider route
                .enrich("direct:dispatch", new EnvelopeStrategy(), true);

        LoadBalanceDefinition fallback = from("direct:dispatch").routeId("dispatch")
                .errorHandler(noErrorHandler())
                .choice()
                    .when(simple("${body.provider} != null"))
                        .toD("direct:provider-${body.provider}")
                    .otherwise()
                        .loadBalance()
                        // any failure of an instance is final for it: its own route already retried what could be
                        .failover(providers.all().size() - 1, false, false);
        for (ProviderInstance provider : providers.all()) {
            fallback.to(ProviderRoutes.endpoint(provider));
        }
        fallback.end().end();
    }
}
