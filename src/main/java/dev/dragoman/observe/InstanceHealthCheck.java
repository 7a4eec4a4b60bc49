package dev.dragoman.observe;

import java.time.Clock;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import dev.dragoman.provider.ProviderInstance;

/**
 * {@code dragoman-instance-<name>}: DOWN while the instance cannot translate ({@link InstanceCondition}). Neither a
 * readiness nor a liveness check: one instance down does not make Dragoman unready while another can translate
 * ({@link InstancesReadinessCheck} decides that); it shows in the full report, {@code /observe/health}.
 */
final class InstanceHealthCheck extends AbstractHealthCheck {

    private final ProviderInstance provider;
    private final Clock clock;

    InstanceHealthCheck(ProviderInstance provider, Clock clock) {
        super(HealthChecks.GROUP, "dragoman-instance-" + provider.name());
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        InstanceCondition condition = InstanceCondition.of(provider, clock.instant());
        builder.detail("instance", provider.name()).detail("condition", condition.summary())
                .message(provider.name() + ": " + condition.why());
        if (condition.canTranslate()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
