package dev.dragoman.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keys of one provider instance and the state of each. The load balancer picks the lane; this pool only says
 * whether the lane's key may be used, and records what the provider answered about it. Nothing here is for good: a
 * rejected key is probed again after {@link KeyRules#recheck()}, with one real request, and a used-up quota rests the
 * key until the time the provider named.
 */
public final class KeyPool {

    private final List<ApiKey> keys;
    private final KeyStates states;
    private final KeySlots slots;
    private final KeyRates rates;
    private final KeyRules rules;
    private final Clock clock;
    private final Map<ApiKey, String> labels = new HashMap<>();

    public KeyPool(List<ApiKey> keys, KeyRules rules, Clock clock) {
        this(keys, KeyStates.inProcess(), KeySlots.inProcess(), KeyRates.unlimited(), rules, clock);
    }

    /**
     * @param states where the keys' states are kept: this process, or the store the group shares
     * @param slots the keys' call slots the group draws from
     * @param rates the keys' per-minute limits
     */
    public KeyPool(List<ApiKey> keys, KeyStates states, KeySlots slots, KeyRates rates, KeyRules rules,
            Clock clock) {
        this.keys = List.copyOf(keys);
        this.states = states;
        this.slots = slots;
        this.rates = rates;
        this.rules = rules;
        this.clock = clock;
        this.keys.forEach(Secrets::register);
        Map<String, Long> masks = this.keys.stream().distinct()
                .collect(Collectors.groupingBy(ApiKey::masked, Collectors.counting()));
        for (ApiKey key : this.keys) {
            labels.put(key, masks.get(key.masked()) == 1 ? key.masked() : key.masked() + " #" + key.shortHash());
        }
    }

    /**
     * The key as metrics, {@code /providers} and {@code /usage} show it: masked, and, when another key of the
     * instance masks the same (short keys, keys that end alike), with a short hash of it ({@code sk-…0001 #3fa2}), so
     * that each key has series of its own, the same whatever the keys' order.
     */
    public String label(ApiKey key) {
        return labels.getOrDefault(key, key.masked());
    }

    /** The keys' call slots, shared by the processes of a group. */
    public KeySlots slots() {
        return slots;
    }

    /** The keys' per-minute limits ({@code rpm}, {@code tpm}). */
    public KeyRates rates() {
        return rates;
    }

    public List<ApiKey> keys() {
        return keys;
    }

    public KeyRules rules() {
        return rules;
    }

    public KeyState state(ApiKey key) {
        return states.get(key);
    }

    public boolean usable(ApiKey key) {
        return state(key).usableAt(clock.instant());
    }

    /**
     * Whether a call may go out on the key now: yes when it is usable; for a rejected key whose re-probe is due, yes
     * for exactly one caller, whose call is the probe ({@link #succeeded} brings the key back).
     */
    public boolean claim(ApiKey key) {
        KeyState state = state(key);
        Instant now = clock.instant();
        if (state.usableAt(now)) {
            return true;
        }
        return state.claimableAt(now) && states.replace(key, state, state.probing(now.plus(rules.recheck())));
    }

    /** The provider answered a call on the key: a probed key is back in rotation. Says whether it was out. */
    public boolean succeeded(ApiKey key) {
        KeyState before = states.get(key);
        return before.outOfRotation() && states.replace(key, before, KeyState.ACTIVE);
    }

    /** A probe that got no verdict (the call failed for another reason): the next call may probe again. */
    public void endProbe(ApiKey key) {
        KeyState state = states.get(key);
        if (state.status() == KeyState.Status.PROBING) {
            states.replace(key, state, KeyState.rejectedUntil(clock.instant(), state.reason()));
        }
    }

    /** Takes the key out of rotation (401/403, invalid key) until its re-probe is due. */
    public void reject(ApiKey key, String reason) {
        states.put(key, KeyState.rejectedUntil(clock.instant().plus(rules.recheck()), reason));
    }

    /** Rests the key for the time the provider asked, within bounds, so one 429 never parks a key for a day. */
    public void cool(ApiKey key, Duration asked, String reason) {
        rest(key, clamp(asked, rules.maxCooldown()), reason);
    }

    /** A used-up quota or daily limit: rests the key until the time the provider named, else for the quota rest. */
    public void exhausted(ApiKey key, Optional<Duration> until, String reason) {
        rest(key, clamp(until.orElse(rules.quotaRest()), Duration.ofDays(1)), reason);
    }

    private void rest(ApiKey key, Duration rest, String reason) {
        KeyState resting = KeyState.coolingUntil(clock.instant().plus(rest), reason);
        for (KeyState current = states.get(key); !current.outOfRotation(); current = states.get(key)) {
            if (states.replace(key, current, resting)) {
                return;
            }
        }
    }

    private Duration clamp(Duration asked, Duration cap) {
        Duration atLeast = asked.compareTo(rules.minCooldown()) < 0 ? rules.minCooldown() : asked;
        return atLeast.compareTo(cap) > 0 ? cap : atLeast;
    }

    public boolean allRejected() {
        return !keys.isEmpty() && keys.stream().allMatch(key -> state(key).outOfRotation());
    }

    /**
     * How long until some key may be used again: zero if one is usable now or due for its re-probe; empty when the
     * instance has no keys.
     */
    public Optional<Duration> timeUntilUsable() {
        Instant now = clock.instant();
        return keys.stream()
                .map(this::state)
                .map(state -> switch (state.status()) {
                    case ACTIVE -> Duration.ZERO;
                    case PROBING -> rules.minCooldown();
                    case COOLING, REJECTED -> now.isBefore(state.until()) ? Duration.between(now, state.until())
                            : Duration.ZERO;
                })
                .min(Duration::compareTo);
    }
}
