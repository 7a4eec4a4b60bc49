package dev.dragoman.kafka;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.throttling.ThrottlingExceptionHalfOpenHandler;

import dev.dragoman.config.Providers;

/**
 * The paused Kafka stream reads again only once some provider instance could translate. The instances are looked up
 * when asked: the route files' beans are made before the {@code providers} bean is bound.
 */
public final class ProvidersAvailable implements ThrottlingExceptionHalfOpenHandler, CamelContextAware {

    private CamelContext context;

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    public boolean isReadyToBeClosed() {
        return context.getRegistry().lookupByNameAndType("providers", Providers.class).available();
    }
}
