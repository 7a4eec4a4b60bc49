package dev.dragoman.route;

import java.io.IOException;
import java.util.List;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.LoadBalanceDefinition;
import org.apache.camel.model.ProcessorDefinition;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.InvalidReplyException;
import dev.dragoman.provider.KeyUnusableException;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.DeltaListener;
import dev.dragoman.provider.Reply;
import dev.dragoman.provider.ReplyBuilder;
import dev.dragoman.provider.Providers;
import dev.dragoman.provider.TransientProviderException;
import dev.dragoman.provider.pseudo.PseudoLocalizer;
import dev.dragoman.translate.Translation;
import dev.dragoman.translate.TranslationHeaders;
import dev.dragoman.translate.TranslationRequest;

/**
 * Routes generated from configuration, per provider instance: {@code direct:provider-<name>} prepares the call
 * through the instance's dialect and owns the retry policy; {@code direct:provider-<name>-keys} is a failover load
 * balancer in round-robin mode over one lane per key ({@code direct:provider-<name>-key-<n>}). A lane bounds its key's in-flight requests ({@link KeyLaneLimit}) and
 * rate (throttle EIP), skips a key that is rejected or cooling, calls the provider once, and reads the reply. Transient failures and rate limits fail over to
 * the next key at once; when every key has been tried, {@link ProviderRetryPolicy} decides whether to wait and go
 * round again.
 */
public class ProviderRoutes extends RouteBuilder {

    static final String CALL = "DragomanCall";

    @BeanInject
    Providers providers;

    @Override
    public void configure() {
        for (ProviderInstance provider : providers.all()) {
            if (provider.offline()) {
                offlineRoute(provider);
            } else {
                providerRoute(provider);
                for (int lane = 0; lane < provider.keys().keys().size(); lane++) {
                    laneRoute(provider, lane);
                }
            }
        }
    }

    static String endpoint(ProviderInstance provider) {
        return "direct:provider-" + provider.name();
    }

    private void offlineRoute(ProviderInstance provider) {
        from(endpoint(provider)).routeId("provider-" + provider.name())
                .errorHandler(noErrorHandler())
                .process(exchange -> {
                    TranslationRequest request = exchange.getMessage().getBody(TranslationRequest.class);
                    // through a ReplyBuilder like any reply, so that a streaming caller hears it too
                    Reply reply = new ReplyBuilder(exchange.getProperty(TranslationHeaders.DELTAS, DeltaListener.NONE,
                            DeltaListener.class)).append(PseudoLocalizer.localize(request.text())).build();
                    exchange.getMessage().setBody(new Translation(provider.name(), provider.settings().model(),
                            reply.text(), null));
                });
    }

    private void providerRoute(ProviderInstance provider) {
        ProviderRetryPolicy retryPolicy = new ProviderRetryPolicy(provider, providers.settings());
        from(endpoint(provider)).routeId("provider-" + provider.name())
                .errorHandler(defaultErrorHandler()
                        .maximumRedeliveries(-1)
                        .onExceptionOccurred(retryPolicy)
                        .retryWhile(exchangeProperty(ProviderRetryPolicy.RETRY))
                        .logExhausted(false)
                        .logRetryAttempted(false))
                .process(exchange -> exchange.setProperty(CALL, provider.dialect().request(provider.settings(),
                        exchange.getMessage().getBody(TranslationRequest.class))))
                // redelivery goes round the keys again; inside, failures must reach the load balancer untouched
                .to(keysEndpoint(provider))
                .process(exchange -> {
                    Reply reply = exchange.getMessage().getBody(Reply.class);
                    String model = reply.model() != null ? reply.model() : provider.settings().model();
                    exchange.getMessage().setBody(new Translation(provider.name(), model, reply.text(), reply.usage()));
                });

        List<ApiKey> keys = provider.keys().keys();
        LoadBalanceDefinition lanes = from(keysEndpoint(provider)).routeId("provider-" + provider.name() + "-keys")
                .errorHandler(noErrorHandler())
                .loadBalance()
                .failover(keys.size() - 1, false, true,
                        KeyUnusableException.class, TransientProviderException.class, InvalidReplyException.class,
                        IOException.class);
        for (int lane = 0; lane < keys.size(); lane++) {
            lanes.to(laneEndpoint(provider, lane));
        }
        lanes.end();
    }

    private void laneRoute(ProviderInstance provider, int lane) {
        ApiKey key = provider.keys().keys().get(lane);
        String routeId = "provider-" + provider.name() + "-key-" + (lane + 1);
        KeyLaneLimit limit = new KeyLaneLimit(routeId, provider.settings().concurrency());
        ProcessorDefinition<?> route = from(laneEndpoint(provider, lane)).routeId(routeId)
                .errorHandler(noErrorHandler())
                // a streamed reply must reach the reader as it arrives, not after Camel cached it
                .noStreamCaching();
        if (provider.settings().rpm() != null) {
            route = route.throttle(provider.settings().rpm()).timePeriodMillis(60_000);
        }
        route.doTry()
                    .process(limit::acquire)
                    .process(new KeyGate(provider.keys(), key))
                    .process(new HttpCallWriter(provider, key, providers.settings().defaultCooldown()))
                    .to("http://provider-" + provider.name() + "?throwExceptionOnFailure=false"
                            + "&disableStreamCache=true&responseTimeout=" + provider.settings().timeout().toMillis())
                    .process(new ReplyReader(provider, key, providers.settings().defaultCooldown()))
                .doFinally()
                    .process(limit::release)
                .end();
    }

    private static String keysEndpoint(ProviderInstance provider) {
        return endpoint(provider) + "-keys";
    }

    private static String laneEndpoint(ProviderInstance provider, int lane) {
        return endpoint(provider) + "-key-" + (lane + 1);
    }
}
