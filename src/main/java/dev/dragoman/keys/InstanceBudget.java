package dev.dragoman.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spend and token limits of one instance ({@link SpendLimits}) against what it used ({@link SpendLedger}). Once
 * either is reached the instance takes no calls until its period turns: the next instance takes over, and sources
 * pause while none can translate. While the group's store cannot be reached, each process may use only its share of
 * what was left when it last saw the group, so the processes together never overspend.
 */
public final class InstanceBudget {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceBudget.class);
    private static final double PER_MILLION = 1_000_000d;

    private final String instance;
    private final SpendLimits limits;
    private final double pricePrompt;
    private final double priceCompletion;
    private final SpendLedger ledger;
    private final Clock clock;
    /** The limit and period last reported reached, so that each is logged once. */
    private final AtomicReference<String> reported = new AtomicReference<>();

    /**
     * @param pricePrompt     the price of a million prompt tokens, or null
     * @param priceCompletion the price of a million completion tokens, or null
     */
    public InstanceBudget(String instance, SpendLimits limits, Double pricePrompt, Double priceCompletion,
            SpendLedger ledger, Clock clock) {
        this.instance = instance;
        this.limits = limits;
        this.pricePrompt = pricePrompt == null ? 0 : pricePrompt;
        this.priceCompletion = priceCompletion == null ? 0 : priceCompletion;
        this.ledger = ledger;
        this.clock = clock;
    }

    public SpendLimits limits() {
        return limits;
    }

    /** Counts a call's tokens, as the provider counted them, at this instance's prices. */
    public void spent(long promptTokens, long completionTokens) {
        spent(promptTokens + completionTokens, cost(promptTokens, completionTokens));
    }

    /** Counts tokens and what they cost. */
    public void spent(long tokens, double cost) {
        if (!limits.any()) {
            return;
        }
        SpendLedger.Spent spent = new SpendLedger.Spent(tokens, cost);
        Instant now = clock.instant();
        ledger.add(SpendLimits.Period.DAY.at(now), spent);
        if (limits.period() == SpendLimits.Period.MONTH) {
            ledger.add(SpendLimits.Period.MONTH.at(now), spent);
        }
    }

    /** What the tokens cost at this instance's prices. */
    public double cost(long promptTokens, long completionTokens) {
        return (promptTokens * pricePrompt + completionTokens * priceCompletion) / PER_MILLION;
    }

    /** Why the instance takes no calls now, and until when; empty while it may. */
    public Optional<Closed> closed() {
        Instant now = clock.instant();
        if (limits.tokensPerDay() != null && reached(SpendLimits.Period.DAY.at(now), limits.tokensPerDay(),
                SpendLedger.Spent::tokens)) {
            return Optional.of(report(new Closed("tokens-per-day " + limits.tokensPerDay() + " reached",
                    SpendLimits.Period.DAY.next(now))));
        }
        if (limits.budget() != null && reached(limits.period().at(now), limits.budget(), SpendLedger.Spent::cost)) {
            return Optional.of(report(new Closed("budget " + limits.budget() + " a "
                    + limits.period().name().toLowerCase() + " spent", limits.period().next(now))));
        }
        return Optional.empty();
    }

    /** How long until the instance may take calls again: zero while it may. */
    public Duration timeUntilOpen() {
        return closed().map(closed -> Duration.between(clock.instant(), closed.until())).orElse(Duration.ZERO);
    }

    /** What the group spent in the budget's period now. */
    public double spend() {
        return ledger.total(limits.period().at(clock.instant())).cost();
    }

    /** What is left of the spend budget, or NaN without one. */
    public double budgetRemaining() {
        return limits.budget() == null ? Double.NaN : Math.max(0, limits.budget() - spend());
    }

    /** The tokens the group used today. */
    public long tokensToday() {
        return ledger.total(SpendLimits.Period.DAY.at(clock.instant())).tokens();
    }

    /** The tokens left today, or NaN without a limit. */
    public double tokensRemaining() {
        return limits.tokensPerDay() == null ? Double.NaN : Math.max(0, limits.tokensPerDay() - tokensToday());
    }

    private boolean reached(String period, double limit, ToDoubleFunction<SpendLedger.Spent> measure) {
        double total = measure.applyAsDouble(ledger.total(period));
        if (total >= limit) {
            return true;
        }
        int sharers = ledger.sharers();
        if (sharers <= 1) {
            return false;
        }
        double mine = measure.applyAsDouble(ledger.unshared(period));
        return mine >= (limit - (total - mine)) / sharers;
    }

    private Closed report(Closed closed) {
        String what = closed.reason() + " until " + closed.until();
        if (!what.equals(reported.getAndSet(what))) {
            LOG.warn("Instance {} takes no calls: {} {} (the next instance takes over, sources pause while none can"
                    + " translate)", instance, closed.reason(), "until " + closed.until());
        }
        return closed;
    }

    /** An instance out of budget, why, and until when. */
    public record Closed(String reason, Instant until) {
    }
}
