package dev.dragoman.observe;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import dev.dragoman.keys.InstanceBudget;
import dev.dragoman.keys.KeyState;
import dev.dragoman.provider.ProviderInstance;

/**
 * Whether a provider instance can translate now, and why (not): its circuit breaker and each key, masked, with its
 * state. A key counts while the pool would hand it out: active, resting past its time, or rejected with its re-probe
 * due. The last is what lets a probe in: an instance unready for good would get no text to probe its keys with when
 * only its readiness lets traffic reach it (a Kubernetes Service); it is unready again at once if the probe fails.
 */
record InstanceCondition(String instance, boolean canTranslate, String why) {

    static InstanceCondition of(ProviderInstance provider, Instant now) {
        if (provider.offline()) {
            return new InstanceCondition(provider.name(), true, "translates offline");
        }
        Optional<InstanceBudget.Closed> spent = provider.budget().closed();
        if (spent.isPresent()) {
            return new InstanceCondition(provider.name(), false, spent.get().reason() + " until " + spent.get().until());
        }
        CircuitBreaker.State breaker = provider.breaker().getState();
        String keys = provider.keys().keys().stream()
                .map(key -> describe(provider.keys().label(key), provider.keys().state(key), now))
                .collect(Collectors.joining(", "));
        String state = "circuit breaker " + breaker.name().toLowerCase() + "; keys: " + keys;
        if (breaker == CircuitBreaker.State.OPEN || breaker == CircuitBreaker.State.FORCED_OPEN) {
            return new InstanceCondition(provider.name(), false, "circuit breaker open (" + state + ")");
        }
        boolean keyUsable = provider.keys().keys().stream().anyMatch(key -> provider.keys().state(key).claimableAt(now));
        return keyUsable ? new InstanceCondition(provider.name(), true, state)
                : new InstanceCondition(provider.name(), false, "no usable key (" + state + ")");
    }

    private static String describe(String label, KeyState state, Instant now) {
        // Camel's health endpoint escapes messages twice, which would show the mask's ellipsis as \u2026
        String masked = label.replace("\u2026", "...");
        return switch (state.status()) {
            case ACTIVE -> masked + " active";
            case COOLING -> state.usableAt(now) ? masked + " active" : masked + " resting until " + state.until();
            case REJECTED -> state.claimableAt(now) ? masked + " rejected, re-probe due"
                    : masked + " rejected, re-probe from " + state.until();
            case PROBING -> masked + " rejected, being probed";
        };
    }

    /** As the health checks' details and messages show it. */
    String summary() {
        return (canTranslate ? "UP: " : "DOWN: ") + why;
    }
}
