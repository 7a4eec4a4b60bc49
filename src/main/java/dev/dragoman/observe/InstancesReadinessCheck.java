package dev.dragoman.observe;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import dev.dragoman.config.Providers;

/**
 * {@code dragoman-instances}, the readiness check: DOWN only when no provider instance can translate (every key
 * rejected or resting, or every breaker open), since any one instance that can translate serves every text. Its
 * message names each instance that cannot and why; its details ({@code ?data=true}) give every instance's condition.
 */
final class InstancesReadinessCheck extends AbstractHealthCheck {

    private final Providers providers;
    private final Clock clock;

    InstancesReadinessCheck(Providers providers, Clock clock) {
        super(HealthChecks.GROUP, "dragoman-instances");
        this.providers = providers;
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Instant now = clock.instant();
        List<InstanceCondition> conditions = providers.all().stream()
                .map(provider -> InstanceCondition.of(provider, now)).toList();
        conditions.forEach(condition -> builder.detail(condition.instance(), condition.summary()));
        builder.detail("cluster-store", providers.sharing().summary());
        String down = conditions.stream().filter(condition -> !condition.canTranslate())
                .map(condition -> condition.instance() + ": " + condition.why()).collect(Collectors.joining("; "));
        if (conditions.stream().anyMatch(InstanceCondition::canTranslate)) {
            builder.up().message(down.isEmpty() ? "every provider instance can translate" : "cannot translate: " + down);
        } else {
            builder.down().message("no provider instance can translate: " + down);
        }
    }
}
