package dev.dragoman.observe;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.InstanceBudget;
import dev.dragoman.keys.KeyRates;
import dev.dragoman.keys.RateLimit;
import dev.dragoman.provider.ProviderInstance;

/**
 * What is left of an instance's budgets, over the whole group when it shares a store:
 * {@code dragoman_key_budget_remaining{instance,key,kind}} per key for {@code rpm} and {@code tpm} (what the key's
 * bucket holds now), and with {@code key="all"} for the instance's {@code budget} and {@code tokens-per-day}; and
 * {@code dragoman_spend_total{instance,period}}, what the instance spent in its budget's period at its prices. Only the
 * limits an instance has are registered.
 */
final class BudgetGauges {

    private static final String REMAINING = "dragoman.key.budget.remaining";
    private static final String DESCRIPTION = "What is left of a limit now: requests or tokens in the key's minute"
            + " bucket (rpm, tpm), or of the instance's budget and tokens-per-day in their period (key all)";

    private BudgetGauges() {
    }

    static void register(MeterRegistry registry, ProviderInstance provider) {
        String instance = provider.name();
        KeyRates rates = provider.keys().rates();
        for (RateLimit limit : rates.limits()) {
            for (ApiKey key : provider.keys().keys()) {
                Gauge.builder(REMAINING, rates, each -> Math.max(0, each.remaining(key, limit.kind()).orElse(0)))
                        .description(DESCRIPTION)
                        .tag("instance", instance).tag("key", provider.keys().label(key)).tag("kind", limit.kind().label())
                        .register(registry);
            }
        }
        InstanceBudget budget = provider.budget();
        if (budget.limits().budget() != null) {
            instanceGauge(registry, instance, budget, "budget", InstanceBudget::budgetRemaining);
        }
        if (budget.limits().tokensPerDay() != null) {
            instanceGauge(registry, instance, budget, "tokens-per-day", InstanceBudget::tokensRemaining);
        }
        if (budget.limits().any()) {
            // a counter for its name's sake (Prometheus gives gauges no _total); it starts again when the period turns,
            // which Prometheus's rate() takes as a reset
            FunctionCounter.builder("dragoman.spend", budget, InstanceBudget::spend)
                    .description("What the instance spent in its budget's period (budget-period) at its prices,"
                            + " over the group; from 0 again when the period turns")
                    .tag("instance", instance).tag("period", budget.limits().period().name().toLowerCase())
                    .register(registry);
        }
    }

    private static void instanceGauge(MeterRegistry registry, String instance, InstanceBudget budget, String kind,
            ToDoubleFunction<InstanceBudget> remaining) {
        Gauge.builder(REMAINING, budget, remaining).description(DESCRIPTION)
                .tag("instance", instance).tag("key", "all").tag("kind", kind)
                .register(registry);
    }
}
