package dev.dragoman.observe;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Camel's route metrics ({@code camel_exchanges_*}, {@code camel_route_*}) for the routes that take texts in: HTTP,
 * the file drop, Kafka, the web console. A text passes about ten internal routes on its way ({@code direct:}
 * translate, dispatch, the instance, its breaker, its key lanes …), and Camel's own route policy
 * ({@code camel.metrics.enableRoutePolicy}) would time each hop of each text: a timer and counters looked up and a
 * name built per hop, several per cent of the CPU a request costs, for series that only restate the entry route's.
 * Dragoman's own series ({@code dragoman_*}) count what happens inside.
 */
public final class EntryRouteMetrics extends MicrometerRoutePolicyFactory {

    public EntryRouteMetrics(MeterRegistry registry) {
        setMeterRegistry(registry);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return internal(route) ? null : super.createRoutePolicy(camelContext, routeId, route);
    }

    private static boolean internal(NamedNode route) {
        return route instanceof RouteDefinition definition && definition.getInput() != null
                && definition.getInput().getEndpointUri().startsWith("direct:");
    }
}
