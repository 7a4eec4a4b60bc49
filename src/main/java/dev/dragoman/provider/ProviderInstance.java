package dev.dragoman.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import dev.dragoman.keys.InstanceBudget;
import dev.dragoman.keys.KeyPool;
import dev.dragoman.keys.KeyRules;
import dev.dragoman.keys.KeyStores;
import dev.dragoman.keys.SpendLedger;
import dev.dragoman.keys.SpendLimits;

/**
 * A configured provider at run time: its settings, the engine of its dialect, the live state of its keys, and the
 * circuit breaker that stops calls to it while it is down (null for offline instances, which never fail), and when it
 * last translated well.
 */
public record ProviderInstance(ProviderSettings settings, Engine engine, KeyPool keys, CircuitBreaker breaker,
        GoodReplies goodReplies, InstanceBudget budget) {

    public static ProviderInstance of(ProviderSettings settings, KeyRules keyRules, BreakerRules breakerRules) {
        return of(settings, KeyStores.inProcess(), keyRules, breakerRules);
    }

    /** @param stores where its keys' states and call slots are kept: this process, or the store the group shares */
    public static ProviderInstance of(ProviderSettings settings, KeyStores stores, KeyRules keyRules,
            BreakerRules breakerRules) {
        Engine engine = Dialects.byName(settings.dialect()).orElseThrow().engine(settings);
        KeyPool keys = new KeyPool(settings.keys(), stores.states(settings.name(), settings.keys()),
                stores.slots(settings.name(), settings.keys(), settings.concurrency()),
                stores.rates(settings.name(), settings.keys(), settings.rpm(), settings.option(ProviderOptions.TPM)),
                keyRules, Clock.systemUTC());
        return new ProviderInstance(settings, engine, keys,
                engine instanceof WireFormat ? ProviderBreaker.create(settings.name(), breakerRules) : null,
                new GoodReplies(), budget(settings, stores));
    }

    private static InstanceBudget budget(ProviderSettings settings, KeyStores stores) {
        Double price = settings.option(ProviderOptions.PRICE_PROMPT);
        Double completionPrice = settings.option(ProviderOptions.PRICE_COMPLETION);
        Double budget = settings.option(ProviderOptions.BUDGET);
        if (budget != null && price == null && completionPrice == null) {
            throw new ConfigurationException("dragoman.provider." + settings.name() + ".budget needs price-prompt or"
                    + " price-completion: the budget is spent at those prices");
        }
        Integer tokens = settings.option(ProviderOptions.TOKENS_PER_DAY);
        SpendLimits limits = new SpendLimits(budget, settings.option(ProviderOptions.BUDGET_PERIOD),
                tokens == null ? null : tokens.longValue());
        return new InstanceBudget(settings.name(), limits, price, completionPrice,
                limits.any() ? stores.ledger(settings.name()) : SpendLedger.inProcess(), Clock.systemUTC());
    }

    public String name() {
        return settings.name();
    }

    /** Offline instances (the pseudo-localiser) answer without HTTP, keys or load balancing. */
    public boolean offline() {
        return engine instanceof LocalTranslator;
    }

    /** The wire format of an instance that is not {@link #offline()}. */
    public WireFormat wire() {
        if (engine instanceof WireFormat wire) {
            return wire;
        }
        throw new IllegalStateException(name() + " translates offline, with no wire format");
    }

    /**
     * Whether a call could be sent now: offline instances always can, others while their breaker is not open and some
     * key is usable or due for its re-probe. Sources ask this to pause rather than fail every message while no
     * instance can translate.
     */
    public boolean available() {
        return timeUntilAvailable().isZero();
    }

    /**
     * How long until a call could be sent: zero when one can now; while the breaker is open, at most its wait in the
     * open state; otherwise until the first key is usable again (a rejected key: until its re-probe). An instance out
     * of budget is unavailable until its period turns.
     */
    public Duration timeUntilAvailable() {
        if (offline()) {
            return Duration.ZERO;
        }
        Duration budgetOpen = budget.timeUntilOpen();
        if (!budgetOpen.isZero()) {
            return budgetOpen;
        }
        Duration keyFree = keys.timeUntilUsable().orElse(ChronoUnit.FOREVER.getDuration());
        if (breaker.getState() == CircuitBreaker.State.OPEN) {
            Duration openWait = Duration.ofMillis(
                    breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
            return keyFree.compareTo(openWait) > 0 ? keyFree : openWait;
        }
        return keyFree;
    }

    /** How many requests this instance can have in flight: one lane per key, each with its concurrency. */
    public int capacity() {
        return Math.max(1, keys.keys().size()) * settings.concurrency();
    }
}
