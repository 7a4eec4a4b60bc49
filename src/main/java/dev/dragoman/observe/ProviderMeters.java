package dev.dragoman.observe;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import dev.dragoman.config.Providers;
import dev.dragoman.provider.ProviderInstance;

/**
 * The meters of every provider instance that calls out ({@link InstanceMeters}), made once at start from the
 * configured instances and keys; the key lanes take theirs when they are built. Bound as {@code providerMeters}.
 */
public class ProviderMeters {

    private final List<InstanceMeters> instances;

    public ProviderMeters(MeterRegistry registry, Providers providers, Clock clock) {
        this.instances = providers.all().stream().filter(provider -> !provider.offline())
                .map(provider -> new InstanceMeters(registry, provider, clock)).toList();
    }

    public InstanceMeters instance(ProviderInstance provider) {
        return instances.stream().filter(meters -> meters.instance().equals(provider.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no meters for " + provider.name()));
    }

    List<InstanceMeters> instances() {
        return instances;
    }
}
