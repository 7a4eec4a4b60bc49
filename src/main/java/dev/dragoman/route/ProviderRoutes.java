package dev.dragoman.route;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.BeanInject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.LoadBalanceDefinition;
import org.apache.camel.model.TryDefinition;

import dev.dragoman.check.SegmentChecks;
import dev.dragoman.config.Providers;
import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.ClientBudgets;
import dev.dragoman.keys.InstanceBudget;
import dev.dragoman.memory.TranslationMemory;
import dev.dragoman.observe.InstanceMeters;
import dev.dragoman.observe.ProviderMeters;
import dev.dragoman.provider.BatchPrompt;
import dev.dragoman.provider.InstanceClosedException;
import dev.dragoman.provider.KeyUnusableException;
import dev.dragoman.provider.LocalTranslator;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.Reply;
import dev.dragoman.provider.ReplyBuilder;
import dev.dragoman.translate.BatchRepairs;
import dev.dragoman.translate.BatchTranslation;
import dev.dragoman.translate.DeltaListener;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.Translation;
import dev.dragoman.translate.TranslationHeaders;
import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationRequest;
import dev.dragoman.translate.UsageShares;

/**
 * Routes generated from configuration, per provider instance: {@code direct:provider-<name>} takes a text, or a
 * {@link TranslationBatch} whose parts {@link BatchCall} sends one call each; {@code direct:provider-<name>-call}
 * owns the retry policy and repeats {@code direct:provider-<name>-attempt}, which prepares a call through the
 * instance's dialect and runs it inside the instance's circuit breaker (Resilience4j, {@link BreakerGate});
 * {@code direct:provider-<name>-keys} is a failover load balancer in
 * round-robin mode over one lane per key ({@code direct:provider-<name>-key-<n>}). A lane bounds its key's in-flight
 * requests ({@link KeyLaneLimit}) and rate (throttle EIP), skips a key that is rejected or resting, calls the provider
 * once within the call's time ({@link CallTimer}), reads the reply, and records the call in the metrics
 * ({@link CallMeter}). A key that cannot be used now fails over to
 * the next key at once; a transient fault or an invalid reply goes back to {@link ProviderRetryPolicy}, which backs
 * off before the balancer's next key is tried, so an outage costs a few calls per text, not a few per key. A text the
 * translation memory has never reaches the call ({@link InstanceMemory}); the offline pseudo-localiser costs nothing
 * and is not remembered.
 */
public class ProviderRoutes extends RouteBuilder {

    @BeanInject
    Providers providers;

    @BeanInject
    TranslationMemory translationMemory;

    @BeanInject
    BatchRepairs batchRepairs;

    @BeanInject
    ProviderMeters providerMeters;

    @BeanInject
    Redeliveries redeliveries;

    @BeanInject
    ClientBudgets clientBudgets;

