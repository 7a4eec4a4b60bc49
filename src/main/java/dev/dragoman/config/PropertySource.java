package dev.dragoman.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.util.TimeUtils;

import dev.dragoman.provider.ConfigurationException;

/**
 * Typed access to the resolved properties, with errors that name the property. Values come from Camel's properties
 * component, so {@code -D} options, {@code DRAGOMAN_CONFIG} and environment variables have already been applied.
 * <p>
 * A property application.properties declares has its default there and only there: it is read with a
 * {@code required…} method, and one missing from every source stops start-up with a line that names it. Fallbacks in
 * code are for the options of a provider instance, which no file can declare for every name.
 */
public final class PropertySource {

    private final Function<String, Optional<String>> lookup;

    public PropertySource(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    Optional<String> text(String name) {
        return lookup.apply(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    public String required(String name) {
        return text(name).orElseThrow(() -> missing(name));
    }

    /** A list split on {@code separator}, blank items dropped. */
    public List<String> list(String name, String separatorRegex) {
        return text(name).map(value -> Arrays.stream(value.split(separatorRegex))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList()).orElse(List.of());
    }

    Double decimal(String name) {
        return parse(name, Double::valueOf, "a number");
    }

    Integer integer(String name) {
        return parse(name, Integer::valueOf, "a whole number");
    }

    public int requiredInteger(String name) {
        return Optional.ofNullable(integer(name)).orElseThrow(() -> missing(name));
    }

    int requiredPositive(String name) {
        return positive(name, requiredInteger(name));
    }

    int positive(String name, int fallback) {
        Integer value = integer(name);
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new ConfigurationException(name + " must be at least 1, not " + value);
        }
        return value;
    }

    boolean flag(String name, boolean fallback) {
        return text(name).map(value -> switch (value.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(name + " must be true or false, not '" + value + "'");
        }).orElse(fallback);
    }

    /** A duration as Camel writes them: {@code 500} (milliseconds), {@code 30s}, {@code 1m30s}. */
    Duration duration(String name, Duration fallback) {
        Long millis = parse(name, TimeUtils::toMilliSeconds, "a duration such as 30s or 1500");
        return millis == null ? fallback : Duration.ofMillis(millis);
    }

    public Duration requiredDuration(String name) {
        return Optional.ofNullable(duration(name, null)).orElseThrow(() -> missing(name));
    }

    private static ConfigurationException missing(String name) {
        return new ConfigurationException(name + " is missing");
    }

    private <T> T parse(String name, Function<String, T> parser, String expected) {
        return text(name).map(value -> {
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                throw new ConfigurationException(name + " must be " + expected + ", not '" + value + "'");
            }
        }).orElse(null);
    }
}
