package dev.dragoman.observe;

import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.dragoman.config.Providers;
import dev.dragoman.provider.ProviderInstance;

/**
 * Dragoman's health checks, bound in Camel's registry, where Camel's health-check registry finds them at start
 * ({@code camel.management.health-*} serves them): {@code dragoman-instances} for readiness and one
 * {@code dragoman-instance-<name>} per instance. And {@code dragoman_ready}, 1 while readiness (every readiness check
 * Camel runs, its own included) is UP, for alerts.
 */
public final class HealthChecks {

    static final String GROUP = "dragoman";

    private HealthChecks() {
    }

    public static void bind(CamelContext context, Providers providers, MeterRegistry registry, Clock clock) {
        InstancesReadinessCheck readiness = new InstancesReadinessCheck(providers, clock);
        context.getRegistry().bind(readiness.getId(), readiness);
        for (ProviderInstance provider : providers.all()) {
            InstanceHealthCheck check = new InstanceHealthCheck(provider, clock);
            context.getRegistry().bind(check.getId(), check);
        }
        Gauge.builder("dragoman.ready", context,
                        camel -> HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(camel), true) ? 1 : 0)
                .description("1 while readiness (/observe/health/ready) is UP, 0 while it is DOWN")
                .strongReference(true)
                .register(registry);
    }
}
