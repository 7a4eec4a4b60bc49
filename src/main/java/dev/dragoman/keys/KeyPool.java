package dev.dragoman.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of one provider instance and the state of each. The load balancer picks the lane; this pool only says
 * whether the lane's key may be used, and records what the provider answered about it.
 */
public final class KeyPool {

    private final List<ApiKey> keys;
    private final Map<ApiKey, KeyState> states = new ConcurrentHashMap<>();
    private final Duration cooldownCap;
    private final Clock clock;

    public KeyPool(List<ApiKey> keys, Duration cooldownCap, Clock clock) {
        this.keys = List.copyOf(keys);
        this.cooldownCap = cooldownCap;
        this.clock = clock;
        this.keys.forEach(Secrets::register);
    }

    public List<ApiKey> keys() {
        return keys;
    }

    public KeyState state(ApiKey key) {
        return states.getOrDefault(key, KeyState.ACTIVE);
    }

    public boolean usable(ApiKey key) {
        return state(key).usableAt(clock.instant());
    }

    /** Takes the key out of rotation: the provider refused it (401/403, invalid key, quota or billing). */
    public void reject(ApiKey key, String reason) {
        states.put(key, KeyState.rejected(reason));
    }

    /** Rests the key for the time the provider asked, capped, so one 429 never parks a key for a day. */
    public void cool(ApiKey key, Duration asked, String reason) {
        Duration rest = asked.compareTo(cooldownCap) > 0 ? cooldownCap : asked;
        states.compute(key, (k, current) -> current != null && current.status() == KeyState.Status.REJECTED
                ? current
                : KeyState.coolingUntil(clock.instant().plus(rest), reason));
    }

    public boolean allRejected() {
        return keys.stream().allMatch(key -> state(key).status() == KeyState.Status.REJECTED);
    }

    /** How long until some key may be used again: zero if one is usable now, empty if every key is rejected. */
    public Optional<Duration> timeUntilUsable() {
        Instant now = clock.instant();
        return keys.stream()
                .map(this::state)
                .filter(state -> state.status() != KeyState.Status.REJECTED)
                .map(state -> state.usableAt(now) ? Duration.ZERO : Duration.between(now, state.until()))
                .min(Duration::compareTo);
    }
}
