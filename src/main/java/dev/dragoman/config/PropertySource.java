package dev.dragoman.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.dragoman.provider.ConfigurationException;
import dev.dragoman.provider.OptionType;

/**
 * Typed access to the resolved properties, with errors that name the property. Values come from Camel's properties
 * component, so {@code -D} options, {@code DRAGOMAN_CONFIG} and environment variables have already been applied.
 * <p>
 * A property application.properties declares has its default there and only there: it is read with a
 * {@code required…} method, and one missing from every source stops start-up with a line that names it. The options
 * of a provider instance, which no file can declare for every name, have theirs in their descriptors
 * ({@link dev.dragoman.provider.ProviderOption}).
 */
public final class PropertySource {

    private final Function<String, Optional<String>> lookup;

    public PropertySource(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** The value, stripped; empty when unset or blank. */
    public Optional<String> text(String name) {
        return lookup.apply(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    <T> Optional<T> value(String name, OptionType<T> type) {
        return text(name).map(value -> type.read(name, value));
    }

    public String required(String name) {
        return text(name).orElseThrow(() -> missing(name));
    }

    /** A list split on {@code separator}, blank items dropped. */
    public List<String> list(String name, String separatorRegex) {
        return text(name).map(value -> OptionType.split(value, separatorRegex)).orElse(List.of());
    }

    public int requiredInteger(String name) {
        return required(name, OptionType.WHOLE);
    }

    /** A whole number of at least 1, or {@code derived} when the property is empty. */
    public int positiveOr(String name, int derived) {
        return value(name, OptionType.POSITIVE).orElse(derived);
    }

    int requiredPositive(String name) {
        return required(name, OptionType.POSITIVE);
    }

    public boolean requiredFlag(String name) {
        return required(name, OptionType.FLAG);
    }

    public Duration requiredDuration(String name) {
        return required(name, OptionType.DURATION);
    }

    private <T> T required(String name, OptionType<T> type) {
        return value(name, type).orElseThrow(() -> missing(name));
    }

    private static ConfigurationException missing(String name) {
        return new ConfigurationException(name + " is missing");
    }
}
