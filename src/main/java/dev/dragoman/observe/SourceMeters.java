package dev.dragoman.observe;

import java.time.Clock;
import java.util.List;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.camel.Exchange;

/**
 * What the sources asked for: {@code dragoman_translations_total{source,outcome}} for each text finished,
 * {@code dragoman_in_flight{source}} for the slots of each source's share taken, and the per-minute
 * {@link Activity} of {@code GET /usage}. Bound as {@code sourceMeters}.
 */
public class SourceMeters {

    private final MeterRegistry registry;
    private final Counter[][] translations = new Counter[Source.values().length][TranslationOutcome.values().length];
    private final Activity activity;

    public SourceMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.activity = new Activity(clock);
        for (Source source : Source.values()) {
            for (TranslationOutcome outcome : TranslationOutcome.values()) {
                translations[source.ordinal()][outcome.ordinal()] = Counter.builder("dragoman.translations")
                        .description("Texts (lines, records, texts of a request) finished, by source and outcome")
                        .tag("source", source.label()).tag("outcome", outcome.label())
                        .register(registry);
            }
        }
    }

    /** A text of the exchange's source finished; not counted when it came from no source Dragoman ships. */
    public void finished(Exchange exchange, TranslationOutcome outcome) {
        Source.of(exchange).ifPresent(source -> finished(source, outcome));
    }

    void finished(Source source, TranslationOutcome outcome) {
        translations[source.ordinal()][outcome.ordinal()].increment();
        activity.count(source);
    }

    /** The source's texts in flight, as what holds its share counts them. */
    public void inFlight(Source source, IntSupplier inFlight) {
        Gauge.builder("dragoman.in.flight", inFlight, IntSupplier::getAsInt)
                .description("Slots of the source's share (dragoman.<source>.max-in-flight) in use")
                .tag("source", source.label())
                .strongReference(true)
                .register(registry);
    }

    long translations(Source source, TranslationOutcome outcome) {
        return (long) translations[source.ordinal()][outcome.ordinal()].count();
    }

    List<Activity.Counts> activity() {
        return activity.lastMinutes();
    }
}