    @Override
    public void configure() {
        ScheduledExecutorService timers = getContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "dragoman-call-timer");
        getContext().getRegistry().bind("dragomanCallTimer", CallTimer.CLIENT_CONFIGURER);
        for (ProviderInstance provider : providers.all()) {
            if (provider.engine() instanceof LocalTranslator local) {
                offlineRoute(provider, local);
            } else {
                InstanceMeters meters = providerMeters.instance(provider);
                TokensInVain inVain = new TokensInVain(provider.name());
                ReplyChecks checks = new ReplyChecks(SegmentChecks.of(provider.settings().checks()), meters, inVain);
                providerRoute(provider, checks, inVain);
                CallTimer timer = new CallTimer(timers, provider.settings().timeout());
                for (int lane = 0; lane < provider.keys().keys().size(); lane++) {
                    laneRoute(provider, lane, timer, meters, checks, inVain);
                }
            }
        }
    }

    static String endpoint(ProviderInstance provider) {
        return "direct:provider-" + provider.name();
    }

    private void offlineRoute(ProviderInstance provider, LocalTranslator translator) {
        from(endpoint(provider)).routeId("provider-" + provider.name())
                .errorHandler(noErrorHandler())
                .process(exchange -> {
                    if (exchange.getMessage().getBody() instanceof TranslationBatch batch) {
                        // nothing to save by batching what costs no call
                        List<Object> translations = new ArrayList<>(batch.size());
                        for (TranslationRequest request : batch.requests()) {
                            translations.add(offline(provider, translator, exchange, request));
                        }
                        exchange.getMessage().setBody(new BatchTranslation(translations));
                    } else {
                        exchange.getMessage().setBody(offline(provider, translator, exchange,
                                exchange.getMessage().getBody(TranslationRequest.class)));
                    }
                });
    }

    private static Translation offline(ProviderInstance provider, LocalTranslator translator, Exchange exchange,
            TranslationRequest request) throws ProviderException {
        // through a ReplyBuilder like any reply, so that a streaming caller hears it too
        Reply reply = new ReplyBuilder(exchange.getProperty(ExchangeKeys.DELTAS, DeltaListener.NONE,
                DeltaListener.class)).append(translator.translate(request)).build();
        return new Translation(provider.name(), provider.settings().model(), reply.text(), null);
    }

    private void providerRoute(ProviderInstance provider, ReplyChecks checks, TokensInVain inVain) {
        InstanceMemory memory = new InstanceMemory(translationMemory, provider);
        BreakerGate breaker = new BreakerGate(provider.breaker());
        ProviderRetryPolicy retryPolicy = new ProviderRetryPolicy(provider, providers.settings().retry(), breaker);
        // a batch's parts are calls of their own: its entry route has no error handler, the call route retries
        from(endpoint(provider)).routeId("provider-" + provider.name())
                .errorHandler(noErrorHandler())
                .choice()
                    .when(body().isInstanceOf(TranslationBatch.class))
                        .process(new BatchCall(provider, callEndpoint(provider), batchRepairs,
                                getContext().createProducerTemplate(), memory, checks, inVain,
                                providers.settings().retry().transientRetries()))
                    .otherwise()
                        .process(memory::recall)
                        // a text the memory had is translated already: no call
                        .filter(body().isInstanceOf(TranslationRequest.class))
                            // the call, each of its attempts, and the key lane that checks the reply read it here
                            .process(exchange -> exchange.setProperty(ExchangeKeys.REQUEST,
                                    exchange.getMessage().getBody()))
                            .to(callEndpoint(provider))
                            .process(memory::remember)
                        .end()
                .end();

        // One step, the whole attempt: the redelivery error handler copies the exchange before each step of its
        // route, in case the step is redelivered, so every step here would cost a copy per call. A redelivery repeats
        // the attempt, breaker and all; the backoff before it, or the wait for a resting key, holds no thread
        // (Redeliveries).
        from(callEndpoint(provider)).routeId("provider-" + provider.name() + "-call")
                .errorHandler(defaultErrorHandler()
                        .maximumRedeliveries(-1)
                        .asyncDelayedRedelivery()
                        .executorService(redeliveries)
                        .onExceptionOccurred(retryPolicy)
                        .retryWhile(exchangeProperty(ExchangeKeys.RETRY))
                        .logExhausted(false)
                        .logRetryAttempted(false))
                .to(attemptEndpoint(provider));

        // an attempt reads its text from the REQUEST property, not the body, which a failed attempt leaves as it was;
        // failures reach the call route's retry policy untouched, which tells the breaker of them (BreakerGate)
        from(attemptEndpoint(provider)).routeId("provider-" + provider.name() + "-attempt")
                .errorHandler(noErrorHandler())
                .process(exchange -> {
                    refuseWhenClosed(provider, exchange);
                    Integer batchSize = exchange.getProperty(ExchangeKeys.BATCH_SIZE, Integer.class);
                    exchange.setProperty(ExchangeKeys.CALL, provider.wire().request(batchSize == null
                            ? provider.settings() : BatchPrompt.settings(provider.settings(), batchSize),
                            exchange.getProperty(ExchangeKeys.REQUEST, TranslationRequest.class)));
                })
                .process(breaker::enter)
                .to(keysEndpoint(provider))
                .process(breaker::passed)
                .process(exchange -> {
                    Reply reply = exchange.getMessage().getBody(Reply.class);
                    String model = reply.model() != null ? reply.model() : provider.settings().model();
                    // the text's replies before this one that were no translation are paid for too
                    exchange.getMessage().setBody(new Translation(provider.name(), model, reply.text(),
                            UsageShares.plus(reply.usage(), inVain.take(exchange))));
                    // a batch's reply is good once its segments align (BatchCall)
                    if (exchange.getProperty(ExchangeKeys.BATCH_SIZE) == null) {
                        provider.goodReplies().translated();
                    }
                });

        List<ApiKey> keys = provider.keys().keys();
        LoadBalanceDefinition lanes = from(keysEndpoint(provider)).routeId("provider-" + provider.name() + "-keys")
                .errorHandler(noErrorHandler())
                .loadBalance()
                .failover(keys.size() - 1, false, true, KeyUnusableException.class);
        for (int lane = 0; lane < keys.size(); lane++) {
            lanes.to(laneEndpoint(provider, lane));
        }
        lanes.end();
    }

    /**
     * An instance that spent its budget takes no call until its period turns, nor one for a client that may not use
     * it: the next instance takes over.
     */
    private void refuseWhenClosed(ProviderInstance provider, Exchange exchange) throws InstanceClosedException {
        if (provider.budget().limits().any()) {
            Optional<InstanceBudget.Closed> closed = provider.budget().closed();
            if (closed.isPresent()) {
                throw InstanceClosedException.spent(provider.name() + ": " + closed.get().reason() + " until "
                        + closed.get().until(), Duration.between(Instant.now(), closed.get().until()));
            }
        }
        String client = exchange.getProperty(ExchangeKeys.CLIENT, String.class);
        if (client != null && !clientBudgets.allows(client, provider.name())) {
            throw InstanceClosedException.notAllowed(provider.name() + ": client " + client
                    + " may use only " + clientBudgets.instances(client) + " (dragoman.http.clients)");
        }
    }

    private void laneRoute(ProviderInstance provider, int lane, CallTimer timer, InstanceMeters meters,
            ReplyChecks checks, TokensInVain inVain) {
        ApiKey key = provider.keys().keys().get(lane);
        CallMeter meter = new CallMeter(meters.key(key));
        String routeId = "provider-" + provider.name() + "-key-" + (lane + 1);
        KeyLaneLimit limit = new KeyLaneLimit(routeId, provider.settings().concurrency(), provider.keys().slots(),
                key, redeliveries);
        Duration defaultCooldown = providers.settings().keys().defaultCooldown();
        KeyLaneBudget budget = KeyLaneBudget.needed(provider) || clientBudgets.spending()
                ? new KeyLaneBudget(routeId, provider, key, clientBudgets, redeliveries) : null;
        TryDefinition call = from(laneEndpoint(provider, lane)).routeId(routeId)
                .errorHandler(noErrorHandler())
                // a streamed reply must reach the reader as it arrives, not after Camel cached it
                .noStreamCaching()
                .doTry()
                    .process(limit)
                    .process(new KeyGate(provider.keys(), key));
        if (budget != null) {
            call.process(budget);
        }
        call.process(new HttpCallWriter(provider, key, defaultCooldown))
                    .process(timer::start)
                    .process(meter::sent)
                    .to("http://provider-" + provider.name() + "?throwExceptionOnFailure=false"
                            + "&disableStreamCache=true" + CallTimer.ENDPOINT_PARAMETERS
                            + ProxyParameters.of(provider.settings()))
                    .process(timer::watch)
                    .process(new ReplyReader(provider, key, defaultCooldown, inVain))
                    .process(checks)
                    .process(meter::answered)
                    .process(exchange -> KeyVerdicts.answered(provider, key))
                .doFinally()
                    .process(HttpCallWriter::forgetAuth)
                    .process(meter::done)
                    .process(timer::stop);
        if (budget != null) {
            call.process(budget::settle);
        }
        // the call's tokens are counted: the text's next call starts without them
        call.removeProperty(ExchangeKeys.BILLED)
                    .process(limit::release)
                    // a probe that got no verdict (a reset, a timeout) leaves the key to the next probe
                    .process(exchange -> provider.keys().endProbe(key))
                .end();
    }

    private static String callEndpoint(ProviderInstance provider) {
        return endpoint(provider) + "-call";
    }

    private static String attemptEndpoint(ProviderInstance provider) {
        return endpoint(provider) + "-attempt";
    }

    private static String keysEndpoint(ProviderInstance provider) {
        return endpoint(provider) + "-keys";
    }

    private static String laneEndpoint(ProviderInstance provider, int lane) {
        return endpoint(provider) + "-key-" + (lane + 1);
    }
}
