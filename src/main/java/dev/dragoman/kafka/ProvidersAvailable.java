package dev.dragoman.kafka;

import org.apache.camel.throttling.ThrottlingExceptionHalfOpenHandler;

import dev.dragoman.config.Providers;

/** The paused Kafka stream reads again only once some provider instance could translate. */
public final class ProvidersAvailable implements ThrottlingExceptionHalfOpenHandler {

    private final Providers providers;

    public ProvidersAvailable(Providers providers) {
        this.providers = providers;
    }

    @Override
    public boolean isReadyToBeClosed() {
        return providers.available();
    }
}
